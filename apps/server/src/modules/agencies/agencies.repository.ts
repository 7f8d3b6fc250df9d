import { sql, type Kysely, type Selectable } from 'kysely';
import type { AgenciesTable, ApiKeysTable, DB, UsersTable } from '../../db/schema.js';
import { foldVietnamese } from '@khien/core';
import type { Reach } from '../../shared/policy.js';

export type AgencyRow = Selectable<AgenciesTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');
const agencySearchText = (name: string, shortName: string | null) =>
  foldVietnamese(`${name} ${shortName ?? ''}`);
const userSearchText = (username: string, fullName: string) => foldVietnamese(`${username} ${fullName}`);

export function createAgenciesRepository() {
  return {
    async agency(db: Kysely<DB>, id: string): Promise<AgencyRow | undefined> {
      return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async agencyByName(
      db: Kysely<DB>,
      name: string,
      provinceCode: string | null,
      communeCode: string | null,
    ) {
      return db
        .selectFrom('agencies')
        .select('id')
        .where(sql`lower(name)`, '=', name.toLowerCase())
        .where(sql`coalesce(province_code, '')`, '=', provinceCode ?? '')
        .where(sql`coalesce(commune_code, '')`, '=', communeCode ?? '')
        .executeTakeFirst();
    },

    async listAgencies(
      db: Kysely<DB>,
      filter: {
        reach: Reach;
        q?: string;
        type?: string;
        provinceCode?: string;
        limit: number;
        offset: number;
      },
    ): Promise<{ items: AgencyRow[]; total: number }> {
      let query = db.selectFrom('agencies');
      const reach = filter.reach;
      if (reach.kind === 'none') return { items: [], total: 0 };
      if (reach.kind === 'scoped') {
        query = query.where((eb) => {
          const parts = [];
          if (reach.agencyIds.length > 0) parts.push(eb('id', 'in', reach.agencyIds));
          if (reach.area?.level === 'province') parts.push(eb('province_code', '=', reach.area.provinceCode));
          if (reach.area?.level === 'commune') parts.push(eb('commune_code', '=', reach.area.communeCode));
          return parts.length > 0 ? eb.or(parts) : eb.val(false);
        });
      }
      if (filter.q) query = query.where('search_text', 'like', `%${escapeLike(foldVietnamese(filter.q))}%`);
      if (filter.type) query = query.where('type', '=', filter.type);
      if (filter.provinceCode) query = query.where('province_code', '=', filter.provinceCode);
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('name').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    async insertAgency(
      db: Kysely<DB>,
      row: Omit<AgencyRow, 'created_at' | 'updated_at' | 'active' | 'search_text'>,
    ) {
      return db
        .insertInto('agencies')
        .values({ ...row, search_text: agencySearchText(row.name, row.short_name) })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async updateAgency(
      db: Kysely<DB>,
      id: string,
      changes: Partial<Pick<AgencyRow, 'name' | 'short_name' | 'active'>>,
    ) {
      const current = await db
        .selectFrom('agencies')
        .select(['name', 'short_name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const name = changes.name ?? current.name;
      const shortName = changes.short_name !== undefined ? changes.short_name : current.short_name;
      return db
        .updateTable('agencies')
        .set({ ...changes, search_text: agencySearchText(name, shortName), updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async countAgencies(db: Kysely<DB>): Promise<number> {
      const row = await db
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async user(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async userByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    async listUsers(
      db: Kysely<DB>,
      agencyId: string,
      filter: { q?: string; limit: number; offset: number },
    ): Promise<{ items: UserRow[]; total: number }> {
      let query = db.selectFrom('users').where('agency_id', '=', agencyId);
      if (filter.q) query = query.where('search_text', 'like', `%${escapeLike(foldVietnamese(filter.q))}%`);
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },

    async insertUser(
      db: Kysely<DB>,
      row: Omit<UserRow, 'created_at' | 'updated_at' | 'active' | 'failed_logins' | 'search_text'>,
    ) {
      return db
        .insertInto('users')
        .values({ ...row, search_text: userSearchText(row.username, row.full_name) })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async updateUser(
      db: Kysely<DB>,
      id: string,
      changes: Partial<Omit<UserRow, 'id' | 'created_at' | 'search_text'>>,
    ) {
      let search: { search_text?: string } = {};
      if (changes.full_name !== undefined) {
        const current = await db
          .selectFrom('users')
          .select('username')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        search = { search_text: userSearchText(current.username, changes.full_name) };
      }
      return db
        .updateTable('users')
        .set({ ...changes, ...search, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async apiKeys(db: Kysely<DB>, agencyId: string): Promise<ApiKeyRow[]> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async apiKey(db: Kysely<DB>, id: string): Promise<ApiKeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async apiKeyByPrefix(db: Kysely<DB>, prefix: string): Promise<ApiKeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
    },

    async insertApiKey(db: Kysely<DB>, row: Omit<ApiKeyRow, 'created_at' | 'last_used_at' | 'revoked_at'>) {
      return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async revokeApiKey(db: Kysely<DB>, id: string, at: Date) {
      return db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async touchApiKey(db: Kysely<DB>, id: string, at: Date) {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;
