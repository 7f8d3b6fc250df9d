import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The SQL of webhooks (ADR 0008): the agencies' endpoints, the outbox of events, every attempt. */
export function createWebhooksRepository() {
  return {
    async byId(db: Kysely<DB>, id: string) {
      return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async ofAgency(db: Kysely<DB>, agencyId: string) {
      return db
        .selectFrom('webhooks')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .execute();
    },

    async insert(db: Kysely<DB>, row: Insertable<DB['webhooks']>): Promise<void> {
      await db.insertInto('webhooks').values(row).execute();
    },

    async remove(db: Kysely<DB>, id: string, at: Date): Promise<void> {
      await db.updateTable('webhooks').set({ active: false, removed_at: at }).where('id', '=', id).execute();
    },

    /** The active webhooks of an agency that take this type of event. */
    async takers(db: Kysely<DB>, agencyId: string, type: string) {
      return db
        .selectFrom('webhooks')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('active', '=', true)
        .where(sql<SqlBool>`${type} = any(events)`)
        .execute();
    },

    async insertEvents(db: Kysely<DB>, rows: Array<Insertable<DB['webhook_events']>>): Promise<void> {
      if (rows.length > 0) await db.insertInto('webhook_events').values(rows).execute();
    },

    /**
     * Claims the events due at `now` for `leaseMs` (a short transaction of the caller's), with their
     * webhook's address and secret.
     */
    async claimDue(db: Kysely<DB>, now: Date, limit: number, leaseMs: number) {
      const due = await db
        .selectFrom('webhook_events as e')
        .innerJoin('webhooks as w', 'w.id', 'e.webhook_id')
        .select([
          'e.id',
          'e.webhook_id',
          'e.type',
          'e.payload',
          'e.attempts',
          'w.url',
          'w.secret_encrypted',
          'w.active',
        ])
        .where('e.status', '=', 'pending')
        .where('e.next_attempt_at', '<=', now)
        .orderBy('e.next_attempt_at')
        .limit(limit)
        .forUpdate('e')
        .skipLocked()
        .execute();
      if (due.length > 0)
        await db
          .updateTable('webhook_events')
          .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
          .where(
            'id',
            'in',
            due.map((event) => event.id),
          )
          .execute();
      return due;
    },

    /** One attempt: its record, and the event's state after it. */
    async recordAttempt(
      db: Kysely<DB>,
      delivery: Insertable<DB['webhook_deliveries']>,
      event: Updateable<DB['webhook_events']>,
    ): Promise<void> {
      await db.insertInto('webhook_deliveries').values(delivery).execute();
      await db.updateTable('webhook_events').set(event).where('id', '=', delivery.event_id).execute();
    },

    async deliveries(db: Kysely<DB>, webhookId: string, page: { limit: number; offset: number }) {
      const base = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .where('d.webhook_id', '=', webhookId);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('d')
        .select('e.type as event_type')
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { rows, total: Number(total.n) };
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
