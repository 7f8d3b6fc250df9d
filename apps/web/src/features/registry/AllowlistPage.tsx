import { Badge, Button, Card, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { AllowlistEntry } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../auth/me-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate } from '../../ui/format';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { AddAllowlistForm } from './AddAllowlistForm';
import { useAllowlist, useRemoveFromAllowlist } from './api';
import { allowlistFiltersFrom, withChanges } from './filters';
import { useCategoryOptions } from './labels';

const pageSize = 25;

/** The official numbers, domains and accounts: they win over any report. */
export function AllowlistPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = allowlistFiltersFrom(params, pageSize);
  const entries = useAllowlist(filters);
  const remove = useRemoveFromAllowlist();
  const categoryOptions = useCategoryOptions();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AllowlistEntry | null>(null);
  const [search, setSearch] = useState(filters.q ?? '');
  const manage = can('allowlist.manage');

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });
  const updateSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  const closeRemove = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <>
      <PageHeader
        title={t('allowlist.title')}
        description={t('allowlist.intro')}
        actions={
          manage && (
            <Button onClick={() => setAdding(true)} data-testid="allowlist-create-open">
              {t('allowlist.create')}
            </Button>
          )
        }
      />
      <Card withBorder mb="md" padding="md" component="section" aria-label={t('allowlist.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('allowlist.searchLabel')}
            placeholder={t('common.searchPlaceholder')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              updateSearch(event.currentTarget.value);
            }}
            data-testid="allowlist-search"
          />
          <FilterSelect
            label={t('allowlist.category')}
            data={categoryOptions}
            value={filters.category ?? null}
            onChange={(value) => update({ category: value })}
            data-testid="allowlist-filter-category"
          />
        </SimpleGrid>
      </Card>
      <PagedResults
        query={entries}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <AllowlistTable entries={items} onRemove={manage ? setRemoving : undefined} />}
      </PagedResults>
      <ResponsiveModal opened={adding} onClose={() => setAdding(false)} title={t('allowlist.createTitle')}>
        <AddAllowlistForm
          onCancel={() => setAdding(false)}
          onAdded={(entry) => {
            setAdding(false);
            notifications.show({
              color: 'teal',
              message: t('allowlist.created', { display: entry.display }),
            });
          }}
        />
      </ResponsiveModal>
      <ConfirmModal
        opened={removing !== null}
        title={t('allowlist.removeTitle')}
        message={
          removing
            ? t('allowlist.removeConfirm', { display: removing.display, organisation: removing.organisation })
            : ''
        }
        confirmLabel={t('allowlist.remove')}
        pending={remove.isPending}
        error={remove.error}
        onClose={closeRemove}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                message: t('allowlist.removed', { display: removing.display }),
              });
              closeRemove();
            },
          });
        }}
      />
    </>
  );
}

function AllowlistTable({
  entries,
  onRemove,
}: {
  entries: AllowlistEntry[];
  onRemove: ((entry: AllowlistEntry) => void) | undefined;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text c="dimmed">{t('allowlist.empty')}</Text>;
  return (
    <DataTable
      minWidth={760}
      testId="allowlist-table"
      head={
        <>
          <Table.Th scope="col">{t('allowlist.identifier')}</Table.Th>
          <Table.Th scope="col">{t('allowlist.organisation')}</Table.Th>
          <Table.Th scope="col">{t('allowlist.category')}</Table.Th>
          <Table.Th scope="col">{t('allowlist.source')}</Table.Th>
          <Table.Th scope="col">{t('allowlist.createdAt')}</Table.Th>
          {onRemove && <HiddenHeader label={t('allowlist.remove')} />}
        </>
      }
    >
      {entries.map((entry) => (
        <Table.Tr key={entry.id} data-testid="allowlist-row">
          <Table.Td miw={180}>
            <Text fw={600} className="khien-mono">
              {entry.display}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`indicatorKind.${entry.kind}`)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{entry.organisation}</Text>
            {entry.note && (
              <Text size="xs" c="dimmed">
                {entry.note}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color="green" tt="none" miw="max-content">
              {t(`allowlistCategory.${entry.category}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed">
              {entry.source}
            </Text>
          </Table.Td>
          <Table.Td>{formatDate(entry.createdAt)}</Table.Td>
          {onRemove && (
            <Table.Td>
              <Button
                variant="outline"
                color="red"
                size="compact-sm"
                onClick={() => onRemove(entry)}
                aria-label={t('allowlist.removeLabel', { display: entry.display })}
                data-testid="allowlist-remove"
              >
                {t('allowlist.remove')}
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
