import { Table, Text } from '@mantine/core';
import type { Case } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../ui/DataTable';
import { Forbidden } from '../../ui/Forbidden';
import { formatNumber } from '../../ui/format';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { formatDay } from '../appeals/format';
import { useCan } from '../auth/me-context';
import { useProvinceNames } from '../reference/api';
import { withChanges } from '../registry/filters';
import { formatVnd } from '../registry/format';
import { useCases } from './api';
import { CodeLink } from './DetailQuery';
import { caseFiltersFrom } from './filters';
import { casePath } from './links';

const pageSize = 25;

/** `/app/vu-viec`: the cases the officers opened, newest first. */
export function CaseListPage() {
  const can = useCan();
  return can('case.manage') ? <Cases /> : <Forbidden />;
}

function Cases() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = caseFiltersFrom(params, pageSize);
  const cases = useCases(filters);
  return (
    <>
      <PageHeader title={t('reports.cases.title')} description={t('reports.cases.intro')} />
      <PagedResults
        query={cases}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) =>
          setParams((current) => withChanges(current, { offset: offset ? String(offset) : null }), {
            replace: true,
          })
        }
      >
        {(items) => <CaseTable cases={items} />}
      </PagedResults>
    </>
  );
}

function CaseTable({ cases }: { cases: Case[] }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  if (cases.length === 0) return <Text c="dimmed">{t('reports.cases.empty')}</Text>;
  return (
    <DataTable
      minWidth={900}
      testId="case-table"
      highlightOnHover
      head={
        <>
          <Table.Th scope="col">{t('reports.cases.code')}</Table.Th>
          <Table.Th scope="col">{t('reports.cases.caseTitle')}</Table.Th>
          <Table.Th scope="col">{t('reports.cases.unit')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.cases.reportCount')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.cases.loss')}
          </Table.Th>
          <Table.Th scope="col">{t('reports.cases.provinces')}</Table.Th>
          <Table.Th scope="col">{t('reports.cases.createdAt')}</Table.Th>
        </>
      }
    >
      {cases.map((found) => (
        <Table.Tr key={found.id} data-testid="case-row">
          <Table.Td>
            <CodeLink to={casePath(found.id)} code={found.code} testId="case-open" />
          </Table.Td>
          <Table.Td miw={220}>
            <Text size="sm" fw={600}>
              {found.title}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{found.agencyName}</Text>
          </Table.Td>
          <Table.Td ta="right">{formatNumber(found.reportCount)}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatVnd(found.totalLossVnd)}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{found.provinceCodes.map(provinceName).join(', ')}</Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(found.createdAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
