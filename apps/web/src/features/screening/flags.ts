import type { FlagItem } from '@khien/contracts';

/** A flag's review status (the contracts export the schema only). */
export type FlagStatus = FlagItem['status'];

/** How each number of a flag's evidence reads: money, a share, a count, a duration, or yes/no. */
export type EvidenceKind = 'vnd' | 'share' | 'count' | 'hours' | 'days' | 'yesNo';

/** The evidence keys the mule detector gives, with how their numbers read; others are shown as they come. */
export const evidenceKinds = {
  distinctSenders: 'count',
  distinctPayees: 'count',
  newPayees: 'count',
  transfersIn: 'count',
  transfersOut: 'count',
  accountsOpened: 'count',
  cycleLength: 'count',
  amountIn: 'vnd',
  amountOut: 'vnd',
  minAmount: 'vnd',
  maxAmount: 'vnd',
  amountSpread: 'share',
  ratio: 'share',
  outflowRatio: 'share',
  hoursHeld: 'hours',
  spanHours: 'hours',
  windowHours: 'hours',
  accountAgeDays: 'days',
  spanDays: 'days',
  windowDays: 'days',
  wokeFromDormancy: 'yesNo',
} as const satisfies Record<string, EvidenceKind>;

export type EvidenceKey = keyof typeof evidenceKinds;

const isEvidenceKey = (key: string): key is EvidenceKey => Object.hasOwn(evidenceKinds, key);

/** One line of a flag's evidence: known keys get words, unknown ones keep their key and raw number. */
export type EvidenceLine =
  | { key: EvidenceKey; known: true; kind: EvidenceKind; value: number }
  | { key: string; known: false; value: number };

/** The evidence in a steady order: the known keys first, in the detector's order, then the others by name. */
export function evidenceLines(evidence: Record<string, number>): EvidenceLine[] {
  const order = Object.keys(evidenceKinds);
  const keys = Object.keys(evidence).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a.localeCompare(b);
  });
  return keys.map((key) => {
    const value = evidence[key]!;
    return isEvidenceKey(key)
      ? { key, known: true, kind: evidenceKinds[key], value }
      : { key, known: false, value };
  });
}

/** A share (0.95) as a percentage ("95%"), one decimal under 10% ("2,5%"), in the given locale. */
export function formatShare(value: number, locale = 'vi-VN'): string {
  const percent = value * 100;
  const rounded = Math.abs(percent) < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
  return `${rounded.toLocaleString(locale)}%`;
}
