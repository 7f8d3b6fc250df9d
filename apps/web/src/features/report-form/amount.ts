/**
 * Amounts in đồng as a citizen types them: the form keeps the digits only ("1500000"), and the box shows
 * them grouped in thousands in the page's language ("1.500.000", "1,500,000"). Đồng have no decimals.
 */

/** The contract's upper bound (1e13 đồng) has 14 digits; anything longer is cut, not refused. */
const maxDigits = 14;

/** The digits of what was typed or pasted, without leading zeros: "1.500.000 đ" → "1500000". */
export function amountDigits(text: string): string {
  return text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, maxDigits);
}

/** The amount the digits stand for, or undefined when nothing was typed. */
export function parseAmount(digits: string): number | undefined {
  const clean = amountDigits(digits);
  return clean === '' ? undefined : Number(clean);
}

/** Digits grouped by three from the right: ("1500000", ".") → "1.500.000". */
export function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The thousands separator of a locale: "." in Vietnamese, "," in British English. */
export function thousandsSeparator(locale: string): string {
  const group = new Intl.NumberFormat(locale).formatToParts(1_000_000).find((part) => part.type === 'group');
  return group?.value ?? '.';
}

/** How many digits come before the caret: the caret sits after the same digit once the box is regrouped. */
export function digitsBeforeCaret(text: string, caret: number): number {
  return amountDigits(text.slice(0, caret)).length;
}

/** The caret position in the grouped text right after its n-th digit (0: at the start). */
export function caretAfterDigits(grouped: string, digits: number): number {
  if (digits <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < grouped.length; index++) {
    if (/\d/.test(grouped[index]!)) seen++;
    if (seen === digits) return index + 1;
  }
  return grouped.length;
}

/** The total of the transfers' amounts (digit strings); empty amounts count as nothing. */
export function sumAmounts(amounts: readonly string[]): number {
  return amounts.reduce((total, digits) => total + (parseAmount(digits) ?? 0), 0);
}
