import { z } from 'zod';
import { IsoDateTime } from './common.js';

/**
 * Real-time transfer screening for banks and e-wallets (issue 7): the transfer a bank asks about, the
 * decision it gets back, and the versioned rule sets that decide.
 */

const vnd = z.number().int().min(0).max(1e13);
const dateTime = z.iso.datetime({ offset: true });
const bankField = z
  .string()
  .trim()
  .min(1, 'text.required')
  .max(100)
  .describe('Bank or e-wallet: short name (VCB), BIN (970436) or name');
const accountNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.\- ]{4,40}$/, 'account.invalid');

// ── The transfer ─────────────────────────────────────────────────────────────────────────────────────

export const ScreeningChannel = z
  .enum(['mobile_app', 'internet_banking', 'qr', 'atm', 'counter', 'api', 'interbank', 'other'])
  .meta({ id: 'ScreeningChannel' });
export type ScreeningChannel = z.infer<typeof ScreeningChannel>;

export const ScreeningPayer = z
  .object({
    bank: bankField,
    account: accountNumber.describe('Account number or wallet id of the payer'),
    name: z.string().trim().max(200).optional(),
    openedAt: dateTime.optional().describe('When the payer account was opened, when the bank knows'),
  })
  .meta({ id: 'ScreeningPayer' });
export type ScreeningPayer = z.infer<typeof ScreeningPayer>;

export const ScreeningPayee = z
  .object({
    bank: bankField,
    account: accountNumber.optional().describe('Account number (one of account and wallet)'),
    wallet: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z.\-+ ]{4,40}$/, 'wallet.invalid')
      .optional()
      .describe('E-wallet id or the phone number it is registered to (one of account and wallet)'),
    nameShown: z
      .string()
      .trim()
      .min(1, 'text.required')
      .max(200)
      .describe('The payee name shown to the payer, which the payer expects'),
    holderName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("The holder's name as the payee's bank records it (for Confirmation of Payee)"),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid')
      .optional()
      .describe("The payee's phone, when known (checked against the registry)"),
    openedAt: dateTime.optional().describe('When the payee account was opened, when known'),
  })
  .refine((payee) => Boolean(payee.account || payee.wallet), {
    message: 'payee.account_or_wallet_required',
    path: ['account'],
  })
  .meta({ id: 'ScreeningPayee' });
export type ScreeningPayee = z.infer<typeof ScreeningPayee>;

export const ScreeningTransfer = z
  .object({
    transferId: z
      .string()
      .trim()
      .min(1, 'text.required')
      .max(100)
      .describe("The bank's transfer id; the API is idempotent by it"),
    payer: ScreeningPayer,
    payee: ScreeningPayee,
    amountVnd: vnd.min(1, 'amount.invalid'),
    channel: ScreeningChannel,
    at: dateTime.describe('When the payer ordered the transfer'),
    clientIp: z.union([z.ipv4(), z.ipv6()]).optional().describe("The payer's IP address"),
    deviceId: z.string().trim().min(1).max(200).optional(),
    deviceChangedAt: dateTime.optional().describe('When the payer last bound a new device'),
    otpPhoneChangedAt: dateTime.optional().describe('When the phone receiving OTPs last changed'),
    deviceChangedRecently: z
      .boolean()
      .optional()
      .describe("The bank's own judgement that the device changed recently (instead of the date)"),
    otpPhoneChangedRecently: z
      .boolean()
      .optional()
      .describe("The bank's own judgement that the OTP phone changed recently (instead of the date)"),
    biometricVerified: z
      .boolean()
      .optional()
      .describe('The payer already passed a biometric check for this transfer (Decision 2345/QĐ-NHNN)'),
  })
  .meta({ id: 'ScreeningTransfer' });
export type ScreeningTransfer = z.infer<typeof ScreeningTransfer>;

export const BatchScreeningRequest = z
  .object({
    transfers: z.array(ScreeningTransfer).min(1).max(1000, 'batch.too_large'),
  })
  .meta({ id: 'BatchScreeningRequest' });
