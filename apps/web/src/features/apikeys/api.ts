import { ApiKeyList, CreatedApiKey, type CreateApiKeyRequest } from '@khien/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

export const apiKeyKeys = { ofAgency: (agencyId: string) => ['api-keys', agencyId] as const };

export function useApiKeys(agencyId: string) {
  return useQuery({
    queryKey: apiKeyKeys.ofAgency(agencyId),
    queryFn: async ({ signal }) =>
      (
        await api.get(apiPath('/api/agencies/:agencyId/api-keys', { agencyId }), {
          schema: ApiKeyList,
          signal,
        })
      ).items,
  });
}

export function useCreateApiKey(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiKeyRequest) =>
      api.post(apiPath('/api/agencies/:agencyId/api-keys', { agencyId }), request, { schema: CreatedApiKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.ofAgency(agencyId) }),
  });
}

export function useRevokeApiKey(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) =>
      api.delete(apiPath('/api/agencies/:agencyId/api-keys/:apiKeyId', { agencyId, apiKeyId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.ofAgency(agencyId) }),
  });
}
