import { Anchor, Button, Card, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { delegationsPath } from '../../app/navigation';
import { useCan, useCurrentMe } from '../auth/me-context';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useDelegations, useIndicators } from './api';
import { managesDelegations } from './delegations';
import { indicatorFiltersFrom, withChanges } from './filters';
import { IndicatorTable } from './IndicatorTable';
import { useKindOptions, useStatusOptions } from './labels';
import { ReportIndicatorForm } from './ReportIndicatorForm';

const pageSize = 25;

export function IndicatorListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = indicatorFiltersFrom(params, pageSize);
  const indicators = useIndicators(filters);
  const kindOptions = useKindOptions();
  const statusOptions = useStatusOptions();
  const [reporting, setReporting] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });

  // The search reaches the address (and the server) once typing pauses.
  const updateSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        description={t('indicators.intro')}
        actions={
          can('indicator.report') && (
            <Button onClick={() => setReporting(true)} data-testid="indicator-report-open">
              {t('indicators.report')}
            </Button>
          )
        }
      />
      {!managesDelegations(me) && <DelegatedToAgency />}
      <Card withBorder mb="md" padding="md" component="section" aria-label={t('indicators.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('indicators.searchLabel')}
            placeholder={t('indicators.searchPlaceholder')}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              updateSearch(event.currentTarget.value);
            }}
            data-testid="indicator-search"
          />
          <FilterSelect
            label={t('indicators.kindFilter')}
            data={kindOptions}
            value={filters.kind ?? null}
            onChange={(value) => update({ kind: value })}
            data-testid="indicator-filter-kind"
          />
          <FilterSelect
            label={t('indicators.statusFilter')}
            data={statusOptions}
            value={filters.status ?? null}
            onChange={(value) => update({ status: value })}
            data-testid="indicator-filter-status"
          />
        </SimpleGrid>
      </Card>
      <PagedResults
        query={indicators}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <IndicatorTable indicators={items} />}
      </PagedResults>
      <ResponsiveModal
        opened={reporting}
        onClose={() => setReporting(false)}
        title={t('indicators.reportTitle')}
      >
        <ReportIndicatorForm
          onCancel={() => setReporting(false)}
          onReported={(indicator) => {
            setReporting(false);
            notifications.show({
              color: 'teal',
              message: t('indicators.reported', { display: indicator.display }),
            });
            void navigate(`/app/nghi-van/${indicator.id}`);
          }}
        />
      </ResponsiveModal>
    </>
  );
}

/** For an agency the police delegated decisions to: where to read which kinds (shown only when there are some). */
function DelegatedToAgency() {
  const { t } = useTranslation();
  const delegations = useDelegations();
  if (!delegations.data?.items.length) return null;
  return (
    <Anchor
      component={Link}
      to={delegationsPath}
      size="sm"
      display="inline-block"
      mb="md"
      data-testid="delegations-received-link"
    >
      {t('delegations.receivedLink')} →
    </Anchor>
  );
}
