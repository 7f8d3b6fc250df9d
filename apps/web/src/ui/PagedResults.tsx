import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';
import { Pager } from './Pager';

interface PagedResultsProps<T> {
  /** A list query answered as `{items, total}`. */
  query: UseQueryResult<{ items: T[]; total: number }>;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  children: (items: T[]) => ReactNode;
}

/** One page of a list: a loader, the error with a retry, or the items and the pager (dimmed while the next page loads). */
export function PagedResults<T>({ query, limit, offset, onOffsetChange, children }: PagedResultsProps<T>) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap={0} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {children(query.data.items)}
      <Pager total={query.data.total} limit={limit} offset={offset} onOffsetChange={onOffsetChange} />
    </Stack>
  );
}
