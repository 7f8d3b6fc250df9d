import { Badge } from '@mantine/core';
import type { ReviewStatus, RuleSetStatus, ScreeningAction } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import type { FlagStatus } from './flags';
import { actionColor, actionSign, flagStatusColor, reviewStatusColor, ruleSetStatusColor } from './labels';

const dotBadge = { variant: 'dot', size: 'lg', tt: 'none', miw: 'max-content' } as const;

/** A decision in words ("Tạm giữ"); warn, hold and block are filled with a sign, so colour is never alone. */
export function ActionBadge({ action, testId }: { action: ScreeningAction; testId?: string }) {
  const { t } = useTranslation();
  const sign = actionSign[action];
  return (
    <Badge
      variant={sign ? 'filled' : 'light'}
      color={actionColor[action]}
      autoContrast
      size="lg"
      tt="none"
      miw="max-content"
      data-testid={testId}
      data-action={action}
    >
      {sign && <span aria-hidden="true">{sign} </span>}
      {t(`screening.action.${action}`)}
    </Badge>
  );
}

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      {...dotBadge}
      color={reviewStatusColor[status]}
      data-testid="screening-review-status"
      data-status={status}
    >
      {t(`screening.reviewStatus.${status}`)}
    </Badge>
  );
}

export function RuleSetStatusBadge({ status }: { status: RuleSetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      {...dotBadge}
      color={ruleSetStatusColor[status]}
      data-testid="screening-rule-set-status"
      data-status={status}
    >
      {t(`screening.ruleSetStatus.${status}`)}
    </Badge>
  );
}

export function FlagStatusBadge({ status }: { status: FlagStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      {...dotBadge}
      color={flagStatusColor[status]}
      data-testid="screening-flag-status"
      data-status={status}
    >
      {t(`screening.flagStatus.${status}`)}
    </Badge>
  );
}
