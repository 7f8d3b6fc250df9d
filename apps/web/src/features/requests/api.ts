import {
  AgencyRequest,
  AgencyRequestDetail,
  RequestPage,
  RequestRecipients,
  type RenewHoldBody,
  type ForwardHoldsBody,
  type ReasonBody,
  type RequestType,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { RequestFilters } from './filters';

export const requestKeys = {
  all: ['requests'] as const,
  lists: ['requests', 'list'] as const,
  list: (filters: RequestFilters) => ['requests', 'list', filters] as const,
  detail: (requestId: string) => ['requests', 'detail', requestId] as const,
  recipients: (type: RequestType | null, q: string) => ['requests', 'recipients', type, q] as const,
};

/** Every write under /api/requests carries the submission's idempotency key. */
export interface Keyed<T> {
  body: T;
  key: string;
}

const keyed = (key: string) => ({ 'Idempotency-Key': key });

export function useRequests(filters: RequestFilters, enabled = true) {
  return useQuery({
    queryKey: requestKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/requests', { schema: RequestPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRequest(requestId: string) {
  return useQuery({
    queryKey: requestKeys.detail(requestId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/requests/:requestId', { requestId }), { schema: AgencyRequestDetail, signal }),
  });
}

/** The agencies that may receive a type of request, searched by name on the server. */
export function useRecipients(type: RequestType | null, q = '') {
  return useQuery({
    queryKey: requestKeys.recipients(type, q),
    queryFn: ({ signal }) =>
      api.get('/api/requests/recipients', {
        schema: RequestRecipients,
        query: { type: type ?? undefined, q: q || undefined },
        signal,
      }),
    enabled: type !== null,
    staleTime: 5 * 60_000,
  });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: Keyed<unknown>) =>
      api.post('/api/requests', body, { schema: AgencyRequestDetail, headers: keyed(key) }),
    onSuccess: (created) => {
      queryClient.setQueryData(requestKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists });
    },
  });
}

/**
 * Every action on a request answers the whole request: it replaces the cached one, and the lists (and
 * the money ledger, which holds and answers feed) are read again.
 */
function useRequestAction<T>(requestId: string, action: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: Keyed<T>) =>
      api.post(apiPath(`/api/requests/:requestId/${action}`, { requestId }), body, {
        schema: AgencyRequestDetail,
        headers: keyed(key),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKeys.detail(requestId), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['recovery'] });
    },
    onError: (error) => {
      // Someone moved the request first (answered, cancelled): show where it is now.
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: requestKeys.detail(requestId) });
    },
  });
}

export const useAcknowledgeRequest = (requestId: string) =>
  useRequestAction<Record<string, never>>(requestId, 'acknowledge');
export const useAnswerRequest = (requestId: string) => useRequestAction<unknown>(requestId, 'answer');
export const useRefuseRequest = (requestId: string) => useRequestAction<ReasonBody>(requestId, 'refuse');
export const useCancelRequest = (requestId: string) => useRequestAction<ReasonBody>(requestId, 'cancel');
export const useRenewHold = (requestId: string) => useRequestAction<RenewHoldBody>(requestId, 'renew');

/** `{ items: AgencyRequest[] }`, each item checked by the contract. */
const ForwardedRequests = {
  parse(data: unknown): { items: AgencyRequest[] } {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error('items expected');
    return { items: items.map((item) => AgencyRequest.parse(item)) };
  },
};

/** Turns chosen onward transfers into hold requests to the next banks; the parent gains children. */
export function useForwardHolds(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: Keyed<ForwardHoldsBody>) =>
      api.post(apiPath('/api/requests/:requestId/forward', { requestId }), body, {
        schema: ForwardedRequests,
        headers: keyed(key),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(requestId) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['recovery'] });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: requestKeys.detail(requestId) });
    },
  });
}
