import type { DeadlinePolicy, ReportListQuery } from '@khien/contracts';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type {
  CasesTable,
  DB,
  ReportEventsTable,
  ReportEvidenceTable,
  ReportsTable,
  ReportTransfersTable,
} from '../../db/schema.js';
import type { Reach } from '../../shared/policy.js';

export type ReportRow = Selectable<ReportsTable>;
export type TransferRow = Selectable<ReportTransfersTable>;
export type EvidenceRow = Omit<Selectable<ReportEvidenceTable>, 'content'>;
export type ReportEventRow = Selectable<ReportEventsTable>;
export type NewReportEventRow = Omit<ReportEventRow, 'details'> & { details: string };
export type NewEvidenceRow = Selectable<ReportEvidenceTable>;
export type NewReportRow = Omit<ReportRow, 'unreadable' | 'registry_pending'> & {
  unreadable: string;
  registry_pending: string | null;
};
export type CaseRow = Selectable<CasesTable>;

/** A report row with the names the inbox shows and the counts it needs. */
export type ReportListRow = ReportRow & {
  handling_agency_name: string | null;
  assigned_user_name: string | null;
  identifier_count: number;
  linked_report_count: number;
};

export interface AgencyPlace {
  id: string;
  name: string;
  type: string;
  scope_level: 'national' | 'province' | 'commune';
  province_code: string | null;
  commune_code: string | null;
  active: boolean;
}

const POLICE_TYPES = ['police_province', 'police_commune'];
const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/** The registry entry an identifier resolves to: an entry merged into another counts as that other. */
const resolvedIndicator = sql<string>`coalesce(i.merged_into_id, i.id)`;

/**
 * Reports within an actor's reach: those handled by its own unit or by police units in its area. Written
 * against the alias `ha` (the handling agency) that every query of reports joins.
 */
