import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { ReportStatus, type PublicReportStatus } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../appeals/format';
import { Fact } from '../appeals/AppealStatusCard';
import { formatMoment } from './format';

/**
 * Received → verifying → decided → closed, as an ordered list. Each step says in words whether it is done
 * or current; the numbers, ticks and colours only repeat it.
 */
function StepIndicator({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  const current = ReportStatus.options.indexOf(status);
  return (
    <Box
      component="ol"
      aria-label={t('reportForm.follow.progress')}
      m={0}
      p={0}
      data-testid="follow-report-steps"
      style={{
        listStyle: 'none',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(7.5rem, 1fr))',
        gap: 'var(--mantine-spacing-xs)',
      }}
    >
      {ReportStatus.options.map((step, index) => {
        const done = index < current || (index === current && step === 'closed');
        const here = index === current;
        return (
          <Group
            component="li"
            key={step}
            gap={8}
            wrap="nowrap"
            aria-current={here ? 'step' : undefined}
            data-step={step}
            data-state={done ? 'done' : here ? 'current' : 'todo'}
            p={6}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              border: `2px solid var(--mantine-color-${here ? 'blue-8' : done ? 'teal-8' : 'gray-4'})`,
            }}
          >
            <Box
              aria-hidden="true"
              w={26}
              h={26}
              fw={700}
              fz="sm"
              c={done || here ? 'white' : 'gray.8'}
              bg={done ? 'teal.8' : here ? 'blue.8' : 'gray.1'}
              style={{ borderRadius: '50%', display: 'grid', placeItems: 'center', flex: 'none' }}
            >
              {done ? '✓' : index + 1}
            </Box>
            <Text size="sm" fw={here ? 700 : 500} lh={1.25}>
              {t(`reportForm.status.${step}`)}
              {(done || here) && (
                <VisuallyHidden>{` (${t(done ? 'reportForm.follow.done' : 'reportForm.follow.current')})`}</VisuallyHidden>
              )}
            </Text>
          </Group>
        );
      })}
    </Box>
  );
}

/** Where a report stands, for the reporter: the stage, the unit, the decision, and what the unit wrote. */
export function ReportStatusCard({
  report,
  onRefresh,
  refreshing,
}: {
  report: PublicReportStatus;
  /** Asks again for the stage, keeping this answer on screen meanwhile. */
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  const open = report.status === 'received' || report.status === 'verifying';
  const overdue = open && new Date(report.dueAt).getTime() < Date.now();
  // Newest first: what changed last is what the reporter came to see.
  const history = [...report.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="follow-report-title"
      data-testid="follow-report-status"
      data-status={report.status}
    >
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h3" id="follow-report-title">
            {t('reportForm.follow.statusTitle', { code: report.trackingCode })}
          </Title>
          <Badge size="lg" variant="light" color={open ? 'blue' : 'teal'} tt="none">
            {t(`reportForm.status.${report.status}`)}
          </Badge>
        </Group>
        <StepIndicator status={report.status} />
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
        {overdue && (
          <Alert color="orange" variant="light">
            {t('reportForm.follow.overdue')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('reportForm.follow.handlingUnit')} wide>
            {report.handlingUnit ?? t('reportForm.follow.unitPending')}
          </Fact>
          <Fact label={t('reportForm.follow.receivedAt')}>{formatDay(report.receivedAt)}</Fact>
          <Fact label={t('reportForm.follow.dueAt')}>{formatDay(report.dueAt)}</Fact>
          {report.decidedAt && (
            <Fact label={t('reportForm.follow.decidedAt')}>{formatDay(report.decidedAt)}</Fact>
          )}
        </SimpleGrid>
        {history.length > 0 && (
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
        )}
        <Button variant="default" w="fit-content" loading={refreshing} onClick={onRefresh}>
          {t('reportForm.follow.refresh')}
        </Button>
      </Stack>
    </Card>
  );
}