export type BatchScreeningRequest = z.infer<typeof BatchScreeningRequest>;

// ── The decision ─────────────────────────────────────────────────────────────────────────────────────

/** From weakest to strongest; the strongest action of the rules that hit wins. */
export const ScreeningAction = z
  .enum(['allow', 'warn', 'step_up', 'hold', 'block'])
  .meta({ id: 'ScreeningAction' });
export type ScreeningAction = z.infer<typeof ScreeningAction>;

export const BilingualText = z
  .object({ vi: z.string().min(1), en: z.string().min(1) })
  .meta({ id: 'BilingualText' });
export type BilingualText = z.infer<typeof BilingualText>;

export const ScreeningReason = z
  .object({
    code: z.string().describe('Stable reason code, e.g. `payee_listed_scam` or `timeout`'),
    ruleId: z.string().nullable().describe('The rule that gave the reason; null for the engine itself'),
    text: BilingualText.describe('What the payer is told, naming the reason'),
  })
  .meta({ id: 'ScreeningReason' });
export type ScreeningReason = z.infer<typeof ScreeningReason>;

export const RuleOutcomeKind = z
  .enum(['hit', 'miss', 'error', 'skipped'])
  .meta({ id: 'RuleOutcomeKind' })
  .describe('`error`: the rule failed or met a missing fact; `skipped`: not reached within the time budget');
export type RuleOutcomeKind = z.infer<typeof RuleOutcomeKind>;

export const RuleOutcome = z
  .object({
    ruleId: z.string(),
    outcome: RuleOutcomeKind,
    action: ScreeningAction.describe('What the rule asks for when it hits'),
    score: z.number(),
    error: z.string().optional().describe('With `error`: why, e.g. `missing_fact:payeeFanIn24h`'),
  })
  .meta({ id: 'RuleOutcome' });
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const ScreeningDecision = z
  .object({
    transferId: z.string(),
    action: ScreeningAction,
    score: z.number(),
    reasons: z.array(ScreeningReason),
    warning: BilingualText.nullable().describe('The text to show the payer, when the action is not `allow`'),
    ruleSetVersion: z.string().describe('`id@version` of the rule set that decided'),
    outcomes: z.array(RuleOutcome),
    timedOut: z.boolean(),
    processingTimeMs: z.number(),
  })
  .meta({ id: 'ScreeningDecision' });
export type ScreeningDecision = z.infer<typeof ScreeningDecision>;

export const BatchScreeningResponse = z
  .object({ decisions: z.array(ScreeningDecision) })
  .meta({ id: 'BatchScreeningResponse' });
export type BatchScreeningResponse = z.infer<typeof BatchScreeningResponse>;

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────────

const factName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.]{0,79}$/, 'fact.invalid')
  .describe('The name of a fact, e.g. `amountVnd`');
const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const ConditionOperator = z
  .enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'between', 'contains', 'matches', 'exists'])
  .meta({ id: 'ConditionOperator' });
export type ConditionOperator = z.infer<typeof ConditionOperator>;

