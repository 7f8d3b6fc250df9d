import { Badge, Text } from '@mantine/core';
import type { AppealStatus, PublicAppealStatus } from '@khien/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusCard } from '../tracking/StatusCard';
import { StepList } from '../tracking/StepList';
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

/** Where an appeal stands, for the appellant: the stage, the time limit, the decision and its reason. */
export function AppealStatusCard({ appeal, actions }: { appeal: PublicAppealStatus; actions?: ReactNode }) {
  const { t } = useTranslation();
  const overdue = appeal.status === 'submitted' && new Date(appeal.dueAt).getTime() < Date.now();
  return (
    <StatusCard
      name="follow-status"
      status={appeal.status}
      title={t('appeals.statusTitle', { code: appeal.trackingCode })}
      badge={<AppealStatusBadge status={appeal.status} />}
      overdue={overdue ? t('appeals.overdueNotice') : null}
      facts={
        <>
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
        </>
      }
      after={actions}
    >
      {/* Received → police review → decided. */}
      <StepList
        label={t('appeals.stageLabel')}
        steps={stages.map((stage) => ({ key: stage, label: t(`appeals.stages.${stage}`) }))}
        current={appeal.status === 'submitted' ? 1 : 2}
        finished={appeal.status !== 'submitted'}
      />
      <Text fw={600}>
        {appeal.status === 'submitted'
          ? t('appeals.stage.submitted', { date: formatDay(appeal.dueAt) })
          : t(`appeals.stage.${appeal.status}`)}
      </Text>
    </StatusCard>
  );
}
