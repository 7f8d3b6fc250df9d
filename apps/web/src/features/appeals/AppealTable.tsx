import { Badge, Group, Table, Text } from '@mantine/core';
import type { Appeal } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from './format';
import { StatusBadge } from '../registry/badges';
import { AppealStatusBadge } from './AppealStatusCard';
import { staffAppealsPath } from './links';
import { DataTable } from '../../ui/DataTable';

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" tt="none" miw="max-content" data-testid="appeal-overdue">
      {t('appeals.overdue')}
    </Badge>
  );
}

/** One page of appeals; the tracking code opens the appeal, the identifier its registry entry. */
export function AppealTable({ appeals }: { appeals: Appeal[] }) {
  const { t } = useTranslation();
  if (appeals.length === 0) return <Text c="dimmed">{t('appeals.empty')}</Text>;
  return (
    <DataTable
      minWidth={820}
      testId="appeal-table"
      highlightOnHover
      head={
        <>
          <Table.Th scope="col">{t('appeals.trackingCodeColumn')}</Table.Th>
          <Table.Th scope="col">{t('appeals.identifierColumn')}</Table.Th>
          <Table.Th scope="col">{t('appeals.statusColumn')}</Table.Th>
          <Table.Th scope="col">{t('appeals.dueAt')}</Table.Th>
          <Table.Th scope="col">{t('appeals.submittedAt')}</Table.Th>
          <Table.Th scope="col">{t('appeals.listingColumn')}</Table.Th>
        </>
      }
    >
      {appeals.map((appeal) => (
        <Table.Tr
          key={appeal.id}
          data-testid="appeal-row"
          data-status={appeal.status}
          data-overdue={appeal.overdue}
          bg={appeal.overdue ? 'red.0' : undefined}
        >
          <Table.Td>
            <Text
              component={Link}
              to={`${staffAppealsPath}/${appeal.id}`}
              fw={700}
              c="blue.9"
              td="underline"
              className="khien-mono"
              data-testid="appeal-open"
            >
              {appeal.trackingCode}
            </Text>
          </Table.Td>
          <Table.Td miw={180}>
            <Text
              component={Link}
              to={`/app/nghi-van/${appeal.indicatorId}`}
              c="blue.9"
              td="underline"
              className="khien-mono"
            >
              {appeal.identifier}
            </Text>
          </Table.Td>
          <Table.Td>
            <AppealStatusBadge status={appeal.status} />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={appeal.overdue ? 700 : undefined} c={appeal.overdue ? 'red.9' : undefined}>
                {formatDay(appeal.dueAt)}
              </Text>
              {appeal.overdue && <OverdueBadge />}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDay(appeal.submittedAt)}</Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={appeal.indicatorStatus} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
