import { Me, type LoginRequest } from '@khien/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isApiError } from '../../api/problem';
import { meKey, signedOutKey } from './keys';

export { meKey, signedOutKey };

/** Who is signed in, or null when nobody is (the server answers 401 auth.required). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get('/api/me', { schema: Me });
  } catch (error) {
    if (isApiError(error, 'auth.required')) return null;
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 30_000 });

export function useMe() {
  return useQuery(meQuery);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => api.post('/api/auth/login', request, { schema: Me }),
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous session (if any).
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
  });
}

/**
 * Signs out and forgets everything fetched, personal data included, even if the server was unreachable.
 * The signed-out mark tells the staff shell to send the person to sign-in without a "come back to" address.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(signedOutKey, true);
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** Only paths inside the staff app are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/app') || next.startsWith('//')) return '/app';
  return /^\/app([/?#]|$)/.test(next) ? next : '/app';
}
