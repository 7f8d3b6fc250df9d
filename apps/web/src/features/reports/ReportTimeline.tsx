import { Paper, Text, Timeline } from '@mantine/core';
import type { ReportEvent } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { SectionCard } from '../../ui/SectionCard';

/** The report's history, oldest first: who did what, when, on what grounds, and what the reporter was told. */
export function ReportTimeline({ events }: { events: ReportEvent[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="report-timeline" title={t('reports.detail.timelineTitle')} testId="report-timeline">
      <Text size="xs" c="dimmed" mb="sm">
        {t('reports.detail.timelineHelp')}
      </Text>
      {events.length === 0 ? (
        <Text c="dimmed">{t('reports.detail.timelineEmpty')}</Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              title={<EventTitle event={event} />}
              data-testid="report-event"
              data-type={event.type}
            >
              <Text size="xs" c="dimmed">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {' · '}
                {event.actorName
                  ? t('reports.detail.by', { name: event.actorName, agency: event.agencyName ?? '' })
                  : (event.agencyName ?? t('reports.detail.system'))}
              </Text>
              {event.reason && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {event.type !== 'note' && (
                    <Text span size="sm" fw={600}>
                      {t('reports.detail.reason')}:{' '}
                    </Text>
                  )}
                  {event.reason}
                </Text>
              )}
              {event.publicMessage && (
                <Paper withBorder bg="blue.0" p="xs" mt={6} data-testid="report-event-message">
                  <Text size="xs" fw={700} c="blue.9">
                    {t('reports.detail.publicMessage')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.publicMessage}
                  </Text>
                </Paper>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

function EventTitle({ event }: { event: ReportEvent }) {
  const { t } = useTranslation();
  return (
    <>
      <Text span fw={700} size="sm">
        {t(`reports.event.${event.type}`)}
      </Text>
      {event.toStatus && (
        <Text span size="sm">
          {': '}
          {event.fromStatus ? `${t(`reports.status.${event.fromStatus}`)} → ` : ''}
          {t(`reports.status.${event.toStatus}`)}
        </Text>
      )}
      {event.decision && (
        <Text size="sm" fw={600} data-decision={event.decision}>
          {t(`reports.decision.${event.decision}`)}
        </Text>
      )}
    </>
  );
}