/** One comparison of a fact with a constant. */
export const FactCondition = z
  .discriminatedUnion('op', [
    z.object({ fact: factName, op: z.enum(['eq', 'neq']), value: scalar }),
    z.object({ fact: factName, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
    z.object({ fact: factName, op: z.enum(['in', 'not_in']), value: z.array(scalar).min(1).max(10_000) }),
    z.object({
      fact: factName,
      op: z.literal('between'),
      value: z.tuple([z.number(), z.number()]).describe('Inclusive bounds [min, max]'),
    }),
    z.object({
      fact: factName,
      op: z.literal('contains'),
      value: z.union([z.string().max(500), z.number()]),
    }),
    z.object({
      fact: factName,
      op: z.literal('matches'),
      value: z.string().min(1).max(200).describe('A regular expression, checked for safety before use'),
      flags: z.enum(['', 'i']).optional(),
    }),
    z.object({ fact: factName, op: z.literal('exists'), value: z.boolean().optional() }),
  ])
  .meta({ id: 'FactCondition' });
export type FactCondition = z.infer<typeof FactCondition>;

export type RuleCondition =
  FactCondition | { all: RuleCondition[] } | { any: RuleCondition[] } | { not: RuleCondition };

export const RuleCondition: z.ZodType<RuleCondition, RuleCondition> = z
  .lazy(() =>
    z.union([
      FactCondition,
      z.object({ all: z.array(RuleCondition).min(1).max(100) }).strict(),
      z.object({ any: z.array(RuleCondition).min(1).max(100) }).strict(),
      z.object({ not: RuleCondition }).strict(),
    ]),
  )
  .meta({ id: 'RuleCondition' });

export const Rule = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]{1,79}$/, 'rule.id_invalid'),
    description: BilingualText.describe('What the rule looks for, in plain words'),
    when: RuleCondition,
    action: ScreeningAction,
    score: z.number().int().min(0).max(1000),
    reasons: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{1,79}$/))
      .min(1)
      .max(10),
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'Rule' });
export type Rule = z.input<typeof Rule>;

export const RuleSetStatus = z.enum(['draft', 'published', 'retired']).meta({ id: 'RuleSetStatus' });
export type RuleSetStatus = z.infer<typeof RuleSetStatus>;

export const RuleSet = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,79}$/, 'rule_set.id_invalid'),
    bank: z.string().min(1).max(100).describe('The bank the rule set is for; `*` for the default'),
    version: z.number().int().min(1),
    status: RuleSetStatus,
    publishedAt: IsoDateTime.nullable(),
    rules: z.array(Rule).max(1000),
    reasonTexts: z
      .record(z.string(), BilingualText)
      .describe('The text shown to the payer for each reason code'),
    scoreActions: z
      .array(z.object({ minScore: z.number().int().min(1), action: ScreeningAction }))
      .max(10)
      .default([])
      .describe('Scores add: from this total score, at least this action'),
  })
  .meta({ id: 'RuleSet' });
export type RuleSet = z.input<typeof RuleSet>;

/** Decision 2345/QĐ-NHNN: when a biometric check is required, as data. */
export const BiometricThresholds = z
  .object({
    perTransferVnd: vnd.describe('Above this amount in one transfer (10,000,000 VND)'),
    perDayVnd: vnd.describe('Above this total in one day (20,000,000 VND)'),
    timeZoneOffsetMinutes: z.number().int().min(-720).max(840).describe('The day boundary (Vietnam: +420)'),
  })
  .meta({ id: 'BiometricThresholds' });
export type BiometricThresholds = z.infer<typeof BiometricThresholds>;

// ── The API around decisions ─────────────────────────────────────────────────────────────────────────

/** A bank's rule set version as the analysts' API lists it. */
export const RuleSetVersion = z
  .object({
    version: z.number().int(),
    status: RuleSetStatus,
    shadow: z.boolean().describe('Evaluated beside the published set on every decision'),
    createdAt: IsoDateTime,
    publishedAt: IsoDateTime.nullable(),
    ruleSet: RuleSet,
  })
  .meta({ id: 'RuleSetVersion' });
export type RuleSetVersion = z.infer<typeof RuleSetVersion>;

export const RuleSetList = z
  .object({
    items: z.array(RuleSetVersion),
    default: RuleSet.describe('The default rule set, used while the bank has none published'),
  })
  .meta({ id: 'RuleSetList' });
export type RuleSetList = z.infer<typeof RuleSetList>;

export const CreateRuleSetDraft = z
  .object({
    from: z
      .union([z.literal('default'), z.number().int().min(1)])
      .default('default')
      .describe('Start from the default rule set or from one of the bank’s versions'),
  })
  .meta({ id: 'CreateRuleSetDraft' });
export type CreateRuleSetDraft = z.infer<typeof CreateRuleSetDraft>;

export const EditRuleSetDraft = z
  .object({
    rules: z.array(Rule).max(1000),
    reasonTexts: z.record(z.string(), BilingualText),
    scoreActions: z
      .array(z.object({ minScore: z.number().int().min(1), action: ScreeningAction }))
      .max(10)
      .default([]),
  })
  .meta({ id: 'EditRuleSetDraft' });
