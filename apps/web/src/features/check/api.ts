import { CheckResponse } from '@khien/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CheckRequestSpec } from './request';

export const checkKeys = {
  all: ['public-check'] as const,
  /** A posted text is known by its id only: the text itself never becomes part of a cache key. */
  of: (spec: NonNullable<CheckRequestSpec>) =>
    spec.method === 'get'
      ? (['public-check', 'get', spec.text] as const)
      : (['public-check', 'post', spec.id] as const),
};

/** The public check: the answer for the text in the address (GET) or for a posted text (POST). */
export function usePublicCheck(spec: CheckRequestSpec) {
  return useQuery({
    queryKey: spec ? checkKeys.of(spec) : [...checkKeys.all, 'none'],
    queryFn: ({ signal }) => {
      if (!spec) throw new Error('Nothing to check');
      return spec.method === 'get'
        ? api.get('/api/public/check', { schema: CheckResponse, query: { q: spec.text }, signal })
        : api.post('/api/public/check', { q: spec.text }, { schema: CheckResponse, signal });
    },
    enabled: spec !== null,
    // The answers may name what someone pasted from a private message: keep them briefly, in memory only.
    staleTime: 60_000,
    gcTime: 10 * 60_000,
  });
}
