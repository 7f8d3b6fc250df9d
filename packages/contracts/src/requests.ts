import { z } from 'zod';
import { IsoDateTime, PageQuery, Uuid, pageOf } from './common.js';

/**
 * Inter-agency requests (issue 6): what one agency asks of another to stop the money, identify a
 * subscriber or owner, or take a scam down.
 */
export const RequestType = z
  .enum([
    // police → bank or e-wallet: hold the disputed amount on an account (phong tỏa, tạm dừng giao dịch)
    'hold',
    // police → bank: release what was held
    'release',
    // bank → police: the account holder contests a hold, or the bank asks to review it
    'hold_review',
    // police → telco: who holds these numbers
    'subscriber_info',
    // police → department of science and technology or a registrar: who owns and hosts this domain
    'domain_owner_info',
    // police or the department → platform, registrar, host or app store: take this down
    'takedown',
    // department → telco: re-verify or lock SIMs with false subscriber data or used in scams
    'sim_action',
    // bank → police: an account suspected of fraud, with the fields of Circular 17/2024
    'suspicious_account_notice',
  ])
  .meta({ id: 'RequestType' });
export type RequestType = z.infer<typeof RequestType>;

export const RequestStatus = z
  .enum(['sent', 'acknowledged', 'answered', 'refused', 'cancelled'])
  .meta({ id: 'RequestStatus' });
export type RequestStatus = z.infer<typeof RequestStatus>;

/** How long a recipient has to answer, by kind of request; configurable data. */
export const RequestTimeLimits = z
  .object({
    holdMinutes: z.number().int().min(1).max(10_080).describe('Holds and releases (default 60)'),
    informationMinutes: z
      .number()
      .int()
      .min(1)
      .max(43_200)
      .describe('Subscriber, owner information, reviews, notices and SIM actions (default 1,440: 24 hours)'),
    takedownMinutes: z.number().int().min(1).max(43_200).describe('Takedowns (default 1,440: 24 hours)'),
  })
  .meta({ id: 'RequestTimeLimits' });
export type RequestTimeLimits = z.infer<typeof RequestTimeLimits>;

// ── The API (/api/requests) ──────────────────────────────────────────────────────────────────────────

const vnd = z.number().int().min(0).max(1e13);
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'text.required').max(max);
const reasonText = z.string().trim().min(3, 'reason.too_short').max(2000);

/** A bank or e-wallet account: the bank as written (short name, BIN or name) and the account number. */
export const RequestAccount = z
  .object({
    bank: required(100).describe('Bank or e-wallet: short name (VCB), BIN (970436) or name'),
    account: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z.\- ]{4,40}$/, 'account.invalid')
      .describe('Account number, wallet id or phone'),
  })
  .meta({ id: 'RequestAccount' });
export type RequestAccount = z.infer<typeof RequestAccount>;

const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid');

export const TakedownCategory = z.enum([
  'website',
  'social_account',
  'group',
  'app',
  'ip_address',
  'malware',
  'other',
]);
export type TakedownCategory = z.infer<typeof TakedownCategory>;

/** What each type of request asks, by type. */
export const HoldDetails = z.object({
  account: RequestAccount,
  amountVnd: vnd.min(1, 'amount.invalid').describe('The disputed amount only, never the whole balance'),
  durationHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72)
    .describe('How long the hold lasts unless renewed (default 72 hours)'),
});
export const ReleaseDetails = z.object({
  holdRequestId: Uuid.describe('The hold to release'),
  amountVnd: vnd.min(1, 'amount.invalid'),
});
export const HoldReviewDetails = z.object({
  holdRequestId: Uuid.describe('The hold the account holder contests'),
  holderObjection: text(2000).optional().describe("The holder's objection, in their words"),
});
export const SubscriberInfoDetails = z.object({
  phones: z.array(phoneNumber).min(1).max(50),
});
export const DomainOwnerInfoDetails = z.object({
  domain: required(253),
});
export const TakedownDetails = z.object({
  target: required(2000).describe('Address, handle, group, app id or IP'),
  category: TakedownCategory,
  evidence: z.object({
    url: text(2000).optional(),
    seenAt: IsoDateTime.describe('When the target was seen'),
    captureSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'sha256.invalid')
      .optional()
      .describe('SHA-256 of the capture (screenshot, page archive)'),
  }),
});
export const SimActionDetails = z.object({
  phones: z.array(phoneNumber).min(1).max(500),
  action: z.enum(['re_verify', 'lock']),
});
export const SuspiciousAccountNoticeDetails = z.object({
  account: RequestAccount,
  holderName: required(200),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{8,15}$/, 'id_number.invalid')
    .describe('The holder’s ID (CCCD) or passport number: personal data, stored encrypted'),
  ebankingPhone: phoneNumber.optional().describe('The phone registered for e-banking'),
  reasonCode: required(20).describe('The reason code under Circular 17/2024'),
});

