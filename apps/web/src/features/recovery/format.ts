import type { LedgerEntry } from '@khien/contracts';
import { currentLocale } from '../../i18n';
import { optionalText } from '../../ui/messages';
import { parseAmount } from '../report-form/amount';

/** A share (0–1) as a percentage: "40%", "66,7%" in Vietnamese, "66.7%" in English. */
export function formatShare(share: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The banks that hold money for the report, most recent first: the likely payer of a return. */
export function heldBanks(entries: readonly Pick<LedgerEntry, 'kind' | 'bank' | 'at'>[]): string[] {
  const banks = entries
    .filter((entry) => entry.kind === 'held' && entry.bank)
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((entry) => entry.bank as string);
  return [...new Set(banks)];
}

export interface ReturnValues {
  amount: string;
  bank: string;
  confirmation: string;
  note: string;
}

/** `POST /api/reports/:id/recovery/returns`'s body (unchecked: the form checks it with the contract). */
export function toReturnBody(values: ReturnValues) {
  return {
    amountVnd: parseAmount(values.amount),
    bank: values.bank.trim(),
    confirmation: values.confirmation.trim(),
    note: optionalText(values.note),
  };
}
