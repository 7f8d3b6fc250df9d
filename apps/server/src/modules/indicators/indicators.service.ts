import type {
  AllowlistEntry,
  AllowlistQuery,
  ChangeIndicatorStatusRequest,
  CreateAllowlistEntryRequest,
  CreateIndicatorRequest,
  Indicator,
  IndicatorDetail,
  IndicatorListQuery,
  IndicatorPage,
  MergeIndicatorRequest,
  ScamMethod,
} from '@khien/contracts';
import { identify, type AnyIdentifier } from '@khien/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { NATIONWIDE, actorOf, requireNationwide } from '../../shared/authorize.js';
import { newId } from '../../shared/ids.js';
import { decide, isPolice, mayEver, type Action, type Actor } from '../../shared/policy.js';
import type { AuditRecorder } from '../audit/index.js';
import {
  afterNewReport,
  canTransition,
  confidenceOf,
  expiryAfterSeen,
  type IndicatorStatus,
} from './indicator.js';
import type { AllowlistRow, IndicatorRow, IndicatorsRepository } from './indicators.repository.js';

/** Told of every change, after commit, so that the hot-path index of each process stays current. */
export interface IndicatorChangeListener {
  indicatorChanged(row: IndicatorRow): void;
  /** An entry became an alias of another: checks of its key answer with the other's status. */
  indicatorMerged(aliasKey: string, target: IndicatorRow): void;
  allowlistChanged(
    entry: { key: string; organisation: string; category: string } | null,
    removedKey?: string,
  ): void;
}

export interface IndicatorsDependencies {
  db: Kysely<DB>;
  repository: IndicatorsRepository;
  audit: AuditRecorder;
  clock: Clock;
  listeners: IndicatorChangeListener[];
  /** This process's name in change announcements to the others. */
  origin: string;
}

/**
 * An identifier as the registry stores it: what `identify` answers, or the same read back from where it
 * waited (a report's `registry_pending`).
 */
export interface RegistryIdentifier {
  kind: string;
  key: string;
  display: string;
  details: object;
}

/** Where a registry entry's new source comes from, and what it says. */
export interface NewSource {
  type: 'report' | 'agency' | 'import';
  ref: string | null;
  agencyId: string | null;
  reporterHash: string | null;
  scamMethod: ScamMethod | null;
  lossVnd: number | null;
  evidenceUrl: string | null;
  note: string | null;
  createdBy: string | null;
  sharing: 'public' | 'agencies' | 'police';
}

const SHARING_ORDER = ['police', 'agencies', 'public'] as const;
/** The widest of these sharing scopes. */
function widestSharing(scopes: ReadonlyArray<NewSource['sharing']>): NewSource['sharing'] {
  return SHARING_ORDER[Math.max(...scopes.map((scope) => SHARING_ORDER.indexOf(scope)))]!;
}

/** Which sharing scopes an actor may see: police see everything, other agencies what is shared with them. */
function visibleSharing(actor: Actor): Array<'public' | 'agencies' | 'police'> {
  return isPolice(actor.agency) ? ['public', 'agencies', 'police'] : ['public', 'agencies'];
}

