import {
  CaseDetail,
  CasePage,
  ReportContact,
  ReportDetail,
  ReportPage,
  type AddCaseReportsRequest,
  type AssignReportRequest,
  type ChangeReportStatusRequest,
  type CreateCaseRequest,
  type CreateStaffReportRequest,
  type ExtendReportDeadlineRequest,
  type ReportNoteRequest,
  type TransferReportRequest,
} from '@khien/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { CaseFilters, ReportFilters } from './filters';

export const reportKeys = {
  all: ['reports'] as const,
  lists: ['reports', 'list'] as const,
  list: (filters: ReportFilters) => ['reports', 'list', filters] as const,
  detail: (reportId: string) => ['reports', 'detail', reportId] as const,
};

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
};

export function useReports(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/reports', { schema: ReportPage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(reportId: string) {
  return useQuery({
    queryKey: reportKeys.detail(reportId),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/reports/:reportId', { reportId }), { schema: ReportDetail, signal }),
  });
}

export function useCreateStaffReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateStaffReportRequest) =>
      api.post('/api/reports', request, { schema: ReportDetail }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(report.id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.lists });
    },
  });
}

/**
 * The reporter's contact details. A mutation, not a query: the server audits every read, so it is read
 * only when the officer asks, never again on a refocus or a remount, and never kept in the cache.
 */
export function useRevealContact(reportId: string) {
  return useMutation({
    mutationFn: () =>
      api.get(apiPath('/api/reports/:reportId/contact', { reportId }), { schema: ReportContact }),
  });
}

/** Every handling action answers the whole report: it replaces the cached one, and the lists are read again. */
function useReportAction<T>(reportId: string, action: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: T) =>
      api.post(apiPath(`/api/reports/:reportId/${action}`, { reportId }), request, { schema: ReportDetail }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(reportId), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.lists });
    },
    onError: (error) => {
      // Someone else moved the report first: show where it is now.
      if (isApiError(error, 'report.transition_not_allowed'))
        void queryClient.invalidateQueries({ queryKey: reportKeys.detail(reportId) });
    },
  });
}

export const useChangeReportStatus = (reportId: string) =>
  useReportAction<ChangeReportStatusRequest>(reportId, 'status');
export const useAssignReport = (reportId: string) => useReportAction<AssignReportRequest>(reportId, 'assign');
export const useAddReportNote = (reportId: string) => useReportAction<ReportNoteRequest>(reportId, 'notes');
export const useTransferReport = (reportId: string) =>
  useReportAction<TransferReportRequest>(reportId, 'transfer');
export const useExtendReportDeadline = (reportId: string) =>
  useReportAction<ExtendReportDeadlineRequest>(reportId, 'extend');

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/cases', { schema: CasePage, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string | null) {
  return useQuery({
    queryKey: caseKeys.detail(caseId ?? ''),
    queryFn: ({ signal }) =>
      api.get(apiPath('/api/cases/:caseId', { caseId: caseId ?? '' }), { schema: CaseDetail, signal }),
    enabled: caseId !== null,
  });
}

/** A grouping changes the case and every report in it (their `caseId` and timeline). */
function useGroupingDone() {
  const queryClient = useQueryClient();
  return (found: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(found.id), found);
    void queryClient.invalidateQueries({ queryKey: [...caseKeys.all, 'list'] });
    void queryClient.invalidateQueries({ queryKey: reportKeys.all });
  };
}

export function useCreateCase() {
  const done = useGroupingDone();
  return useMutation({
    mutationFn: (request: CreateCaseRequest) => api.post('/api/cases', request, { schema: CaseDetail }),
    onSuccess: done,
  });
}

export function useAddCaseReports() {
  const done = useGroupingDone();
  return useMutation({
    mutationFn: ({ caseId, request }: { caseId: string; request: AddCaseReportsRequest }) =>
      api.post(apiPath('/api/cases/:caseId/reports', { caseId }), request, { schema: CaseDetail }),
    onSuccess: done,
  });
}
