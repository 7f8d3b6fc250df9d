import type { HoldAnswer, OnwardTransfer } from './types.js';

/**
 * The bank's side: whatever places holds in its core banking system. Replace FakeLedger with a real
 * adapter; the rest of the client stays as it is.
 */
export interface CoreBanking {
  /**
   * Holds up to `amountVnd` on the account and says what it held, the balance and where money went after
   * the disputed money arrived. Null when the account is not kept at this bank. Must be idempotent by
   * `requestId`: the same request may arrive by webhook and by polling.
   */
  placeHold(hold: HoldInstruction): Promise<HoldAnswer | null>;
}

export interface HoldInstruction {
  requestId: string;
  /** The request's code (YC-…), used in the bank's confirmation. */
  code: string;
  account: string;
  amountVnd: number;
  /** When the police sent the request. */
  sentAt: Date;
}

/** An account of the fake ledger. Times are ISO 8601. */
export interface LedgerAccount {
  balanceVnd: number;
  /** Money in: the disputed money arrived with the earliest credit in the look-back window. */
  credits?: Array<{ amountVnd: number; at: string }>;
  /** Money out to accounts at other banks. */
  transfersOut?: OnwardTransfer[];
}

/** Accounts by number (spaces, dots and dashes in numbers are ignored). */
export type LedgerAccounts = Record<string, LedgerAccount>;

export interface FakeLedgerOptions {
  /** How far before the request to look for the disputed money's arrival (default 24 hours). */
  lookbackHours?: number;
  now?: () => Date;
}

/** Account numbers as written in requests vary ("0123 456.789"): compare them without separators. */
export const normalizeAccount = (account: string) => account.replace(/[\s.-]/g, '').toUpperCase();

/** At most 50 onward transfers go into one answer (the API's limit). */
const MAX_ONWARD = 50;

/**
 * An in-memory core banking system for demonstrations and tests. A hold takes the disputed amount or what
 * is left of the balance, whichever is less (never the whole balance for a small claim), and reports the
 * transfers out since the disputed money arrived, earliest first: where the rest went.
 */
export class FakeLedger implements CoreBanking {
  readonly #accounts = new Map<string, LedgerAccount & { heldVnd: number }>();
  readonly #answers = new Map<string, HoldAnswer>();
  readonly #lookbackMs: number;
  readonly #now: () => Date;

  constructor(accounts: LedgerAccounts, options: FakeLedgerOptions = {}) {
    for (const [number, account] of Object.entries(accounts)) {
      this.#accounts.set(normalizeAccount(number), { ...account, heldVnd: 0 });
    }
    this.#lookbackMs = (options.lookbackHours ?? 24) * 3_600_000;
    this.#now = options.now ?? (() => new Date());
  }

  async placeHold(hold: HoldInstruction): Promise<HoldAnswer | null> {
    const done = this.#answers.get(hold.requestId);
    if (done) return done;
    const account = this.#accounts.get(normalizeAccount(hold.account));
    if (!account) return null;

    const availableVnd = Math.max(0, account.balanceVnd - account.heldVnd);
    const heldVnd = Math.min(hold.amountVnd, availableVnd);
    account.heldVnd += heldVnd;

    const arrived = this.#arrival(account, hold.sentAt);
    const now = this.#now().getTime();
    const onwardTransfers = (account.transfersOut ?? [])
      .filter((transfer) => Date.parse(transfer.at) >= arrived && Date.parse(transfer.at) <= now)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .slice(0, MAX_ONWARD);

    const answer: HoldAnswer = {
      heldVnd,
      balanceVnd: account.balanceVnd,
      confirmation: `HOLD-${hold.code}`,
      onwardTransfers,
    };
    if (heldVnd < hold.amountVnd) {
      answer.note = `Partial hold: ${heldVnd} of ${hold.amountVnd} VND available on the account.`;
    }
    this.#answers.set(hold.requestId, answer);
    return answer;
  }

  /** When the disputed money arrived: the earliest credit in the look-back window, else its start. */
  #arrival(account: LedgerAccount, sentAt: Date): number {
    const from = sentAt.getTime() - this.#lookbackMs;
    const credits = (account.credits ?? [])
      .map((credit) => Date.parse(credit.at))
      .filter((at) => at >= from && at <= sentAt.getTime());
    return credits.length > 0 ? Math.min(...credits) : from;
  }
}
