import { currentLocale } from '../../i18n';

/** A deadline with the full year ("10/12/2026"): a citizen keeps it, so it must not be read ambiguously. */
export function formatDay(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(currentLocale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}
