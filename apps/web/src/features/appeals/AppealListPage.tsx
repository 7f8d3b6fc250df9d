import { Card, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { withChanges } from '../registry/filters';
import { useAppeals } from './api';
import { AppealTable } from './AppealTable';
import { useAppealStatusOptions } from './labels';
import { appealFiltersFrom } from './requests';

const pageSize = 25;

/** `/app/khieu-nai`: the appeals to decide, those past their time limit marked. */
export function AppealListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = appealFiltersFrom(params, pageSize);
  const appeals = useAppeals(filters);
  const statusOptions = useAppealStatusOptions();

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });

  return (
    <>
      <PageHeader title={t('appeals.listTitle')} description={t('appeals.listIntro')} />
      <Card withBorder mb="md" padding="md" component="section" aria-label={t('appeals.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FilterSelect
            label={t('appeals.statusFilter')}
            data={statusOptions}
            value={filters.status ?? null}
            onChange={(value) => update({ status: value })}
            data-testid="appeal-filter-status"
          />
        </SimpleGrid>
      </Card>
      <PagedResults
        query={appeals}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <AppealTable appeals={items} />}
      </PagedResults>
    </>
  );
}