const requestBase = {
  recipientAgencyId: Uuid,
  legalBasis: required(500).describe('The legal basis (e.g. Điều 147 BLTTHS; Thông tư 17/2024/TT-NHNN)'),
  reason: reasonText,
  reportId: Uuid.optional().describe('The report the request serves'),
  caseId: Uuid.optional().describe('The case the request serves'),
};

export const CreateRequestBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('hold'), ...requestBase, details: HoldDetails }),
    z.object({ type: z.literal('release'), ...requestBase, details: ReleaseDetails }),
    z.object({ type: z.literal('hold_review'), ...requestBase, details: HoldReviewDetails }),
    z.object({ type: z.literal('subscriber_info'), ...requestBase, details: SubscriberInfoDetails }),
    z.object({ type: z.literal('domain_owner_info'), ...requestBase, details: DomainOwnerInfoDetails }),
    z.object({ type: z.literal('takedown'), ...requestBase, details: TakedownDetails }),
    z.object({ type: z.literal('sim_action'), ...requestBase, details: SimActionDetails }),
    z.object({
      type: z.literal('suspicious_account_notice'),
      ...requestBase,
      details: SuspiciousAccountNoticeDetails,
    }),
  ])
  .meta({ id: 'CreateRequestBody' });
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

export const OnwardTransfer = z.object({
  bank: required(100),
  account: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.\- ]{4,40}$/, 'account.invalid'),
  amountVnd: vnd.min(1, 'amount.invalid'),
  at: IsoDateTime,
  reference: text(100).optional(),
});
export type OnwardTransfer = z.infer<typeof OnwardTransfer>;

/** The recipient's answer, by the request's type (the server checks it against the type). */
export const HoldAnswerBody = z.object({
  heldVnd: vnd.describe('What the bank holds: at most the amount asked and the balance'),
  balanceVnd: vnd.describe('The balance when the hold was placed'),
  confirmation: required(100).describe("The bank's reference for the hold"),
  onwardTransfers: z.array(OnwardTransfer).max(50).default([]),
  note: text(2000).optional(),
});
export const ReleaseAnswerBody = z.object({
  releasedVnd: vnd,
  confirmation: required(100),
  note: text(2000).optional(),
});
export const HoldReviewAnswerBody = z.object({
  decision: z.enum(['keep', 'release']),
  note: reasonText,
});
export const SubscriberInfoAnswerBody = z.object({
  subscribers: z
    .array(
      z.object({
        phone: phoneNumber,
        holderName: text(200).optional(),
        idNumber: text(20).optional(),
        registeredAt: IsoDateTime.optional(),
        address: text(500).optional(),
        status: z.enum(['active', 'suspended', 'not_found']),
      }),
    )
    .min(1)
    .max(50),
  note: text(2000).optional(),
});
export const DomainOwnerInfoAnswerBody = z.object({
  registrant: text(500).optional(),
  registrar: text(200).optional(),
  hostingProvider: text(200).optional(),
  ipAddresses: z.array(text(64)).max(20).default([]),
  registeredAt: IsoDateTime.optional(),
  note: text(2000).optional(),
});
export const TakedownAnswerBody = z.object({
  outcome: z.literal('done'),
  doneAt: IsoDateTime,
  note: text(2000).optional(),
});
export const SimActionAnswerBody = z.object({
  outcome: z.enum(['done', 'partial']),
  affectedPhones: z.array(phoneNumber).max(500).default([]),
  note: text(2000).optional(),
});
export const NoticeAnswerBody = z.object({
  outcome: z.enum(['received', 'report_opened']),
  reportId: Uuid.optional(),
  note: text(2000).optional(),
});

export const AnswerRequestBody = z
  .union([
    HoldAnswerBody.extend({ type: z.literal('hold') }),
    ReleaseAnswerBody.extend({ type: z.literal('release') }),
    HoldReviewAnswerBody.extend({ type: z.literal('hold_review') }),
    SubscriberInfoAnswerBody.extend({ type: z.literal('subscriber_info') }),
    DomainOwnerInfoAnswerBody.extend({ type: z.literal('domain_owner_info') }),
    TakedownAnswerBody.extend({ type: z.literal('takedown') }),
    SimActionAnswerBody.extend({ type: z.literal('sim_action') }),
    NoticeAnswerBody.extend({ type: z.literal('suspicious_account_notice') }),
  ])
  .meta({ id: 'AnswerRequestBody' });
