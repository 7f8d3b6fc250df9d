import { Table, Text } from '@mantine/core';
import type { Indicator } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable';
import { formatDate, formatNumber } from '../../ui/format';
import { SharingBadge, StatusBadge } from './badges';
import { formatVnd } from './format';

/** One page of the registry; each identifier links to its entry, so the table works by keyboard. */
export function IndicatorTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  if (indicators.length === 0) return <Text c="dimmed">{t('indicators.empty')}</Text>;
  return (
    <DataTable
      minWidth={900}
      testId="indicator-table"
      highlightOnHover
      head={
        <>
          <Table.Th scope="col">{t('indicators.identifier')}</Table.Th>
          <Table.Th scope="col">{t('indicators.status')}</Table.Th>
          <Table.Th scope="col">{t('indicators.methods')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('indicators.reports')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('indicators.loss')}
          </Table.Th>
          <Table.Th scope="col">{t('indicators.sharing')}</Table.Th>
          <Table.Th scope="col">{t('indicators.lastSeen')}</Table.Th>
        </>
      }
    >
      {indicators.map((indicator) => (
        <Table.Tr key={indicator.id} data-testid="indicator-row" data-status={indicator.status}>
          <Table.Td miw={200}>
            <Text
              component={Link}
              to={`/app/nghi-van/${indicator.id}`}
              fw={600}
              c="blue.9"
              td="underline"
              className="khien-mono"
            >
              {indicator.display}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`indicatorKind.${indicator.kind}`)}
            </Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={indicator.status} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {indicator.scamMethods.length > 0
                ? indicator.scamMethods.map((method) => t(`scamMethod.${method}`)).join('; ')
                : t('common.none')}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{formatNumber(indicator.reportCount)}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {indicator.reportedLossVnd > 0 ? formatVnd(indicator.reportedLossVnd) : t('common.none')}
          </Table.Td>
          <Table.Td>
            <SharingBadge sharing={indicator.sharing} />
          </Table.Td>
          <Table.Td>{formatDate(indicator.lastSeenAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
