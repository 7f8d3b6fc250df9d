import { Button, Card, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { notifications } from '@mantine/notifications';
import { AgencyType } from '@khien/contracts';
import { useCan } from '../auth/me-context';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { useAgencies, type AgencyFilters } from './api';
import { AgencyTable } from './AgencyTable';
import { CreateAgencyForm } from './CreateAgencyForm';
import { useAgencyTypeOptions } from './options';

const pageSize = 25;

/** Filters live in the address, so a filtered list can be bookmarked and survives "back". */
function filtersFrom(params: URLSearchParams): AgencyFilters {
  const type = AgencyType.safeParse(params.get('type'));
  const offset = Number(params.get('offset') ?? 0);
  return {
    q: params.get('q') ?? undefined,
    type: type.success ? type.data : undefined,
    provinceCode: params.get('province') ?? undefined,
    limit: pageSize,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function AgencyListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const agencies = useAgencies(filters);
  const typeOptions = useAgencyTypeOptions();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('offset' in changes)) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  };

  // The search reaches the address (and the server) once typing pauses.
  const updateSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        actions={
          can('agency.create') && (
            <Button onClick={() => setCreating(true)} data-testid="agency-create-open">
              {t('agencies.create')}
            </Button>
          )
        }
      />
      <Card withBorder mb="md" padding="md" component="section" aria-label={t('agencies.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('agencies.searchLabel')}
            placeholder={t('common.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              updateSearch(event.currentTarget.value);
            }}
            data-testid="agency-search"
          />
          <FilterSelect
            label={t('agencies.typeFilter')}
            data={typeOptions}
            value={filters.type ?? null}
            onChange={(value) => update({ type: value })}
            data-testid="agency-filter-type"
          />
          <ProvinceSelect
            label={t('agencies.provinceFilter')}
            placeholder={t('common.all')}
            value={filters.provinceCode ?? null}
            onChange={(value: string | null) => update({ province: value })}
            clearable
            data-testid="agency-filter-province"
          />
        </SimpleGrid>
      </Card>
      <PagedResults
        query={agencies}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <AgencyTable agencies={items} />}
      </PagedResults>
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('agencies.createTitle')}>
        <CreateAgencyForm
          onCancel={() => setCreating(false)}
          onCreated={(agency) => {
            setCreating(false);
            notifications.show({ color: 'teal', message: t('agencies.created', { name: agency.name }) });
            void navigate(`/app/co-quan/${agency.id}`);
          }}
        />
      </ResponsiveModal>
    </>
  );
}
