import {
  AllowlistEntry,
  AllowlistPage,
  Delegation,
  DelegationList,
  Indicator,
  IndicatorDetail,
  IndicatorPage,
  type ChangeIndicatorStatusRequest,
  type CreateAllowlistEntryRequest,
  type CreateDelegationRequest,
  type CreateIndicatorRequest,
  type IndicatorKind,
  type IndicatorStatus,
  type MergeIndicatorRequest,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import type { AllowlistCategoryName } from '../check/verdict';

export interface IndicatorFilters {
  q?: string | undefined;
  kind?: IndicatorKind | undefined;
  status?: IndicatorStatus | undefined;
  limit: number;
  offset: number;
}

export interface AllowlistFilters {
  q?: string | undefined;
  category?: AllowlistCategoryName | undefined;
  limit: number;
  offset: number;
}

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (filters: IndicatorFilters) => ['indicators', 'list', filters] as const,
  detail: (indicatorId: string) => ['indicators', 'detail', indicatorId] as const,
};

export const allowlistKeys = {
  all: ['allowlist'] as const,
  list: (filters: AllowlistFilters) => ['allowlist', 'list', filters] as const,
};

export function useIndicators(filters: IndicatorFilters) {
  return useQuery({
    queryKey: indicatorKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get('/api/indicators', { schema: IndicatorPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A search for the merge form: nothing is asked until something is typed. */
export function useIndicatorSearch(q: string, limit: number) {
  const filters: IndicatorFilters = { q, limit, offset: 0 };
  return useQuery({
    queryKey: indicatorKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get('/api/indicators', { schema: IndicatorPage, query: { ...filters }, signal }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(indicatorId: string) {
  return useQuery({
    queryKey: indicatorKeys.detail(indicatorId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/indicators/:indicatorId', { indicatorId }), { schema: IndicatorDetail, signal }),
  });
}

export function useReportIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateIndicatorRequest) =>
      api.post('/api/indicators', request, { schema: Indicator }),
    onSuccess: (indicator) => {
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicator.id) });
    },
  });
}

export function useChangeIndicatorStatus(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangeIndicatorStatusRequest) =>
      api.post(apiPath('/api/indicators/:indicatorId/status', { indicatorId }), request, {
        schema: Indicator,
      }),
    // The answer has no sources or history: the detail is read again with the new event.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicatorId) });
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'list'] });
    },
  });
}

/**
 * Merges the entry into another (`intoId`), which the answer is. Both entries' details change (sources,
 * history, the alias), and the merged one leaves the lists.
 */
export function useMergeIndicator(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MergeIndicatorRequest) =>
      api.post(apiPath('/api/indicators/:indicatorId/merge', { indicatorId }), request, {
        schema: Indicator,
      }),
    onSettled: (_kept, _error, request) => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicatorId) });
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(request.intoId) });
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'list'] });
    },
  });
}

export function useAllowlist(filters: AllowlistFilters) {
  return useQuery({
    queryKey: allowlistKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get('/api/allowlist', { schema: AllowlistPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAddToAllowlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateAllowlistEntryRequest) =>
      api.post('/api/allowlist', request, { schema: AllowlistEntry }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: allowlistKeys.all }),
  });
}

export function useRemoveFromAllowlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (allowlistId: string) => api.delete(apiPath('/api/allowlist/:allowlistId', { allowlistId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: allowlistKeys.all }),
  });
}

export const delegationKeys = {
  all: ['delegations'] as const,
};

/** A police agency's own grants; for any other agency, the grants made to it. */
export function useDelegations() {
  return useQuery({
    queryKey: delegationKeys.all,
    queryFn: ({ signal }) => api.get('/api/registry/delegations', { schema: DelegationList, signal }),
  });
}

export function useGrantDelegation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDelegationRequest) =>
      api.post('/api/registry/delegations', request, { schema: Delegation }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: delegationKeys.all }),
  });
}

export function useRevokeDelegation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delegationId: string) =>
      api.delete(apiPath('/api/registry/delegations/:delegationId', { delegationId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: delegationKeys.all }),
  });
}
