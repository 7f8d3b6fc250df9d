import { currentLocale } from '../../i18n';

const units = ['B', 'KB', 'MB', 'GB'] as const;

/** A file size as people read it: "512 B", "1,2 MB" in Vietnamese, "1.2 MB" in English. */
export function formatBytes(bytes: number, locale: string = currentLocale()): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A SHA-256 hex digest in groups of eight, so that two can be compared by eye. */
export function groupHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}
