import {
  RuleSet as RuleSetSchema,
  ScreeningTransfer as TransferSchema,
  type AgencyType,
  type CreateIndicatorRequest,
  type CreateRequestBody,
  type BacktestResult,
  type CompletedTransfer,
  type CreateRuleSetDraft,
  type FlagItem,
  type FlagPage,
  type FlagReviewBody,
  type ReviewBody,
  type ReviewItem,
  type ReviewPage,
  type DecisionPage,
  type EditRuleSetDraft,
  type RuleSet,
  type RuleSetList,
  type RuleSetVersion,
  type ScreeningDecision,
  type ScreeningTransfer,
} from '@khien/contracts';
import { parseBankAccount, parsePhone, parseWallet } from '@khien/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DecisionListQuery, FlagListQuery, ReviewListQuery } from '@khien/contracts';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden } from '../../shared/app-error.js';
import { actorOf } from '../../shared/authorize.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { DataCipher } from '../../shared/data-cipher.js';
import { newId } from '../../shared/ids.js';
import type { KeyedHasher } from '../../shared/keyed-hash.js';
import { decide, type Action, type Actor } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import type { IndexHit } from '../lookup/index.js';
import { backtest as runBacktest } from './backtest.js';
import { accountKey, createInMemoryCounterStore, type CounterStore } from './counters.js';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { compareShadow, compileRuleSet, evaluate, type CompiledRuleSet } from './engine.js';
import { FACT_NAME_SET, buildFacts, type IpFacts, type RegistryFinding } from './facts.js';
import { fromIso20022 } from './iso20022.js';
import { createMuleDetector, type MuleDetector } from './mules.js';
import { editDraft, publishRuleSet, reviseRuleSet } from './rule-set.js';
import type { DecisionRow, FlagRow, RuleSetRow, ScreeningRepository } from './screening.repository.js';

/** Agencies whose transfers are screened: banks and e-wallets (payment intermediaries). */
const SCREENED: readonly AgencyType[] = ['commercial_bank', 'payment_intermediary'];
/** How long a process keeps the banks' compiled rule sets before looking for newer ones. */
const RULES_TTL_MS = 5_000;
/** Actions after which the money moves, so the counters count the transfer. */
const MOVES = new Set(['allow', 'warn', 'step_up']);

export interface ScreeningDependencies {
  db: Kysely<DB>;
  repository: ScreeningRepository;
  audit: AuditRecorder;
  clock: Clock;
  cipher: DataCipher;
  hasher: KeyedHasher;
  /** The registry as the public check reads it (ADR 0005): an entry by key. */
  registry: (key: string) => IndexHit | undefined;
  counters?: CounterStore;
  /** What the offline IP database says of an address; without one, IP facts are unknown. */
  ipFacts?: (ip: string) => IpFacts | null;
  /** The decision's time budget (default 50 ms), measured from the request's arrival. */
  budgetMs?: number;
  /** Lists an account in the registry as `reported`, as the analyst (an analyst's confirmed fraud). */
  reportIndicator: (context: RequestContext, input: CreateIndicatorRequest) => Promise<{ id: string }>;
  /** Sends the police a suspicious-account notice, as the analyst (inter-agency requests). */
  sendNotice: (context: RequestContext, input: CreateRequestBody) => Promise<{ id: string }>;
}

