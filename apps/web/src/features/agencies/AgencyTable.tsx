import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agency } from '@khien/contracts';
import { useProvinceNames } from '../reference/api';
import { DataTable } from '../../ui/DataTable';

/** The agencies of one page; each name is a link to the agency's page, so the table works by keyboard. */
export function AgencyTable({ agencies }: { agencies: Agency[] }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  if (agencies.length === 0) return <Text c="dimmed">{t('agencies.empty')}</Text>;
  return (
    <DataTable
      minWidth={640}
      testId="agency-table"
      highlightOnHover
      head={
        <>
          <Table.Th scope="col">{t('agencies.name')}</Table.Th>
          <Table.Th scope="col">{t('agencies.type')}</Table.Th>
          <Table.Th scope="col">{t('agencies.scope')}</Table.Th>
          <Table.Th scope="col">{t('reference.province')}</Table.Th>
          <Table.Th scope="col">{t('agencies.status')}</Table.Th>
        </>
      }
    >
      {agencies.map((agency) => (
        <Table.Tr key={agency.id}>
          <Table.Td>
            <Text component={Link} to={`/app/co-quan/${agency.id}`} fw={600} c="blue.9" td="underline">
              {agency.name}
            </Text>
            {agency.shortName && (
              <Text size="xs" c="dimmed">
                {agency.shortName}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{t(`agencyType.${agency.type}`)}</Table.Td>
          <Table.Td>{t(`scopeLevel.${agency.scopeLevel}`)}</Table.Td>
          <Table.Td>{provinceName(agency.provinceCode) || t('common.none')}</Table.Td>
          <Table.Td>
            <ActiveBadge active={agency.active} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
