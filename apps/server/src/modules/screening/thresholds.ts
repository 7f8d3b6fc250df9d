import type { BiometricThresholds } from '@khien/contracts';

/**
 * Decision 2345/QĐ-NHNN (in force from 1 July 2024): a biometric check of the payer before an online
 * transfer of more than 10 million VND, or when the day's transfers pass 20 million VND. Kept as data so
 * that a bank, or a later decision, can change the amounts without a release.
 */
export const DECISION_2345_THRESHOLDS: BiometricThresholds = Object.freeze({
  perTransferVnd: 10_000_000,
  perDayVnd: 20_000_000,
  // The day is the calendar day in Vietnam (UTC+7).
  timeZoneOffsetMinutes: 7 * 60,
});

export interface BiometricCheck {
  required: boolean;
  /** This transfer alone is above the per-transfer amount. */
  byTransfer: boolean;
  /** With this transfer, the day's total is above the daily amount. */
  byDailyTotal: boolean;
  /** The day's total including this transfer. */
  dailyTotalVnd: number;
}

/**
 * Whether a biometric check is required for a transfer, given what the payer already sent that day
 * (before this transfer). "Above" is strict: exactly 10,000,000 VND needs no check.
 */
export function checkBiometric(
  thresholds: BiometricThresholds,
  input: { amountVnd: number; sentTodayVnd: number },
): BiometricCheck {
  const dailyTotalVnd = input.sentTodayVnd + input.amountVnd;
  const byTransfer = input.amountVnd > thresholds.perTransferVnd;
  const byDailyTotal = dailyTotalVnd > thresholds.perDayVnd;
  return { required: byTransfer || byDailyTotal, byTransfer, byDailyTotal, dailyTotalVnd };
}

const DAY_MS = 86_400_000;

/** The start (epoch ms) of the local calendar day that contains `atMs`. */
export function startOfLocalDay(atMs: number, timeZoneOffsetMinutes: number): number {
  const offsetMs = timeZoneOffsetMinutes * 60_000;
  return Math.floor((atMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
}
