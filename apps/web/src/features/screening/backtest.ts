import type { BacktestResult, ScreeningAction } from '@khien/contracts';
import { ScreeningAction as Actions } from '@khien/contracts';

/** The most CSV text a backtest takes: the server refuses more than 5 MB. */
export const backtestMaxBytes = 5 * 1024 * 1024;

/** The columns of a backtest's CSV, required then optional, as the help text lists them. */
export const backtestColumns = {
  required: [
    'transfer_id',
    'at',
    'amount_vnd',
    'channel',
    'payer_bank',
    'payer_account',
    'payee_bank',
    'payee_account | payee_wallet',
    'payee_name_shown',
  ],
  optional: [
    'payer_name',
    'payee_holder_name',
    'payee_phone',
    'client_ip',
    'device_changed_recently',
    'otp_phone_changed_recently',
    'biometric_verified',
    'payee_listed_status',
    'payee_listed_confidence',
    'label',
  ],
} as const;

/** Why a CSV cannot be sent: too large, or empty; null when it may go. */
export function csvProblem(size: number, text?: string): 'tooLarge' | 'empty' | null {
  if (size > backtestMaxBytes) return 'tooLarge';
  if (text !== undefined && text.trim() === '') return 'empty';
  return null;
}

/** The size of a text in UTF-8 bytes, as the server counts it. */
export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** Every action with its count, the weakest first, zero for those no transfer got. */
export function actionCounts(result: BacktestResult): Array<{ action: ScreeningAction; count: number }> {
  return Actions.options.map((action) => ({ action, count: result.byAction[action] ?? 0 }));
}

/** The rules that hit or failed at least once, the most hits first. */
export function rulesWithActivity(
  result: BacktestResult,
): Array<{ id: string; hits: number; errors: number }> {
  return Object.entries(result.byRule)
    .map(([id, counts]) => ({ id, ...counts }))
    .filter((rule) => rule.hits > 0 || rule.errors > 0)
    .sort((a, b) => b.hits - a.hits || b.errors - a.errors || a.id.localeCompare(b.id));
}

/** A share from 0 to 1 as a percentage with one decimal ("87,5%"); null when it cannot be computed. */
export function percent(value: number | null, locale = 'vi-VN'): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return `${(Math.round(value * 1000) / 10).toLocaleString(locale)}%`;
}
