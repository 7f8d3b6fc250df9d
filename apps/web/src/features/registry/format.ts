import { currentLocale } from '../../i18n';

/** An amount in đồng: "1.500.000 ₫" in Vietnamese, "₫1,500,000" in English. */
export function formatVnd(value: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(value);
}
