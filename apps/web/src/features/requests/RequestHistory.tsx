import { SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import type { AgencyRequestDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { SectionCard } from '../../ui/SectionCard';
import { Fact } from '../appeals/AppealStatusCard';
import { formatVnd } from '../registry/format';
import { EscalationBadge, HoldStateBadge, TimeLeftBadge } from './badges';
import { isOpenStatus } from './timeLeft';
import { RequestTable } from './RequestTable';

/** Who the request is between, and its times: sent, due, received, answered, and the hold's expiry. */
export function PartiesCard({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="request-parties" title={t('requests.detail.partiesTitle')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing="sm">
        <Fact label={t('requests.detail.sender')}>
          <span data-testid="request-sender">{request.senderAgencyName}</span>
        </Fact>
        <Fact label={t('requests.detail.recipient')}>
          <span data-testid="request-recipient">{request.recipientAgencyName}</span>
        </Fact>
        <Fact label={t('requests.detail.sentAt')}>{formatDateTime(request.sentAt)}</Fact>
        <Fact label={t('requests.detail.dueAt')}>
          <Stack gap={4} align="flex-start">
            <Text span>{formatDateTime(request.dueAt)}</Text>
            {isOpenStatus(request.status) && <TimeLeftBadge request={request} />}
          </Stack>
        </Fact>
        {request.escalationLevel > 0 && (
          <Fact label={t('requests.detail.escalation')}>
            <EscalationBadge level={request.escalationLevel} />
          </Fact>
        )}
        {request.acknowledgedAt && (
          <Fact label={t('requests.detail.acknowledgedAt')}>{formatDateTime(request.acknowledgedAt)}</Fact>
        )}
        {request.answeredAt && (
          <Fact label={t('requests.detail.answeredAt')}>{formatDateTime(request.answeredAt)}</Fact>
        )}
        {request.heldVnd !== null && (
          <Fact label={t('requests.detail.heldVnd')}>
            <Text span fw={700}>
              {formatVnd(request.heldVnd)}
            </Text>
          </Fact>
        )}
        {request.holdState && (
          <Fact label={t('requests.detail.holdState')}>
            <HoldStateBadge state={request.holdState} />
          </Fact>
        )}
        {request.holdExpiresAt && (
          <Fact label={t('requests.detail.holdExpiresAt')}>
            <span data-testid="request-hold-expires">{formatDateTime(request.holdExpiresAt)}</span>
          </Fact>
        )}
      </SimpleGrid>
    </SectionCard>
  );
}

/** The request's history, oldest first: who did what, when, and why. */
export function RequestHistory({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  const events = request.history;
  return (
    <SectionCard id="request-history" title={t('requests.detail.historyTitle')} testId="request-history">
      <Text size="xs" c="dimmed" mb="sm">
        {t('requests.detail.historyHelp')}
      </Text>
      {events.length === 0 ? (
        <Text c="dimmed">{t('requests.detail.historyEmpty')}</Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              title={
                <Text span fw={700} size="sm">
                  {t(`requests.event.${event.type}`)}
                </Text>
              }
              data-testid="request-event"
              data-type={event.type}
            >
              <Text size="xs" c="dimmed">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {' · '}
                {event.actorName
                  ? t('requests.detail.by', { name: event.actorName, agency: event.agencyName ?? '' })
                  : (event.agencyName ?? t('requests.detail.system'))}
              </Text>
              {event.reason && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span size="sm" fw={600}>
                    {t('requests.detail.reason')}:{' '}
                  </Text>
                  {event.reason}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

/** The next hops: the hold requests forwarded from this one, each a link. */
export function ChildrenCard({ request }: { request: AgencyRequestDetail }) {
  const { t } = useTranslation();
  if (request.children.length === 0) return null;
  return (
    <SectionCard id="request-children" title={t('requests.detail.childrenTitle')} testId="request-children">
      <Text size="sm" c="dimmed" mb="sm">
        {t('requests.detail.childrenHelp')}
      </Text>
      <RequestTable requests={request.children} testId="request-children-table" compact />
    </SectionCard>
  );
}
