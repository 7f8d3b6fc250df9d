import { User, UserPage, type CreateUserRequest, type UpdateUserRequest } from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

export interface UserFilters {
  q?: string | undefined;
  limit: number;
  offset: number;
}

export const userKeys = {
  ofAgency: (agencyId: string) => ['users', agencyId] as const,
  list: (agencyId: string, filters: UserFilters) => ['users', agencyId, 'list', filters] as const,
};

/** Staff lists are personal data: the server records each read in the audit log. */
export function useUsers(agencyId: string, filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(agencyId, filters),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/agencies/:agencyId/users', { agencyId }), {
        schema: UserPage,
        query: { ...filters },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) =>
      api.post(apiPath('/api/agencies/:agencyId/users', { agencyId }), request, { schema: User }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.ofAgency(agencyId) }),
  });
}

export function useUpdateUser(agencyId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateUserRequest) =>
      api.patch(apiPath('/api/agencies/:agencyId/users/:userId', { agencyId, userId }), request, {
        schema: User,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.ofAgency(agencyId) }),
  });
}
