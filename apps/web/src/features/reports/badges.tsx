import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Report, ReportDecision, ReportStatus } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../appeals/format';
import { deadlineBadge } from './deadline';
import { reportStatusColor } from './labels';

/** A stage in words with a coloured dot: the words carry it, the colour only repeats it. */
export function ReportStatusBadge({ status, testId }: { status: ReportStatus; testId?: string }) {
  const { t } = useTranslation();
  const label = t(`reports.status.${status}`);
  return (
    <Badge {...dotBadge} color={reportStatusColor[status]} data-testid={testId} data-status={status}>
      {label}
    </Badge>
  );
}

const dotBadge = { variant: 'dot', size: 'lg', tt: 'none', miw: 'max-content' } as const;

/** The stage, and the decision under it once there is one. */
export function StatusAndDecision({
  status,
  decision,
}: {
  status: ReportStatus;
  decision: ReportDecision | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <ReportStatusBadge status={status} />
      {decision && (
        <Text size="sm" fw={600} data-decision={decision}>
          {t(`reports.decision.${decision}`)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The art. 147 deadline as days left. Three days or fewer: an orange badge. Overdue: a filled dark-red
 * badge with a warning sign and the word "Quá hạn", so it does not rest on colour alone.
 */
export function DeadlineBadge({
  report,
  withDate,
}: {
  report: Pick<Report, 'status' | 'daysLeft' | 'overdue' | 'dueAt'>;
  /** The due date under the badge: alone (in a column named for it) or with its label. */
  withDate?: 'plain' | 'labelled';
}) {
  const { t } = useTranslation();
  const badge = deadlineBadge(report);
  const label = t(`reports.deadline.${badge.key}`, { count: badge.count ?? 0 });
  const date = withDate && badge.state !== 'done' && (
    <Text size="xs" c="dimmed">
      {withDate === 'labelled'
        ? t('reports.deadline.dueAt', { date: formatDay(report.dueAt) })
        : formatDay(report.dueAt)}
    </Text>
  );
  const common = {
    tt: 'none' as const,
    miw: 'max-content',
    'data-testid': 'report-deadline',
    'data-deadline': badge.state,
  };
  return (
    <Stack gap={2} align="flex-start">
      {badge.state === 'overdue' ? (
        <Badge color="red.9" variant="filled" size="lg" {...common}>
          <Group gap={4} wrap="nowrap" component="span">
            <span aria-hidden="true">⚠</span>
            {label}
          </Group>
        </Badge>
      ) : badge.state === 'soon' ? (
        <Badge color="orange.8" variant="light" size="lg" fw={700} {...common}>
          {label}
        </Badge>
      ) : (
        <Text size="sm" c={badge.state === 'done' ? 'dimmed' : undefined} {...common}>
          {label}
        </Text>
      )}
      {date}
    </Stack>
  );
}
