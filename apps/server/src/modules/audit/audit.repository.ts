import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.js';
import type { Reach } from '../../shared/policy.js';
import { GENESIS_HASH, entryHash, type ChainedFields } from './audit-chain.js';

export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditFields = Omit<ChainedFields, 'seq' | 'prevHash'>;

export interface AuditFilter {
  reach: Reach;
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  personalData?: boolean;
  from?: string;
  to?: string;
  agencyId?: string;
  limit: number;
  offset: number;
}

// One lock key for the chain: appends are serialised so that each entry names its predecessor.
const CHAIN_LOCK = 7_301_001;

export function createAuditRepository() {
  return {
    /** Appends inside the caller's transaction; the lock is held until that transaction ends. */
    /**
     * Appends entries, in order, each naming its predecessor, inside the caller's transaction; the lock is
     * held until that transaction ends.
     */
    async appendAll(trx: Kysely<DB>, entries: readonly NewAuditFields[]): Promise<AuditRow[]> {
      if (entries.length === 0) return [];
      await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
      const last = await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const rows = entries.map((fields) => {
        const chained: ChainedFields = { ...fields, seq: ++seq, prevHash };
        const hash = entryHash(chained);
        prevHash = hash;
        return {
          seq: chained.seq,
          occurred_at: chained.occurredAt,
          actor_kind: chained.actorKind as AuditRow['actor_kind'],
          actor_user_id: chained.actorUserId,
          actor_username: chained.actorUsername,
          actor_api_key_id: chained.actorApiKeyId,
          actor_agency_id: chained.actorAgencyId,
          action: chained.action,
          target_type: chained.targetType,
          target_id: chained.targetId,
          target_agency_id: chained.targetAgencyId,
          personal_data: chained.personalData,
          reason: chained.reason,
          ip: chained.ip,
          user_agent: chained.userAgent,
          request_id: chained.requestId,
          details: JSON.stringify(chained.details ?? {}),
          prev_hash: chained.prevHash,
          hash,
        };
      });
      return trx.insertInto('audit_log').values(rows).returningAll().execute();
    },

    async list(db: Kysely<DB>, filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
      let query = db.selectFrom('audit_log');
      const reach = filter.reach;
      if (reach.kind === 'none') return { items: [], total: 0 };
      if (reach.kind === 'scoped') {
        const ids = reach.agencyIds;
        query = query.where((eb) =>
          ids.length === 0
            ? eb.val(false)
            : eb.or([eb('actor_agency_id', 'in', ids), eb('target_agency_id', 'in', ids)]),
        );
      }
      if (filter.agencyId) {
        const id = filter.agencyId;
        query = query.where((eb) => eb.or([eb('actor_agency_id', '=', id), eb('target_agency_id', '=', id)]));
      }
      if (filter.action)
        query = query.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
      if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
      if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
      if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
      if (filter.personalData !== undefined) query = query.where('personal_data', '=', filter.personalData);
      if (filter.from) query = query.where('occurred_at', '>=', new Date(filter.from));
      if (filter.to) query = query.where('occurred_at', '<=', new Date(filter.to));
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    async batchAfter(db: Kysely<DB>, afterSeq: number, size: number): Promise<AuditRow[]> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(size)
        .execute();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

export function toChained(row: AuditRow): ChainedFields & { hash: string } {
  return {
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorApiKeyId: row.actor_api_key_id,
    actorAgencyId: row.actor_agency_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetAgencyId: row.target_agency_id,
    personalData: row.personal_data,
    reason: row.reason,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
