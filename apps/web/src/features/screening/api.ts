import {
  BacktestResult,
  DecisionPage,
  FlagItem,
  FlagPage,
  RequestRecipients,
  ReviewItem,
  ReviewPage,
  RuleSetList,
  RuleSetVersion,
  type EditRuleSetDraft,
  type FlagReviewBody,
  type ReviewBody,
  type ReviewStatus,
  type ScreeningAction,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import type { FlagStatus } from './flags';
import { isApiError } from '../../api/problem';

export const screeningKeys = {
  all: ['screening'] as const,
  reviews: ['screening', 'reviews'] as const,
  reviewList: (status: ReviewStatus, offset: number, limit: number) =>
    ['screening', 'reviews', status, offset, limit] as const,
  decisions: ['screening', 'decisions'] as const,
  decisionList: (action: ScreeningAction | undefined, offset: number, limit: number) =>
    ['screening', 'decisions', action ?? null, offset, limit] as const,
  ruleSets: ['screening', 'rule-sets'] as const,
  police: ['screening', 'police'] as const,
  flags: ['screening', 'flags'] as const,
  flagList: (status: FlagStatus, offset: number, limit: number) =>
    ['screening', 'flags', status, offset, limit] as const,
};

export function useReviews(status: ReviewStatus, offset: number, limit: number) {
  return useQuery({
    queryKey: screeningKeys.reviewList(status, offset, limit),
    queryFn: ({ signal }) =>
      api.get('/api/screening/reviews', { schema: ReviewPage, query: { status, limit, offset }, signal }),
    placeholderData: keepPreviousData,
    // A live queue: transfers are held while the analyst looks at it.
    staleTime: 0,
    refetchInterval: 15_000,
  });
}

export function useDecisions(action: ScreeningAction | undefined, offset: number, limit: number) {
  return useQuery({
    queryKey: screeningKeys.decisionList(action, offset, limit),
    queryFn: ({ signal }) =>
      api.get('/api/screening/decisions', {
        schema: DecisionPage,
        query: { action, limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: 15_000,
  });
}

/** The police agencies a bank may send a suspicious-account notice to. */
export function usePoliceAgencies(enabled: boolean) {
  return useQuery({
    queryKey: screeningKeys.police,
    queryFn: ({ signal }) =>
      api.get('/api/requests/recipients', {
        schema: RequestRecipients,
        query: { type: 'suspicious_account_notice' },
        signal,
      }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Releases a held transfer or confirms fraud; every list of reviews is read again. */
export function useReview(transferId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) =>
      api.post(apiPath('/api/screening/reviews/:transferId', { transferId }), body, { schema: ReviewItem }),
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.reviews });
      // A notice to the police is a request the bank sent.
      if (item.noticeRequestId) void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (error) => {
      // Someone else reviewed it first: show where it is now.
      if (isApiError(error, 'screening.review_done'))
        void queryClient.invalidateQueries({ queryKey: screeningKeys.reviews });
    },
  });
}

export function useRuleSets() {
  return useQuery({
    queryKey: screeningKeys.ruleSets,
    queryFn: ({ signal }) => api.get('/api/screening/rule-sets', { schema: RuleSetList, signal }),
  });
}

function useRuleSetWrite<T>(write: (input: T) => Promise<RuleSetVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.ruleSets });
      void queryClient.invalidateQueries({ queryKey: screeningKeys.decisions });
    },
  });
}

export const useCreateDraft = () =>
  useRuleSetWrite((from: 'default' | number) =>
    api.post('/api/screening/rule-sets', { from }, { schema: RuleSetVersion }),
  );

export const useEditDraft = () =>
  useRuleSetWrite(({ version, body }: { version: number; body: EditRuleSetDraft }) =>
    api.put(apiPath('/api/screening/rule-sets/:version', { version: String(version) }), body, {
      schema: RuleSetVersion,
    }),
  );

export const usePublish = () =>
  useRuleSetWrite((version: number) =>
    api.post(
      apiPath('/api/screening/rule-sets/:version/publish', { version: String(version) }),
      {},
      {
        schema: RuleSetVersion,
      },
    ),
  );

export const useShadow = () =>
  useRuleSetWrite(({ version, shadow }: { version: number; shadow: boolean }) =>
    api.post(
      apiPath('/api/screening/rule-sets/:version/shadow', { version: String(version) }),
      { shadow },
      { schema: RuleSetVersion },
    ),
  );

export function useFlags(status: FlagStatus, offset: number, limit: number) {
  return useQuery({
    queryKey: screeningKeys.flagList(status, offset, limit),
    queryFn: ({ signal }) =>
      api.get('/api/screening/flags', { schema: FlagPage, query: { status, limit, offset }, signal }),
    placeholderData: keepPreviousData,
    // A live list: the mule detector raises flags as completed transfers come in.
    staleTime: 0,
    refetchInterval: 15_000,
  });
}

/** Dismisses a flagged account or confirms fraud; every list of flags is read again. */
export function useFlagReview(flagId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FlagReviewBody) =>
      api.post(apiPath('/api/screening/flags/:flagId', { flagId }), body, { schema: FlagItem }),
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: screeningKeys.flags });
      if (item.noticeRequestId) void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (error) => {
      if (isApiError(error, 'screening.review_done'))
        void queryClient.invalidateQueries({ queryKey: screeningKeys.flags });
    },
  });
}

/** Runs a version (0: the default set) over past transfers given as CSV; nothing is stored. */
export function useBacktest() {
  return useMutation({
    mutationFn: ({ version, csv }: { version: number; csv: string }) =>
      api.post(
        apiPath('/api/screening/rule-sets/:version/backtest', { version: String(version) }),
        { csv },
        { schema: BacktestResult },
      ),
  });
}
