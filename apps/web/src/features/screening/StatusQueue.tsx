import { Tabs, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PagedResults } from '../../ui/PagedResults';
import { withChanges } from '../registry/filters';
import { oneOf } from '../requests/filters';

export const QUEUE_PAGE_SIZE = 25;

/** A queue's status and page, kept in the address (`?status=…&offset=…`); the first status is the default. */
export function useQueuePlace<S extends string>(statuses: readonly S[]) {
  const [params, setParams] = useSearchParams();
  const status = oneOf(params.get('status'), statuses) ?? statuses[0]!;
  const offsetParam = Number(params.get('offset') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });
  return {
    status,
    offset,
    setStatus: (next: string) => update({ status: next === statuses[0] ? null : next, offset: null }),
    setOffset: (next: number) => update({ offset: next ? String(next) : null }),
  };
}

/**
 * An analyst's queue by status (held transfers, flagged accounts): a tab per status, the page of items,
 * and a sentence when there are none.
 */
export function StatusQueue<S extends string, T>({
  statuses,
  place,
  query,
  label,
  tabLabel,
  tabTestId,
  empty,
  emptyTestId,
  children,
}: {
  statuses: readonly S[];
  place: ReturnType<typeof useQueuePlace<S>>;
  query: UseQueryResult<{ items: T[]; total: number }>;
  label: string;
  tabLabel: (status: S) => string;
  tabTestId: (status: S) => string;
  empty: string;
  emptyTestId: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <Tabs value={place.status} onChange={(value) => value && place.setStatus(value)} keepMounted={false}>
      <Tabs.List aria-label={label}>
        {statuses.map((value) => (
          <Tabs.Tab key={value} value={value} data-testid={tabTestId(value)}>
            {tabLabel(value)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={place.status} pt="md">
        <PagedResults
          query={query}
          limit={QUEUE_PAGE_SIZE}
          offset={place.offset}
          onOffsetChange={place.setOffset}
        >
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed" data-testid={emptyTestId}>
                {empty}
              </Text>
            ) : (
              children(items)
            )
          }
        </PagedResults>
      </Tabs.Panel>
    </Tabs>
  );
}
