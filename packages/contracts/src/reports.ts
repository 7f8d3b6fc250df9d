import { z } from 'zod';
import {
  IsoDateTime,
  PageQuery,
  Uuid,
  contactFields,
  contactRequired,
  pageOf,
  trackingParams,
  trackingReceipt,
} from './common.js';
import { IndicatorKind, IndicatorStatus, ScamMethod } from './indicators.js';

/**
 * Scam reports (tố giác, tin báo về tội phạm) and their handling by the police: what citizens send,
 * what they may follow, and what the handling unit works with.
 */

/** How a report reached the police. `online` is the public form; the others are staff intake. */
export const ReportChannel = z.enum([
  'online',
  'hotline',
  'walk_in',
  'mailbox',
  'unit_transfer',
  'bank_notice',
  'telco_notice',
]);
export type ReportChannel = z.infer<typeof ReportChannel>;
export const StaffReportChannel = ReportChannel.exclude(['online']);
export type StaffReportChannel = z.infer<typeof StaffReportChannel>;

/** Through which channels the scammer reached the victim. */
export const ContactChannel = z.enum([
  'phone_call',
  'sms',
  'zalo',
  'facebook',
  'telegram',
  'tiktok',
  'website',
  'email',
  'mobile_app',
  'in_person',
  'other',
]);
export type ContactChannel = z.infer<typeof ContactChannel>;

