import { RecoverySummary, ReportRecovery, type RecordReturnBody } from '@khien/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

export const recoveryKeys = {
  all: ['recovery'] as const,
  report: (reportId: string) => ['recovery', 'report', reportId] as const,
  summary: (provinceCode: string | null, caseId: string | null) =>
    ['recovery', 'summary', provinceCode, caseId] as const,
};

export function useReportRecovery(reportId: string) {
  return useQuery({
    queryKey: recoveryKeys.report(reportId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/reports/:reportId/recovery', { reportId }), { schema: ReportRecovery, signal }),
  });
}

export function useRecordReturn(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordReturnBody) =>
      api.post(apiPath('/api/reports/:reportId/recovery/returns', { reportId }), body, {
        schema: ReportRecovery,
      }),
    onSuccess: (recovery) => {
      queryClient.setQueryData(recoveryKeys.report(reportId), recovery);
      void queryClient.invalidateQueries({ queryKey: [...recoveryKeys.all, 'summary'] });
    },
  });
}

export function useRecoverySummary(provinceCode: string | null, caseId: string | null = null) {
  return useQuery({
    queryKey: recoveryKeys.summary(provinceCode, caseId),
    queryFn: ({ signal }) =>
      api.get('/api/recovery/summary', {
        schema: RecoverySummary,
        query: { provinceCode, caseId },
        signal,
      }),
  });
}
