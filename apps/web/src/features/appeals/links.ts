import type { AppealStatus, IndicatorKind } from '@khien/contracts';

export const appealPath = '/khieu-nai';
export const followAppealPath = '/khieu-nai/theo-doi';
export const staffAppealsPath = '/app/khieu-nai';

/**
 * Whether a check item may be appealed by its holder: a warning that comes from the registry. A lookalike
 * warning (`imitates`) is computed from the name alone, so there is no listing to clear.
 */
/** The appeal form, with the identifier filled in as the check showed it. */
export function appealLink(display: string): string {
  return `${appealPath}?${new URLSearchParams({ q: display }).toString()}`;
}

/** The page that follows an appeal, with its tracking code (never the secret) in the address. */
export function followLink(trackingCode: string): string {
  return `${followAppealPath}?${new URLSearchParams({ ma: trackingCode }).toString()}`;
}

export type AppealSubject = 'phone' | 'account' | 'site';

/** How the appeal question names the identifier: a number, an account or a site. */
export function appealSubject(kind: IndicatorKind): AppealSubject {
  if (kind === 'phone') return 'phone';
  if (kind === 'url' || kind === 'domain') return 'site';
  return 'account';
}

/** The colour of an appeal's status; the words always say it too. */
export const appealStatusColor: Record<AppealStatus, string> = {
  submitted: 'blue',
  upheld: 'teal',
  rejected: 'orange',
};
