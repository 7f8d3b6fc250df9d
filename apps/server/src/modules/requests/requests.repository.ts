import type { AgencyType, RequestListQuery, RequestTimeLimits, RequestType } from '@khien/contracts';
import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { DB, RequestStatusColumn } from '../../db/schema.js';

/** A request with the names the API shows beside it. */
export type RequestRow = Selectable<DB['requests']> & {
  sender_agency_name: string;
  recipient_agency_name: string;
  report_tracking_code: string | null;
  /** Takedowns done: reports received since that name the target, and the latest one's time. */
  reappeared_reports: number | string | null;
  reappeared_last: Date | string | null;
};

/**
 * Reports received after a takedown was answered that name one of its target's keys: the target came back.
 * Computed when read, so a report linked later counts at once.
 */
const reappearedOf = (what: 'count' | 'last') => sql<number | string | Date | null>`(
  select ${what === 'count' ? sql`count(distinct later.id)` : sql`max(later.received_at)`}
  from report_identifiers ri
  join indicators i on i.id = ri.indicator_id
  join reports later on later.id = ri.report_id
  where r.type = 'takedown' and r.status = 'answered' and cardinality(r.target_keys) > 0
    and (i.key = any(r.target_keys)
      or (i.kind = 'url' and 'domain:' || (i.details->>'registrableDomain') = any(r.target_keys)))
    and later.received_at > r.answered_at
)`;

export type LedgerRow = Selectable<DB['recovery_ledger']>;

const OPEN: readonly RequestStatusColumn[] = ['sent', 'acknowledged'];

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('requests as r')
    .innerJoin('agencies as sa', 'sa.id', 'r.sender_agency_id')
    .innerJoin('agencies as ra', 'ra.id', 'r.recipient_agency_id')
    .leftJoin('reports as rep', 'rep.id', 'r.report_id')
    .selectAll('r')
    .select([
      'sa.name as sender_agency_name',
      'ra.name as recipient_agency_name',
      'rep.tracking_code as report_tracking_code',
      reappearedOf('count').as('reappeared_reports'),
      reappearedOf('last').as('reappeared_last'),
    ]);
}

