import { NetworkDetail, NetworkPage } from '@khien/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import type { NetworkFilters } from './filters';

/** The most nodes a graph is asked for: enough for a large network, within what the page draws smoothly. */
export const graphNodeLimit = 3000;

export const networkKeys = {
  all: ['networks'] as const,
  list: (filters: NetworkFilters) => ['networks', 'list', filters] as const,
  detail: (networkId: string) => ['networks', 'detail', networkId] as const,
};

export function useNetworks(filters: NetworkFilters) {
  return useQuery({
    queryKey: networkKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/networks', { schema: NetworkPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNetwork(networkId: string | null) {
  return useQuery({
    queryKey: networkKeys.detail(networkId ?? ''),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/networks/:networkId', { networkId: networkId ?? '' }), {
        schema: NetworkDetail,
        query: { maxNodes: graphNodeLimit },
        signal,
      }),
    enabled: networkId !== null,
    // A graph is heavy to lay out again: keep it while the officer moves between networks.
    staleTime: 60_000,
  });
}
