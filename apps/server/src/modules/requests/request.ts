import type { AgencyType, RequestStatus, RequestTimeLimits, RequestType } from '@khien/contracts';

/**
 * The rules of inter-agency requests, pure: who may ask whom for what, how long the recipient has, when
 * an unanswered request is escalated and to whom, what a hold's answer may say, how the money is traced
 * from hop to hop, and the golden-hour measures.
 */

export const DEFAULT_TIME_LIMITS: RequestTimeLimits = {
  holdMinutes: 60,
  informationMinutes: 24 * 60,
  takedownMinutes: 24 * 60,
};

const POLICE: readonly AgencyType[] = ['police_province', 'police_commune'];
const BANKS: readonly AgencyType[] = ['commercial_bank', 'payment_intermediary'];
const TELCOS: readonly AgencyType[] = ['telecom_operator'];
const SCIENCE: readonly AgencyType[] = ['dept_science_technology'];
const PLATFORMS: readonly AgencyType[] = ['online_platform'];

export interface RequestRoute {
  /** Agency types that may send this kind of request. */
  from: readonly AgencyType[];
  /** Agency types that may receive it. */
  to: readonly AgencyType[];
  /** Which time limit applies. */
  limit: keyof RequestTimeLimits;
}

/** Who asks whom for what (seed 003 §II.3–4, seed 001 §3 and §5, seed 004 §2). */
export const REQUEST_ROUTES: Record<RequestType, RequestRoute> = {
  hold: { from: POLICE, to: BANKS, limit: 'holdMinutes' },
  release: { from: POLICE, to: BANKS, limit: 'holdMinutes' },
  hold_review: { from: BANKS, to: POLICE, limit: 'informationMinutes' },
  subscriber_info: { from: POLICE, to: TELCOS, limit: 'informationMinutes' },
  domain_owner_info: { from: POLICE, to: [...SCIENCE, ...PLATFORMS], limit: 'informationMinutes' },
  takedown: { from: [...POLICE, ...SCIENCE], to: [...PLATFORMS, ...TELCOS], limit: 'takedownMinutes' },
  sim_action: { from: SCIENCE, to: TELCOS, limit: 'informationMinutes' },
  suspicious_account_notice: { from: BANKS, to: POLICE, limit: 'informationMinutes' },
};

export type RouteCheck =
  { ok: true } | { ok: false; code: 'request.sender_not_allowed' | 'request.recipient_not_allowed' };

export function checkRoute(type: RequestType, from: AgencyType, to: AgencyType): RouteCheck {
  const route = REQUEST_ROUTES[type];
  if (!route.from.includes(from)) return { ok: false, code: 'request.sender_not_allowed' };
  if (!route.to.includes(to)) return { ok: false, code: 'request.recipient_not_allowed' };
  return { ok: true };
}

export function dueAt(type: RequestType, sentAt: Date, limits: RequestTimeLimits): Date {
  return new Date(sentAt.getTime() + limits[REQUEST_ROUTES[type].limit] * 60_000);
}

/**
 * The status table: a request is sent, may be acknowledged (the recipient has seen it and is working),
 * then answered or refused (with a reason); the sender may cancel it until it is answered.
 */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  sent: ['acknowledged', 'answered', 'refused', 'cancelled'],
  acknowledged: ['answered', 'refused', 'cancelled'],
  answered: [],
  refused: [],
  cancelled: [],
};

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

export function isOpen(status: RequestStatus): boolean {
  return NEXT[status].length > 0;
}

/** Who supervises an agency that leaves a request unanswered: the second step of escalation. */
export function supervisorOf(type: AgencyType): AgencyType | null {
  if (BANKS.includes(type)) return 'state_bank_branch';
  if (TELCOS.includes(type) || PLATFORMS.includes(type)) return 'dept_science_technology';
  if (type === 'police_commune') return 'police_province';
  return null;
}

/**
 * How far an open request has been escalated at `now`: 0 within its time, 1 once overdue (the recipient's
 * supervisors and the sender are told), 2 once a whole time limit more has passed (the recipient's
 * supervising authority is told too).
 */
export function escalationLevel(sentAt: Date, due: Date, now: Date): 0 | 1 | 2 {
  if (now.getTime() <= due.getTime()) return 0;
  const limit = due.getTime() - sentAt.getTime();
  return now.getTime() > due.getTime() + limit ? 2 : 1;
}

export interface HoldAnswer {
  /** What the bank actually holds: the disputed amount at most, never the whole balance. */
  heldVnd: number;
  /** The account's balance when the hold was placed. */
  balanceVnd: number;
}

export type HoldAnswerCheck =
  | { ok: true; partial: boolean }
  | {
      ok: false;
      code: 'request.hold_more_than_asked' | 'request.hold_more_than_balance' | 'request.hold_amount_invalid';
    };

