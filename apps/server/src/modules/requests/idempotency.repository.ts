import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The SQL of idempotency keys: claimed before a write runs, its answer kept afterwards. */
export function createIdempotencyRepository() {
  const one = (db: Kysely<DB>, principal: string, key: string) =>
    db.deleteFrom('idempotency_keys').where('principal_id', '=', principal).where('key', '=', key);
  return {
    /** Claims the key (answers false when it was already claimed), after forgetting it if older than `staleBefore`. */
    async claim(
      db: Kysely<DB>,
      row: { principal_id: string; key: string; fingerprint: string; created_at: Date },
      staleBefore: Date,
    ): Promise<boolean> {
      await one(db, row.principal_id, row.key).where('created_at', '<', staleBefore).execute();
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({ ...row, status_code: 0, response: null })
        .onConflict((oc) => oc.columns(['principal_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      return claimed !== undefined;
    },

    async find(db: Kysely<DB>, principal: string, key: string) {
      return db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal_id', '=', principal)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
    },

    async complete(db: Kysely<DB>, principal: string, key: string, status: number, response: unknown) {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: status, response: JSON.stringify(response) })
        .where('principal_id', '=', principal)
        .where('key', '=', key)
        .execute();
    },

    async release(db: Kysely<DB>, principal: string, key: string): Promise<void> {
      await one(db, principal, key).execute();
    },

    async purge(db: Kysely<DB>, before: Date): Promise<number> {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
