import { CommuneList, ProvinceList, type Commune, type Province } from '@khien/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client';

/** Administrative units change rarely (a reorganisation a decade): fetched once per visit. */
const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export function useProvinces() {
  return useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: async ({ signal }) =>
      (await api.get('/api/reference/provinces', { schema: ProvinceList, signal })).items,
    ...forever,
  });
}

export function useCommunes(provinceCode: string | null | undefined) {
  return useQuery({
    queryKey: ['reference', 'communes', provinceCode],
    queryFn: async ({ signal }) =>
      (
        await api.get(
          apiPath('/api/reference/provinces/:provinceCode/communes', { provinceCode: provinceCode ?? '' }),
          {
            schema: CommuneList,
            signal,
          },
        )
      ).items,
    enabled: !!provinceCode,
    ...forever,
  });
}

export function provinceLabel(province: Province, language: string): string {
  return language === 'en' ? province.nameEn : province.name;
}

export function communeLabel(commune: Commune, language: string): string {
  return language === 'en' ? commune.nameEn : commune.fullName;
}

/** A lookup from code to name for tables that show a province code. */
export function useProvinceNames(): (code: string | null | undefined) => string {
  const { data } = useProvinces();
  return (code) => {
    if (!code) return '';
    return data?.find((p) => p.code === code)?.name ?? code;
  };
}
