import { z } from 'zod';

export const Province = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    fullName: z.string(),
    communeCount: z.number().int(),
  })
  .meta({ id: 'Province' });
export type Province = z.infer<typeof Province>;

export const Commune = z
  .object({
    code: z.string(),
    provinceCode: z.string(),
    name: z.string(),
    nameEn: z.string(),
    fullName: z.string(),
    kind: z.enum(['xa', 'phuong', 'dac_khu']),
  })
  .meta({ id: 'Commune' });
export type Commune = z.infer<typeof Commune>;

export const ProvinceList = z.object({ items: z.array(Province) }).meta({ id: 'ProvinceList' });
export const CommuneList = z.object({ items: z.array(Commune) }).meta({ id: 'CommuneList' });
export const ProvinceCodeParams = z.object({ provinceCode: z.string().regex(/^\d{2}$/) });
export const CommuneQuery = z.object({ q: z.string().trim().max(100).optional() });