interface Active {
  published: CompiledRuleSet;
  shadow: CompiledRuleSet | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const ownTarget = (actor: Actor) => ({
  agencyId: actor.agency.id,
  level: actor.agency.level,
  provinceCode: actor.agency.provinceCode,
  communeCode: actor.agency.communeCode,
});

/** A registry entry as screening reads it: entries shared with agencies, never police-only ones. */
function findingOf(hit: IndexHit | undefined): RegistryFinding | null {
  if (!hit || hit.sharing === 'police') return null;
  return { status: hit.status, confidence: hit.confidence };
}

/** The registry key of the payee's account or wallet; null when it is not one the registry knows. */
function payeeKey(transfer: ScreeningTransfer): string | null {
  const { payee } = transfer;
  const parsed = payee.wallet
    ? parseWallet(payee.bank, payee.wallet)
    : parseBankAccount(payee.bank, payee.account!);
  return parsed.ok ? parsed.value.key : null;
}

/**
 * Transfer screening (ADR 0009): a decision from what is in memory (the registry index, the counters, the
 * compiled rule set of the bank), stored once per transfer id; the banks' rule sets as versioned data.
 */
export function createScreeningService(deps: ScreeningDependencies) {
  const { db, repository, audit, clock, cipher, hasher } = deps;
  const counters = deps.counters ?? createInMemoryCounterStore();
  const budgetMs = deps.budgetMs ?? 50;
  const defaultCompiled = compileRuleSet(DEFAULT_RULE_SET);
  let active = new Map<string, Active>();
  /** One mule detector per bank, fed with its completed transfers (in memory, like the counters). */
  const detectors = new Map<string, MuleDetector>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;

  async function reload(): Promise<void> {
    const rows = await repository.active(db);
    const next = new Map<string, Active>();
    for (const row of rows.filter((r) => r.status === 'published')) {
      next.set(row.agency_id, { published: compileRuleSet(row.body as RuleSet), shadow: null });
    }
    for (const row of rows.filter((r) => r.shadow)) {
      const entry = next.get(row.agency_id) ?? { published: defaultCompiled, shadow: null };
      entry.shadow = compileRuleSet(row.body as RuleSet);
      next.set(row.agency_id, entry);
    }
    active = next;
    loadedAt = clock.nowMs();
  }

  /**
   * The bank's compiled sets. They are loaded at start (`load`), again at once after a change made here,
   * and in the background every few seconds (another process may have published): a decision never waits
   * for the database.
   */
  function rulesOf(agencyId: string): Active {
    if (clock.nowMs() - loadedAt > RULES_TTL_MS && !loading)
      loading = reload()
        .catch(() => undefined)
        .finally(() => (loading = null));
    return active.get(agencyId) ?? { published: defaultCompiled, shadow: null };
  }

  function requireBank(context: RequestContext, action: Action): Actor {
    const actor = actorOf(context);
    if (decide(actor, action, ownTarget(actor)) !== 'allow') throw forbidden();
    if (!SCREENED.includes(actor.agency.type))
      throw new AppError('screening.not_a_bank', 'Transfers are screened for banks and e-wallets only');
    return actor;
  }

  /** Our JSON, or ISO 20022 pacs.008 / pain.001 in JSON (one transfer); a precise error otherwise. */
  function transferOf(input: unknown): ScreeningTransfer {
    if (input && typeof input === 'object' && 'transferId' in input) {
      const parsed = TransferSchema.safeParse(input);
      if (parsed.success) return parsed.data;
      throw new AppError('screening.transfer_invalid', 'The transfer does not match the contract', {
        errors: parsed.error.issues.map((issue) => ({
          path: `body.${issue.path.join('.')}`,
          message: issue.message,
        })),
      });
    }
    const mapped = fromIso20022(input);
    if (mapped.ok && mapped.transfers.length === 1) return mapped.transfers[0]!;
    throw new AppError(
      'screening.transfer_invalid',
      mapped.ok
        ? 'Send one transfer per call (or use /batch)'
        : 'Neither a ScreeningTransfer nor an ISO 20022 pacs.008 or pain.001 message',
      {
        errors: mapped.ok
          ? [{ path: 'body', message: 'transfers.one_expected' }]
          : mapped.problems.map((problem) => ({ path: `body.${problem.path}`, message: problem.code })),
      },
    );
  }

  /** Decides one transfer in memory; answers the decision and the row to store. */
  async function decideOne(actor: Actor, transfer: ScreeningTransfer, arrivedAt: number) {
    const rules = rulesOf(actor.agency.id);
    const at = new Date(transfer.at).getTime();
    const payer = accountKey(transfer.payer.bank, transfer.payer.account);
    const payee = accountKey(transfer.payee.bank, transfer.payee.account ?? transfer.payee.wallet!);
    const key = payeeKey(transfer);
    const phone = transfer.payee.phone ? parsePhone(transfer.payee.phone) : null;
    const snapshot = await counters.snapshot({ payer, payee, at }).catch(() => null);
    const facts = buildFacts(transfer, {
      payeeRegistry: key ? findingOf(deps.registry(key)) : null,
      payeePhoneRegistry: phone?.ok ? findingOf(deps.registry(phone.value.key)) : null,
      ip: transfer.clientIp && deps.ipFacts ? deps.ipFacts(transfer.clientIp) : null,
      counters: snapshot,
    });
    const options = { deadline: arrivedAt + budgetMs, clock: () => performance.now() };
    let decision: ScreeningDecision;
    let shadow: { version: string; action: string; score: number; rules: string[] } | null = null;
    if (rules.shadow) {
      const compared = compareShadow(rules.published, rules.shadow, facts, options);
      decision = { transferId: transfer.transferId, ...compared.published };
      if (compared.differs)
        shadow = {
          version: rules.shadow.key,
          action: compared.draft.action,
          score: compared.draft.score,
          rules: compared.ruleDifferences.map((difference) => difference.ruleId),
        };
    } else {
      decision = { transferId: transfer.transferId, ...evaluate(rules.published, facts, options) };
    }
    if (MOVES.has(decision.action))
      await counters.record({ payer, payee, amountVnd: transfer.amountVnd, at }).catch(() => undefined);
    return {
      decision,
      row: {
        agency_id: actor.agency.id,
        transfer_id: transfer.transferId,
        action: decision.action,
        score: Math.round(decision.score),
        rule_set_version: decision.ruleSetVersion,
        decision: JSON.stringify(decision),
        transfer_encrypted: cipher.encrypt(JSON.stringify(transfer)),
        amount_vnd: transfer.amountVnd,
        payer_hash: hasher.hash('screening-account', payer),
        payee_hash: hasher.hash('screening-account', payee),
        shadow: shadow ? JSON.stringify(shadow) : null,
        decided_at: clock.now(),
        // Held and blocked transfers wait for an analyst.
        review_status:
          decision.action === 'hold' || decision.action === 'block' ? ('pending' as const) : null,
      },
    };
  }

  /** Decides transfers not decided before, stores them, and answers every decision in order. */
  async function decideAll(actor: Actor, transfers: ScreeningTransfer[], arrivedAt: number) {
    // One read for the whole batch of the transfers decided before (idempotent by transfer id).
    const stored = await repository.decisionsOf(
      db,
      actor.agency.id,
      transfers.map((transfer) => transfer.transferId),
    );
    const decided = new Map<string, ScreeningDecision>();
    const rows = [];
    for (const transfer of transfers) {
      const id = transfer.transferId;
      if (stored.has(id) || decided.has(id)) continue;
      const { decision, row } = await decideOne(actor, transfer, arrivedAt);
      decided.set(id, decision);
      rows.push(row);
    }
    const inserted = await repository.insertDecisions(db, rows);
    // Sent twice at once by two calls: the first stored decision is the one.
    const lost = rows.map((row) => row.transfer_id).filter((id) => !inserted.has(id));
    const theirs = lost.length > 0 ? await repository.decisionsOf(db, actor.agency.id, lost) : new Map();
    return transfers.map(
      ({ transferId }) => stored.get(transferId) ?? theirs.get(transferId) ?? decided.get(transferId)!,
    );
  }

  /**
   * What an analyst's confirmed fraud does: the account listed as `reported` (shared with agencies) and,
   * with the holder's data, a suspicious-account notice to the police. Answers the notice's id.
   */
  async function confirmFraud(
    context: RequestContext,
    account: { bank: string; account: string },
    input: Pick<ReviewBody, 'note' | 'notice'>,
  ): Promise<string | null> {
    await deps.reportIndicator(context, {
      input: `${account.bank} ${account.account}`,
      note: input.note,
      sharing: 'agencies',
    });
    if (!input.notice) return null;
    const notice = await deps.sendNotice(context, {
      type: 'suspicious_account_notice',
      recipientAgencyId: input.notice.policeAgencyId,
      legalBasis: 'Thông tư 17/2024/TT-NHNN',
      reason: input.note,
      details: {
        account,
        holderName: input.notice.holderName,
        idNumber: input.notice.idNumber,
        ebankingPhone: input.notice.ebankingPhone,
        reasonCode: input.notice.reasonCode,
      },
    });
    return notice.id;
  }

  /** Feeds a bank's completed transfers to its mule detector and stores the flags raised. */
  async function feed(agencyId: string, transfers: CompletedTransfer[]) {
    let detector = detectors.get(agencyId);
    if (!detector) detectors.set(agencyId, (detector = createMuleDetector()));
    const accounts = new Map<string, { bank: string; account: string }>();
    const rows = [];
    const now = clock.now();
    for (const transfer of transfers) {
      const payee = {
        bank: transfer.payee.bank,
        account: transfer.payee.account ?? transfer.payee.wallet!,
      };
      const from = accountKey(transfer.payer.bank, transfer.payer.account);
      const to = accountKey(payee.bank, payee.account);
      accounts.set(from, transfer.payer);
      accounts.set(to, payee);
      const flags = detector.observe({
        from,
        to,
        amount: transfer.amountVnd,
        at: new Date(transfer.at).getTime(),
        fromPerson: transfer.payerPersonId ?? null,
        toPerson: transfer.payeePersonId ?? null,
      });
      for (const flag of flags) {
        const account = accounts.get(flag.account);
        if (!account) continue;
        rows.push({
          id: newId(),
          agency_id: agencyId,
          account_encrypted: cipher.encrypt(JSON.stringify({ bank: account.bank, account: account.account })),
          account_hash: hasher.hash('screening-account', flag.account),
          typology: flag.typology,
          score: Math.round(flag.score),
          evidence: JSON.stringify(flag.evidence),
          related_count: flag.related.length,
          flagged_at: now,
        });
      }
    }
    await repository.insertFlags(db, rows);
    return { accepted: transfers.length, flagged: rows.length };
  }

  /**
   * An analyst's decision on a held transfer or a flagged account: a confirmed fraud's effects, then the
   * decision stored with who, when, why and the notice sent, and audited, in one transaction.
   */
  async function settle(
    context: RequestContext,
    actor: Actor,
    account: { bank: string; account: string },
    input: Pick<ReviewBody, 'note' | 'notice'> & { outcome: string },
    record: {
      store: (
        trx: Kysely<DB>,
        patch: {
          reviewed_by: string | null;
          reviewed_at: Date;
          review_note: string;
          notice_request_id: string | null;
        },
      ) => Promise<void>;
      action: string;
      targetType: string;
      targetId: string;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    const noticeId = input.outcome === 'confirmed_fraud' ? await confirmFraud(context, account, input) : null;
    await db.transaction().execute(async (trx) => {
      await record.store(trx, {
        reviewed_by: actor.kind === 'user' ? actor.userId : null,
        reviewed_at: clock.now(),
        review_note: input.note,
        notice_request_id: noticeId,
      });
      await audit.record(trx, context, {
        action: record.action,
        targetType: record.targetType,
        targetId: record.targetId,
        targetAgencyId: actor.agency.id,
        details: { outcome: input.outcome, noticeRequestId: noticeId, ...record.details },
      });
    });
  }

  /** A page of an analyst's queue (held transfers, flagged accounts): personal data, so the read is audited. */
  async function auditedQueue<R, I>(
    context: RequestContext,
    action: string,
    targetType: string,
    query: { status: string; limit: number; offset: number },
    read: (
      db: Kysely<DB>,
      agencyId: string,
      query: { status: string; limit: number; offset: number },
    ) => Promise<{
      rows: R[];
      total: number;
    }>,
    itemOf: (row: R) => I,
  ): Promise<{ items: I[]; total: number }> {
    const actor = requireBank(context, 'screening.review');
    const page = await read(db, actor.agency.id, query);
    if (page.rows.length > 0)
      await audit.record(db, context, {
        action,
        targetType,
        targetAgencyId: actor.agency.id,
        personalData: true,
        details: { status: query.status, count: page.rows.length },
      });
    return { total: page.total, items: page.rows.map(itemOf) };
  }

  function flagItemOf(row: FlagRow): FlagItem {
    return {
      id: row.id,
      account: JSON.parse(cipher.decrypt(row.account_encrypted)) as FlagItem['account'],
      typology: row.typology,
      score: row.score,
      evidence: row.evidence,
      relatedCount: row.related_count,
      status: row.status,
      flaggedAt: iso(row.flagged_at)!,
      reviewedAt: iso(row.reviewed_at),
      reviewNote: row.review_note,
      noticeRequestId: row.notice_request_id,
    };
  }

  function reviewItemOf(row: DecisionRow): ReviewItem {
    const decision = row.decision as unknown as ScreeningDecision;
    const transfer = JSON.parse(cipher.decrypt(row.transfer_encrypted)) as ScreeningTransfer;
    return {
      transferId: row.transfer_id,
      action: row.action,
      score: row.score,
      ruleSetVersion: row.rule_set_version,
      amountVnd: Number(row.amount_vnd),
      reasons: decision.reasons,
      shadow: row.shadow as ReviewItem['shadow'],
      decidedAt: iso(row.decided_at)!,
      reviewStatus: row.review_status!,
      payer: {
        bank: transfer.payer.bank,
        account: transfer.payer.account,
        name: transfer.payer.name ?? null,
      },
      payee: {
        bank: transfer.payee.bank,
        account: transfer.payee.account ?? transfer.payee.wallet!,
        nameShown: transfer.payee.nameShown,
        holderName: transfer.payee.holderName ?? null,
      },
      at: transfer.at,
      reviewedAt: iso(row.reviewed_at),
      reviewNote: row.review_note,
      noticeRequestId: row.notice_request_id,
    };
  }

  function versionOf(row: RuleSetRow): RuleSetVersion {
    return {
      version: row.version,
      status: row.status,
      shadow: row.shadow,
      createdAt: iso(row.created_at)!,
      publishedAt: iso(row.published_at),
      // With the contract's defaults filled in (a rule's `enabled`, the score actions), as answers carry them.
      ruleSet: RuleSetSchema.parse(row.body),
    };
  }

  async function draftOf(trx: Kysely<DB>, actor: Actor, version: number) {
    const row = await repository.ruleSet(trx, actor.agency.id, version, true);
    if (!row) throw new AppError('screening.rule_set_not_found', `No version ${version} of your rule set`);
    return row;
  }

  return {
    /** Loads and compiles the published and shadow rule sets of every bank (at start). */
    load: reload,

    /** One transfer: our JSON or ISO 20022 JSON. `arrivedAt` is `performance.now()` at the request's arrival. */
    async screen(context: RequestContext, input: unknown, arrivedAt: number): Promise<ScreeningDecision> {
      const actor = requireBank(context, 'screening.decide');
      const [decision] = await decideAll(actor, [transferOf(input)], arrivedAt);
      return decision!;
    },

    async screenBatch(context: RequestContext, transfers: ScreeningTransfer[], arrivedAt: number) {
      const actor = requireBank(context, 'screening.decide');
      // The budget is per transfer: a batch of 1,000 is not refused for taking longer than one.
      const decisions: ScreeningDecision[] = [];
      for (let i = 0; i < transfers.length; i += 100)
        decisions.push(...(await decideAll(actor, transfers.slice(i, i + 100), performance.now())));
      void arrivedAt;
      return { decisions };
    },

    async decisions(
      context: RequestContext,
      query: z.output<typeof DecisionListQuery>,
    ): Promise<DecisionPage> {
      const actor = requireBank(context, 'screening.review');
      const page = await repository.decisions(db, actor.agency.id, query);
      return {
        total: page.total,
        items: page.rows.map((row) => {
          const decision = row.decision as unknown as ScreeningDecision;
          return {
            transferId: row.transfer_id,
            action: row.action,
            score: row.score,
            ruleSetVersion: row.rule_set_version,
            amountVnd: Number(row.amount_vnd),
            reasons: decision.reasons,
            shadow: row.shadow as DecisionPage['items'][number]['shadow'],
            decidedAt: iso(row.decided_at)!,
          };
        }),
      };
    },

    /** Held and blocked transfers, with the transfer's parties (personal data: the read is audited). */
    async reviews(context: RequestContext, query: z.output<typeof ReviewListQuery>): Promise<ReviewPage> {
      return auditedQueue(
        context,
        'screening.review_read',
        'screening_decisions',
        query,
        repository.reviews,
        reviewItemOf,
      );
    },

    /**
     * An analyst's review of a held or blocked transfer: released, or confirmed as fraud, which lists the
     * payee account in the registry as `reported` and, when asked, sends the police a suspicious-account
     * notice with the holder's data.
     */
    async review(context: RequestContext, transferId: string, input: ReviewBody): Promise<ReviewItem> {
      const actor = requireBank(context, 'screening.review');
      const row = await repository.reviewRow(db, actor.agency.id, transferId);
      if (!row || row.review_status === null)
        throw new AppError('screening.review_not_found', 'No held or blocked transfer of yours has this id');
      if (row.review_status !== 'pending')
        throw new AppError('screening.review_done', `This transfer was already ${row.review_status}`);
      const { payee } = JSON.parse(cipher.decrypt(row.transfer_encrypted)) as ScreeningTransfer;
      await settle(context, actor, { bank: payee.bank, account: payee.account ?? payee.wallet! }, input, {
        store: (trx, patch) =>
          repository.setReview(trx, actor.agency.id, transferId, { review_status: input.outcome, ...patch }),
        action: 'screening.review',
        targetType: 'screening_decision',
        targetId: transferId,
      });
      return reviewItemOf((await repository.reviewRow(db, actor.agency.id, transferId))!);
    },

    /**
     * Completed transfers (the money moved), fed to the bank's mule detector; the accounts it flags wait
     * for the bank's analysts. Answers how many transfers were taken and how many flags were raised.
     */
    async completed(context: RequestContext, transfers: CompletedTransfer[]) {
      const actor = requireBank(context, 'screening.decide');
      return feed(actor.agency.id, transfers);
    },

    /**
     * The same, for a bank that streams its completed transfers (NATS JetStream, `completed-feed.ts`):
     * the bank is named by the subject, which the message broker's permissions vouch for.
     */
    async completedFor(agencyId: string, transfers: CompletedTransfer[]) {
      const agency = await repository.agency(db, agencyId);
      if (!agency?.active || !SCREENED.includes(agency.type as AgencyType))
        throw new AppError('screening.not_a_bank', `No active bank or e-wallet has the id ${agencyId}`);
      return feed(agencyId, transfers);
    },

    async flags(context: RequestContext, query: z.output<typeof FlagListQuery>): Promise<FlagPage> {
      return auditedQueue(
        context,
        'screening.flags_read',
        'screening_flags',
        query,
        repository.flags,
        flagItemOf,
      );
    },

    /** An analyst dismisses a flagged account, or confirms fraud (listed; the police may be notified). */
    async reviewFlag(context: RequestContext, id: string, input: FlagReviewBody): Promise<FlagItem> {
      const actor = requireBank(context, 'screening.review');
      const row = await repository.flag(db, actor.agency.id, id);
      if (!row) throw new AppError('screening.review_not_found', 'No flagged account of yours has this id');
      if (row.status !== 'pending')
        throw new AppError('screening.review_done', `This flag was already ${row.status}`);
      const account = JSON.parse(cipher.decrypt(row.account_encrypted)) as { bank: string; account: string };
      await settle(context, actor, account, input, {
        store: (trx, patch) => repository.setFlagReview(trx, id, { status: input.outcome, ...patch }),
        action: 'screening.flag_review',
        targetType: 'screening_flag',
        targetId: id,
        details: { typology: row.typology },
      });
      return flagItemOf((await repository.flag(db, actor.agency.id, id))!);
    },

    /** A version of the bank's rule set (or the default, version 0) run over past transfers from a CSV. */
    async backtest(context: RequestContext, version: number, csv: string): Promise<BacktestResult> {
      const actor = requireBank(context, 'screening.review');
      const ruleSet =
        version === 0
          ? (DEFAULT_RULE_SET as RuleSet)
          : ((await repository.ruleSet(db, actor.agency.id, version))?.body as RuleSet | undefined);
      if (!ruleSet)
        throw new AppError('screening.rule_set_not_found', `No version ${version} of your rule set`);
      const decisions: BacktestResult['decisions'] = [];
      const summary = runBacktest(RuleSetSchema.parse(ruleSet), csv, (row) => {
        if (decisions.length < 200)
          decisions.push({
            line: row.line,
            transferId: row.transferId,
            action: row.decision.action,
            score: row.decision.score,
            reasons: row.decision.reasons.map((reason) => reason.code),
            fraud: row.fraud,
          });
      });
      return { ...summary, decisions };
    },

    async ruleSets(context: RequestContext): Promise<RuleSetList> {
      const actor = requireBank(context, 'screening.review');
      const rows = await repository.ruleSets(db, actor.agency.id);
      return { items: rows.map(versionOf), default: RuleSetSchema.parse(DEFAULT_RULE_SET) };
    },

    /** A new draft, from the default set or one of the bank's versions. */
    async createDraft(context: RequestContext, input: CreateRuleSetDraft): Promise<RuleSetVersion> {
      const actor = requireBank(context, 'screening.manage');
      return db.transaction().execute(async (trx) => {
        const version = await repository.nextVersion(trx, actor.agency.id);
        const source =
          input.from === 'default'
            ? (DEFAULT_RULE_SET as RuleSet)
            : ((await draftOf(trx, actor, input.from)).body as RuleSet);
        const draft: RuleSet = {
          ...reviseRuleSet(source, version),
          id: `bank-${actor.agency.id.slice(-12)}`,
          bank: actor.agency.id,
        };
        const row = {
          id: newId(),
          agency_id: actor.agency.id,
          version,
          status: 'draft' as const,
          body: JSON.stringify(draft),
          shadow: false,
          created_by: actor.kind === 'user' ? actor.userId : null,
          created_at: clock.now(),
          published_by: null,
          published_at: null,
        };
        await repository.insertRuleSet(trx, row);
        await audit.record(trx, context, {
          action: 'screening.rule_set_draft',
          targetType: 'screening_rule_set',
          targetId: row.id,
          targetAgencyId: actor.agency.id,
          details: { version, from: input.from },
        });
        return versionOf({ ...row, body: draft as unknown as Record<string, unknown> });
      });
    },

    async editDraft(
      context: RequestContext,
      version: number,
      input: EditRuleSetDraft,
    ): Promise<RuleSetVersion> {
      const actor = requireBank(context, 'screening.manage');
      return db.transaction().execute(async (trx) => {
        const row = await draftOf(trx, actor, version);
        const edited = editDraft(row.body as RuleSet, (draft) => ({ ...draft, ...input }));
        if (!edited.ok)
          throw new AppError(
            'screening.rule_set_frozen',
            `Version ${version} is ${row.status}: make a new draft`,
          );
        await repository.updateRuleSet(trx, row.id, { body: JSON.stringify(edited.ruleSet) });
        await audit.record(trx, context, {
          action: 'screening.rule_set_edit',
          targetType: 'screening_rule_set',
          targetId: row.id,
          targetAgencyId: actor.agency.id,
          details: { version, rules: input.rules.length },
        });
        return versionOf({ ...row, body: edited.ruleSet as unknown as Record<string, unknown> });
      });
    },

    /** Publishes a draft: checked, frozen, and in force at once; the version it replaces is retired. */
    async publish(context: RequestContext, version: number): Promise<RuleSetVersion> {
      const actor = requireBank(context, 'screening.manage');
      const published = await db.transaction().execute(async (trx) => {
        const row = await draftOf(trx, actor, version);
        const now = clock.now();
        const result = publishRuleSet(row.body as RuleSet, now, { knownFacts: FACT_NAME_SET });
        if (!result.ok)
          throw new AppError(
            result.code === 'rule_set.invalid' ? 'screening.rule_set_invalid' : 'screening.rule_set_frozen',
            result.code === 'rule_set.invalid'
              ? 'The rule set has problems; nothing was published'
              : `Version ${version} is ${row.status}`,
            {
              errors: result.problems.map((problem) => ({
                path: `rules.${problem.ruleId}.${problem.path}`,
                message: problem.code,
              })),
            },
          );
        for (const other of await repository.ruleSets(trx, actor.agency.id))
          if (other.status === 'published')
            await repository.updateRuleSet(trx, other.id, { status: 'retired' });
        const patch = {
          status: 'published' as const,
          shadow: false,
          body: JSON.stringify(result.ruleSet),
          published_at: now,
          published_by: actor.kind === 'user' ? actor.userId : null,
        };
        await repository.updateRuleSet(trx, row.id, patch);
        await audit.record(trx, context, {
          action: 'screening.rule_set_publish',
          targetType: 'screening_rule_set',
          targetId: row.id,
          targetAgencyId: actor.agency.id,
          details: { version },
        });
        return versionOf({ ...row, ...patch, body: result.ruleSet as unknown as Record<string, unknown> });
      });
      await reload();
      return published;
    },

    /** Runs a draft in shadow beside the published set (one draft per bank), or stops it. */
    async setShadow(context: RequestContext, version: number, shadow: boolean): Promise<RuleSetVersion> {
      const actor = requireBank(context, 'screening.manage');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await draftOf(trx, actor, version);
        if (row.status !== 'draft')
          throw new AppError('screening.rule_set_frozen', 'Only a draft runs in shadow');
        if (shadow) {
          const problems = compileRuleSet(row.body as RuleSet, { knownFacts: FACT_NAME_SET }).problems;
          if (problems.length > 0)
            throw new AppError('screening.rule_set_invalid', 'The draft has problems; fix them first', {
              errors: problems.map((problem) => ({
                path: `rules.${problem.ruleId}.${problem.path}`,
                message: problem.code,
              })),
            });
          await repository.clearShadow(trx, actor.agency.id);
        }
        await repository.updateRuleSet(trx, row.id, { shadow });
        await audit.record(trx, context, {
          action: 'screening.rule_set_shadow',
          targetType: 'screening_rule_set',
          targetId: row.id,
          targetAgencyId: actor.agency.id,
          details: { version, shadow },
        });
        return versionOf({ ...row, shadow });
      });
      await reload();
      return updated;
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
