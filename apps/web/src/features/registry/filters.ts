import { AllowlistCategory, IndicatorKind, IndicatorStatus } from '@khien/contracts';
import type { AllowlistFilters, IndicatorFilters } from './api';

function offsetFrom(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? 0);
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** Filters live in the address (`?q=&kind=&status=&offset=`): a filtered list can be bookmarked. */
export function indicatorFiltersFrom(params: URLSearchParams, limit: number): IndicatorFilters {
  const kind = IndicatorKind.safeParse(params.get('kind'));
  const status = IndicatorStatus.safeParse(params.get('status'));
  return {
    q: params.get('q')?.trim() || undefined,
    kind: kind.success ? kind.data : undefined,
    status: status.success ? status.data : undefined,
    limit,
    offset: offsetFrom(params),
  };
}

export function allowlistFiltersFrom(params: URLSearchParams, limit: number): AllowlistFilters {
  const category = AllowlistCategory.safeParse(params.get('category'));
  return {
    q: params.get('q')?.trim() || undefined,
    category: category.success ? category.data : undefined,
    limit,
    offset: offsetFrom(params),
  };
}

/** The next address after a filter change; any change but paging starts again at the first page. */
export function withChanges(
  current: URLSearchParams,
  changes: Record<string, string | null>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!('offset' in changes)) next.delete('offset');
  return next;
}
