import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AllowlistTable,
  AppealsTable,
  DB,
  IndicatorEventsTable,
  IndicatorSourcesTable,
  IndicatorsTable,
} from '../../db/schema.js';

export type IndicatorRow = Selectable<IndicatorsTable>;
export type SourceRow = Selectable<IndicatorSourcesTable>;
export type EventRow = Selectable<IndicatorEventsTable>;
export type AllowlistRow = Selectable<AllowlistTable>;
export type AppealRow = Selectable<AppealsTable>;
export type NewIndicatorRow = Omit<IndicatorRow, 'created_at' | 'updated_at' | 'details'> & {
  details: Record<string, unknown>;
};
export type NewEventRow = Omit<EventRow, 'details'> & { details?: Record<string, unknown> };
export interface SourceCounts {
  reports: number;
  agencies: number;
  imports: number;
}
/**
 * What a new source changes on its entry. `status_changed_at` null: the status stays, and so do its time
 * and reason (written back from here, they would lose the database's sub-millisecond precision).
 */
export type IndicatorCounters = Pick<
  IndicatorRow,
  | 'id'
  | 'status'
  | 'status_reason'
  | 'last_seen_at'
  | 'report_count'
  | 'reported_loss_vnd'
  | 'scam_methods'
  | 'sharing'
  | 'confidence'
  | 'expires_at'
> & { status_changed_at: Date | null };

