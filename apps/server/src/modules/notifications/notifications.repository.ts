import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, NotificationOutboxTable } from '../../db/schema.js';

export type OutboxRow = Selectable<NotificationOutboxTable>;
export type NewOutboxRow = Insertable<NotificationOutboxTable>;

export function createNotificationsRepository() {
  return {
    async insertAll(db: Kysely<DB>, rows: readonly NewOutboxRow[]): Promise<void> {
      if (rows.length > 0)
        await db
          .insertInto('notification_outbox')
          .values([...rows])
          .execute();
    },

    /**
     * The oldest pending message not yet tried in this round, locked for the rest of the transaction.
     * `skip locked` lets several processes on PostgreSQL share the outbox without sending a message twice:
     * each passes over the rows another one is sending. `first` puts one message ahead of the queue.
     */
    async nextPending(
      db: Kysely<DB>,
      options: { exclude: readonly string[]; first?: string | undefined },
    ): Promise<OutboxRow | undefined> {
      let query = db.selectFrom('notification_outbox').selectAll().where('status', '=', 'pending');
      if (options.exclude.length > 0) query = query.where('id', 'not in', options.exclude);
      if (options.first) query = query.orderBy(sql`id = ${options.first}`, 'desc');
      return query.orderBy('created_at').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
    },

    async markDelivered(db: Kysely<DB>, id: string, status: 'sent' | 'logged', at: Date): Promise<void> {
      await db
        .updateTable('notification_outbox')
        .set({ status, sent_at: at, attempts: sql`attempts + 1`, last_error: null })
        .where('id', '=', id)
        .execute();
    },

    async markAttemptFailed(
      db: Kysely<DB>,
      id: string,
      change: { attempts: number; status: 'pending' | 'failed'; lastError: string },
    ): Promise<void> {
      await db
        .updateTable('notification_outbox')
        .set({ attempts: change.attempts, status: change.status, last_error: change.lastError })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
