import type { AuditFilters } from './api';

/** What the filter form holds, and what the address keeps (`?action=&personal=&from=&to=&agency=`). */
export interface AuditFormValues {
  action: string;
  personal: '' | 'true' | 'false';
  from: string; // YYYY-MM-DD, a day in the device's time zone
  to: string;
  agencyId: string | null;
}

export const emptyAuditForm: AuditFormValues = { action: '', personal: '', from: '', to: '', agencyId: null };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a day, or the last millisecond of it, in the device's time zone, as an ISO instant. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  if (!dayPattern.test(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const instant = end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

export function formValuesFrom(params: URLSearchParams): AuditFormValues {
  const personal = params.get('personal');
  return {
    action: params.get('action') ?? '',
    personal: personal === 'true' || personal === 'false' ? personal : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    agencyId: params.get('agency'),
  };
}

export function paramsFrom(values: AuditFormValues, extra: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null) => {
    if (value) params.set(key, value.trim());
  };
  set('action', values.action);
  set('personal', values.personal);
  set('from', values.from);
  set('to', values.to);
  set('agency', values.agencyId);
  // Filters that arrive by link (who acted, on what) are kept until cleared.
  for (const key of ['actor', 'targetType', 'targetId']) set(key, extra.get(key));
  return params;
}

export function filtersFrom(params: URLSearchParams, limit: number): AuditFilters {
  const values = formValuesFrom(params);
  const offset = Number(params.get('offset') ?? 0);
  return {
    action: values.action || undefined,
    personalData: values.personal || undefined,
    from: dayBoundary(values.from, false),
    to: dayBoundary(values.to, true),
    agencyId: values.agencyId ?? undefined,
    actorUserId: params.get('actor') ?? undefined,
    targetType: params.get('targetType') ?? undefined,
    targetId: params.get('targetId') ?? undefined,
    limit,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}
