import { CreatedWebhook, WebhookDeliveryPage, WebhookList, type CreateWebhookBody } from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (webhookId: string, offset: number) => ['webhooks', 'deliveries', webhookId, offset] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list,
    queryFn: ({ signal }) => api.get('/api/webhooks', { schema: WebhookList, signal }),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => api.post('/api/webhooks', body, { schema: CreatedWebhook }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  });
}

export function useRemoveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => api.delete(apiPath('/api/webhooks/:webhookId', { webhookId })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  });
}

export function useWebhookDeliveries(webhookId: string, limit: number, offset: number) {
  return useQuery({
    queryKey: webhookKeys.deliveries(webhookId, offset),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/webhooks/:webhookId/deliveries', { webhookId }), {
        schema: WebhookDeliveryPage,
        query: { limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
