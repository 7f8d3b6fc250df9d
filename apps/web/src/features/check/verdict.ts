import { AllowlistCategory, type CheckItem, type PublicVerdict } from '@khien/contracts';

export type VerdictIconName = 'scam' | 'warning' | 'unknown' | 'official';

export interface VerdictPresentation {
  color: 'red' | 'orange' | 'gray' | 'green';
  /** The strong shade: white large bold text on it stays above 4.3:1 (3:1 is needed for large text). */
  fill: `${VerdictPresentation['color']}.${7 | 9}`;
  icon: VerdictIconName;
}

/** Colour is never the only signal: every verdict also has its own icon and its own words. */
export const verdictPresentation: Record<PublicVerdict, VerdictPresentation> = {
  confirmed_scam: { color: 'red', fill: 'red.9', icon: 'scam' },
  suspicious: { color: 'orange', fill: 'orange.9', icon: 'warning' },
  no_data: { color: 'gray', fill: 'gray.7', icon: 'unknown' },
  official: { color: 'green', fill: 'green.9', icon: 'official' },
};

/** The CSS colour of the strong shade, for borders. */
export function fillVariable(presentation: VerdictPresentation): string {
  return `var(--mantine-color-${presentation.fill.replace('.', '-')})`;
}

export const verdictTitleKey = {
  confirmed_scam: 'check.verdict.confirmed_scam',
  suspicious: 'check.verdict.suspicious',
  no_data: 'check.verdict.no_data',
  official: 'check.verdict.official',
} as const satisfies Record<PublicVerdict, string>;

export const verdictBodyKey = {
  confirmed_scam: 'check.verdictBody.confirmed_scam',
  suspicious: 'check.verdictBody.suspicious',
  no_data: 'check.verdictBody.no_data',
  official: 'check.verdictBody.official',
} as const satisfies Record<PublicVerdict, string>;

export const itemVerdictKey = {
  confirmed_scam: 'check.itemVerdict.confirmed_scam',
  suspicious: 'check.itemVerdict.suspicious',
  no_data: 'check.itemVerdict.no_data',
  official: 'check.itemVerdict.official',
} as const satisfies Record<PublicVerdict, string>;

type LocalisedText = CheckItem['reasons'][number];

/** The server writes every reason and piece of advice in both languages. */
export function localised(text: LocalisedText, language: string): string {
  return language === 'en' ? text.en : text.vi;
}

/**
 * A link to show only when it is safe to follow: a path on this site or an http(s) address. Anything
 * else (`javascript:`, `data:`, a protocol-relative `//host`) is dropped.
 */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\/[^\s/]+/i.test(url) ? url : null;
}

export type AllowlistCategoryName = (typeof AllowlistCategory.options)[number];

/** The category of an official entry, when it is one the app has a label for. */
export function allowlistCategoryOf(value: string): AllowlistCategoryName | null {
  const parsed = AllowlistCategory.safeParse(value);
  return parsed.success ? parsed.data : null;
}
