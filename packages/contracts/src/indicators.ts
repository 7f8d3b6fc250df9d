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

/** Scam methods (thủ đoạn), the taxonomy the reports and warnings share. */
export const ScamMethod = z.enum([
  'impersonate_police_procuracy_court',
  'impersonate_bank',
  'impersonate_telco_sim_upgrade',
  'impersonate_electricity_tax',
  'fake_investment_crypto_forex',
  'online_task_jobs',
  'fake_shop_delivery',
  'romance',
  'loans',
  'prizes',
  'account_rental_sale',
  'asset_recovery',
  'remote_control_fake_app',
  'sextortion',
  'fake_charity',
  'tickets_tours',
  'overseas_job_recruitment',
  'other',
]);
export type ScamMethod = z.infer<typeof ScamMethod>;

export const IndicatorKind = z.enum([
  'phone',
  'bank_account',
  'card',
  'ewallet',
  'url',
  'domain',
  'social',
  'email',
  'crypto',
]);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const IndicatorStatus = z.enum(['reported', 'verifying', 'confirmed_scam', 'cleared', 'expired']);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

export const Sharing = z.enum(['public', 'agencies', 'police']);
export type Sharing = z.infer<typeof Sharing>;

export const Indicator = z
  .object({
    id: Uuid,
    kind: IndicatorKind,
    key: z.string(),
    display: z.string(),
    status: IndicatorStatus,
    confidence: z.number().int(),
    scamMethods: z.array(ScamMethod),
    firstSeenAt: IsoDateTime,
    lastSeenAt: IsoDateTime,
    reportCount: z.number().int(),
    reportedLossVnd: z.number().int(),
    sharing: Sharing,
    expiresAt: IsoDateTime.nullable(),
    statusReason: z.string().nullable(),
    statusChangedAt: IsoDateTime,
    decidedByAgencyId: Uuid.nullable(),
    mergedIntoId: Uuid.nullable(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorSource = z
  .object({
    id: Uuid,
    sourceType: z.enum(['report', 'agency', 'import']),
    sourceRef: z.string().nullable(),
    agencyId: Uuid.nullable(),
    scamMethod: ScamMethod.nullable(),
    lossVnd: z.number().int().nullable(),
    evidenceUrl: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'IndicatorSource' });

export const IndicatorEvent = z
  .object({
    event: z.string(),
    fromStatus: IndicatorStatus.nullable(),
    toStatus: IndicatorStatus.nullable(),
    reason: z.string().nullable(),
    actorAgencyId: Uuid.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'IndicatorEvent' });

export const IndicatorDetail = Indicator.extend({
  sources: z.array(IndicatorSource),
  history: z.array(IndicatorEvent),
}).meta({ id: 'IndicatorDetail' });
export type IndicatorDetail = z.infer<typeof IndicatorDetail>;

export const IndicatorListQuery = PageQuery.extend({
  q: z.string().trim().max(500).optional(),
  kind: IndicatorKind.optional(),
  status: IndicatorStatus.optional(),
});
export type IndicatorListQuery = z.infer<typeof IndicatorListQuery>;
export const IndicatorPage = pageOf(Indicator).meta({ id: 'IndicatorPage' });
export type IndicatorPage = z.infer<typeof IndicatorPage>;
export const IndicatorIdParams = z.object({ indicatorId: Uuid });

const reason = z.string().trim().min(5, 'reason.too_short').max(2000);

/** An agency's own report of an identifier (a police unit, a bank's notice): adds a source. */
export const CreateIndicatorRequest = z
  .object({
    input: z.string().trim().min(1).max(500).describe('The identifier as written: a number, account, link…'),
    kind: IndicatorKind.optional().describe('When the input is ambiguous'),
    scamMethod: ScamMethod.optional(),
    lossVnd: z.number().int().min(0).max(1e13).optional(),
    evidenceUrl: z.url().max(1000).optional(),
    note: z.string().trim().max(2000).optional(),
    sharing: Sharing.default('public'),
  })
  .meta({ id: 'CreateIndicatorRequest' });
export type CreateIndicatorRequest = z.infer<typeof CreateIndicatorRequest>;

export const ChangeIndicatorStatusRequest = z
  .object({
    status: z.enum(['verifying', 'confirmed_scam', 'cleared', 'reported']),
    reason,
    sharing: Sharing.optional(),
  })
  .meta({ id: 'ChangeIndicatorStatusRequest' });
export type ChangeIndicatorStatusRequest = z.infer<typeof ChangeIndicatorStatusRequest>;

/** Two entries for the same thing (recorded under different keys): the first becomes an alias of the second. */
export const MergeIndicatorRequest = z
  .object({ intoId: Uuid, reason: z.string().trim().min(5, 'reason.too_short').max(2000) })
  .meta({ id: 'MergeIndicatorRequest' });
export type MergeIndicatorRequest = z.infer<typeof MergeIndicatorRequest>;

/** The public check. */
export const PublicVerdict = z.enum(['confirmed_scam', 'suspicious', 'no_data', 'official']);
export type PublicVerdict = z.infer<typeof PublicVerdict>;

export const CheckQuery = z.object({
  q: z.string().trim().min(1, 'check.empty').max(5000, 'check.too_long'),
});
export const CheckRequest = CheckQuery.meta({ id: 'CheckRequest' });
export type CheckRequest = z.infer<typeof CheckRequest>;

const Text = z.object({ code: z.string(), vi: z.string(), en: z.string() });

export const CheckItem = z
  .object({
    kind: IndicatorKind,
    key: z.string(),
    display: z.string(),
    verdict: PublicVerdict,
    reasons: z.array(Text),
    advice: z.array(Text),
    reportCount: z.number().int().nullable(),
    lastReportedAt: IsoDateTime.nullable(),
    scamMethods: z.array(ScamMethod),
    official: z.object({ organisation: z.string(), category: z.string() }).nullable(),
    imitates: z.object({ brand: z.string(), officialDomains: z.array(z.string()) }).nullable(),
    /** The verdict comes from a public registry entry, which its holder may appeal against. */
    appealable: z.boolean(),
    /** Where to report this identifier, pre-filled; null while no online report form is available. */
    reportUrl: z.string().nullable(),
  })
  .meta({ id: 'CheckItem' });
export type CheckItem = z.infer<typeof CheckItem>;

export const CheckResponse = z
  .object({
    verdict: PublicVerdict.describe('The most serious verdict among the items'),
    items: z.array(CheckItem),
    problems: z.array(z.object({ input: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'CheckResponse' });
export type CheckResponse = z.infer<typeof CheckResponse>;

/** For banks and telcos: many identifiers in one call (API key with `lookup:read`). */
export const BatchCheckRequest = z
  .object({ items: z.array(z.string().trim().min(1).max(500)).min(1).max(10_000, 'batch.too_many') })
  .meta({ id: 'BatchCheckRequest' });
export type BatchCheckRequest = z.infer<typeof BatchCheckRequest>;
export const BatchCheckResponse = z
  .object({ results: z.array(CheckResponse.extend({ input: z.string() })) })
  .meta({ id: 'BatchCheckResponse' });
export type BatchCheckResponse = z.infer<typeof BatchCheckResponse>;

export const AllowlistCategory = z.enum([
  'bank',
  'ewallet',
  'telco',
  'government',
  'platform',
  'hotline',
  'other',
]);
export const AllowlistEntry = z
  .object({
    id: Uuid,
    kind: IndicatorKind,
    key: z.string(),
    display: z.string(),
    organisation: z.string(),
    category: AllowlistCategory,
    source: z.string(),
    note: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'AllowlistEntry' });
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;
export const CreateAllowlistEntryRequest = z
  .object({
    input: z.string().trim().min(1).max(500),
    kind: IndicatorKind.optional(),
    organisation: z.string().trim().min(2).max(200),
    category: AllowlistCategory,
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'CreateAllowlistEntryRequest' });
export type CreateAllowlistEntryRequest = z.infer<typeof CreateAllowlistEntryRequest>;
export const AllowlistQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  category: AllowlistCategory.optional(),
});
export type AllowlistQuery = z.infer<typeof AllowlistQuery>;
export const AllowlistPage = pageOf(AllowlistEntry).meta({ id: 'AllowlistPage' });
export const AllowlistIdParams = z.object({ allowlistId: Uuid });

/** Appeals (khiếu nại gỡ bỏ): whoever holds a listed identifier asks for it to be cleared. */
export const AppealStatus = z.enum(['submitted', 'upheld', 'rejected']);
export type AppealStatus = z.infer<typeof AppealStatus>;

export const CreateAppealRequest = z
  .object({
    identifier: z.string().trim().min(1).max(500).describe('The listed number, account or site, as written'),
    ...contactFields,
    relation: z.enum(['holder', 'representative']),
    reasons: z.string().trim().min(20, 'reasons.too_short').max(5000),
  })
  .refine(...contactRequired)
  .meta({ id: 'CreateAppealRequest' });
export type CreateAppealRequest = z.infer<typeof CreateAppealRequest>;

export const AppealReceipt = z
  .object({
    ...trackingReceipt('appeal'),
    dueAt: IsoDateTime,
  })
  .meta({ id: 'AppealReceipt' });
export type AppealReceipt = z.infer<typeof AppealReceipt>;

export const AppealTrackingParams = trackingParams('KN');

export const PublicAppealStatus = z
  .object({
    trackingCode: z.string(),
    identifier: z.string(),
    status: AppealStatus,
    submittedAt: IsoDateTime,
    dueAt: IsoDateTime,
    decidedAt: IsoDateTime.nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'PublicAppealStatus' });
export type PublicAppealStatus = z.infer<typeof PublicAppealStatus>;

export const Appeal = z
  .object({
    id: Uuid,
    trackingCode: z.string(),
    indicatorId: Uuid,
    identifier: z.string(),
    indicatorStatus: IndicatorStatus,
    status: AppealStatus,
    reasons: z.string(),
    submittedAt: IsoDateTime,
    dueAt: IsoDateTime,
    overdue: z.boolean(),
    decidedAt: IsoDateTime.nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'Appeal' });
export type Appeal = z.infer<typeof Appeal>;

/** The appellant's contact details: personal data, decrypted for the deciding police unit and audited. */
export const AppealDetail = Appeal.extend({
  contact: z.object({
    fullName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    relation: z.enum(['holder', 'representative']),
  }),
}).meta({ id: 'AppealDetail' });
export type AppealDetail = z.infer<typeof AppealDetail>;

export const AppealListQuery = PageQuery.extend({ status: AppealStatus.optional() });
export type AppealListQuery = z.infer<typeof AppealListQuery>;
export const AppealPage = pageOf(Appeal).meta({ id: 'AppealPage' });
export type AppealPage = z.infer<typeof AppealPage>;
export const AppealIdParams = z.object({ appealId: Uuid });

export const DecideAppealRequest = z
  .object({
    decision: z.enum(['upheld', 'rejected']),
    reason: z.string().trim().min(5, 'reason.too_short').max(2000),
  })
  .meta({ id: 'DecideAppealRequest' });
export type DecideAppealRequest = z.infer<typeof DecideAppealRequest>;

/** A police agency's delegation of registry decisions (confirm, clear, merge) to another agency. */
export const Delegation = z
  .object({
    id: Uuid,
    policeAgencyId: Uuid,
    delegateAgencyId: Uuid,
    kinds: z.array(IndicatorKind),
    reason: z.string(),
    createdAt: IsoDateTime,
    revokedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Delegation' });
export type Delegation = z.infer<typeof Delegation>;
export const CreateDelegationRequest = z
  .object({
    delegateAgencyId: Uuid,
    kinds: z.array(IndicatorKind).min(1),
    reason: z.string().trim().min(5, 'reason.too_short').max(2000),
  })
  .meta({ id: 'CreateDelegationRequest' });
export type CreateDelegationRequest = z.infer<typeof CreateDelegationRequest>;
export const DelegationList = z.object({ items: z.array(Delegation) }).meta({ id: 'DelegationList' });
export const DelegationIdParams = z.object({ delegationId: Uuid });
