import { Alert, Badge, Box, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { AppealStatus, PublicAppealStatus } from '@khien/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from './format';
import { appealStatusColor } from './links';

export function AppealStatusBadge({ status, testId }: { status: AppealStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={appealStatusColor[status]}
      size="lg"
      tt="none"
      miw="max-content"
      data-testid={testId}
      data-status={status}
    >
      {t(`appealStatus.${status}`)}
    </Badge>
  );
}

export function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

const stages = ['received', 'review', 'decided'] as const;

/** Received → police review → decided, as a list: the words carry the stage, the marks only repeat it. */
function Stages({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  const current = status === 'submitted' ? 1 : 2;
  return (
    <Box
      component="ol"
      aria-label={t('appeals.stageLabel')}
      m={0}
      p={0}
      style={{ listStyle: 'none', display: 'flex', gap: 'var(--mantine-spacing-xs)', flexWrap: 'wrap' }}
    >
      {stages.map((stage, index) => {
        const done = index < current || (index === current && status !== 'submitted');
        return (
          <Group
            component="li"
            key={stage}
            gap={6}
            wrap="nowrap"
            aria-current={index === current ? 'step' : undefined}
          >
            <ThemeIcon
              size={24}
              radius="xl"
              color={done ? 'teal.8' : index === current ? 'blue.8' : 'gray.6'}
              variant={done || index === current ? 'filled' : 'outline'}
              aria-hidden="true"
            >
              {index + 1}
            </ThemeIcon>
            <Text size="sm" fw={index === current ? 700 : 400}>
              {t(`appeals.stages.${stage}`)}
            </Text>
          </Group>
        );
      })}
    </Box>
  );
}

/** Where an appeal stands, for the appellant: the stage, the time limit, the decision and its reason. */
export function AppealStatusCard({ appeal, actions }: { appeal: PublicAppealStatus; actions?: ReactNode }) {
  const { t } = useTranslation();
  const overdue = appeal.status === 'submitted' && new Date(appeal.dueAt).getTime() < Date.now();
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="follow-status-title"
      data-testid="follow-status"
      data-status={appeal.status}
    >
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h3" id="follow-status-title">
            {t('appeals.statusTitle', { code: appeal.trackingCode })}
          </Title>
          <AppealStatusBadge status={appeal.status} />
        </Group>
        <Stages status={appeal.status} />
        <Text fw={600}>
          {appeal.status === 'submitted'
            ? t('appeals.stage.submitted', { date: formatDay(appeal.dueAt) })
            : t(`appeals.stage.${appeal.status}`)}
        </Text>
        {overdue && (
          <Alert color="orange" variant="light">
            {t('appeals.overdueNotice')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('appeals.subject')} wide>
            <Text span className="khien-mono" fw={600}>
              {appeal.identifier}
            </Text>
          </Fact>
          <Fact label={t('appeals.submittedAt')}>{formatDay(appeal.submittedAt)}</Fact>
          <Fact label={t('appeals.dueAt')}>{formatDay(appeal.dueAt)}</Fact>
          {appeal.decidedAt && <Fact label={t('appeals.decidedAt')}>{formatDay(appeal.decidedAt)}</Fact>}
          {appeal.decisionReason && (
            <Fact label={t('appeals.decisionReason')} wide>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{appeal.decisionReason}</Text>
            </Fact>
          )}
        </SimpleGrid>
        {actions}
      </Stack>
    </Card>
  );
}
