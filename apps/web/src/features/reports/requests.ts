import type {
  AddCaseReportsRequest,
  AssignReportRequest,
  ChangeReportStatusRequest,
  CreateCaseRequest,
  DeadlineExtension,
  ExtendReportDeadlineRequest,
  LinkedReport,
  ReportDecision,
  ReportDetail,
  ReportStatus,
  TransferReportRequest,
} from '@khien/contracts';
import { optionalText } from '../../ui/messages';

export interface StatusValues {
  decision: ReportDecision | '';
  reason: string;
  publicMessage: string;
}

export const emptyStatus: StatusValues = { decision: '', reason: '', publicMessage: '' };

export function toStatusRequest(to: ReportStatus, values: StatusValues): ChangeReportStatusRequest {
  return {
    to,
    decision: values.decision || undefined,
    reason: values.reason.trim(),
    publicMessage: optionalText(values.publicMessage),
  };
}

/** The decisions the status table offers for a move, or none (then no decision is asked). */
export function decisionsFor(report: Pick<ReportDetail, 'allowedTransitions'>, to: ReportStatus) {
  return report.allowedTransitions.find((transition) => transition.to === to)?.decisions ?? [];
}

export interface AssignValues {
  /** '' removes the assignment. */
  userId: string;
  reason: string;
}

export function toAssignRequest(values: AssignValues): AssignReportRequest {
  return { userId: values.userId || null, reason: optionalText(values.reason) };
}

export interface TransferUnitValues {
  agencyId: string | null;
  reason: string;
}

export function toTransferRequest(values: TransferUnitValues): Partial<TransferReportRequest> {
  return { agencyId: values.agencyId ?? undefined, reason: values.reason.trim() };
}

export interface ExtendValues {
  extension: DeadlineExtension | '';
  months: string;
  reason: string;
}

export function toExtendRequest(values: ExtendValues): Partial<ExtendReportDeadlineRequest> {
  return {
    extension: values.extension || undefined,
    months: Number(values.months),
    reason: values.reason.trim(),
  };
}

export type GroupMode = 'new' | 'existing';

export interface GroupValues {
  mode: GroupMode;
  title: string;
  caseId: string | null;
  reason: string;
}

export function toCreateCaseRequest(values: GroupValues, reportIds: string[]): CreateCaseRequest {
  return { title: values.title.trim(), reportIds, reason: values.reason.trim() };
}

export function toAddReportsRequest(values: GroupValues, reportIds: string[]): AddCaseReportsRequest {
  return { reportIds, reason: values.reason.trim() };
}

/**
 * The linked reports that may join this report's case (or a new case with it): those not already in
 * that case. Those in no case are picked at first; one already in another case only on purpose.
 */
export function groupCandidates(report: Pick<ReportDetail, 'caseId' | 'linkedReports'>): {
  candidates: LinkedReport[];
  preselected: string[];
} {
  const candidates = report.linkedReports.filter(
    (linked) => report.caseId === null || linked.caseId !== report.caseId,
  );
  return {
    candidates,
    preselected: candidates.filter((linked) => linked.caseId === null).map((linked) => linked.id),
  };
}

/** The reports a grouping sends: the report itself when it is not in a case yet, then the chosen ones. */
export function groupReportIds(
  report: Pick<ReportDetail, 'id' | 'caseId'>,
  selected: readonly string[],
): string[] {
  const ids = report.caseId === null ? [report.id, ...selected] : [...selected];
  return [...new Set(ids)];
}
