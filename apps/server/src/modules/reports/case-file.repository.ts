import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The queries the case file needs beyond those of the reports repository: names for its header and text. */
export function createCaseFileRepository() {
  return {
    /** A unit with what its document header names: the unit above it and its province. */
    async unitHeader(db: Kysely<DB>, agencyId: string) {
      return db
        .selectFrom('agencies as a')
        .leftJoin('agencies as parent', 'parent.id', 'a.parent_id')
        .leftJoin('provinces as p', 'p.code', 'a.province_code')
        .select([
          'a.name',
          'a.type',
          'a.scope_level',
          'parent.name as parent_name',
          'p.name as province_name',
          'p.full_name as province_full_name',
        ])
        .where('a.id', '=', agencyId)
        .executeTakeFirst();
    },

    async user(db: Kysely<DB>, userId: string) {
      return db
        .selectFrom('users')
        .select(['full_name', 'username'])
        .where('id', '=', userId)
        .executeTakeFirst();
    },

    /** Full names of provinces and communes by code ("Thành phố Hà Nội", "Phường Ba Đình"). */
    async placeNames(db: Kysely<DB>, provinceCodes: readonly string[], communeCodes: readonly string[]) {
      const [provinces, communes] = await Promise.all([
        provinceCodes.length === 0
          ? []
          : db
              .selectFrom('provinces')
              .select(['code', 'name', 'full_name'])
              .where('code', 'in', [...new Set(provinceCodes)])
              .execute(),
        communeCodes.length === 0
          ? []
          : db
              .selectFrom('communes')
              .select(['code', 'full_name'])
              .where('code', 'in', [...new Set(communeCodes)])
              .execute(),
      ]);
      return {
        provinces: new Map(provinces.map((p) => [p.code, { name: p.name, fullName: p.full_name }])),
        communes: new Map(communes.map((c) => [c.code, c.full_name])),
      };
    },
  };
}

export type CaseFileRepository = ReturnType<typeof createCaseFileRepository>;