export type AnswerRequestBody = z.infer<typeof AnswerRequestBody>;

export const ReasonBody = z.object({ reason: reasonText }).meta({ id: 'ReasonBody' });
export type ReasonBody = z.infer<typeof ReasonBody>;

export const RenewHoldBody = z
  .object({
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    reason: reasonText,
  })
  .meta({ id: 'RenewHoldBody' });
export type RenewHoldBody = z.infer<typeof RenewHoldBody>;

/** Onward transfers of an answered hold to turn into hold requests to the next banks, in one action. */
export const ForwardHoldsBody = z
  .object({
    transfers: z
      .array(
        z.object({
          index: z.number().int().min(0).max(49).describe('Position in the answer’s onwardTransfers'),
          recipientAgencyId: Uuid.optional().describe(
            'The next bank’s agency; found from the bank’s name when omitted',
          ),
        }),
      )
      .min(1)
      .max(50),
    legalBasis: required(500).optional().describe('Defaults to the parent request’s'),
  })
  .meta({ id: 'ForwardHoldsBody' });
export type ForwardHoldsBody = z.infer<typeof ForwardHoldsBody>;

export const RequestEventType = z.enum([
  'sent',
  'acknowledged',
  'answered',
  'refused',
  'cancelled',
  'escalated',
  'renewed',
  'expired',
  'forwarded',
  'personal_data_read',
]);
export type RequestEventType = z.infer<typeof RequestEventType>;

export const RequestEvent = z
  .object({
    id: Uuid,
    type: RequestEventType,
    reason: z.string().nullable(),
    actorName: z.string().nullable().describe('User or API key'),
    agencyName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    at: IsoDateTime,
  })
  .meta({ id: 'RequestEvent' });
export type RequestEvent = z.infer<typeof RequestEvent>;

export const AgencyRequest = z
  .object({
    id: Uuid,
    code: z.string().describe('YC-XXXXXXXX, read out on the phone'),
    type: RequestType,
    status: RequestStatus,
    senderAgencyId: Uuid,
    senderAgencyName: z.string(),
    recipientAgencyId: Uuid,
    recipientAgencyName: z.string(),
    reportId: Uuid.nullable(),
    reportTrackingCode: z.string().nullable(),
    caseId: Uuid.nullable(),
    parentId: Uuid.nullable().describe('The previous hop of a money trail'),
    legalBasis: z.string(),
    reason: z.string(),
    subject: z.string().describe('What the request is about, in one line (account, numbers, target)'),
    details: z
      .record(z.string(), z.unknown())
      .describe('As sent (CreateRequestBody.details); personal fields only for the parties'),
    answer: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('As answered (AnswerRequestBody without type); personal fields only for the sender'),
    refusalReason: z.string().nullable(),
    sentAt: IsoDateTime,
    dueAt: IsoDateTime,
    acknowledgedAt: IsoDateTime.nullable(),
    answeredAt: IsoDateTime.nullable(),
    overdue: z.boolean(),
    escalationLevel: z.number().int().min(0).max(2),
    /** Holds: the amount asked and held, and when the hold lapses unless renewed. */
    amountVnd: z.number().nullable(),
    heldVnd: z.number().nullable(),
    holdExpiresAt: IsoDateTime.nullable(),
    holdState: z.enum(['active', 'released', 'expired']).nullable(),
    reappeared: z
      .object({
        reports: z.number().int().describe('Reports received after the takedown that name its target'),
        lastReportedAt: IsoDateTime,
      })
      .nullable()
      .describe('Takedowns done: the target named again in later reports (flagged)'),
  })
  .meta({ id: 'AgencyRequest' });
export type AgencyRequest = z.infer<typeof AgencyRequest>;

export const AgencyRequestDetail = AgencyRequest.extend({
  history: z.array(RequestEvent),
  children: z.array(AgencyRequest).describe('Requests forwarded from this one (the next hops)'),
  /** Which of the answer's onward transfers were already forwarded, by index. */
  forwardedTransfers: z.array(z.number().int()),
}).meta({ id: 'AgencyRequestDetail' });
export type AgencyRequestDetail = z.infer<typeof AgencyRequestDetail>;

