import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AppealDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { formatDay } from './format';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { SectionCard } from '../../ui/SectionCard';
import { StatusBadge } from '../registry/badges';
import { useAppeal } from './api';
import { AppealStatusBadge, Fact } from './AppealStatusCard';
import { OverdueBadge } from './AppealTable';
import { DecideAppealForm } from './DecideAppealForm';
import { staffAppealsPath } from './links';

export function AppealDetailPage({ appealId }: { appealId: string }) {
  const { t } = useTranslation();
  const appeal = useAppeal(appealId);

  if (appeal.isPending) return <PageLoader />;
  if (appeal.isError) {
    return (
      <Stack>
        {isApiError(appeal.error, 'appeal.not_found') ||
        isApiError(appeal.error, 'not_found') ||
        isApiError(appeal.error, 'validation.failed') ? (
          <Text>{t('appeals.notFound')}</Text>
        ) : (
          <ErrorAlert error={appeal.error} onRetry={() => void appeal.refetch()} />
        )}
        <BackToList />
      </Stack>
    );
  }
  return <Detail appeal={appeal.data} />;
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={staffAppealsPath} size="sm">
      ← {t('appeals.backToList')}
    </Anchor>
  );
}

function Detail({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation();
  const { contact } = appeal;
  return (
    <>
      <BackToList />
      <PageHeader
        title={t('appeals.statusTitle', { code: appeal.trackingCode })}
        description={
          <Group gap="xs" component="span">
            <AppealStatusBadge status={appeal.status} testId="appeal-status" />
            {appeal.overdue && <OverdueBadge />}
          </Group>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('appeals.subject')}>
              <Anchor
                component={Link}
                to={`/app/nghi-van/${appeal.indicatorId}`}
                fw={600}
                className="khien-mono"
                data-testid="appeal-indicator-link"
              >
                {appeal.identifier}
              </Anchor>
            </Fact>
            <Fact label={t('appeals.listing')}>
              <StatusBadge status={appeal.indicatorStatus} />
            </Fact>
            <Fact label={t('appeals.submittedAt')}>{formatDateTime(appeal.submittedAt)}</Fact>
            <Fact label={t('appeals.dueAt')}>
              <Text span fw={appeal.overdue ? 700 : undefined} c={appeal.overdue ? 'red.9' : undefined}>
                {formatDay(appeal.dueAt)}
              </Text>
            </Fact>
            {appeal.decidedAt && (
              <Fact label={t('appeals.decidedAt')}>{formatDateTime(appeal.decidedAt)}</Fact>
            )}
            {appeal.decisionReason && (
              <Fact label={t('appeals.decisionReason')} wide>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{appeal.decisionReason}</Text>
              </Fact>
            )}
          </SimpleGrid>
        </Card>
        <SectionCard id="appeal-contact" title={t('appeals.appellantTitle')}>
          <Text size="sm" c="dimmed" mb="sm" data-testid="appeal-contact-notice">
            {t('appeals.contactNotice')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="appeal-contact">
            <Fact label={t('appeals.contactName')}>{contact.fullName}</Fact>
            <Fact label={t('appeals.contactRelation')}>{t(`appealRelation.${contact.relation}`)}</Fact>
            <Fact label={t('appeals.contactPhone')}>
              {contact.phone ? (
                <Anchor href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</Anchor>
              ) : (
                t('common.none')
              )}
            </Fact>
            <Fact label={t('appeals.contactEmail')}>
              {contact.email ? (
                <Anchor href={`mailto:${contact.email}`} style={{ overflowWrap: 'anywhere' }}>
                  {contact.email}
                </Anchor>
              ) : (
                t('common.none')
              )}
            </Fact>
          </SimpleGrid>
        </SectionCard>
        <SectionCard id="appeal-reasons" title={t('appeals.reasonsTitle')}>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-reasons-text">
            {appeal.reasons}
          </Text>
        </SectionCard>
        {appeal.status === 'submitted' && (
          <SectionCard id="appeal-decision" title={t('appeals.decisionTitle')}>
            <DecideAppealForm appeal={appeal} />
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
