import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Rows per query when the whole graph is read: small enough not to hold the embedded database for long. */
export const NETWORK_BATCH = 20_000;
/** Ids per query when one network's nodes are described. */
const DESCRIBE_CHUNK = 1000;

/**
 * The SQL of scam networks: the reports and the identifiers they name, read in id order with keyset
 * pagination (no OFFSET, so each batch costs the same), and the descriptions of one network's nodes.
 */
export function createNetworksRepository() {
  return {
    /**
     * A cheap fingerprint of what the networks are computed from: the number of reports (new reports),
     * the number still waiting for their registry links (which arrive after the report, ADR 0007), and the
     * latest timeline and registry events (transfers between units, merges of registry entries). Ids are
     * UUIDv7, time-ordered, so the largest is the latest; each lookup is one step down an index.
     */
    async signature(db: Kysely<DB>): Promise<string> {
      const { rows } = await sql<{
        reports: number | string;
        pending: number | string;
        last_report_event: string | null;
        last_indicator_event: string | null;
      }>`
        select
          (select count(*) from reports) as reports,
          (select count(*) from reports where registry_pending is not null) as pending,
          (select id from report_events order by id desc limit 1) as last_report_event,
          (select id from indicator_events order by id desc limit 1) as last_indicator_event
      `.execute(db);
      const row = rows[0]!;
      return [
        Number(row.reports),
        Number(row.pending),
        row.last_report_event ?? '',
        row.last_indicator_event ?? '',
      ].join('|');
    },

    /** The agencies that handle reports, with where they are (for reach), all at once: they are few. */
    async agencies(db: Kysely<DB>) {
      return db
        .selectFrom('agencies')
        .select(['id', 'scope_level', 'province_code', 'commune_code'])
        .orderBy('id')
        .execute();
    },

    /** One batch of reports after `afterId`, in id order: only what networks are totalled by. */
    async reportBatch(db: Kysely<DB>, afterId: string | null, limit = NETWORK_BATCH) {
      let query = db
        .selectFrom('reports')
        .select([
          'id',
          'province_code',
          'scam_method',
          'total_loss_vnd',
          // milliseconds since 1970: a number, cheaper to read by the thousand than a Date
          sql<number>`(extract(epoch from received_at) * 1000)::float8`.as('received_ms'),
          'handling_agency_id',
        ])
        .orderBy('id')
        .limit(limit);
      if (afterId) query = query.where('id', '>', afterId);
      return query.execute();
    },

    /** Registry entries merged into another (aliases): few, read at once, so links need no join. */
    async mergedIndicators(db: Kysely<DB>) {
      return db
        .selectFrom('indicators')
        .select(['id', 'merged_into_id'])
        .where('merged_into_id', 'is not', null)
        .$narrowType<{ merged_into_id: string }>()
        .execute();
    },

    /**
     * One batch of links after (`afterReportId`, `afterIndicatorId`), in the order of the primary key
     * (an index-only scan).
     */
    async linkBatch(
      db: Kysely<DB>,
      after: { reportId: string; indicatorId: string } | null,
      limit = NETWORK_BATCH,
    ) {
      let query = db
        .selectFrom('report_identifiers as ri')
        .select(['ri.report_id', 'ri.indicator_id'])
        .orderBy('ri.report_id')
        .orderBy('ri.indicator_id')
        .limit(limit);
      if (after) {
        query = query.where(
          sql<SqlBool>`(ri.report_id, ri.indicator_id) > (${after.reportId}::uuid, ${after.indicatorId}::uuid)`,
        );
      }
      return query.execute();
    },

    /** What a network's graph shows of its reports: the summary linked reports show, and the loss. */
    async describeReports(db: Kysely<DB>, ids: readonly string[]) {
      const rows = [];
      for (let start = 0; start < ids.length; start += DESCRIBE_CHUNK) {
        const chunk = ids.slice(start, start + DESCRIBE_CHUNK);
        rows.push(
          ...(await db
            .selectFrom('reports as r')
            .leftJoin('agencies as ha', 'ha.id', 'r.handling_agency_id')
            .select([
              'r.id',
              'r.tracking_code',
              'r.status',
              'r.scam_method',
              'r.province_code',
              'r.received_at',
              'r.total_loss_vnd',
              'ha.name as handling_agency_name',
            ])
            .where('r.id', 'in', chunk)
            .execute()),
        );
      }
      return rows;
    },

    /** The registry entries of a network's graph: how each is displayed, its kind and its status. */
    async describeIndicators(db: Kysely<DB>, ids: readonly string[]) {
      const rows = [];
      for (let start = 0; start < ids.length; start += DESCRIBE_CHUNK) {
        const chunk = ids.slice(start, start + DESCRIBE_CHUNK);
        rows.push(
          ...(await db
            .selectFrom('indicators')
            .select(['id', 'kind', 'display', 'status'])
            .where('id', 'in', chunk)
            .execute()),
        );
      }
      return rows;
    },
  };
}

export type NetworksRepository = ReturnType<typeof createNetworksRepository>;
