import { ScamMethod, type NetworkSort } from '@khien/contracts';

/** The choices offered for the smallest network shown; 2, the server's default, is left out of the address. */
export const minReportChoices = [1, 2, 3, 5, 10, 50] as const;
const defaultMinReports = 2;

/** The network list's filters, named as the API's query (`GET /api/networks`) and kept in the address. */
export interface NetworkFilters {
  provinceCode?: string | undefined;
  method?: ScamMethod | undefined;
  minReports?: number | undefined;
  sort?: Exclude<NetworkSort, 'reports'> | undefined;
  limit: number;
  offset: number;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

/**
 * `?provinceCode=&method=&minReports=&sort=&offset=&network=`: a filtered list, and the network drawn
 * beside it, can be bookmarked and shared. Unknown values are ignored; the defaults are left out.
 */
export function networkFiltersFrom(params: URLSearchParams, limit: number): NetworkFilters {
  const province = params.get('provinceCode');
  const minReports = Number(params.get('minReports'));
  const offset = Number(params.get('offset') ?? 0);
  return {
    provinceCode: province && /^\d{2}$/.test(province) ? province : undefined,
    method: oneOf(params.get('method'), ScamMethod.options),
    minReports:
      Number.isInteger(minReports) &&
      minReports >= 1 &&
      minReports <= 1_000_000 &&
      minReports !== defaultMinReports
        ? minReports
        : undefined,
    sort: oneOf(params.get('sort'), ['loss', 'recent'] as const),
    limit,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The network chosen in the address (`?network=`), when it looks like an id. */
export function selectedNetworkFrom(params: URLSearchParams): string | null {
  const id = params.get('network');
  return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? id.toLowerCase()
    : null;
}

/** The address parameters of a filter change: a default value removes the parameter. */
export function filterChange(
  name: 'provinceCode' | 'method' | 'minReports' | 'sort',
  value: string | null,
): Record<string, string | null> {
  if (name === 'minReports' && value === String(defaultMinReports)) return { minReports: null };
  if (name === 'sort' && value === 'reports') return { sort: null };
  return { [name]: value };
}

/** Whether any filter narrows the list (paging and sorting do not). */
export function isFiltered(filters: NetworkFilters): boolean {
  return Boolean(filters.provinceCode || filters.method || filters.minReports !== undefined);
}

/** The smallest network shown, whatever the address says. */
export function minReportsOf(filters: NetworkFilters): number {
  return filters.minReports ?? defaultMinReports;
}
