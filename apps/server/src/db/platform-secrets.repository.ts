import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** The platform's own secrets (`platform_secrets`), each stored encrypted by the caller. */
export function createPlatformSecretsRepository() {
  return {
    async read(db: Kysely<DB>, name: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('platform_secrets')
        .select('value_encrypted')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.value_encrypted;
    },

    /** Stores the value unless another process stored one first. */
    async insertIfAbsent(db: Kysely<DB>, name: string, valueEncrypted: string): Promise<void> {
      await db
        .insertInto('platform_secrets')
        .values({ name, value_encrypted: valueEncrypted })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },
  };
}
