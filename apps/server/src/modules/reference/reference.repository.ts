import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AdminUnits } from './admin-units.js';

const CHUNK = 500;

export function createReferenceRepository() {
  return {
    async loadedVersion(db: Kysely<DB>, name: string): Promise<string | null> {
      const row = await db
        .selectFrom('reference_data_versions')
        .select('version')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.version ?? null;
    },

    /** Upserts every unit; units that disappeared stay (agencies may point at them) and are reported. */
    async upsertAdminUnits(trx: Kysely<DB>, units: AdminUnits): Promise<void> {
      for (let i = 0; i < units.provinces.length; i += CHUNK) {
        await trx
          .insertInto('provinces')
          .values(
            units.provinces.slice(i, i + CHUNK).map((p) => ({
              code: p.code,
              name: p.name,
              name_en: p.nameEn,
              full_name: p.fullName,
              full_name_en: p.fullNameEn,
            })),
          )
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({
              name: sql`excluded.name`,
              name_en: sql`excluded.name_en`,
              full_name: sql`excluded.full_name`,
              full_name_en: sql`excluded.full_name_en`,
            }),
          )
          .execute();
      }
      for (let i = 0; i < units.communes.length; i += CHUNK) {
        await trx
          .insertInto('communes')
          .values(
            units.communes.slice(i, i + CHUNK).map((c) => ({
              code: c.code,
              province_code: c.provinceCode,
              name: c.name,
              name_en: c.nameEn,
              full_name: c.fullName,
              full_name_en: c.fullNameEn,
              kind: c.kind,
            })),
          )
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({
              province_code: sql`excluded.province_code`,
              name: sql`excluded.name`,
              name_en: sql`excluded.name_en`,
              full_name: sql`excluded.full_name`,
              full_name_en: sql`excluded.full_name_en`,
              kind: sql`excluded.kind`,
            }),
          )
          .execute();
      }
      await trx
        .insertInto('reference_data_versions')
        .values({ name: 'admin-units', version: units.version, source: units.source })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ version: units.version, source: units.source, loaded_at: sql`now()` }),
        )
        .execute();
    },

    async provinces(db: Kysely<DB>) {
      return db
        .selectFrom('provinces as p')
        .select(['p.code', 'p.name', 'p.name_en', 'p.full_name'])
        .select((eb) =>
          eb
            .selectFrom('communes as c')
            .whereRef('c.province_code', '=', 'p.code')
            .select(eb.fn.countAll<number>().as('n'))
            .as('commune_count'),
        )
        .orderBy('p.code')
        .execute();
    },

    async communes(db: Kysely<DB>, provinceCode: string) {
      return db
        .selectFrom('communes')
        .selectAll()
        .where('province_code', '=', provinceCode)
        .orderBy('code')
        .execute();
    },

    async province(db: Kysely<DB>, code: string) {
      return db.selectFrom('provinces').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async commune(db: Kysely<DB>, code: string) {
      return db.selectFrom('communes').selectAll().where('code', '=', code).executeTakeFirst();
    },
  };
}

export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;
