import { ScamMethod } from '@khien/contracts';

export const reportPath = '/to-giac';
export const followReportPath = '/to-giac/theo-doi';

/** The most identifiers one report names (CreateReportRequest.identifiers). */
const maxIdentifiers = 20;
const maxIdentifierLength = 500;

export interface ReportPrefill {
  identifiers: string[];
  scamMethod: ScamMethod | null;
}

/**
 * What the form starts with when it is opened from a check (`/to-giac?q=0905 333 444&method=loans`):
 * every `q` once, in order, within the contract's limits; a method only when it is one of the list.
 */
export function prefillFrom(params: URLSearchParams): ReportPrefill {
  const identifiers: string[] = [];
  const seen = new Set<string>();
  for (const value of params.getAll('q')) {
    const identifier = value.trim().slice(0, maxIdentifierLength);
    const key = identifier.toLowerCase().replace(/\s+/g, '');
    if (!identifier || seen.has(key) || identifiers.length >= maxIdentifiers) continue;
    seen.add(key);
    identifiers.push(identifier);
  }
  const method = ScamMethod.safeParse(params.get('method'));
  return { identifiers, scamMethod: method.success ? method.data : null };
}

/** The form, pre-filled with identifiers (as the check displays them) and a method. */
export function reportLink(identifiers: readonly string[], scamMethod?: ScamMethod | null): string {
  const params = new URLSearchParams();
  for (const identifier of identifiers) params.append('q', identifier);
  if (scamMethod) params.set('method', scamMethod);
  const query = params.toString();
  return query ? `${reportPath}?${query}` : reportPath;
}

/** The follow page with the tracking code; the secret never goes in an address. */
export function followReportLink(trackingCode: string): string {
  return `${followReportPath}?${new URLSearchParams({ code: trackingCode }).toString()}`;
}
