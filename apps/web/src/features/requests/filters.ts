import { RequestStatus, RequestType } from '@khien/contracts';

export type RequestBox = 'inbox' | 'outbox' | 'all';

/** The inbox's filters, named as the API's query (`GET /api/requests`) and kept in the address. */
export interface RequestFilters {
  box: RequestBox;
  status?: RequestStatus | undefined;
  type?: RequestType | undefined;
  open?: 'true' | 'false' | undefined;
  overdue?: 'true' | 'false' | undefined;
  reportId?: string | undefined;
  limit: number;
  offset: number;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

/**
 * `?box=outbox&status=&type=&open=true&overdue=true&reportId=&offset=`: a filtered inbox can be
 * bookmarked and shared. Unknown values are ignored; the requests to the agency (`inbox`) are the default.
 */
export function requestFiltersFrom(params: URLSearchParams, limit: number): RequestFilters {
  const offset = Number(params.get('offset') ?? 0);
  const reportId = params.get('reportId');
  return {
    box: oneOf(params.get('box'), ['inbox', 'outbox', 'all'] as const) ?? 'inbox',
    status: oneOf(params.get('status'), RequestStatus.options),
    type: oneOf(params.get('type'), RequestType.options),
    open: oneOf(params.get('open'), ['true', 'false'] as const),
    overdue: oneOf(params.get('overdue'), ['true', 'false'] as const),
    reportId: reportId && uuidPattern.test(reportId) ? reportId : undefined,
    limit,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}
