import { Stack, Table, Text } from '@mantine/core';
import type { AgencyRequest } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../auth/me-context';
import { CodeLink } from '../reports/DetailQuery';
import {
  EscalationBadge,
  HoldStateBadge,
  ReappearedBadge,
  RequestStatusBadge,
  TimeLeftBadge,
} from './badges';
import { requestPath } from './links';
import { timeLeft } from './timeLeft';
import { useNow } from './useNow';
import { DataTable } from '../../ui/DataTable';

const rowBackground = { overdue: 'red.0', soon: 'orange.0', ok: undefined, done: undefined } as const;

/**
 * One page of requests: the code opens the request. The counterpart is the other agency, with the
 * direction in words ("Gửi đến", "Từ"). Overdue rows are tinted and say so in the time-limit cell.
 */
export function RequestTable({
  requests,
  testId = 'request-table',
  compact = false,
}: {
  requests: AgencyRequest[];
  testId?: string;
  /** Without the subject and escalation columns, inside a report's page. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const now = useNow();
  if (requests.length === 0) return <Text c="dimmed">{t('requests.list.empty')}</Text>;
  return (
    <DataTable
      minWidth={compact ? 560 : 960}
      verticalSpacing="xs"
      testId={testId}
      label={t('requests.list.title')}
      highlightOnHover
      head={
        <>
          <Table.Th scope="col">{t('requests.column.code')}</Table.Th>
          {!compact && <Table.Th scope="col">{t('requests.column.type')}</Table.Th>}
          <Table.Th scope="col">{t('requests.column.counterpart')}</Table.Th>
          {!compact && <Table.Th scope="col">{t('requests.column.subject')}</Table.Th>}
          <Table.Th scope="col">{t('requests.column.status')}</Table.Th>
          <Table.Th scope="col">{t('requests.column.due')}</Table.Th>
          {!compact && <Table.Th scope="col">{t('requests.column.escalation')}</Table.Th>}
        </>
      }
    >
      {requests.map((request) => {
        const state = timeLeft(request, now).state;
        const outgoing = request.senderAgencyId === me.agency.id;
        return (
          <Table.Tr
            key={request.id}
            data-testid="request-row"
            data-code={request.code}
            data-type={request.type}
            data-status={request.status}
            data-due={state}
            bg={rowBackground[state]}
          >
            <Table.Td>
              <CodeLink to={requestPath(request.id)} code={request.code} testId="request-open" />
              {compact ? (
                <Text size="xs">{t(`requests.type.${request.type}`)}</Text>
              ) : (
                request.reportTrackingCode && (
                  <Text size="xs" c="dimmed" className="khien-mono">
                    {request.reportTrackingCode}
                  </Text>
                )
              )}
            </Table.Td>
            {!compact && (
              <Table.Td miw={150}>
                <Text size="sm">{t(`requests.type.${request.type}`)}</Text>
              </Table.Td>
            )}
            <Table.Td miw={170}>
              <Text size="xs" c="dimmed">
                {outgoing ? t('requests.direction.to') : t('requests.direction.from')}
              </Text>
              <Text size="sm">{outgoing ? request.recipientAgencyName : request.senderAgencyName}</Text>
            </Table.Td>
            {!compact && (
              <Table.Td miw={170} maw={280}>
                <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                  {request.subject}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <RequestStatusBadge status={request.status} />
                {request.holdState && <HoldStateBadge state={request.holdState} />}
                <ReappearedBadge reappeared={request.reappeared} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <TimeLeftBadge request={request} withDate />
            </Table.Td>
            {!compact && (
              <Table.Td>
                {request.escalationLevel > 0 ? (
                  <EscalationBadge level={request.escalationLevel} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('requests.escalation.none')}
                  </Text>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