/** A hold's answer is sound when it holds no more than was asked and no more than the account had. */
export function checkHoldAnswer(requestedVnd: number, answer: HoldAnswer): HoldAnswerCheck {
  const { heldVnd, balanceVnd } = answer;
  if (!Number.isSafeInteger(heldVnd) || heldVnd < 0 || !Number.isSafeInteger(balanceVnd) || balanceVnd < 0) {
    return { ok: false, code: 'request.hold_amount_invalid' };
  }
  if (heldVnd > requestedVnd) return { ok: false, code: 'request.hold_more_than_asked' };
  if (heldVnd > balanceVnd) return { ok: false, code: 'request.hold_more_than_balance' };
  return { ok: true, partial: heldVnd < requestedVnd };
}

export interface OnwardTransfer {
  bank: string;
  account: string;
  amountVnd: number;
  at: Date;
}

/**
 * The next hop of the money trail: the disputed money a bank could not hold left the account in onward
 * transfers; each becomes a hold request to the next bank for what of the disputed money it can carry,
 * earliest transfers first (the money that left first was the victim's first). Transfers beyond the
 * disputed amount are not followed.
 */
export function onwardHolds(
  requestedVnd: number,
  heldVnd: number,
  transfers: readonly OnwardTransfer[],
): Array<OnwardTransfer & { holdVnd: number }> {
  let untraced = Math.max(0, requestedVnd - heldVnd);
  const holds: Array<OnwardTransfer & { holdVnd: number }> = [];
  for (const transfer of [...transfers].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (untraced <= 0) break;
    const holdVnd = Math.min(transfer.amountVnd, untraced);
    if (holdVnd <= 0) continue;
    holds.push({ ...transfer, holdVnd });
    untraced -= holdVnd;
  }
  return holds;
}

export interface GoldenHour {
  /** From the report's receipt to the first hold request sent for it; null when none was sent. */
  reportToFirstHoldMinutes: number | null;
  /** From the first hold request to the first hold a bank confirmed; null when none was confirmed. */
  requestToFirstHeldMinutes: number | null;
  /** Money held over money lost, 0–1; null when the report names no loss. */
  heldShare: number | null;
}

/** The measures that count abroad (India's 1930 chain, Thailand's 10 minutes), for one report. */
export function goldenHour(
  receivedAt: Date,
  lostVnd: number,
  holds: ReadonlyArray<{ sentAt: Date; answeredAt: Date | null; heldVnd: number | null }>,
): GoldenHour {
  const minutes = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);
  const sent = holds.map((hold) => hold.sentAt.getTime());
  const firstSent = sent.length > 0 ? new Date(Math.min(...sent)) : null;
  const held = holds
    .filter((hold) => hold.answeredAt && (hold.heldVnd ?? 0) > 0)
    .map((hold) => hold.answeredAt!.getTime());
  const firstHeld = held.length > 0 ? new Date(Math.min(...held)) : null;
  const heldTotal = holds.reduce((sum, hold) => sum + (hold.heldVnd ?? 0), 0);
  return {
    reportToFirstHoldMinutes: firstSent ? minutes(receivedAt, firstSent) : null,
    requestToFirstHeldMinutes: firstSent && firstHeld ? minutes(firstSent, firstHeld) : null,
    heldShare: lostVnd > 0 ? Math.min(1, heldTotal / lostVnd) : null,
  };
}

export type LedgerKind = 'lost' | 'held' | 'released' | 'returned';

export interface LedgerTotals {
  lostVnd: number;
  heldVnd: number;
  releasedVnd: number;
  returnedVnd: number;
  /** Held and neither released nor returned yet. */
  stillHeldVnd: number;
}

/** The asset-recovery ledger's totals: money lost, held by banks, released, returned to the victim. */
export function ledgerTotals(entries: ReadonlyArray<{ kind: LedgerKind; amountVnd: number }>): LedgerTotals {
  const sum = (kind: LedgerKind) =>
    entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amountVnd, 0);
  const heldVnd = sum('held');
  const releasedVnd = sum('released');
  const returnedVnd = sum('returned');
  return {
    lostVnd: sum('lost'),
    heldVnd,
    releasedVnd,
    returnedVnd,
    stillHeldVnd: Math.max(0, heldVnd - releasedVnd - returnedVnd),
  };
}

export type LedgerEntryCheck = { ok: true } | { ok: false; code: 'request.ledger_more_than_held' };

/** Money released or returned never exceeds what is still held. */
export function checkLedgerEntry(
  totals: LedgerTotals,
  entry: { kind: LedgerKind; amountVnd: number },
): LedgerEntryCheck {
  if ((entry.kind === 'released' || entry.kind === 'returned') && entry.amountVnd > totals.stillHeldVnd) {
    return { ok: false, code: 'request.ledger_more_than_held' };
  }
  return { ok: true };
}
