import type { Kysely, Selectable } from 'kysely';
import type { AgenciesTable, DB, SessionsTable, UsersTable } from '../../db/schema.js';

export type SessionRow = Selectable<SessionsTable>;

/** What an identity needs of its agency, read with the session or the API key in one query. */
const ACTOR_AGENCY_COLUMNS = [
  'a.id as agency_id',
  'a.name as agency_name',
  'a.type as agency_type',
  'a.scope_level',
  'a.province_code',
  'a.commune_code',
  'a.active as agency_active',
] as const;

export function createAuthRepository() {
  return {
    async insertSession(db: Kysely<DB>, row: Omit<SessionRow, 'revoked_at'>) {
      await db.insertInto('sessions').values(row).execute();
    },

    async sessionWithUser(db: Kysely<DB>, id: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select([
          's.id as session_id',
          's.created_at',
          'u.sessions_valid_after',
          's.expires_at',
          's.last_seen_at',
          's.revoked_at',
          'u.id as user_id',
          'u.username',
          'u.full_name',
          'u.roles',
          'u.active as user_active',
          'u.must_change_password',
          'u.totp_secret',
          ...ACTOR_AGENCY_COLUMNS,
        ])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    async touchSession(db: Kysely<DB>, id: string, at: Date) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    async revokeSession(db: Kysely<DB>, id: string, at: Date) {
      await db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async revokeUserSessions(db: Kysely<DB>, userId: string, at: Date, exceptId?: string) {
      let query = db
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (exceptId) query = query.where('id', '!=', exceptId);
      await query.execute();
    },

    async purgeSessions(db: Kysely<DB>, before: Date): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows ?? 0);
    },

    async userWithAgency(db: Kysely<DB>, userId: string) {
      return db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .selectAll('u')
        .select(['a.type as agency_type', 'a.active as agency_active'])
        .where('u.id', '=', userId)
        .executeTakeFirst();
    },

    async apiKeyWithAgency(db: Kysely<DB>, prefix: string) {
      return db
        .selectFrom('api_keys as k')
        .innerJoin('agencies as a', 'a.id', 'k.agency_id')
        .select([
          'k.id',
          'k.secret_hash',
          'k.scopes',
          'k.expires_at',
          'k.revoked_at',
          'k.last_used_at',
          ...ACTOR_AGENCY_COLUMNS,
        ])
        .where('k.prefix', '=', prefix)
        .executeTakeFirst();
    },

    async userCount(db: Kysely<DB>): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
export type { AgenciesTable, UsersTable };
