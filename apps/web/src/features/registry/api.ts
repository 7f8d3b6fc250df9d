import {
  AllowlistEntry,
  AllowlistPage,
  Indicator,
  IndicatorDetail,
  IndicatorPage,
  type ChangeIndicatorStatusRequest,
  type CreateAllowlistEntryRequest,
  type CreateIndicatorRequest,
  type IndicatorKind,
  type IndicatorStatus,
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