export const RequestBox = z.enum(['inbox', 'outbox', 'all']);
export const RequestListQuery = PageQuery.extend({
  box: RequestBox.default('all'),
  status: RequestStatus.optional(),
  type: RequestType.optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  reportId: Uuid.optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;
export const RequestPage = pageOf(AgencyRequest).meta({ id: 'RequestPage' });
export type RequestPage = z.infer<typeof RequestPage>;
export const RequestIdParams = z.object({ requestId: Uuid });

/** Where a request may go: active agencies of the types its route allows. */
export const RequestRecipientsQuery = z.object({
  type: RequestType,
  q: z.string().trim().max(100).optional(),
});
export const RequestRecipients = z
  .object({ items: z.array(z.object({ id: Uuid, name: z.string(), shortName: z.string().nullable() })) })
  .meta({ id: 'RequestRecipients' });

// ── Webhooks ─────────────────────────────────────────────────────────────────────────────────────────

export const WebhookEventType = z.enum([
  'request.created',
  'request.answered',
  'request.refused',
  'request.cancelled',
  'request.escalated',
  'hold.renewed',
  'hold.expired',
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const Webhook = z
  .object({
    id: Uuid,
    url: z.string(),
    events: z.array(WebhookEventType),
    active: z.boolean(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

export const CreateWebhookBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe('Where events are posted (https; http only for loopback and private test receivers)'),
    events: z
      .array(WebhookEventType)
      .min(1)
      .default([...WebhookEventType.options]),
  })
  .meta({ id: 'CreateWebhookBody' });
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().describe('Shown once: verifies the Khien-Signature header'),
}).meta({ id: 'CreatedWebhook' });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookList = z.object({ items: z.array(Webhook) }).meta({ id: 'WebhookList' });
export const WebhookIdParams = z.object({ webhookId: Uuid });

export const WebhookDelivery = z
  .object({
    id: Uuid,
    eventId: Uuid,
    event: WebhookEventType,
    attempt: z.number().int(),
    status: z.enum(['delivered', 'failed']),
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    responseExcerpt: z.string().nullable().describe('The first 1 KB of the answer'),
    at: IsoDateTime,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryPage = pageOf(WebhookDelivery).meta({ id: 'WebhookDeliveryPage' });

/** The body of every webhook post. */
export const WebhookPayload = z
  .object({
    id: Uuid.describe('The event id: receivers refuse one they have seen'),
    type: WebhookEventType,
    createdAt: IsoDateTime,
    request: AgencyRequest,
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayload>;

// ── Money: the asset-recovery ledger and the golden hour ─────────────────────────────────────────────

export const LedgerKind = z.enum(['lost', 'held', 'released', 'returned']);
export type LedgerKind = z.infer<typeof LedgerKind>;

export const LedgerEntry = z
  .object({
    id: Uuid,
    kind: LedgerKind,
    amountVnd: z.number(),
    bank: z.string().nullable(),
    confirmation: z.string().nullable().describe("The bank's reference"),
    requestId: Uuid.nullable(),
    note: z.string().nullable(),
    at: IsoDateTime,
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerTotals = z
  .object({
    lostVnd: z.number(),
    heldVnd: z.number(),
    releasedVnd: z.number(),
    returnedVnd: z.number(),
    stillHeldVnd: z.number(),
  })
  .meta({ id: 'LedgerTotals' });

export const GoldenHour = z
  .object({
    reportToFirstHoldMinutes: z.number().nullable(),
    requestToFirstHeldMinutes: z.number().nullable(),
    heldShare: z.number().nullable().describe('Money held ÷ money lost, 0–1'),
  })
  .meta({ id: 'GoldenHour' });

export const ReportRecovery = z
  .object({
    reportId: Uuid,
    entries: z.array(LedgerEntry),
    totals: LedgerTotals,
    goldenHour: GoldenHour,
  })
  .meta({ id: 'ReportRecovery' });
export type ReportRecovery = z.infer<typeof ReportRecovery>;

export const RecordReturnBody = z
  .object({
    amountVnd: vnd.min(1, 'amount.invalid'),
    bank: required(100),
    confirmation: required(100).describe("The bank's confirmation of the return to the victim"),
    note: text(2000).optional(),
  })
  .meta({ id: 'RecordReturnBody' });
export type RecordReturnBody = z.infer<typeof RecordReturnBody>;

export const RecoverySummaryQuery = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'code.invalid')
    .optional(),
  caseId: Uuid.optional(),
});
export const RecoverySummary = z
  .object({
    scope: z.enum(['country', 'province', 'case']),
    reports: z.number().int(),
    totals: LedgerTotals,
    /** Medians over the reports with hold requests. */
    medianReportToFirstHoldMinutes: z.number().nullable(),
    medianRequestToFirstHeldMinutes: z.number().nullable(),
    heldShare: z.number().nullable(),
    byProvince: z.array(
      z.object({ provinceCode: z.string(), reports: z.number().int(), totals: LedgerTotals }),
    ),
  })
  .meta({ id: 'RecoverySummary' });
export type RecoverySummary = z.infer<typeof RecoverySummary>;