export const REGISTRY_CHANNEL = 'khien_registry';
export interface RegistryChange {
  /** The process that made the change (it has applied it already). */
  origin: string;
  /** `merge`: the key is an entry that became an alias of another. */
  type: 'indicator' | 'allowlist' | 'merge';
  key: string;
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/** Sources by type for each entry (every id asked for has an answer, zeros when it has none). */
async function sourceCountsOf(
  db: Kysely<DB>,
  indicatorIds: readonly string[],
): Promise<Map<string, SourceCounts>> {
  const counts = new Map<string, SourceCounts>(
    indicatorIds.map((id) => [id, { reports: 0, agencies: 0, imports: 0 }]),
  );
  if (indicatorIds.length === 0) return counts;
  const rows = await db
    .selectFrom('indicator_sources')
    .select(['indicator_id', 'source_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('indicator_id', 'in', indicatorIds)
    .groupBy(['indicator_id', 'source_type'])
    .execute();
  const field = { report: 'reports', agency: 'agencies', import: 'imports' } as const;
  for (const row of rows) {
    const of = counts.get(row.indicator_id);
    const name = field[row.source_type as keyof typeof field];
    if (of && name) of[name] = Number(row.n);
  }
  return counts;
}

async function insertEvents(db: Kysely<DB>, rows: readonly NewEventRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('indicator_events')
    .values(rows.map((row) => ({ ...row, details: JSON.stringify(row.details ?? {}) })))
    .execute();
}

/** Tells the other processes, at commit, of several changes with one statement. */
async function announceAll(db: Kysely<DB>, messages: readonly RegistryChange[]) {
  if (messages.length === 0) return;
  const payloads = messages.map((message) => JSON.stringify(message));
  await sql`select pg_notify(${REGISTRY_CHANNEL}, payload) from unnest(${payloads}::text[]) as payload`.execute(
    db,
  );
}

export function createIndicatorsRepository() {
  return {
    async byKey(db: Kysely<DB>, key: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicators').selectAll().where('key', '=', key).executeTakeFirst();
    },

    async byId(db: Kysely<DB>, id: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async byIdForUpdate(db: Kysely<DB>, id: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicators').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /**
     * Creates the entries that do not exist yet, in the order given (callers sort by key, so that two
     * transactions creating the same entries wait for each other instead of deadlocking). Answers the
     * entries this statement created; one another transaction created first is left as it is.
     */
    async insertMissing(
      db: Kysely<DB>,
      rows: NewIndicatorRow[],
    ): Promise<Array<{ id: string; key: string }>> {
      if (rows.length === 0) return [];
      return db
        .insertInto('indicators')
        .values(rows.map((row) => ({ ...row, details: JSON.stringify(row.details) })))
        .onConflict((oc) => oc.column('key').doNothing())
        .returning(['id', 'key'])
        .execute();
    },

    /** Locks the entries of these keys for the rest of the transaction, in the order of their keys. */
    async byKeysForUpdate(db: Kysely<DB>, keys: readonly string[]): Promise<IndicatorRow[]> {
      if (keys.length === 0) return [];
      return db
        .selectFrom('indicators')
        .selectAll()
        .where('key', 'in', keys)
        .orderBy('key')
        .forUpdate()
        .execute();
    },

    /** Applies each entry's own changes in one statement (entries the caller has locked). */
    async updateEach(db: Kysely<DB>, changes: readonly IndicatorCounters[]): Promise<IndicatorRow[]> {
      if (changes.length === 0) return [];
      const result = await sql<IndicatorRow>`
        update indicators as i set
          status = c.status,
          status_changed_at = coalesce(c.status_changed_at, i.status_changed_at),
          status_reason = case when c.status_changed_at is null then i.status_reason else c.status_reason end,
          last_seen_at = c.last_seen_at,
          report_count = c.report_count,
          reported_loss_vnd = c.reported_loss_vnd,
          scam_methods = c.scam_methods,
          sharing = c.sharing,
          confidence = c.confidence,
          expires_at = c.expires_at,
          updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as c(
          id uuid, status text, status_changed_at timestamptz, status_reason text, last_seen_at timestamptz,
          report_count integer, reported_loss_vnd bigint, scam_methods text[], sharing text,
          confidence smallint, expires_at timestamptz)
        where i.id = c.id
        returning i.*`.execute(db);
      return result.rows;
    },

    async update(
      db: Kysely<DB>,
      id: string,
      changes: Partial<Omit<IndicatorRow, 'id' | 'key' | 'created_at' | 'details'>>,
    ) {
      return db
        .updateTable('indicators')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /**
     * Adds sources; one from a reporter already counted for that entry is left out. Answers the ids of
     * the sources added.
     */
    async insertSources(db: Kysely<DB>, rows: readonly SourceRow[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const inserted = await db
        .insertInto('indicator_sources')
        .values([...rows])
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'reporter_hash']).where('reporter_hash', 'is not', null).doNothing(),
        )
        .returning('id')
        .execute();
      return new Set(inserted.map((row) => row.id));
    },

    async sourceCounts(db: Kysely<DB>, indicatorId: string): Promise<SourceCounts> {
      return (await sourceCountsOf(db, [indicatorId])).get(indicatorId)!;
    },

    sourceCountsOf,

    async sources(db: Kysely<DB>, indicatorId: string): Promise<SourceRow[]> {
      return db
        .selectFrom('indicator_sources')
        .selectAll()
        .where('indicator_id', '=', indicatorId)
        .orderBy('created_at')
        .execute();
    },

    async insertEvent(db: Kysely<DB>, row: NewEventRow) {
      await insertEvents(db, [row]);
    },

    insertEvents,

    async events(db: Kysely<DB>, indicatorId: string): Promise<EventRow[]> {
      return db
        .selectFrom('indicator_events')
        .selectAll()
        .where('indicator_id', '=', indicatorId)
        .orderBy('created_at')
        .execute();
    },

    async list(
      db: Kysely<DB>,
      filter: {
        keys?: string[];
        q?: string;
        kind?: string;
        status?: string;
        sharing: IndicatorRow['sharing'][];
        limit: number;
        offset: number;
      },
    ): Promise<{ items: IndicatorRow[]; total: number }> {
      let query = db
        .selectFrom('indicators')
        .where('sharing', 'in', filter.sharing)
        .where('merged_into_id', 'is', null);
      if (filter.keys && filter.q) {
        const keys = filter.keys;
        const like = `%${escapeLike(filter.q.toLowerCase())}%`;
        query = query.where((eb) =>
          eb.or([...(keys.length ? [eb('key', 'in', keys)] : []), eb(sql`lower(display)`, 'like', like)]),
        );
      }
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.status) query = query.where('status', '=', filter.status as IndicatorRow['status']);
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('last_seen_at', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    /** Moves an entry's sources to another, dropping a reporter's second report of the same thing. */
    async moveSources(db: Kysely<DB>, fromId: string, toId: string) {
      await db
        .deleteFrom('indicator_sources as s')
        .where('s.indicator_id', '=', fromId)
        .where('s.reporter_hash', 'is not', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('indicator_sources as t')
              .select('t.id')
              .where('t.indicator_id', '=', toId)
              .whereRef('t.reporter_hash', '=', 's.reporter_hash'),
          ),
        )
        .execute();
      await db
        .updateTable('indicator_sources')
        .set({ indicator_id: toId })
        .where('indicator_id', '=', fromId)
        .execute();
    },

    /** Points the aliases of one entry at another (when the entry itself is merged). */
    async repointAliases(db: Kysely<DB>, fromId: string, toId: string) {
      await db
        .updateTable('indicators')
        .set({ merged_into_id: toId })
        .where('merged_into_id', '=', fromId)
        .execute();
    },

    async sourceTotals(db: Kysely<DB>, indicatorId: string) {
      return db
        .selectFrom('indicator_sources')
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('loss_vnd'), sql<number>`0`).as('loss'),
          eb.fn.min('created_at').as('first'),
          eb.fn.max('created_at').as('last'),
        ])
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirstOrThrow();
    },

    /** Alias key → the key of the entry it was merged into. */
    async mergedPairs(db: Kysely<DB>): Promise<Array<{ alias: string; target: string }>> {
      return db
        .selectFrom('indicators as a')
        .innerJoin('indicators as t', 't.id', 'a.merged_into_id')
        .select(['a.key as alias', 't.key as target'])
        .execute();
    },

    async insertDelegation(db: Kysely<DB>, row: Selectable<DB['registry_delegations']>) {
      return db.insertInto('registry_delegations').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async delegations(db: Kysely<DB>, filter: { policeAgencyId?: string; delegateAgencyId?: string }) {
      let query = db.selectFrom('registry_delegations').selectAll().where('revoked_at', 'is', null);
      if (filter.policeAgencyId) query = query.where('police_agency_id', '=', filter.policeAgencyId);
      if (filter.delegateAgencyId) query = query.where('delegate_agency_id', '=', filter.delegateAgencyId);
      return query.orderBy('created_at', 'desc').execute();
    },

    async delegationById(db: Kysely<DB>, id: string) {
      return db.selectFrom('registry_delegations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async revokeDelegation(db: Kysely<DB>, id: string, at: Date, by: string | null) {
      return db
        .updateTable('registry_delegations')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    /** Whether an agency may decide on entries of a kind by a police agency's delegation. */
    async delegatedKind(db: Kysely<DB>, agencyId: string, kind: string): Promise<boolean> {
      const row = await db
        .selectFrom('registry_delegations')
        .select('id')
        .where('delegate_agency_id', '=', agencyId)
        .where('revoked_at', 'is', null)
        .where(sql<boolean>`${kind} = any(kinds)`)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Every entry the hot-path index needs, in batches by id. */
    async *indexRows(db: Kysely<DB>, batch = 20_000) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await db
          .selectFrom('indicators')
          .select([
            'id',
            'key',
            'status',
            'sharing',
            'confidence',
            'report_count',
            'scam_methods',
            'last_seen_at',
          ])
          .where('id', '>', after)
          .where('merged_into_id', 'is', null)
          .orderBy('id')
          .limit(batch)
          .execute();
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1]!.id;
      }
    },

    /** Lapses unconfirmed entries past their expiry; returns the keys that changed. */
    async expire(db: Kysely<DB>, now: Date): Promise<IndicatorRow[]> {
      return db
        .updateTable('indicators')
        .set({
          status: 'expired',
          status_changed_at: now,
          status_reason: 'not seen again before its expiry',
          expires_at: null,
          updated_at: now,
        })
        .where('status', 'in', ['reported', 'verifying'])
        .where('expires_at', '<=', now)
        .returningAll()
        .execute();
    },

    /** Which of these keys are on the allowlist of official identifiers. */
    async allowlistedKeys(db: Kysely<DB>, keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await db
        .selectFrom('allowlist')
        .select('key')
        .where('key', 'in', keys)
        .where('removed_at', 'is', null)
        .execute();
      return new Set(rows.map((row) => row.key));
    },

    async allowlistByKey(db: Kysely<DB>, key: string): Promise<AllowlistRow | undefined> {
      return db
        .selectFrom('allowlist')
        .selectAll()
        .where('key', '=', key)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
    },

    async allowlistAll(db: Kysely<DB>): Promise<AllowlistRow[]> {
      return db
        .selectFrom('allowlist')
        .selectAll()
        .where('removed_at', 'is', null)
        .orderBy('organisation')
        .execute();
    },

    async allowlistPage(
      db: Kysely<DB>,
      filter: { q?: string; category?: string; limit: number; offset: number },
    ) {
      let query = db.selectFrom('allowlist').where('removed_at', 'is', null);
      if (filter.q) {
        const like = `%${escapeLike(filter.q.toLowerCase())}%`;
        query = query.where((eb) =>
          eb.or([eb(sql`lower(display)`, 'like', like), eb(sql`lower(organisation)`, 'like', like)]),
        );
      }
      if (filter.category) query = query.where('category', '=', filter.category as AllowlistRow['category']);
      const [items, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('organisation')
          .orderBy('display')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    /** Adds a shipped official identifier, unless it is there already or an administrator removed it. */
    async seedAllowlist(db: Kysely<DB>, row: Omit<AllowlistRow, 'created_at' | 'removed_at' | 'removed_by'>) {
      return db
        .insertInto('allowlist')
        .values(row)
        .onConflict((oc) => oc.column('key').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    /** Adds an official identifier, or puts back one that was removed; nothing when it is listed already. */
    async addAllowlist(db: Kysely<DB>, row: Omit<AllowlistRow, 'created_at' | 'removed_at' | 'removed_by'>) {
      return db
        .insertInto('allowlist')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({
              organisation: row.organisation,
              category: row.category,
              source: row.source,
              note: row.note,
              created_by: row.created_by,
              removed_at: null,
              removed_by: null,
            })
            .where('allowlist.removed_at', 'is not', null),
        )
        .returningAll()
        .executeTakeFirst();
    },

    async removeAllowlist(db: Kysely<DB>, id: string, at: Date, by: string | null) {
      return db
        .updateTable('allowlist')
        .set({ removed_at: at, removed_by: by })
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    async allowlistById(db: Kysely<DB>, id: string) {
      return db
        .selectFrom('allowlist')
        .selectAll()
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
    },

    async insertAppeal(db: Kysely<DB>, row: AppealRow) {
      await db.insertInto('appeals').values(row).execute();
    },

    async openAppealFor(db: Kysely<DB>, indicatorId: string) {
      return db
        .selectFrom('appeals')
        .select('id')
        .where('indicator_id', '=', indicatorId)
        .where('status', '=', 'submitted')
        .executeTakeFirst();
    },

    async appealByCode(db: Kysely<DB>, trackingCode: string) {
      return db
        .selectFrom('appeals as a')
        .innerJoin('indicators as i', 'i.id', 'a.indicator_id')
        .selectAll('a')
        .select(['i.display as identifier', 'i.status as indicator_status'])
        .where('a.tracking_code', '=', trackingCode)
        .executeTakeFirst();
    },

    async appealById(db: Kysely<DB>, id: string) {
      return db
        .selectFrom('appeals as a')
        .innerJoin('indicators as i', 'i.id', 'a.indicator_id')
        .selectAll('a')
        .select(['i.display as identifier', 'i.status as indicator_status'])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },

    async appealPage(db: Kysely<DB>, filter: { status?: string; limit: number; offset: number }) {
      let query = db.selectFrom('appeals as a').innerJoin('indicators as i', 'i.id', 'a.indicator_id');
      if (filter.status) query = query.where('a.status', '=', filter.status as AppealRow['status']);
      const [items, count] = await Promise.all([
        query
          .selectAll('a')
          .select(['i.display as identifier', 'i.status as indicator_status'])
          // Appeals still waiting for a decision first, the most urgent at the top.
          .orderBy(sql`case when a.status = 'submitted' then 0 else 1 end`)
          .orderBy('a.due_at')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    async decideAppeal(
      db: Kysely<DB>,
      id: string,
      changes: Pick<AppealRow, 'status' | 'decided_at' | 'decided_by' | 'decision_reason'>,
    ) {
      return db
        .updateTable('appeals')
        .set(changes)
        .where('id', '=', id)
        .where('status', '=', 'submitted')
        .returningAll()
        .executeTakeFirst();
    },

    /**
     * Tells other server processes, when the transaction commits (NOTIFY is transactional), that an entry
     * or an official identifier changed; they reload it by key.
     */
    async announce(db: Kysely<DB>, message: RegistryChange) {
      await announceAll(db, [message]);
    },

    announceAll,

    /** Adds counted checks (flushed from memory in batches, never one write per check). */
    async addCheckCounts(
      db: Kysely<DB>,
      rows: Array<{ day: string; kind: string; verdict: string; count: number }>,
    ) {
      if (rows.length === 0) return;
      await db
        .insertInto('check_counts')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['day', 'kind', 'verdict'])
            .doUpdateSet({ count: sql`check_counts.count + excluded.count` }),
        )
        .execute();
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>;
