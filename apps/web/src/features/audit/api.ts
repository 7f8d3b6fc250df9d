import { AuditPage, AuditVerification } from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The query of GET /api/audit, as strings (dates already turned into ISO instants). */
export interface AuditFilters {
  action?: string | undefined;
  personalData?: 'true' | 'false' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  agencyId?: string | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  limit: number;
  offset: number;
}

export function useAuditEntries(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/audit', { schema: AuditPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Verifying walks the whole chain, so it runs when asked, not on every visit. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get('/api/audit/verify', { schema: AuditVerification }) });
}

export type VerifyAuditChain = ReturnType<typeof useVerifyAuditChain>;