export function createRequestsRepository() {
  return {
    async timeLimits(db: Kysely<DB>): Promise<RequestTimeLimits> {
      const row = await db.selectFrom('request_time_limits').selectAll().executeTakeFirstOrThrow();
      return {
        holdMinutes: row.hold_minutes,
        informationMinutes: row.information_minutes,
        takedownMinutes: row.takedown_minutes,
      };
    },

    async updateTimeLimits(db: Kysely<DB>, limits: RequestTimeLimits, by: string | null, at: Date) {
      await db
        .updateTable('request_time_limits')
        .set({
          hold_minutes: limits.holdMinutes,
          information_minutes: limits.informationMinutes,
          takedown_minutes: limits.takedownMinutes,
          updated_by: by,
          updated_at: at,
        })
        .execute();
    },

    async insert(db: Kysely<DB>, rows: Array<Insertable<DB['requests']>>): Promise<void> {
      if (rows.length > 0) await db.insertInto('requests').values(rows).execute();
    },

    async insertEvents(db: Kysely<DB>, rows: Array<Insertable<DB['request_events']>>): Promise<void> {
      if (rows.length > 0) await db.insertInto('request_events').values(rows).execute();
    },

    async byId(db: Kysely<DB>, id: string): Promise<RequestRow | undefined> {
      return (await withNames(db).where('r.id', '=', id).executeTakeFirst()) as RequestRow | undefined;
    },

    /** The request, locked for a change in this transaction. */
    async lock(db: Kysely<DB>, id: string) {
      return db.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async update(db: Kysely<DB>, id: string, patch: Updateable<DB['requests']>): Promise<void> {
      await db.updateTable('requests').set(patch).where('id', '=', id).execute();
    },

    async children(db: Kysely<DB>, parentId: string): Promise<RequestRow[]> {
      return (await withNames(db)
        .where('r.parent_id', '=', parentId)
        .orderBy('r.sent_at')
        .execute()) as RequestRow[];
    },

    async list(db: Kysely<DB>, agencyId: string, query: RequestListQuery, now: Date) {
      let base = db
        .selectFrom('requests as r')
        .innerJoin('agencies as sa', 'sa.id', 'r.sender_agency_id')
        .innerJoin('agencies as ra', 'ra.id', 'r.recipient_agency_id')
        .leftJoin('reports as rep', 'rep.id', 'r.report_id');
      if (query.box === 'inbox') base = base.where('r.recipient_agency_id', '=', agencyId);
      else if (query.box === 'outbox') base = base.where('r.sender_agency_id', '=', agencyId);
      else
        base = base.where((eb) =>
          eb.or([eb('r.recipient_agency_id', '=', agencyId), eb('r.sender_agency_id', '=', agencyId)]),
        );
      if (query.status) base = base.where('r.status', '=', query.status);
      if (query.type) base = base.where('r.type', '=', query.type);
      if (query.reportId) base = base.where('r.report_id', '=', query.reportId);
      if (query.open !== undefined)
        base = base.where('r.status', query.open === 'true' ? 'in' : 'not in', OPEN);
      if (query.overdue !== undefined) {
        const overdue = sql<SqlBool>`r.status in ('sent', 'acknowledged') and r.due_at < ${now}`;
        base = base.where(query.overdue === 'true' ? overdue : sql<SqlBool>`not (${overdue})`);
      }
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await base
        .selectAll('r')
        .select([
          'sa.name as sender_agency_name',
          'ra.name as recipient_agency_name',
          'rep.tracking_code as report_tracking_code',
          reappearedOf('count').as('reappeared_reports'),
          reappearedOf('last').as('reappeared_last'),
        ])
        // Open requests first, the most urgent first; then the rest, the latest first.
        .orderBy(sql`case when r.status in ('sent', 'acknowledged') then 0 else 1 end`)
        .orderBy(sql`case when r.status in ('sent', 'acknowledged') then r.due_at end`)
        .orderBy('r.sent_at', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return { items: items as RequestRow[], total: Number(total.n) };
    },

    async events(db: Kysely<DB>, requestId: string) {
      return db
        .selectFrom('request_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .leftJoin('api_keys as k', 'k.id', 'e.actor_api_key_id')
        .leftJoin('agencies as a', 'a.id', 'e.agency_id')
        .selectAll('e')
        .select(['u.full_name as user_name', 'k.name as api_key_name', 'a.name as agency_name'])
        .where('e.request_id', '=', requestId)
        .orderBy('e.created_at')
        .orderBy('e.id')
        .execute();
    },

    /** Open requests past their due time whose escalation level is below `level`'s. */
    async overdue(db: Kysely<DB>, now: Date, limit: number) {
      return db
        .selectFrom('requests')
        .selectAll()
        .where('status', 'in', OPEN)
        .where('due_at', '<', now)
        .where('escalation_level', '<', 2)
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },

    async expiredHolds(db: Kysely<DB>, now: Date, limit: number) {
      return db
        .selectFrom('requests')
        .selectAll()
        .where('hold_state', '=', 'active')
        .where('hold_expires_at', '<=', now)
        .orderBy('hold_expires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },

    /** Active agencies of these types, by name (recipients, and banks for the next hop). */
    async agenciesOfTypes(db: Kysely<DB>, types: readonly AgencyType[], q?: string) {
      let query = db
        .selectFrom('agencies')
        .select(['id', 'name', 'short_name', 'type', 'active'])
        .where('type', 'in', types)
        .where('active', '=', true);
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('short_name', 'ilike', like)]));
      }
      return query.orderBy('name').limit(200).execute();
    },

    async agency(db: Kysely<DB>, id: string) {
      return db
        .selectFrom('agencies')
        .select([
          'id',
          'name',
          'short_name',
          'type',
          'active',
          'scope_level',
          'province_code',
          'commune_code',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Staff of an agency with an e-mail address and one of these roles (escalation messages). */
    async staffToTell(db: Kysely<DB>, agencyIds: string[], roles: string[]) {
      if (agencyIds.length === 0) return [];
      return db
        .selectFrom('users')
        .select(['id', 'email', 'agency_id'])
        .where('agency_id', 'in', agencyIds)
        .where('active', '=', true)
        .where('email', 'is not', null)
        .where(sql<SqlBool>`roles && ${sql.val(roles)}::text[]`)
        .execute();
    },

    /** The supervising agency of a type in a province (or national), for the second step of escalation. */
    async supervisingAgencies(db: Kysely<DB>, type: AgencyType, provinceCode: string | null) {
      return db
        .selectFrom('agencies')
        .select(['id'])
        .where('type', '=', type)
        .where('active', '=', true)
        .where((eb) =>
          provinceCode
            ? eb.or([eb('province_code', '=', provinceCode), eb('scope_level', '=', 'national')])
            : eb('scope_level', '=', 'national'),
        )
        .execute();
    },

    /** The report and the unit handling it, to authorise requests that serve it. */
    async reportPlace(db: Kysely<DB>, reportId: string) {
      return db
        .selectFrom('reports as r')
        .leftJoin('agencies as a', 'a.id', 'r.handling_agency_id')
        .select([
          'r.id',
          'r.received_at',
          'r.total_loss_vnd',
          'r.province_code as report_province_code',
          'r.case_id',
          'a.id as agency_id',
          'a.scope_level',
          'a.province_code',
          'a.commune_code',
        ])
        .where('r.id', '=', reportId)
        .executeTakeFirst();
    },

    /** A case and the unit it belongs to, to authorise requests that serve it. */
    async casePlace(db: Kysely<DB>, caseId: string) {
      return db
        .selectFrom('cases as c')
        .innerJoin('agencies as a', 'a.id', 'c.agency_id')
        .select(['a.id as agency_id', 'a.scope_level', 'a.province_code', 'a.commune_code'])
        .where('c.id', '=', caseId)
        .executeTakeFirst();
    },

    async userEmail(db: Kysely<DB>, userId: string): Promise<string | null> {
      const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      return row?.email ?? null;
    },

    /** Locks a report for the rest of the transaction (one ledger change at a time). */
    async lockReport(db: Kysely<DB>, reportId: string): Promise<void> {
      await db.selectFrom('reports').select('id').where('id', '=', reportId).forUpdate().execute();
    },

    // ── The ledger ──

    async insertLedger(db: Kysely<DB>, rows: Array<Insertable<DB['recovery_ledger']>>): Promise<void> {
      if (rows.length > 0) await db.insertInto('recovery_ledger').values(rows).execute();
    },

    async ledgerOfReport(db: Kysely<DB>, reportId: string): Promise<LedgerRow[]> {
      return db
        .selectFrom('recovery_ledger')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** Money released or returned against one hold so far. */
    async settledOfHold(db: Kysely<DB>, holdId: string): Promise<number> {
      const row = await db
        .selectFrom('recovery_ledger as l')
        .leftJoin('requests as r', 'r.id', 'l.request_id')
        .select(sql<string>`coalesce(sum(l.amount_vnd), 0)`.as('n'))
        .where('l.kind', 'in', ['released', 'returned'])
        .where((eb) =>
          eb.or([
            eb('l.request_id', '=', holdId),
            eb.and([eb('r.type', '=', 'release'), sql<SqlBool>`r.details->>'holdRequestId' = ${holdId}`]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The hold requests of reports, for the golden-hour measures. */
    async holdsOfReports(db: Kysely<DB>, reportIds: string[]) {
      if (reportIds.length === 0) return [];
      return db
        .selectFrom('requests')
        .select(['report_id', 'sent_at', 'answered_at', 'held_vnd', 'status'])
        .where('type', '=', 'hold')
        .where('report_id', 'in', reportIds)
        .where('status', '!=', 'cancelled')
        .execute();
    },

    /** Reports with money lost or hold requests, in a province or a case or the country. */
    async recoveryReports(db: Kysely<DB>, filter: { provinceCode?: string; caseId?: string }) {
      let query = db
        .selectFrom('reports as r')
        .select(['r.id', 'r.province_code', 'r.received_at', 'r.total_loss_vnd'])
        .where((eb) =>
          eb.or([
            eb('r.total_loss_vnd', '>', 0),
            eb.exists(
              eb
                .selectFrom('requests as q')
                .select(sql`1`.as('one'))
                .whereRef('q.report_id', '=', 'r.id'),
            ),
          ]),
        );
      if (filter.provinceCode) query = query.where('r.province_code', '=', filter.provinceCode);
      if (filter.caseId) query = query.where('r.case_id', '=', filter.caseId);
      return query.execute();
    },

    async ledgerOfReports(db: Kysely<DB>, reportIds: string[]) {
      if (reportIds.length === 0) return [];
      return db
        .selectFrom('recovery_ledger')
        .select(['report_id', 'kind', 'amount_vnd'])
        .where('report_id', 'in', reportIds)
        .execute();
    },

    async typeOfRequest(db: Kysely<DB>, id: string): Promise<RequestType | undefined> {
      const row = await db.selectFrom('requests').select('type').where('id', '=', id).executeTakeFirst();
      return row?.type;
    },
  };
}

export type RequestsRepository = ReturnType<typeof createRequestsRepository>;
