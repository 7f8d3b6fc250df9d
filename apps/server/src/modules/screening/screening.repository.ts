import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ScreeningDecision } from '@khien/contracts';
import type { DB } from '../../db/schema.js';

export type RuleSetRow = Selectable<DB['screening_rule_sets']>;
export type DecisionRow = Selectable<DB['screening_decisions']>;
export type FlagRow = Selectable<DB['screening_flags']>;

/** The SQL of transfer screening (ADR 0009): rule set versions per bank, and stored decisions. */
export function createScreeningRepository() {
  return {
    async ruleSets(db: Kysely<DB>, agencyId: string): Promise<RuleSetRow[]> {
      return db
        .selectFrom('screening_rule_sets')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('version', 'desc')
        .execute();
    },

    async ruleSet(db: Kysely<DB>, agencyId: string, version: number, lock = false) {
      let query = db
        .selectFrom('screening_rule_sets')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('version', '=', version);
      if (lock) query = query.forUpdate();
      return query.executeTakeFirst();
    },

    /** The published set and the shadow draft of every bank (what decisions are made with). */
    async active(db: Kysely<DB>): Promise<RuleSetRow[]> {
      return db
        .selectFrom('screening_rule_sets')
        .selectAll()
        .where((eb) => eb.or([eb('status', '=', 'published'), eb('shadow', '=', true)]))
        .execute();
    },

    async nextVersion(db: Kysely<DB>, agencyId: string): Promise<number> {
      const row = await db
        .selectFrom('screening_rule_sets')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      return Number(row?.v ?? 0) + 1;
    },

    async insertRuleSet(db: Kysely<DB>, row: Insertable<DB['screening_rule_sets']>): Promise<void> {
      await db.insertInto('screening_rule_sets').values(row).execute();
    },

    async updateRuleSet(
      db: Kysely<DB>,
      id: string,
      patch: Partial<Pick<RuleSetRow, 'status' | 'shadow' | 'published_at' | 'published_by'>> & {
        body?: string;
      },
    ): Promise<void> {
      await db.updateTable('screening_rule_sets').set(patch).where('id', '=', id).execute();
    },

    async clearShadow(db: Kysely<DB>, agencyId: string): Promise<void> {
      await db
        .updateTable('screening_rule_sets')
        .set({ shadow: false })
        .where('agency_id', '=', agencyId)
        .where('shadow', '=', true)
        .execute();
    },

    /** The decisions already stored for these transfer ids, by id. */
    async decisionsOf(db: Kysely<DB>, agencyId: string, transferIds: string[]) {
      const found = new Map<string, ScreeningDecision>();
      if (transferIds.length === 0) return found;
      const rows = await db
        .selectFrom('screening_decisions')
        .select(['transfer_id', 'decision'])
        .where('agency_id', '=', agencyId)
        .where('transfer_id', 'in', [...new Set(transferIds)])
        .execute();
      for (const row of rows) found.set(row.transfer_id, row.decision as unknown as ScreeningDecision);
      return found;
    },

    /** Stores decisions; a transfer already decided keeps its first decision (answers which were new). */
    async insertDecisions(db: Kysely<DB>, rows: Array<Insertable<DB['screening_decisions']>>) {
      if (rows.length === 0) return new Set<string>();
      const inserted = await db
        .insertInto('screening_decisions')
        .values(rows)
        .onConflict((oc) => oc.columns(['agency_id', 'transfer_id']).doNothing())
        .returning('transfer_id')
        .execute();
      return new Set(inserted.map((row) => row.transfer_id));
    },

    async reviews(
      db: Kysely<DB>,
      agencyId: string,
      filter: { status: string; limit: number; offset: number },
    ) {
      const base = db
        .selectFrom('screening_decisions')
        .where('agency_id', '=', agencyId)
        .where('review_status', '=', filter.status as 'pending');
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('decided_at', filter.status === 'pending' ? 'asc' : 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return { rows, total: Number(total.n) };
    },

    async reviewRow(db: Kysely<DB>, agencyId: string, transferId: string) {
      return db
        .selectFrom('screening_decisions')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('transfer_id', '=', transferId)
        .executeTakeFirst();
    },

    async setReview(
      db: Kysely<DB>,
      agencyId: string,
      transferId: string,
      patch: Updateable<DB['screening_decisions']>,
    ): Promise<void> {
      await db
        .updateTable('screening_decisions')
        .set(patch)
        .where('agency_id', '=', agencyId)
        .where('transfer_id', '=', transferId)
        .execute();
    },

    async agency(db: Kysely<DB>, id: string) {
      return db.selectFrom('agencies').select(['type', 'active']).where('id', '=', id).executeTakeFirst();
    },

    async insertFlags(db: Kysely<DB>, rows: Array<Insertable<DB['screening_flags']>>): Promise<void> {
      if (rows.length > 0) await db.insertInto('screening_flags').values(rows).execute();
    },

    async flags(db: Kysely<DB>, agencyId: string, filter: { status: string; limit: number; offset: number }) {
      const base = db
        .selectFrom('screening_flags')
        .where('agency_id', '=', agencyId)
        .where('status', '=', filter.status as 'pending');
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('score', 'desc')
        .orderBy('flagged_at', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return { rows, total: Number(total.n) };
    },

    async flag(db: Kysely<DB>, agencyId: string, id: string) {
      return db
        .selectFrom('screening_flags')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async setFlagReview(db: Kysely<DB>, id: string, patch: Updateable<DB['screening_flags']>): Promise<void> {
      await db.updateTable('screening_flags').set(patch).where('id', '=', id).execute();
    },

    async decisions(
      db: Kysely<DB>,
      agencyId: string,
      filter: { action?: string; limit: number; offset: number },
    ) {
      let base = db.selectFrom('screening_decisions').where('agency_id', '=', agencyId);
      if (filter.action) base = base.where('action', '=', filter.action as DecisionRow['action']);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select([
          'transfer_id',
          'action',
          'score',
          'rule_set_version',
          'amount_vnd',
          'decided_at',
          'shadow',
          'decision',
        ])
        .orderBy('decided_at', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return { rows, total: Number(total.n) };
    },
  };
}

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;
