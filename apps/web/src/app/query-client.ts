import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../api/problem';
import { meKey } from '../features/auth/keys';

/** Client errors (4xx) will not go away by asking again; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionError(client, error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * Any call that finds the session gone marks the person signed out, and the staff shell sends them to
 * sign-in; a session that may only enrol TOTP (or must change its password) reloads who is signed in so
 * the shell shows the profile page.
 */
function onSessionError(client: QueryClient, error: unknown) {
  if (isApiError(error, 'auth.required')) {
    client.setQueryData(meKey, null);
  } else if (
    isApiError(error, 'auth.totp_enrolment_required') ||
    isApiError(error, 'auth.password_change_required')
  ) {
    void client.invalidateQueries({ queryKey: meKey });
  }
}