export type EditRuleSetDraft = z.infer<typeof EditRuleSetDraft>;

export const RuleSetVersionParams = z.object({ version: z.coerce.number().int().min(1) });
export const ShadowBody = z.object({ shadow: z.boolean() }).meta({ id: 'ShadowBody' });

export const DecisionSummary = z
  .object({
    transferId: z.string(),
    action: ScreeningAction,
    score: z.number(),
    ruleSetVersion: z.string(),
    amountVnd: z.number(),
    reasons: z.array(ScreeningReason),
    shadow: z
      .object({ version: z.string(), action: ScreeningAction, score: z.number(), rules: z.array(z.string()) })
      .nullable()
      .describe('Where the shadow draft decided otherwise'),
    decidedAt: IsoDateTime,
  })
  .meta({ id: 'DecisionSummary' });
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const DecisionListQuery = z.object({
  action: ScreeningAction.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const DecisionPage = z
  .object({ items: z.array(DecisionSummary), total: z.number().int() })
  .meta({ id: 'DecisionPage' });
export type DecisionPage = z.infer<typeof DecisionPage>;

// ── Review of held and blocked transfers ─────────────────────────────────────────────────────────────

export const ReviewStatus = z.enum(['pending', 'released', 'confirmed_fraud']).meta({ id: 'ReviewStatus' });
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewItem = DecisionSummary.extend({
  reviewStatus: ReviewStatus,
  payer: z.object({ bank: z.string(), account: z.string(), name: z.string().nullable() }),
  payee: z.object({
    bank: z.string(),
    account: z.string().describe('Account number or wallet id'),
    nameShown: z.string(),
    holderName: z.string().nullable(),
  }),
  at: IsoDateTime.describe('When the payer ordered the transfer'),
  reviewedAt: IsoDateTime.nullable(),
  reviewNote: z.string().nullable(),
  noticeRequestId: z.string().nullable().describe('The suspicious-account notice sent to the police'),
}).meta({ id: 'ReviewItem' });
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewListQuery = z.object({
  status: ReviewStatus.default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ReviewPage = z
  .object({ items: z.array(ReviewItem), total: z.number().int() })
  .meta({ id: 'ReviewPage' });
export type ReviewPage = z.infer<typeof ReviewPage>;

export const ReviewBody = z
  .object({
    outcome: z.enum(['released', 'confirmed_fraud']),
    note: z.string().trim().min(3, 'reason.too_short').max(2000),
    notice: z
      .object({
        policeAgencyId: z.uuid(),
        holderName: z.string().trim().min(1, 'text.required').max(200),
        idNumber: z
          .string()
          .trim()
          .regex(/^[0-9A-Z]{8,15}$/, 'id_number.invalid'),
        ebankingPhone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 .-]{8,20}$/, 'phone.invalid')
          .optional(),
        reasonCode: z.string().trim().min(1, 'text.required').max(20),
      })
      .optional()
      .describe('With confirmed_fraud: send the police a suspicious-account notice (Circular 17/2024)'),
  })
  .meta({ id: 'ReviewBody' });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const TransferIdParams = z.object({ transferId: z.string().min(1).max(100) });

// ── Completed transfers and the accounts the mule detector flags ─────────────────────────────────────

export const CompletedTransfer = z
  .object({
    transferId: z.string().trim().min(1, 'text.required').max(100),
    payer: z.object({ bank: bankField, account: accountNumber }),
    payee: z
      .object({ bank: bankField, account: accountNumber.optional(), wallet: accountNumber.optional() })
      .refine((payee) => Boolean(payee.account || payee.wallet), {
        message: 'payee.account_or_wallet_required',
        path: ['account'],
      }),
    amountVnd: vnd.min(1, 'amount.invalid'),
    at: dateTime,
    payerPersonId: z.string().trim().max(100).optional().describe("The bank's own id of the payer's holder"),
    payeePersonId: z.string().trim().max(100).optional().describe("The bank's own id of the payee's holder"),
  })
  .meta({ id: 'CompletedTransfer' });
export type CompletedTransfer = z.infer<typeof CompletedTransfer>;

export const CompletedTransfersBody = z
  .object({ transfers: z.array(CompletedTransfer).min(1).max(1000, 'batch.too_large') })
  .meta({ id: 'CompletedTransfersBody' });
export type CompletedTransfersBody = z.infer<typeof CompletedTransfersBody>;

export const CompletedTransfersAnswer = z
  .object({
    accepted: z.number().int(),
    flagged: z.number().int().describe('New flags raised by this batch'),
  })
  .meta({ id: 'CompletedTransfersAnswer' });

export const MuleTypology = z
  .enum(['fan_in', 'fan_out', 'pass_through', 'cycle', 'many_new_accounts'])
  .meta({ id: 'MuleTypology' });
export type MuleTypology = z.infer<typeof MuleTypology>;
export const FlagStatus = z.enum(['pending', 'dismissed', 'confirmed_fraud']).meta({ id: 'FlagStatus' });
export type FlagStatus = z.infer<typeof FlagStatus>;

export const FlagItem = z
  .object({
    id: z.uuid(),
    account: z.object({ bank: z.string(), account: z.string() }),
    typology: MuleTypology,
    score: z.number().int(),
    evidence: z.record(z.string(), z.number()).describe('The numbers that justify the flag'),
    relatedCount: z.number().int().describe('Other accounts involved'),
    status: FlagStatus,
    flaggedAt: IsoDateTime,
    reviewedAt: IsoDateTime.nullable(),
    reviewNote: z.string().nullable(),
    noticeRequestId: z.string().nullable(),
  })
  .meta({ id: 'FlagItem' });
export type FlagItem = z.infer<typeof FlagItem>;

export const FlagListQuery = z.object({
  status: FlagStatus.default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const FlagPage = z
  .object({ items: z.array(FlagItem), total: z.number().int() })
  .meta({ id: 'FlagPage' });
export type FlagPage = z.infer<typeof FlagPage>;

export const FlagReviewBody = ReviewBody.extend({ outcome: z.enum(['dismissed', 'confirmed_fraud']) }).meta({
  id: 'FlagReviewBody',
});
export type FlagReviewBody = z.infer<typeof FlagReviewBody>;
export const FlagIdParams = z.object({ flagId: z.uuid() });

// ── Backtest of a rule set version over past transfers ───────────────────────────────────────────────

export const BacktestBody = z
  .object({
    csv: z
      .string()
      .min(1, 'text.required')
      .max(5 * 1024 * 1024)
      .describe('Past transfers as CSV with a header line (columns: see `npx khien backtest`)'),
  })
  .meta({ id: 'BacktestBody' });
export type BacktestBody = z.infer<typeof BacktestBody>;

export const BacktestResult = z
  .object({
    ruleSet: z.string(),
    transfers: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    byAction: z.record(ScreeningAction, z.number().int()),
    byRule: z.record(z.string(), z.object({ hits: z.number().int(), errors: z.number().int() })),
    labelled: z
      .object({
        frauds: z.number().int(),
        caught: z.number().int(),
        falseAlarms: z.number().int(),
        precision: z.number().nullable(),
        recall: z.number().nullable(),
      })
      .nullable(),
    timing: z.object({
      totalMs: z.number(),
      perSecond: z.number(),
      p50Us: z.number(),
      p99Us: z.number(),
      maxUs: z.number(),
    }),
    decisions: z
      .array(
        z.object({
          line: z.number().int(),
          transferId: z.string(),
          action: ScreeningAction,
          score: z.number(),
          reasons: z.array(z.string()),
          fraud: z.boolean().nullable(),
        }),
      )
      .describe('The first 200 decisions, in time order'),
  })
  .meta({ id: 'BacktestResult' });
export type BacktestResult = z.infer<typeof BacktestResult>;
