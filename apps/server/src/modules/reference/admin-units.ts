import type { Commune, Province } from '@khien/contracts';
import data from './data/admin-units.json' with { type: 'json' };

/**
 * The 34 provinces and 3,321 communes of the 2025 reorganisation, shipped as data
 * (thanglequoc/vietnamese-provinces-database, MIT; see data/LICENSE.admin-units and docs/reference-data.md).
 */
export interface AdminUnits {
  version: string;
  source: string;
  provinces: Array<Omit<Province, 'communeCount'> & { fullNameEn: string }>;
  communes: Array<Commune & { fullNameEn: string }>;
}

export function shippedAdminUnits(): AdminUnits {
  const raw = data as unknown as {
    version: string;
    source: string;
    provinces: string[][];
    communes: string[][];
  };
  return {
    version: raw.version,
    source: raw.source,
    provinces: raw.provinces.map(([code, name, nameEn, fullName, fullNameEn]) => ({
      code: code!,
      name: name!,
      nameEn: nameEn!,
      fullName: fullName!,
      fullNameEn: fullNameEn!,
    })),
    communes: raw.communes.map(([code, provinceCode, name, nameEn, fullName, fullNameEn, kind]) => ({
      code: code!,
      provinceCode: provinceCode!,
      name: name!,
      nameEn: nameEn!,
      fullName: fullName!,
      fullNameEn: fullNameEn!,
      kind: kind as Commune['kind'],
    })),
  };
}
