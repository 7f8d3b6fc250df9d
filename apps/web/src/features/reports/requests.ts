import type {
  AddCaseReportsRequest,
  AssignReportRequest,
  ChangeReportStatusRequest,
  ContactChannel,
  CreateCaseRequest,
  CreateStaffReportRequest,
  DeadlineExtension,
  ExtendReportDeadlineRequest,
  LinkedReport,
  ReportDecision,
  ReportDetail,
  ReportStatus,
  ScamMethod,
  StaffReportChannel,
  TransferReportRequest,
} from '@khien/contracts';
import { optionalText } from '../../ui/messages';

/** A number input gives a number, or '' when empty. */
export type AmountValue = number | string;

/** A whole number of đồng, or undefined when nothing (or nothing readable) was typed. */
export function toVnd(value: AmountValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : undefined;
  const digits = value.replace(/\D/g, '');
  return digits ? Number(digits) : undefined;
}

/**
 * A `datetime-local` or `date` value (the device's time, Vietnam for the people who use Khiên) as the
 * ISO instant the API stores; '' and unreadable values give undefined.
 */
export function localToIso(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00` : trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export interface TransferValues {
  /** Keeps React's list keys stable while transfers are added and removed; never sent. */
  key: string;
  fromBank: string;
  fromAccount: string;
  toBank: string;
  toAccount: string;
  amountVnd: AmountValue;
  at: string;
  reference: string;
}

export interface ContactValues {
  fullName: string;
  phone: string;
  email: string;
  address: string;
}

/** What the intake form holds: everything stays as typed until the report is recorded. */
export interface IntakeValues {
  channel: StaffReportChannel | '';
  scamMethod: ScamMethod | null;
  occurredAt: string;
  channels: ContactChannel[];
  /** One identifier a line, as the reporter gave them. */
  identifiers: string;
  transfers: TransferValues[];
  totalLossVnd: AmountValue;
  story: string;
  provinceCode: string | null;
  communeCode: string | null;
  withContact: boolean;
  contact: ContactValues;
  language: 'vi' | 'en';
}

let transferKeys = 0;

export function emptyTransfer(): TransferValues {
  transferKeys += 1;
  return {
    key: `transfer-${transferKeys}`,
    fromBank: '',
    fromAccount: '',
    toBank: '',
    toAccount: '',
    amountVnd: '',
    at: '',
    reference: '',
  };
}

/** A new intake, in the unit's own province (most reports come from there). */
export function emptyIntake(provinceCode: string | null = null): IntakeValues {
  return {
    channel: '',
    scamMethod: null,
    occurredAt: '',
    channels: [],
    identifiers: '',
    transfers: [],
    totalLossVnd: '',
    story: '',
    provinceCode,
    communeCode: null,
    withContact: false,
    contact: { fullName: '', phone: '', email: '', address: '' },
    language: 'vi',
  };
}

/** The lines of the identifiers box, trimmed, without blanks or repeats. */
export function identifierLines(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

/** The sum of the transfers' amounts that can be read. */
export function transfersTotal(transfers: readonly TransferValues[]): number {
  return transfers.reduce((sum, transfer) => sum + (toVnd(transfer.amountVnd) ?? 0), 0);
}

/**
 * The request for the intake form's values: empty fields are left out, amounts are whole đồng, times are
 * ISO instants, and the contact is sent only when the reporter gave one.
 */
export function toIntakeRequest(values: IntakeValues): Partial<CreateStaffReportRequest> {
  const contact = values.withContact
    ? {
        fullName: values.contact.fullName.trim(),
        phone: optionalText(values.contact.phone),
        email: optionalText(values.contact.email),
        address: optionalText(values.contact.address),
      }
    : undefined;
  return {
    channel: values.channel || undefined,
    scamMethod: values.scamMethod ?? undefined,
    occurredAt: localToIso(values.occurredAt),
    channels: values.channels,
    identifiers: identifierLines(values.identifiers),
    transfers: values.transfers.map((transfer) => ({
      fromBank: optionalText(transfer.fromBank),
      fromAccount: optionalText(transfer.fromAccount),
      toBank: optionalText(transfer.toBank),
      toAccount: transfer.toAccount.trim(),
      // 0 is refused with the contract's own code (amount.invalid), so an empty amount says so too.
      amountVnd: toVnd(transfer.amountVnd) ?? 0,
      at: localToIso(transfer.at),
      reference: optionalText(transfer.reference),
    })),
    totalLossVnd: toVnd(values.totalLossVnd),
    story: values.story.trim(),
    provinceCode: values.provinceCode ?? undefined,
    communeCode: values.communeCode ?? undefined,
    contact,
    language: values.language,
  };
}

/** The top-level fields of the intake form, for the error alert to leave to them. */
export const intakeFields = [
  'channel',
  'scamMethod',
  'occurredAt',
  'channels',
  'identifiers',
  'transfers',
  'totalLossVnd',
  'story',
  'provinceCode',
  'communeCode',
  'contact',
  'language',
] as const;

const transferFields = ['fromBank', 'fromAccount', 'toBank', 'toAccount', 'amountVnd', 'at', 'reference'];
const contactFields = ['fullName', 'phone', 'email', 'address'];

/**
 * The form field an error path belongs to: a transfer's own field (`transfers.1.toAccount`), a contact
 * field (`contact.phone`), else the top-level field (`identifiers.3` → `identifiers`).
 */
export function intakeErrorField(path: string): string {
  const [first = '', second, third] = path.split('.');
  if (first === 'transfers' && second !== undefined && /^\d+$/.test(second) && third !== undefined)
    return transferFields.includes(third) ? `transfers.${second}.${third}` : 'transfers';
  if (first === 'contact' && second !== undefined && contactFields.includes(second))
    return `contact.${second}`;
  return first;
}

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
