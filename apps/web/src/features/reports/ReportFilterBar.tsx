import { Card, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../ui/FilterSelect';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import type { ReportFilters } from './filters';
import { useReportStatusOptions } from './labels';

/** A change of the address: a value sets the parameter, null removes it. */
export type FilterChange = (changes: Record<string, string | null>) => void;

/** The inbox's filters; each change goes to the address, which the list follows. */
export function ReportFilterBar({
  filters,
  onChange: update,
}: {
  filters: ReportFilters;
  onChange: FilterChange;
}) {
  const { t } = useTranslation();
  const statusOptions = useReportStatusOptions();
  return (
    <Card withBorder mb="md" padding="md" component="section" aria-label={t('reports.list.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SearchField initial={filters.q ?? ''} onSearch={(q) => update({ q })} />
        <FilterSelect
          label={t('reports.list.statusFilter')}
          data={statusOptions}
          value={filters.status ?? null}
          onChange={(value) => update({ status: value })}
          data-testid="report-filter-status"
        />
        <ProvinceSelect
          label={t('reports.list.provinceFilter')}
          placeholder={t('common.all')}
          clearable
          value={filters.provinceCode ?? null}
          onChange={(value) => update({ provinceCode: value })}
          data-testid="report-filter-province"
        />
      </SimpleGrid>
      <Group mt="md" gap="xl" justify="space-between" align="flex-end">
        <Segments
          id="report-filter-assigned"
          label={t('reports.list.assignedFilter')}
          value={filters.assigned ?? 'all'}
          onChange={(value) => update({ assigned: value === 'all' ? null : value })}
          options={[
            { value: 'all', label: t('reports.list.assignedAll') },
            { value: 'me', label: t('reports.list.assignedMe') },
            { value: 'nobody', label: t('reports.list.assignedNobody') },
          ]}
        />
        <Switch
          label={t('reports.list.overdueOnly')}
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : null })}
          color="red.9"
          data-testid="report-filter-overdue"
        />
        <Segments
          id="report-sort"
          label={t('reports.list.sort')}
          value={filters.sort ?? 'due'}
          onChange={(value) => update({ sort: value === 'received' ? value : null })}
          options={[
            { value: 'due', label: t('reports.list.sortDue') },
            { value: 'received', label: t('reports.list.sortReceived') },
          ]}
        />
      </Group>
    </Card>
  );
}

/** The search box: typed freely, sent once typing pauses, so each keystroke does not ask the server. */
function SearchField({ initial, onSearch }: { initial: string; onSearch: (q: string | null) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const send = useDebouncedCallback((typed: string) => onSearch(typed.trim() || null), 300);
  return (
    <TextInput
      type="search"
      label={t('reports.list.searchLabel')}
      placeholder={t('reports.list.searchPlaceholder')}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setValue(typed);
        send(typed);
      }}
      data-testid="report-search"
    />
  );
}

/** A few choices side by side, named by the label above them (`${id}-label`). */
function Segments({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={`${id}-label`}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={`${id}-label`}
        value={value}
        onChange={onChange}
        data={options}
        data-testid={id}
      />
    </Stack>
  );
}