/** The stages of a report (Criminal Procedure Code, art. 145–148). */
export const ReportStatus = z.enum(['received', 'verifying', 'decided', 'closed']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** What the handling unit decides (art. 147, 148 and administrative handling). */
export const ReportDecision = z.enum([
  'initiate_case',
  'not_initiate',
  'suspend',
  'transfer',
  'administrative',
]);
export type ReportDecision = z.infer<typeof ReportDecision>;

/** The extensions of art. 147: by the unit for a complex matter, then once by the procuracy. */
export const DeadlineExtension = z.enum(['complex', 'procuracy']);
export type DeadlineExtension = z.infer<typeof DeadlineExtension>;

const vnd = z.number().int().min(0).max(1e13);
const text = (max: number) => z.string().trim().max(max);

export const ReportTransferInput = z.object({
  fromBank: text(100).optional().describe("The victim's bank, as written"),
  fromAccount: text(40).optional().describe("The victim's account (personal data: stored encrypted)"),
  toBank: text(100).optional().describe('Bank or e-wallet of the receiving account, as written'),
  toAccount: z
    .string()
    .trim()
    .min(4, 'account.too_short')
    .max(40)
    .describe('The receiving account, wallet id or phone'),
  amountVnd: z.number().int().min(1, 'amount.invalid').max(1e13),
  at: IsoDateTime.optional(),
  reference: text(100).optional().describe('Transaction reference shown by the bank'),
});
export type ReportTransferInput = z.infer<typeof ReportTransferInput>;

export const ReportContactInput = z
  .object({
    ...contactFields,
    address: text(500).optional(),
  })
  .refine(...contactRequired);
export type ReportContactInput = z.infer<typeof ReportContactInput>;

/** A citizen's report from the public form (JSON, or the `report` field of a multipart upload). */
export const CreateReportRequest = z
  .object({
    scamMethod: ScamMethod,
    occurredAt: IsoDateTime.optional().describe('When it happened (date or date-time)'),
    channels: z.array(ContactChannel).max(11).default([]),
    identifiers: z
      .array(z.string().trim().min(1).max(500))
      .max(20, 'identifiers.too_many')
      .default([])
      .describe("The scammer's numbers, accounts, links, pages… as written"),
    transfers: z.array(ReportTransferInput).max(20, 'transfers.too_many').default([]),
    totalLossVnd: vnd.optional().describe('When not given: the sum of the transfers'),
    story: z.string().trim().min(20, 'story.too_short').max(10_000),
    provinceCode: z.string().regex(/^\d{2}$/, 'province.invalid'),
    communeCode: z
      .string()
      .regex(/^\d{5}$/, 'commune.invalid')
      .optional(),
    contact: ReportContactInput.optional().describe('Absent: an anonymous report'),
    language: z.enum(['vi', 'en']).default('vi').describe('For messages to the reporter'),
  })
  .meta({ id: 'CreateReportRequest' });
export type CreateReportRequest = z.input<typeof CreateReportRequest>;
export type CreateReportInput = z.output<typeof CreateReportRequest>;

/** A report taken by police staff: a hotline call, a walk-in, a letter, a transfer, a bank's notice. */
export const CreateStaffReportRequest = CreateReportRequest.extend({
  channel: StaffReportChannel,
  story: z.string().trim().min(5, 'story.too_short').max(10_000),
}).meta({ id: 'CreateStaffReportRequest' });
export type CreateStaffReportRequest = z.input<typeof CreateStaffReportRequest>;

export const ReportReceipt = z
  .object({
    ...trackingReceipt('report'),
    receivedAt: IsoDateTime,
    handlingUnit: z.string().nullable().describe('The police unit the report was routed to'),
    evidenceCount: z.number().int(),
  })
  .meta({ id: 'ReportReceipt' });
export type ReportReceipt = z.infer<typeof ReportReceipt>;

export const ReportTrackingParams = trackingParams('TG');

/** What the reporter sees: the stage, the unit and its decision; never internal notes. */
export const PublicReportStatus = z
  .object({
    trackingCode: z.string(),
    status: ReportStatus,
    decision: ReportDecision.nullable(),
    handlingUnit: z.string().nullable(),
    receivedAt: IsoDateTime,
    dueAt: IsoDateTime,
    decidedAt: IsoDateTime.nullable(),
    history: z.array(
      z.object({
        at: IsoDateTime,
        status: ReportStatus,
        decision: ReportDecision.nullable(),
        handlingUnit: z.string().nullable(),
        message: z.string().nullable().describe('What the unit wrote to the reporter'),
      }),
    ),
  })
  .meta({ id: 'PublicReportStatus' });
export type PublicReportStatus = z.infer<typeof PublicReportStatus>;

/** A report in the handling unit's inbox. */
export const Report = z
  .object({
    id: Uuid,
    trackingCode: z.string(),
    channel: ReportChannel,
    status: ReportStatus,
    decision: ReportDecision.nullable(),
    scamMethod: ScamMethod,
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    handlingAgencyId: Uuid.nullable(),
    handlingAgencyName: z.string().nullable(),
    assignedUserId: Uuid.nullable(),
    assignedUserName: z.string().nullable(),
    caseId: Uuid.nullable(),
    receivedAt: IsoDateTime,
    dueAt: IsoDateTime,
    daysLeft: z.number().int().describe('Whole days until the deadline; negative when overdue'),
    overdue: z.boolean(),
    extensions: z.array(DeadlineExtension),
    totalLossVnd: z.number(),
    identifierCount: z.number().int(),
    linkedReportCount: z.number().int().describe('Other reports sharing an identifier, any province'),
    anonymous: z.boolean(),
    decidedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;

export const ReportEventType = z.enum([
  'received',
  'status_changed',
  'assigned',
  'note',
  'transferred',
  'deadline_extended',
  'grouped',
  'reminder',
]);
export type ReportEventType = z.infer<typeof ReportEventType>;

export const ReportEvent = z
  .object({
    id: Uuid,
    at: IsoDateTime,
    type: ReportEventType,
    fromStatus: ReportStatus.nullable(),
    toStatus: ReportStatus.nullable(),
    decision: ReportDecision.nullable(),
    reason: z.string().nullable(),
    publicMessage: z.string().nullable().describe('Shown to the reporter'),
    actorName: z.string().nullable(),
    agencyName: z.string().nullable(),
  })
  .meta({ id: 'ReportEvent' });
export type ReportEvent = z.infer<typeof ReportEvent>;

export const LinkedReport = z
  .object({
    id: Uuid,
    trackingCode: z.string(),
    provinceCode: z.string(),
    status: ReportStatus,
    receivedAt: IsoDateTime,
    scamMethod: ScamMethod,
    handlingAgencyName: z.string().nullable(),
    caseId: Uuid.nullable(),
    sharedIdentifiers: z.array(z.string()).describe('Display forms of the identifiers both reports name'),
  })
  .meta({ id: 'LinkedReport' });
export type LinkedReport = z.infer<typeof LinkedReport>;

export const ReportDetail = Report.extend({
  occurredAt: IsoDateTime.nullable(),
  channels: z.array(ContactChannel),
  story: z.string(),
  identifiers: z.array(
    z.object({
      indicatorId: Uuid,
      kind: IndicatorKind,
      key: z.string(),
      display: z.string(),
      indicatorStatus: IndicatorStatus,
    }),
  ),
  unreadable: z
    .array(z.object({ input: z.string(), code: z.string(), message: z.string() }))
    .describe('What the reporter wrote that was not a recognisable identifier'),
  transfers: z.array(
    z.object({
      id: Uuid,
      fromBank: z.string().nullable(),
      fromAccountMasked: z.string().nullable(),
      toBank: z.string().nullable(),
      toAccount: z.string(),
      toIndicatorId: Uuid.nullable(),
      amountVnd: z.number(),
      at: IsoDateTime.nullable(),
      reference: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: Uuid,
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      receivedAt: IsoDateTime,
    }),
  ),
  timeline: z.array(ReportEvent),
  linkedReports: z.array(LinkedReport),
  hasContact: z.boolean(),
  allowedTransitions: z
    .array(z.object({ to: ReportStatus, decisions: z.array(ReportDecision) }))
    .describe('What the status table allows from here'),
}).meta({ id: 'ReportDetail' });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** The reporter's contact details: personal data, for the handling unit only, every read audited. */
export const ReportContact = z
  .object({
    fullName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    transfersFrom: z.array(z.object({ transferId: Uuid, fromAccount: z.string().nullable() })),
  })
  .meta({ id: 'ReportContact' });
export type ReportContact = z.infer<typeof ReportContact>;

export const ReportListQuery = PageQuery.extend({
  status: ReportStatus.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assigned: z.enum(['me', 'nobody']).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  q: text(200).optional().describe('Tracking code, or an identifier the report names'),
  sort: z.enum(['due', 'received']).default('due'),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;
export const ReportPage = pageOf(Report).meta({ id: 'ReportPage' });
export type ReportPage = z.infer<typeof ReportPage>;
export const ReportIdParams = z.object({ reportId: Uuid });
export const ReportEvidenceParams = z.object({ reportId: Uuid, evidenceId: Uuid });

const reason = z.string().trim().min(5, 'reason.too_short').max(2000);

export const ChangeReportStatusRequest = z
  .object({
    to: ReportStatus,
    decision: ReportDecision.optional().describe('Required when the report is decided'),
    reason,
    publicMessage: text(1000).optional().describe('A message the reporter sees with the new stage'),
  })
  .meta({ id: 'ChangeReportStatusRequest' });
export type ChangeReportStatusRequest = z.infer<typeof ChangeReportStatusRequest>;

export const AssignReportRequest = z
  .object({ userId: Uuid.nullable(), reason: text(2000).optional() })
  .meta({ id: 'AssignReportRequest' });
export type AssignReportRequest = z.infer<typeof AssignReportRequest>;

export const ReportNoteRequest = z
  .object({ text: z.string().trim().min(1).max(5000) })
  .meta({ id: 'ReportNoteRequest' });
export type ReportNoteRequest = z.infer<typeof ReportNoteRequest>;

export const TransferReportRequest = z
  .object({ agencyId: Uuid, reason })
  .meta({ id: 'TransferReportRequest' });
export type TransferReportRequest = z.infer<typeof TransferReportRequest>;

export const ExtendReportDeadlineRequest = z
  .object({ extension: DeadlineExtension, reason, months: z.number().int().min(1).max(2).default(2) })
  .meta({ id: 'ExtendReportDeadlineRequest' });
export type ExtendReportDeadlineRequest = z.input<typeof ExtendReportDeadlineRequest>;

/** The deadlines of art. 147, as data a national administrator may change. */
export const DeadlinePolicy = z
  .object({
    decisionDays: z.number().int().min(1).max(365).describe('From receipt to a decision (art. 147(1): 20)'),
    complexExtensionMonths: z.number().int().min(0).max(12).describe('Art. 147(2): up to 2'),
    procuracyExtensionMonths: z.number().int().min(0).max(12).describe('Art. 147(3): up to 2, once'),
    remindDaysBefore: z.number().int().min(0).max(30).describe('Daily reminders from this many days before'),
  })
  .meta({ id: 'DeadlinePolicy' });
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;

/** Reports grouped into one case (vụ việc) by the officers. */
export const Case = z
  .object({
    id: Uuid,
    code: z.string(),
    title: z.string(),
    agencyId: Uuid,
    agencyName: z.string(),
    reportCount: z.number().int(),
    totalLossVnd: z.number(),
    provinceCodes: z.array(z.string()),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Case' });
export type Case = z.infer<typeof Case>;
export const CaseDetail = Case.extend({ reports: z.array(Report) }).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;
export const CasePage = pageOf(Case).meta({ id: 'CasePage' });
export type CasePage = z.infer<typeof CasePage>;
export const CaseIdParams = z.object({ caseId: Uuid });
/** The case file's format (`?format=pdf|docx`, PDF when absent). */
export const CaseFileQuery = z.object({
  format: z.enum(['pdf', 'docx']).default('pdf').describe('PDF (default) or DOCX'),
});
export const CreateCaseRequest = z
  .object({
    title: z.string().trim().min(3, 'title.too_short').max(300),
    reportIds: z.array(Uuid).min(1).max(500),
    reason,
  })
  .meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;
export const AddCaseReportsRequest = z
  .object({ reportIds: z.array(Uuid).min(1).max(500), reason })
  .meta({ id: 'AddCaseReportsRequest' });
export type AddCaseReportsRequest = z.infer<typeof AddCaseReportsRequest>;
