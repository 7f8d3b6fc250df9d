import {
  Agency,
  AgencyPage,
  type AgencyType,
  type CreateAgencyRequest,
  type UpdateAgencyRequest,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

export interface AgencyFilters {
  q?: string | undefined;
  type?: AgencyType | undefined;
  provinceCode?: string | undefined;
  limit: number;
  offset: number;
}

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters) => ['agencies', 'list', filters] as const,
  detail: (agencyId: string) => ['agencies', 'detail', agencyId] as const,
};

export function useAgencies(filters: AgencyFilters) {
  return useQuery({
    queryKey: agencyKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/agencies', { schema: AgencyPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAgency(agencyId: string) {
  return useQuery({
    queryKey: agencyKeys.detail(agencyId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/agencies/:agencyId', { agencyId }), { schema: Agency, signal }),
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateAgencyRequest) => api.post('/api/agencies', request, { schema: Agency }),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyKeys.detail(agency.id), agency);
      void queryClient.invalidateQueries({ queryKey: [...agencyKeys.all, 'list'] });
    },
  });
}

export function useUpdateAgency(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateAgencyRequest) =>
      api.patch(apiPath('/api/agencies/:agencyId', { agencyId }), request, { schema: Agency }),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyKeys.detail(agency.id), agency);
      void queryClient.invalidateQueries({ queryKey: [...agencyKeys.all, 'list'] });
    },
  });
}
