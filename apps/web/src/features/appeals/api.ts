import {
  Appeal,
  AppealDetail,
  AppealPage,
  AppealReceipt,
  PublicAppealStatus,
  type CreateAppealRequest,
  type DecideAppealRequest,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import { isApiError } from '../../api/problem';
import { indicatorKeys } from '../registry/api';
import type { FollowRequest } from '../tracking/codes';
import type { AppealFilters } from './requests';

export const appealKeys = {
  all: ['appeals'] as const,
  list: (filters: AppealFilters) => ['appeals', 'list', filters] as const,
  detail: (appealId: string) => ['appeals', 'detail', appealId] as const,
};

/** Sends a public appeal; the answer holds the secret, shown once and never cached. */
export function useSubmitAppeal() {
  return useMutation({
    mutationFn: (request: CreateAppealRequest) =>
      api.post('/api/public/appeals', request, { schema: AppealReceipt }),
  });
}

/**
 * Reads an appeal's status with its secret (in a header, never in the address). A mutation, not a query:
 * the secret must not become part of a cache key, and each look is asked for explicitly.
 */
export function useFollowAppeal() {
  return useMutation({
    mutationFn: ({ trackingCode, secret }: FollowRequest) =>
      api.get(apiPath('/api/public/appeals/:trackingCode', { trackingCode }), {
        schema: PublicAppealStatus,
        headers: { 'x-khien-secret': secret },
      }),
  });
}

export function useAppeals(filters: AppealFilters) {
  return useQuery({
    queryKey: appealKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/appeals', { schema: AppealPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One appeal with the appellant's contact details: every read is audited by the server. */
export function useAppeal(appealId: string) {
  return useQuery({
    queryKey: appealKeys.detail(appealId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/appeals/:appealId', { appealId }), { schema: AppealDetail, signal }),
  });
}

export function useDecideAppeal(appealId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DecideAppealRequest) =>
      api.post(apiPath('/api/appeals/:appealId/decision', { appealId }), request, { schema: Appeal }),
    onSuccess: (appeal) => {
      // The answer has everything but the contact: merged in, so the decision does not read it again.
      queryClient.setQueryData<AppealDetail>(appealKeys.detail(appealId), (current) =>
        current ? { ...current, ...appeal } : current,
      );
      void queryClient.invalidateQueries({ queryKey: [...appealKeys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(appeal.indicatorId) });
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'list'] });
    },
    onError: (error) => {
      // Someone else decided first: show what they decided.
      if (isApiError(error, 'appeal.already_decided'))
        void queryClient.invalidateQueries({ queryKey: appealKeys.all });
    },
  });
}
