import type { Commune, Province } from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../shared/app-error.js';
import { foldVietnamese } from '@khien/core';
import type { AdminUnits } from './admin-units.js';
import type { ReferenceRepository } from './reference.repository.js';

export function createReferenceService(deps: { db: Kysely<DB>; repository: ReferenceRepository }) {
  const { db, repository } = deps;
  return {
    /** Loads the shipped units when their version differs from what the database holds. */
    async sync(units: AdminUnits): Promise<{ changed: boolean; version: string }> {
      const loaded = await repository.loadedVersion(db, 'admin-units');
      if (loaded === units.version) return { changed: false, version: loaded };
      await db.transaction().execute((trx) => repository.upsertAdminUnits(trx, units));
      return { changed: true, version: units.version };
    },

    async provinces(): Promise<Province[]> {
      const rows = await repository.provinces(db);
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: r.name_en,
        fullName: r.full_name,
        communeCount: Number(r.commune_count ?? 0),
      }));
    },

    async communes(provinceCode: string, q?: string): Promise<Commune[]> {
      if (!(await repository.province(db, provinceCode))) throw notFound('Province');
      const rows = await repository.communes(db, provinceCode);
      const needle = q ? foldVietnamese(q) : null;
      return rows
        .filter(
          (r) =>
            !needle ||
            foldVietnamese(r.full_name).includes(needle) ||
            foldVietnamese(r.name).includes(needle),
        )
        .map((r) => ({
          code: r.code,
          provinceCode: r.province_code,
          name: r.name,
          nameEn: r.name_en,
          fullName: r.full_name,
          kind: r.kind,
        }));
    },

    /** Checks that an area exists and that a commune lies in the province named. */
    async assertArea(provinceCode: string | null, communeCode: string | null): Promise<void> {
      if (provinceCode && !(await repository.province(db, provinceCode))) {
        throw new AppError('reference.unknown_province', `There is no province with code ${provinceCode}`);
      }
      if (communeCode) {
        const commune = await repository.commune(db, communeCode);
        if (!commune || commune.province_code !== provinceCode) {
          throw new AppError(
            'reference.unknown_commune',
            `There is no commune with code ${communeCode} in province ${provinceCode}`,
          );
        }
      }
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