export function createIndicatorsService(deps: IndicatorsDependencies) {
  const { db, repository, audit, clock } = deps;
  const notify = (row: IndicatorRow) => deps.listeners.forEach((l) => l.indicatorChanged(row));

  function parse(input: string, kind?: AnyIdentifier['kind']): AnyIdentifier {
    const result = identify(input, kind);
    if (!result.ok) {
      throw new AppError('indicator.unrecognised', result.message, {
        errors: [{ path: 'body.input', message: result.code }],
      });
    }
    return result.value;
  }

  async function visible(
    context: RequestContext,
    action: Action,
    id: string,
  ): Promise<{ actor: Actor; row: IndicatorRow }> {
    if (action === 'indicator.decide') return decidable(context, id);
    const actor = requireNationwide(context, action);
    const row = await repository.byId(db, id);
    if (!row || !visibleSharing(actor).includes(row.sharing)) throw notFound('Indicator');
    return { actor, row };
  }

  /**
   * Police decide on every entry; staff of another agency decide on the kinds a police agency delegated
   * to theirs (their role must be one that decides at all).
   */
  async function decidable(
    context: RequestContext,
    id: string,
  ): Promise<{ actor: Actor; row: IndicatorRow }> {
    const actor = actorOf(context);
    if (!mayEver(actor, 'indicator.decide')) throw forbidden();
    const row = await repository.byId(db, id);
    if (!row || !visibleSharing(actor).includes(row.sharing)) throw notFound('Indicator');
    if (decide(actor, 'indicator.decide', NATIONWIDE) === 'allow') return { actor, row };
    if (await repository.delegatedKind(db, actor.agency.id, row.kind)) return { actor, row };
    throw forbidden('Only the police, or an agency they delegated this kind of entry to, decide on it');
  }

  /**
   * Adds sources to the registry entries of their identifiers, creating the entries that are new, inside
   * the caller's transaction and with a fixed number of statements however many there are (an identifier
   * may come with several sources: the reports of a batch). The entries are created and locked in the
   * order of their keys, so concurrent transactions naming the same entries in another order wait for
   * each other instead of deadlocking. Answers, in the order of their keys, each entry as it now is (to
   * tell the index after commit) and whether this call created it.
   */
  async function addSources(
    trx: Kysely<DB>,
    items: ReadonlyArray<{ identifier: RegistryIdentifier; source: NewSource }>,
  ): Promise<Array<{ row: IndicatorRow; created: boolean }>> {
    if (items.length === 0) return [];
    const byKey = new Map<string, { identifier: RegistryIdentifier; sources: NewSource[] }>();
    for (const { identifier, source } of items) {
      const entry = byKey.get(identifier.key);
      if (entry) entry.sources.push(source);
      else byKey.set(identifier.key, { identifier, sources: [source] });
    }
    const keys = [...byKey.keys()].sort();
    const now = clock.now();
    const created = await repository.insertMissing(
      trx,
      keys.map((key) => {
        const { identifier, sources } = byKey.get(key)!;
        return {
          id: newId(),
          kind: identifier.kind,
          key,
          display: identifier.display,
          status: 'reported',
          confidence: 0,
          scam_methods: [],
          first_seen_at: now,
          last_seen_at: now,
          report_count: 0,
          reported_loss_vnd: 0,
          sharing: widestSharing(sources.map((source) => source.sharing)),
          expires_at: expiryAfterSeen('reported', now),
          details: identifier.details as unknown as Record<string, unknown>,
          decided_by_agency_id: null,
          status_reason: null,
          status_changed_at: now,
          merged_into_id: null,
        };
      }),
    );
    const createdKeys = new Set(created.map((row) => row.key));
    const rows = await repository.byKeysForUpdate(trx, keys);
    if (rows.length !== keys.length) throw new AppError('internal', 'A registry entry could not be created');
    await repository.insertEvents(
      trx,
      created.map((row) => {
        const [first] = byKey.get(row.key)!.sources;
        return {
          id: newId(),
          indicator_id: row.id,
          event: 'created',
          from_status: null,
          to_status: 'reported',
          reason: null,
          actor_user_id: first!.createdBy,
          actor_agency_id: first!.agencyId,
          created_at: now,
        };
      }),
    );
    const sourceRows = rows.flatMap((row) =>
      byKey.get(row.key)!.sources.map((source) => ({
        id: newId(),
        indicator_id: row.id,
        source_type: source.type,
        source_ref: source.ref,
        agency_id: source.agencyId,
        reporter_hash: source.reporterHash,
        scam_method: source.scamMethod,
        loss_vnd: source.lossVnd,
        evidence_url: source.evidenceUrl,
        note: source.note,
        created_by: source.createdBy,
        created_at: now,
      })),
    );
    const added = await repository.insertSources(trx, sourceRows);
    const counts = await repository.sourceCountsOf(
      trx,
      rows.map((row) => row.id),
    );
    const changes = rows.map((row) => {
      // A source left out (its reporter was counted already) adds no money.
      const fresh = sourceRows.filter((source) => source.indicator_id === row.id && added.has(source.id));
      const { sources } = byKey.get(row.key)!;
      const count = counts.get(row.id)!;
      const status = afterNewReport(row.status);
      const methods = [...row.scam_methods];
      for (const { scamMethod } of sources)
        if (scamMethod && !methods.includes(scamMethod)) methods.push(scamMethod);
      return {
        id: row.id,
        status,
        status_changed_at: status !== row.status ? now : null,
        status_reason: status !== row.status ? 'reported again after it had lapsed' : null,
        last_seen_at: now,
        report_count: count.reports,
        reported_loss_vnd: fresh.reduce(
          (sum, source) => sum + (source.loss_vnd ?? 0),
          Number(row.reported_loss_vnd),
        ),
        scam_methods: methods,
        // The widest sharing any source asked for stays; a later source never narrows what others shared.
        sharing: widestSharing([row.sharing, ...sources.map((source) => source.sharing)]),
        confidence: confidenceOf({
          status,
          reportCount: count.reports,
          agencySources: count.agencies,
          importSources: count.imports,
        }),
        expires_at: expiryAfterSeen(status, now),
      };
    });
    await repository.announceAll(
      trx,
      keys.map((key) => ({ origin: deps.origin, type: 'indicator', key })),
    );
    const updated = new Map((await repository.updateEach(trx, changes)).map((row) => [row.key, row]));
    return keys.map((key) => ({ row: updated.get(key)!, created: createdKeys.has(key) }));
  }

  /** Adds one source to the entry for an identifier (see addSources). */
  async function addSource(
    trx: Kysely<DB>,
    identifier: AnyIdentifier,
    source: NewSource,
  ): Promise<IndicatorRow> {
    const [added] = await addSources(trx, [{ identifier, source }]);
    return added!.row;
  }

  /**
   * Moves an entry to another status inside the caller's transaction, with its reason, history and audit
   * entry. The caller tells the index (`notify`) after commit.
   */
  async function applyStatus(
    trx: Kysely<DB>,
    context: RequestContext,
    row: IndicatorRow,
    to: IndicatorStatus,
    reason: string,
    sharing?: IndicatorRow['sharing'],
  ): Promise<IndicatorRow> {
    const actor = actorOf(context);
    if (!canTransition(row.status, to)) {
      throw new AppError('indicator.invalid_transition', `An entry cannot go from ${row.status} to ${to}`);
    }
    const now = clock.now();
    const counts = await repository.sourceCounts(trx, row.id);
    const changed = await repository.update(trx, row.id, {
      status: to,
      status_reason: reason,
      status_changed_at: now,
      decided_by_agency_id: actor.agency.id,
      confidence: confidenceOf({
        status: to,
        reportCount: counts.reports,
        agencySources: counts.agencies,
        importSources: counts.imports,
      }),
      expires_at: expiryAfterSeen(to, now),
      ...(sharing ? { sharing } : {}),
    });
    await repository.insertEvent(trx, {
      id: newId(),
      indicator_id: row.id,
      event: 'status_changed',
      from_status: row.status,
      to_status: to,
      reason,
      actor_user_id: actor.kind === 'user' ? actor.userId : null,
      actor_agency_id: actor.agency.id,
      created_at: now,
      details: sharing ? { sharing } : {},
    });
    await repository.announce(trx, { origin: deps.origin, type: 'indicator', key: row.key });
    await audit.record(trx, context, {
      action: 'indicator.status_changed',
      targetType: 'indicator',
      targetId: row.id,
      details: { from: row.status, to, sharing: sharing ?? null },
    });
    return changed;
  }

  return {
    addSource,
    addSources,

    async report(context: RequestContext, input: CreateIndicatorRequest): Promise<Indicator> {
      const actor = requireNationwide(context, 'indicator.report');
      const identifier = parse(input.input, input.kind);
      if (await repository.allowlistByKey(db, identifier.key)) {
        throw new AppError(
          'indicator.allowlisted',
          `${identifier.display} is on the allowlist of official identifiers`,
        );
      }
      const row = await db.transaction().execute(async (trx) => {
        const changed = await addSource(trx, identifier, {
          type: 'agency',
          ref: null,
          agencyId: actor.agency.id,
          reporterHash: null,
          scamMethod: input.scamMethod ?? null,
          lossVnd: input.lossVnd ?? null,
          evidenceUrl: input.evidenceUrl ?? null,
          note: input.note ?? null,
          createdBy: actor.kind === 'user' ? actor.userId : null,
          sharing: input.sharing,
        });
        await audit.record(trx, context, {
          action: 'indicator.report',
          targetType: 'indicator',
          targetId: changed.id,
          details: { kind: identifier.kind, scamMethod: input.scamMethod ?? null },
        });
        return changed;
      });
      notify(row);
      return toIndicator(row);
    },

    async changeStatus(
      context: RequestContext,
      id: string,
      input: ChangeIndicatorStatusRequest,
    ): Promise<Indicator> {
      const { row } = await visible(context, 'indicator.decide', id);
      const updated = await db
        .transaction()
        .execute((trx) => applyStatus(trx, context, row, input.status, input.reason, input.sharing));
      notify(updated);
      return toIndicator(updated);
    },

    applyStatus,
    notify,

    /**
     * Merges an entry into another that records the same thing under another key: the sources move, the
     * first becomes an alias, and checks of either key answer with the merged entry from then on.
     */
    async merge(context: RequestContext, id: string, input: MergeIndicatorRequest): Promise<Indicator> {
      const { actor, row: source } = await visible(context, 'indicator.decide', id);
      const { row: target } = await decidable(context, input.intoId);
      if (source.id === target.id || source.merged_into_id || target.merged_into_id) {
        throw new AppError(
          'indicator.merge_invalid',
          'Merge two different entries that are not already merged',
        );
      }
      const now = clock.now();
      const merged = await db.transaction().execute(async (trx) => {
        await repository.moveSources(trx, source.id, target.id);
        await repository.repointAliases(trx, source.id, target.id);
        const counts = await repository.sourceCounts(trx, target.id);
        const totals = await repository.sourceTotals(trx, target.id);
        const status =
          target.status === 'confirmed_scam' || source.status !== 'confirmed_scam'
            ? target.status
            : source.status;
        const updated = await repository.update(trx, target.id, {
          status,
          report_count: counts.reports,
          reported_loss_vnd: Number(totals.loss ?? 0),
          scam_methods: [...new Set([...target.scam_methods, ...source.scam_methods])],
          first_seen_at: new Date(
            Math.min(new Date(target.first_seen_at).getTime(), new Date(source.first_seen_at).getTime()),
          ),
          last_seen_at: new Date(
            Math.max(new Date(target.last_seen_at).getTime(), new Date(source.last_seen_at).getTime()),
          ),
          confidence: confidenceOf({
            status,
            reportCount: counts.reports,
            agencySources: counts.agencies,
            importSources: counts.imports,
          }),
        });
        await repository.update(trx, source.id, {
          merged_into_id: target.id,
          status_reason: input.reason,
          status_changed_at: now,
        });
        for (const [indicatorId, event, other] of [
          [source.id, 'merged_into', target.id],
          [target.id, 'merged_from', source.id],
        ] as const) {
          await repository.insertEvent(trx, {
            id: newId(),
            indicator_id: indicatorId,
            event,
            from_status: null,
            to_status: null,
            reason: input.reason,
            actor_user_id: actor.kind === 'user' ? actor.userId : null,
            actor_agency_id: actor.agency.id,
            created_at: now,
            details: { other },
          });
        }
        await repository.announce(trx, { origin: deps.origin, type: 'indicator', key: target.key });
        await repository.announce(trx, { origin: deps.origin, type: 'merge', key: source.key });
        await audit.record(trx, context, {
          action: 'indicator.merge',
          targetType: 'indicator',
          targetId: target.id,
          details: { merged: source.id },
        });
        return updated;
      });
      notify(merged);
      deps.listeners.forEach((l) => l.indicatorMerged(source.key, merged));
      return toIndicator(merged);
    },

    async list(context: RequestContext, query: IndicatorListQuery): Promise<IndicatorPage> {
      const actor = requireNationwide(context, 'indicator.list');
      let keys: string[] | undefined;
      if (query.q) {
        const parsed = identify(query.q);
        keys = parsed.ok ? [parsed.value.key] : [];
      }
      const page = await repository.list(db, { ...query, keys, sharing: visibleSharing(actor) });
      return { items: page.items.map(toIndicator), total: page.total };
    },

    async get(context: RequestContext, id: string): Promise<IndicatorDetail> {
      const { actor, row } = await visible(context, 'indicator.read', id);
      const [sources, events] = await Promise.all([
        repository.sources(db, row.id),
        repository.events(db, row.id),
      ]);
      // Who reported is never shown; which agency a source came from is shown to police only.
      const police = isPolice(actor.agency);
      return {
        ...toIndicator(row),
        sources: sources.map((s) => ({
          id: s.id,
          sourceType: s.source_type,
          sourceRef: police ? s.source_ref : null,
          agencyId: police ? s.agency_id : null,
          scamMethod: (s.scam_method as ScamMethod | null) ?? null,
          lossVnd: s.loss_vnd === null ? null : Number(s.loss_vnd),
          evidenceUrl: police ? s.evidence_url : null,
          note: police ? s.note : null,
          createdAt: new Date(s.created_at).toISOString(),
        })),
        history: events.map((e) => ({
          event: e.event,
          fromStatus: e.from_status as IndicatorStatus | null,
          toStatus: e.to_status as IndicatorStatus | null,
          reason: e.reason,
          actorAgencyId: e.actor_agency_id,
          createdAt: new Date(e.created_at).toISOString(),
        })),
      };
    },

    /**
     * The registry as CSV (what the actor may see, filtered like the list), in pages so that a large
     * export does not sit in memory. The export itself is audited.
     */
    async *exportCsv(
      context: RequestContext,
      filter: { kind?: string; status?: string },
    ): AsyncGenerator<string> {
      const actor = requireNationwide(context, 'indicator.list');
      await db.transaction().execute((trx) =>
        audit.record(trx, context, {
          action: 'indicator.export',
          targetType: 'registry',
          details: { ...filter },
        }),
      );
      const columns = [
        'key',
        'kind',
        'display',
        'status',
        'confidence',
        'scam_methods',
        'report_count',
        'reported_loss_vnd',
        'sharing',
        'first_seen_at',
        'last_seen_at',
        'status_reason',
      ];
      yield `${columns.join(',')}\n`;
      const cell = (value: unknown) => {
        const text =
          value instanceof Date
            ? value.toISOString()
            : Array.isArray(value)
              ? value.join(' ')
              : String(value ?? '');
        // Quote when needed, and defuse spreadsheet formulas (=, +, -, @ at the start).
        const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
        return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      };
      for (let offset = 0; ; offset += 1000) {
        const page = await repository.list(db, {
          ...filter,
          sharing: visibleSharing(actor),
          limit: 1000,
          offset,
        });
        if (page.items.length === 0) return;
        yield (
          page.items
            .map((row) => columns.map((c) => cell(row[c as keyof IndicatorRow])).join(','))
            .join('\n') + '\n'
        );
        if (page.items.length < 1000) return;
      }
    },

    /** Lapses unconfirmed entries (a scheduled job). */
    async expire(): Promise<number> {
      const changed = await db.transaction().execute(async (trx) => {
        const rows = await repository.expire(trx, clock.now());
        for (const { key } of rows)
          await repository.announce(trx, { origin: deps.origin, type: 'indicator', key });
        return rows;
      });
      for (const row of changed) notify(row);
      return changed.length;
    },

    async allowlistPage(context: RequestContext, query: AllowlistQuery) {
      actorOf(context);
      const page = await repository.allowlistPage(db, query);
      return { items: page.items.map(toAllowlistEntry), total: page.total };
    },

    async addToAllowlist(
      context: RequestContext,
      input: CreateAllowlistEntryRequest,
    ): Promise<AllowlistEntry> {
      const actor = actorOf(context);
      if (decide(actor, 'allowlist.manage', NATIONWIDE) !== 'allow') throw forbidden();
      const identifier = parse(input.input, input.kind);
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await repository.addAllowlist(trx, {
          id: newId(),
          kind: identifier.kind,
          key: identifier.key,
          display: identifier.display,
          organisation: input.organisation,
          category: input.category,
          source: `agency:${actor.agency.id}`,
          note: input.note ?? null,
          created_by: actor.kind === 'user' ? actor.userId : null,
        });
        if (!inserted)
          throw new AppError('allowlist.exists', `${identifier.display} is already on the allowlist`);
        await repository.announce(trx, { origin: deps.origin, type: 'allowlist', key: inserted.key });
        await audit.record(trx, context, {
          action: 'allowlist.add',
          targetType: 'allowlist',
          targetId: inserted.id,
          details: { key: inserted.key, organisation: inserted.organisation },
        });
        return inserted;
      });
      deps.listeners.forEach((l) => l.allowlistChanged(row));
      return toAllowlistEntry(row);
    },

    async removeFromAllowlist(context: RequestContext, id: string): Promise<void> {
      const actor = actorOf(context);
      if (decide(actor, 'allowlist.manage', NATIONWIDE) !== 'allow') throw forbidden();
      const removed = await db.transaction().execute(async (trx) => {
        const row = await repository.removeAllowlist(
          trx,
          id,
          clock.now(),
          actor.kind === 'user' ? actor.userId : null,
        );
        if (!row) throw notFound('Allowlist entry');
        await repository.announce(trx, { origin: deps.origin, type: 'allowlist', key: row.key });
        await audit.record(trx, context, {
          action: 'allowlist.remove',
          targetType: 'allowlist',
          targetId: id,
          details: { key: row.key },
        });
        return row;
      });
      deps.listeners.forEach((l) => l.allowlistChanged(null, removed.key));
    },

    /** Loads the shipped official identifiers that are not there yet (at start-up). */
    async seedAllowlist(
      entries: Array<{
        input: string;
        kind?: AnyIdentifier['kind'];
        organisation: string;
        category: AllowlistRow['category'];
        source: string;
      }>,
    ) {
      let added = 0;
      for (const entry of entries) {
        const parsed = identify(entry.input, entry.kind);
        if (!parsed.ok) continue;
        const inserted = await repository.seedAllowlist(db, {
          id: newId(),
          kind: parsed.value.kind,
          key: parsed.value.key,
          display: parsed.value.display,
          organisation: entry.organisation,
          category: entry.category,
          source: entry.source,
          note: null,
          created_by: null,
        });
        if (inserted) added++;
      }
      return added;
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    kind: row.kind as Indicator['kind'],
    key: row.key,
    display: row.display,
    status: row.status,
    confidence: row.confidence,
    scamMethods: row.scam_methods as ScamMethod[],
    firstSeenAt: iso(row.first_seen_at),
    lastSeenAt: iso(row.last_seen_at),
    reportCount: row.report_count,
    reportedLossVnd: Number(row.reported_loss_vnd),
    sharing: row.sharing,
    expiresAt: row.expires_at ? iso(row.expires_at) : null,
    statusReason: row.status_reason,
    statusChangedAt: iso(row.status_changed_at),
    decidedByAgencyId: row.decided_by_agency_id,
    mergedIntoId: row.merged_into_id,
  };
}

function toAllowlistEntry(row: AllowlistRow): AllowlistEntry {
  return {
    id: row.id,
    kind: row.kind as AllowlistEntry['kind'],
    key: row.key,
    display: row.display,
    organisation: row.organisation,
    category: row.category,
    source: row.source,
    note: row.note,
    createdAt: iso(row.created_at),
  };
}
