import { Card, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { Pager } from '../../ui/Pager';
import { SearchableSelect } from '../../ui/SearchableSelect';
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
          <SearchableSelect
            label={t('appeals.statusFilter')}
            placeholder={t('common.all')}
            data={statusOptions}
            value={filters.status ?? null}
            onChange={(value) => update({ status: value })}
            clearable
            nothingFoundMessage={t('reference.nothingFound')}
            data-testid="appeal-filter-status"
          />
        </SimpleGrid>
      </Card>
      {appeals.isPending ? (
        <PageLoader />
      ) : appeals.isError ? (
        <ErrorAlert error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : (
        <Stack gap={0} style={{ opacity: appeals.isPlaceholderData ? 0.6 : 1 }}>
          <AppealTable appeals={appeals.data.items} />
          <Pager
            total={appeals.data.total}
            limit={pageSize}
            offset={filters.offset}
            onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
          />
        </Stack>
      )}
    </>
  );
}