function withinReach(reach: Reach): Expression<SqlBool> {
  if (reach.kind === 'all') return sql<SqlBool>`true`;
  if (reach.kind === 'none') return sql<SqlBool>`false`;
  const area = reach.area;
  if (area?.level === 'national') return sql<SqlBool>`true`;
  const ors: Array<Expression<SqlBool>> = [];
  if (reach.agencyIds.length > 0) {
    ors.push(sql<SqlBool>`ha.id in (${sql.join(reach.agencyIds)})`);
  }
  if (area?.level === 'province' && area.provinceCode) {
    ors.push(sql<SqlBool>`ha.province_code = ${area.provinceCode}`);
  }
  if (area?.level === 'commune' && area.communeCode) {
    ors.push(sql<SqlBool>`(ha.scope_level = 'commune' and ha.commune_code = ${area.communeCode})`);
  }
  if (ors.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

export function createReportsRepository() {
  function listBase(db: Kysely<DB>) {
    return db
      .selectFrom('reports')
      .leftJoin('agencies as ha', 'ha.id', 'reports.handling_agency_id')
      .leftJoin('users as au', 'au.id', 'reports.assigned_user_id');
  }

  /** What the inbox shows of a report: its row, the unit's and the officer's names, and its counts. */
  function withInboxColumns(query: ReturnType<typeof listBase>) {
    return query.selectAll('reports').select((eb) => [
      'ha.name as handling_agency_name',
      'au.full_name as assigned_user_name',
      eb
        .selectFrom('report_identifiers as ri')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('ri.report_id', '=', 'reports.id')
        .as('identifier_count'),
      linkedCount().as('linked_report_count'),
    ]);
  }

  return {
    async deadlinePolicy(db: Kysely<DB>): Promise<DeadlinePolicy> {
      const row = await db.selectFrom('report_deadline_policy').selectAll().executeTakeFirstOrThrow();
      return {
        decisionDays: row.decision_days,
        complexExtensionMonths: row.complex_extension_months,
        procuracyExtensionMonths: row.procuracy_extension_months,
        remindDaysBefore: row.remind_days_before,
      };
    },

    async updateDeadlinePolicy(db: Kysely<DB>, policy: DeadlinePolicy, userId: string | null, at: Date) {
      await db
        .updateTable('report_deadline_policy')
        .set({
          decision_days: policy.decisionDays,
          complex_extension_months: policy.complexExtensionMonths,
          procuracy_extension_months: policy.procuracyExtensionMonths,
          remind_days_before: policy.remindDaysBefore,
          updated_by: userId,
          updated_at: at,
        })
        .execute();
    },

    async agency(db: Kysely<DB>, id: string): Promise<AgencyPlace | undefined> {
      return db
        .selectFrom('agencies')
        .select(['id', 'name', 'type', 'scope_level', 'province_code', 'commune_code', 'active'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /**
     * The police unit that receives a report from this place: the commune's own police if it has one,
     * else the province's police; among several, the oldest (the one set up for the area first).
     */
    /**
     * The active police units at province level in these provinces and at commune level in these
     * communes, oldest first: what routing chooses from (`routeTo` in report.ts).
     */
    async policeUnitsIn(
      db: Kysely<DB>,
      provinceCodes: readonly string[],
      communeCodes: readonly string[],
    ): Promise<AgencyPlace[]> {
      if (provinceCodes.length === 0 && communeCodes.length === 0) return [];
      return db
        .selectFrom('agencies')
        .select(['id', 'name', 'type', 'scope_level', 'province_code', 'commune_code', 'active'])
        .where('active', '=', true)
        .where('type', 'in', POLICE_TYPES)
        .where((eb) =>
          eb.or([
            ...(provinceCodes.length > 0
              ? [eb.and([eb('scope_level', '=', 'province'), eb('province_code', 'in', provinceCodes)])]
              : []),
            ...(communeCodes.length > 0
              ? [eb.and([eb('scope_level', '=', 'commune'), eb('commune_code', 'in', communeCodes)])]
              : []),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** Which of these provinces exist, and the province of each of these communes that exists. */
    async knownAreas(db: Kysely<DB>, provinceCodes: readonly string[], communeCodes: readonly string[]) {
      const provinces = db
        .selectFrom('provinces')
        .select([sql<string>`'province'`.as('unit'), 'code', 'code as province_code'])
        .where('code', 'in', [...provinceCodes]);
      const rows =
        provinceCodes.length === 0
          ? []
          : await (
              communeCodes.length === 0
                ? provinces
                : provinces.unionAll(
                    db
                      .selectFrom('communes')
                      .select([sql<string>`'commune'`.as('unit'), 'code', 'province_code'])
                      .where('code', 'in', [...communeCodes]),
                  )
            ).execute();
      return {
        provinces: new Set(rows.filter((row) => row.unit === 'province').map((row) => row.code)),
        communes: new Map(
          rows.filter((row) => row.unit === 'commune').map((row) => [row.code, row.province_code]),
        ),
      };
    },

    async activeUserOf(db: Kysely<DB>, userId: string, agencyId: string) {
      return db
        .selectFrom('users')
        .select(['id', 'full_name'])
        .where('id', '=', userId)
        .where('agency_id', '=', agencyId)
        .where('active', '=', true)
        .executeTakeFirst();
    },

    /** Which of these fingerprints belong to reports received since `since`. */
    async recentFingerprints(
      db: Kysely<DB>,
      fingerprints: readonly string[],
      since: Date,
    ): Promise<Set<string>> {
      if (fingerprints.length === 0) return new Set();
      const rows = await db
        .selectFrom('reports')
        .select('fingerprint')
        .where('fingerprint', 'in', fingerprints)
        .where('received_at', '>=', since)
        .execute();
      return new Set(rows.map((row) => row.fingerprint));
    },

    async insertReports(db: Kysely<DB>, rows: readonly NewReportRow[]) {
      if (rows.length > 0)
        await db
          .insertInto('reports')
          .values([...rows])
          .execute();
    },

    /**
     * Takes up to `limit` reports whose identifiers have not entered the registry yet, oldest first, and
     * locks them; reports another process is linking are skipped.
     */
    async pendingRegistryLinks(db: Kysely<DB>, limit: number) {
      return db
        .selectFrom('reports')
        .select(['id', 'registry_pending', 'handling_agency_id', 'scam_method'])
        .where('registry_pending', 'is not', null)
        .orderBy('received_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },

    async insertIdentifierLinks(
      db: Kysely<DB>,
      links: ReadonlyArray<{ reportId: string; indicatorId: string }>,
    ) {
      if (links.length === 0) return;
      await db
        .insertInto('report_identifiers')
        .values(links.map((link) => ({ report_id: link.reportId, indicator_id: link.indicatorId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** Points transfers at the registry entries of their target accounts. */
    async setTransferTargets(
      db: Kysely<DB>,
      targets: ReadonlyArray<{ reportId: string; position: number; indicatorId: string }>,
    ) {
      if (targets.length === 0) return;
      await sql`
        update report_transfers as t set to_indicator_id = c."indicatorId"
        from jsonb_to_recordset(${JSON.stringify(targets)}::jsonb)
          as c("reportId" uuid, position smallint, "indicatorId" uuid)
        where t.report_id = c."reportId" and t.position = c.position`.execute(db);
    },

    /**
     * Marks reports as linked to the registry, adding to each what it named that the registry will not
     * take (official identifiers).
     */
    async markLinked(
      db: Kysely<DB>,
      reports: ReadonlyArray<{
        id: string;
        unreadable: Array<{ input: string; code: string; message: string }>;
      }>,
    ) {
      if (reports.length === 0) return;
      await sql`
        update reports as r set registry_pending = null, unreadable = r.unreadable || c.unreadable
        from jsonb_to_recordset(${JSON.stringify(reports)}::jsonb) as c(id uuid, unreadable jsonb)
        where r.id = c.id`.execute(db);
    },

    async insertTransfers(db: Kysely<DB>, rows: readonly TransferRow[]) {
      if (rows.length > 0)
        await db
          .insertInto('report_transfers')
          .values([...rows])
          .execute();
    },

    async insertEvidence(db: Kysely<DB>, rows: readonly NewEvidenceRow[]) {
      if (rows.length > 0)
        await db
          .insertInto('report_evidence')
          .values([...rows])
          .execute();
    },

    async insertEvents(db: Kysely<DB>, rows: readonly NewReportEventRow[]) {
      if (rows.length > 0)
        await db
          .insertInto('report_events')
          .values([...rows])
          .execute();
    },

    async byId(db: Kysely<DB>, id: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async byIdForUpdate(db: Kysely<DB>, id: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async byTrackingCode(db: Kysely<DB>, code: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('tracking_code', '=', code).executeTakeFirst();
    },

    async update(
      db: Kysely<DB>,
      id: string,
      changes: Partial<Omit<ReportRow, 'id' | 'unreadable' | 'registry_pending'>>,
    ) {
      await db.updateTable('reports').set(changes).where('id', '=', id).execute();
    },

    async list(
      db: Kysely<DB>,
      reach: Reach,
      query: ReportListQuery,
      userId: string | null,
      now: Date,
      key: string | null,
    ) {
      let base = listBase(db).where(withinReach(reach));
      if (query.status) base = base.where('reports.status', '=', query.status);
      if (query.overdue !== undefined) {
        const open = sql<SqlBool>`reports.status in ('received', 'verifying')`;
        base = query.overdue
          ? base.where(open).where('reports.due_at', '<', now)
          : base.where((eb) => eb.or([eb.not(open), eb('reports.due_at', '>=', now)]));
      }
      if (query.assigned === 'me') base = base.where('reports.assigned_user_id', '=', userId);
      if (query.assigned === 'nobody') base = base.where('reports.assigned_user_id', 'is', null);
      if (query.provinceCode) base = base.where('reports.province_code', '=', query.provinceCode);
      if (query.q) {
        const q = query.q.trim();
        base = base.where((eb) =>
          eb.or([
            eb('reports.tracking_code', '=', q.toUpperCase()),
            eb.exists(
              eb
                .selectFrom('report_identifiers as ri')
                .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
                .select(sql`1`.as('one'))
                .whereRef('ri.report_id', '=', 'reports.id')
                .where((inner) =>
                  inner.or([
                    inner('i.display', 'ilike', `%${escapeLike(q)}%`),
                    ...(key ? [inner('i.key', '=', key)] : []),
                  ]),
                ),
            ),
          ]),
        );
      }
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const order =
        query.sort === 'received'
          ? base.orderBy('reports.received_at', 'desc')
          : base
              .orderBy(sql`case when reports.status in ('received', 'verifying') then 0 else 1 end`)
              .orderBy('reports.due_at')
              .orderBy('reports.received_at', 'desc');
      const rows = await order
        .$call(withInboxColumns)
        .orderBy('reports.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return { rows: rows as ReportListRow[], total: Number(total.n) };
    },

    async listRow(db: Kysely<DB>, id: string): Promise<ReportListRow | undefined> {
      const row = await listBase(db).$call(withInboxColumns).where('reports.id', '=', id).executeTakeFirst();
      return row as ReportListRow | undefined;
    },

    async rowsOfCase(db: Kysely<DB>, caseId: string): Promise<ReportListRow[]> {
      const rows = await listBase(db)
        .$call(withInboxColumns)
        .where('reports.case_id', '=', caseId)
        .orderBy('reports.received_at')
        .execute();
      return rows as ReportListRow[];
    },

    async identifiersOf(db: Kysely<DB>, reportId: string) {
      return db
        .selectFrom('report_identifiers as ri')
        .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
        .select(['i.id', 'i.kind', 'i.key', 'i.display', 'i.status'])
        .where('ri.report_id', '=', reportId)
        .orderBy('i.display')
        .execute();
    },

    async transfersOf(db: Kysely<DB>, reportId: string): Promise<TransferRow[]> {
      return db
        .selectFrom('report_transfers')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('position')
        .execute();
    },

    async evidenceOf(db: Kysely<DB>, reportId: string): Promise<EvidenceRow[]> {
      return db
        .selectFrom('report_evidence')
        .select(['id', 'report_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'received_at'])
        .where('report_id', '=', reportId)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
    },

    async evidenceFile(db: Kysely<DB>, reportId: string, evidenceId: string) {
      return db
        .selectFrom('report_evidence')
        .selectAll()
        .where('report_id', '=', reportId)
        .where('id', '=', evidenceId)
        .executeTakeFirst();
    },

    async eventsOf(db: Kysely<DB>, reportId: string) {
      return db
        .selectFrom('report_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .leftJoin('agencies as a', 'a.id', 'e.agency_id')
        .selectAll('e')
        .select(['u.full_name as actor_name', 'a.name as agency_name'])
        .where('e.report_id', '=', reportId)
        .orderBy('e.created_at')
        .orderBy('e.id')
        .execute();
    },

    /**
     * Other reports, from any province, naming one of this report's identifiers (merged registry entries
     * count as one), with the identifiers they share.
     */
    async linkedReports(db: Kysely<DB>, reportId: string, limit = 200) {
      const rows = await db
        .selectFrom('report_identifiers as mine')
        .innerJoin('indicators as i', 'i.id', 'mine.indicator_id')
        .innerJoin('indicators as j', (join) =>
          join.on(sql`coalesce(j.merged_into_id, j.id)`, '=', resolvedIndicator),
        )
        .innerJoin('report_identifiers as theirs', 'theirs.indicator_id', 'j.id')
        .innerJoin('reports as r', 'r.id', 'theirs.report_id')
        .leftJoin('agencies as ha', 'ha.id', 'r.handling_agency_id')
        .select([
          'r.id',
          'r.tracking_code',
          'r.province_code',
          'r.status',
          'r.received_at',
          'r.scam_method',
          'r.case_id',
          'ha.name as handling_agency_name',
          'i.display',
        ])
        .where('mine.report_id', '=', reportId)
        .where('r.id', '<>', reportId)
        .orderBy('r.received_at', 'desc')
        .limit(limit * 20)
        .execute();
      const byReport = new Map<string, (typeof rows)[number] & { shared: string[] }>();
      for (const row of rows) {
        const seen = byReport.get(row.id);
        if (seen) {
          if (!seen.shared.includes(row.display)) seen.shared.push(row.display);
        } else if (byReport.size < limit) {
          byReport.set(row.id, { ...row, shared: [row.display] });
        }
      }
      return [...byReport.values()];
    },

    async reportsForUpdate(db: Kysely<DB>, ids: readonly string[]) {
      return db
        .selectFrom('reports')
        .leftJoin('agencies as ha', 'ha.id', 'reports.handling_agency_id')
        .select([
          'reports.id',
          'reports.case_id',
          'reports.handling_agency_id',
          'ha.scope_level',
          'ha.province_code',
          'ha.commune_code',
        ])
        .where('reports.id', 'in', [...ids])
        .forUpdate('reports')
        .execute();
    },

    async setCase(db: Kysely<DB>, reportIds: readonly string[], caseId: string) {
      await db
        .updateTable('reports')
        .set({ case_id: caseId })
        .where('id', 'in', [...reportIds])
        .execute();
    },

    async insertCase(db: Kysely<DB>, row: CaseRow) {
      await db.insertInto('cases').values(row).execute();
    },

    async caseById(db: Kysely<DB>, id: string) {
      return db
        .selectFrom('cases')
        .innerJoin('agencies as a', 'a.id', 'cases.agency_id')
        .selectAll('cases')
        .select(['a.name as agency_name', 'a.scope_level', 'a.province_code', 'a.commune_code'])
        .where('cases.id', '=', id)
        .executeTakeFirst();
    },

    async listCases(db: Kysely<DB>, reach: Reach, limit: number, offset: number) {
      let base = db.selectFrom('cases').innerJoin('agencies as ha', 'ha.id', 'cases.agency_id');
      if (reach.kind === 'none') base = base.where(sql<SqlBool>`false`);
      if (reach.kind === 'scoped') {
        const area = reach.area;
        base = base.where((eb) =>
          eb.or([
            eb('cases.agency_id', 'in', reach.agencyIds.length > 0 ? reach.agencyIds : ['']),
            ...(area?.level === 'province' && area.provinceCode
              ? [eb('ha.province_code', '=', area.provinceCode)]
              : []),
          ]),
        );
      }
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('cases')
        .select(['ha.name as agency_name'])
        .orderBy('cases.created_at', 'desc')
        .orderBy('cases.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return { rows, total: Number(total.n) };
    },

    async caseTotals(db: Kysely<DB>, caseIds: readonly string[]) {
      if (caseIds.length === 0) return [];
      return db
        .selectFrom('reports')
        .select((eb) => [
          'case_id',
          eb.fn.countAll<number>().as('report_count'),
          eb.fn.sum<number>('total_loss_vnd').as('total_loss'),
          sql<string[]>`array_agg(distinct province_code)`.as('provinces'),
        ])
        .where('case_id', 'in', [...caseIds])
        .groupBy('case_id')
        .execute();
    },

    /**
     * Who is reminded of a unit's reports: the officers they are assigned to, and the unit's supervisors
     * for those assigned to nobody; only active staff with an e-mail address.
     */
    async reminderRecipients(db: Kysely<DB>, userIds: readonly string[], agencyIds: readonly string[]) {
      if (userIds.length === 0 && agencyIds.length === 0) return [];
      return db
        .selectFrom('users')
        .select(['id', 'agency_id', 'email', 'roles'])
        .where('active', '=', true)
        .where('email', 'is not', null)
        .where((eb) =>
          eb.or([
            ...(userIds.length > 0 ? [eb('id', 'in', [...userIds])] : []),
            ...(agencyIds.length > 0
              ? [eb.and([eb('agency_id', 'in', [...agencyIds]), sql<SqlBool>`'supervisor' = any(roles)`])]
              : []),
          ]),
        )
        .execute();
    },

    /** Open reports whose deadline falls within `days` days (or has passed), not reminded today. */
    async dueForReminder(db: Kysely<DB>, until: Date, today: string) {
      return db
        .selectFrom('reports')
        .select(['id', 'handling_agency_id', 'assigned_user_id', 'due_at', 'status', 'tracking_code'])
        .where('status', 'in', ['received', 'verifying'])
        .where('due_at', '<=', until)
        .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', today)]))
        .orderBy('due_at')
        .limit(5000)
        .execute();
    },
  };
}

/** How many other reports name one of a report's identifiers (merged registry entries count as one). */
function linkedCount() {
  return sql<number>`(
    select count(distinct theirs.report_id)
    from report_identifiers mine
    join indicators i on i.id = mine.indicator_id
    join indicators j on coalesce(j.merged_into_id, j.id) = coalesce(i.merged_into_id, i.id)
    join report_identifiers theirs on theirs.indicator_id = j.id
    where mine.report_id = reports.id and theirs.report_id <> reports.id
  )`;
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
