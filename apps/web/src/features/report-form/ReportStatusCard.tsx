import { Alert, Badge, Box, Stack, Text, Timeline, Title } from '@mantine/core';
import { ReportStatus, type PublicReportStatus } from '@khien/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../appeals/format';
import { Fact } from '../appeals/AppealStatusCard';
import { StatusCard } from '../tracking/StatusCard';
import { StepList } from '../tracking/StepList';
import { formatMoment } from './format';

/** What happened to the report, newest first, with what the unit wrote to the reporter. */
function History({ history }: { history: PublicReportStatus['history'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="follow-report-history">
      <Title order={3} fz="md" id="follow-report-history">
        {t('reportForm.follow.history')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={-1} data-testid="follow-report-history">
        {history.map((entry, index) => (
          <Timeline.Item
            key={`${entry.at}:${index}`}
            title={
              entry.decision
                ? `${t(`reportForm.status.${entry.status}`)}: ${t(`reportForm.decision.${entry.decision}`)}`
                : t(`reportForm.status.${entry.status}`)
            }
          >
            <Text size="sm" c="dimmed">
              {formatMoment(entry.at)}
              {entry.handlingUnit ? ` · ${entry.handlingUnit}` : ''}
            </Text>
            {entry.message && (
              <Box mt={4} p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                <Text size="xs" fw={700}>
                  {t('reportForm.follow.message')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.message}
                </Text>
              </Box>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** Where a report stands, for the reporter: the stage, the unit, the decision, and what the unit wrote. */
export function ReportStatusCard({ report, actions }: { report: PublicReportStatus; actions: ReactNode }) {
  const { t } = useTranslation();
  const open = report.status === 'received' || report.status === 'verifying';
  const overdue = open && new Date(report.dueAt).getTime() < Date.now();
  // Newest first: what changed last is what the reporter came to see.
  const history = [...report.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <StatusCard
      name="follow-report-status"
      status={report.status}
      title={t('reportForm.follow.statusTitle', { code: report.trackingCode })}
      badge={
        <Badge size="lg" variant="light" color={open ? 'blue' : 'teal'} tt="none">
          {t(`reportForm.status.${report.status}`)}
        </Badge>
      }
      overdue={overdue ? t('reportForm.follow.overdue') : null}
      facts={
        <>
          <Fact label={t('reportForm.follow.handlingUnit')} wide>
            {report.handlingUnit ?? t('reportForm.follow.unitPending')}
          </Fact>
          <Fact label={t('reportForm.follow.receivedAt')}>{formatDay(report.receivedAt)}</Fact>
          <Fact label={t('reportForm.follow.dueAt')}>{formatDay(report.dueAt)}</Fact>
          {report.decidedAt && (
            <Fact label={t('reportForm.follow.decidedAt')}>{formatDay(report.decidedAt)}</Fact>
          )}
        </>
      }
      after={
        <>
          {history.length > 0 && <History history={history} />}
          {actions}
        </>
      }
    >
      <StepList
        label={t('reportForm.follow.progress')}
        steps={ReportStatus.options.map((step) => ({ key: step, label: t(`reportForm.status.${step}`) }))}
        current={ReportStatus.options.indexOf(report.status)}
        finished={report.status === 'closed'}
        testId="follow-report-steps"
      />
      <Text fw={600}>{t(`reportForm.statusExplain.${report.status}`)}</Text>
      {report.decision && (
        <Alert
          color="blue"
          variant="light"
          title={t(`reportForm.decision.${report.decision}`)}
          data-testid="follow-report-decision"
        >
          {t(`reportForm.decisionExplain.${report.decision}`)}
        </Alert>
      )}
    </StatusCard>
  );
}
