import { ReportStatus } from '@khien/contracts';

export type ReportSort = 'due' | 'received';
export type AssignedFilter = 'me' | 'nobody';

/** The inbox's filters, named as the API's query (`GET /api/reports`) and kept in the address. */
export interface ReportFilters {
  status?: ReportStatus | undefined;
  overdue?: 'true' | 'false' | undefined;
  assigned?: AssignedFilter | undefined;
  provinceCode?: string | undefined;
  q?: string | undefined;
  sort?: 'received' | undefined;
  limit: number;
  offset: number;
}

export interface CaseFilters {
  limit: number;
  offset: number;
}

function offsetFrom(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

/**
 * `?status=&overdue=true&assigned=me&provinceCode=&q=&sort=received&offset=`: a filtered inbox can be
 * bookmarked and shared. Unknown values are ignored; sorting by deadline, the default, is left out.
 */
export function reportFiltersFrom(params: URLSearchParams, limit: number): ReportFilters {
  const province = params.get('provinceCode');
  return {
    status: oneOf(params.get('status'), ReportStatus.options),
    overdue: oneOf(params.get('overdue'), ['true', 'false']),
    assigned: oneOf(params.get('assigned'), ['me', 'nobody']),
    provinceCode: province && /^\d{2}$/.test(province) ? province : undefined,
    q: params.get('q')?.trim().slice(0, 200) || undefined,
    sort: oneOf(params.get('sort'), ['received']),
    limit,
    offset: offsetFrom(params),
  };
}

export function caseFiltersFrom(params: URLSearchParams, limit: number): CaseFilters {
  return { limit, offset: offsetFrom(params) };
}

/** Whether any filter narrows the list (paging and sorting do not). */
export function isFiltered(filters: ReportFilters): boolean {
  return Boolean(filters.status || filters.overdue || filters.assigned || filters.provinceCode || filters.q);
}
