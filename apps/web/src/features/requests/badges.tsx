import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { AgencyRequest, RequestStatus } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { durationParts } from './duration';
import { holdStateColor, requestStatusColor } from './labels';
import { timeLeft } from './timeLeft';
import { useNow } from './useNow';

const dotBadge = { variant: 'dot', size: 'lg', tt: 'none', miw: 'max-content' } as const;

/** A status in words with a coloured dot: the words carry it, the colour only repeats it. */
export function RequestStatusBadge({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge {...dotBadge} color={requestStatusColor[status]} data-testid={testId} data-status={status}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}

/** "45 phút", "2 giờ 10 phút": a span of minutes in words. */
export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const parts = durationParts(minutes);
    return t(`requests.duration.${parts.key}`, parts.values);
  };
}

/**
 * The time left to answer. The last quarter: an orange badge. Overdue: a filled dark-red badge with a
 * warning sign and the words "Quá hạn …", so it does not rest on colour alone.
 */
export function TimeLeftBadge({
  request,
  withDate,
}: {
  request: Pick<AgencyRequest, 'status' | 'sentAt' | 'dueAt' | 'overdue'>;
  withDate?: boolean;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const duration = useDuration();
  const left = timeLeft(request, now);
  const common = {
    tt: 'none' as const,
    miw: 'max-content',
    'data-testid': 'request-due',
    'data-due': left.state,
  };
  const label =
    left.state === 'done'
      ? t('requests.due.done')
      : left.state === 'overdue'
        ? t('requests.due.overdue', { duration: duration(left.minutes) })
        : t('requests.due.left', { duration: duration(left.minutes) });
  return (
    <Stack gap={2} align="flex-start">
      {left.state === 'overdue' ? (
        <Badge color="red.9" variant="filled" size="lg" {...common}>
          <Group gap={4} wrap="nowrap" component="span">
            <span aria-hidden="true">⚠</span>
            {label}
          </Group>
        </Badge>
      ) : left.state === 'soon' ? (
        <Badge color="orange.8" variant="light" size="lg" fw={700} {...common}>
          {label}
        </Badge>
      ) : (
        <Text size="sm" c={left.state === 'done' ? 'dimmed' : undefined} {...common}>
          {label}
        </Text>
      )}
      {withDate && left.state !== 'done' && (
        <Text size="xs" c="dimmed">
          {formatDateTime(request.dueAt)}
        </Text>
      )}
    </Stack>
  );
}

/** How far an unanswered request was escalated: nothing at level 0. */
export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  const key = level >= 2 ? 2 : 1;
  return (
    <Tooltip label={t(`requests.escalation.help${key}`)} multiline w={260}>
      <Badge
        color="red.9"
        variant={key === 2 ? 'filled' : 'outline'}
        tt="none"
        miw="max-content"
        data-testid="request-escalation"
        data-level={key}
      >
        {t(`requests.escalation.level${key}`)}
      </Badge>
    </Tooltip>
  );
}

/** A takedown whose target is named again in later reports: flagged, in words. */
export function ReappearedBadge({ reappeared }: { reappeared: AgencyRequest['reappeared'] }) {
  const { t } = useTranslation();
  if (!reappeared) return null;
  return (
    <Tooltip
      label={t('requests.reappeared.detail', {
        count: reappeared.reports,
        date: formatDateTime(reappeared.lastReportedAt),
      })}
      multiline
      w={280}
    >
      <Badge color="red.9" variant="outline" tt="none" miw="max-content" data-testid="request-reappeared">
        ⚠ {t('requests.reappeared.badge')}
      </Badge>
    </Tooltip>
  );
}

export function HoldStateBadge({ state }: { state: 'active' | 'released' | 'expired' }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={holdStateColor[state]}
      tt="none"
      miw="max-content"
      data-testid="request-hold-state"
      data-hold-state={state}
    >
      {t(`requests.holdState.${state}`)}
    </Badge>
  );
}
