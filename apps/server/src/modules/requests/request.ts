import type { AgencyType, RequestStatus, RequestTimeLimits, RequestType } from '@khien/contracts';
import { bankLookupKey, findBank, findWallet, identify } from '@khien/core';

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
export function onwardHolds<T extends OnwardTransfer>(
  requestedVnd: number,
  heldVnd: number,
  transfers: readonly T[],
): Array<T & { holdVnd: number }> {
  let untraced = Math.max(0, requestedVnd - heldVnd);
  const holds: Array<T & { holdVnd: number }> = [];
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

/**
 * Personal data in what is asked and answered, by type: kept encrypted apart from the rest, shown only
 * to the parties that need it (details to both, answers to the sender), each read audited.
 */
const PERSONAL_DETAILS: Partial<Record<RequestType, readonly string[]>> = {
  suspicious_account_notice: ['holderName', 'idNumber', 'ebankingPhone'],
};
const PERSONAL_ANSWER: Partial<Record<RequestType, readonly string[]>> = {
  subscriber_info: ['subscribers'],
  domain_owner_info: ['registrant'],
};

export interface Split {
  plain: Record<string, unknown>;
  /** The personal fields, or null when there are none. */
  personal: Record<string, unknown> | null;
}

function split(fields: readonly string[] | undefined, value: Record<string, unknown>): Split {
  const plain: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (fields?.includes(name)) personal[name] = field;
    else plain[name] = field;
  }
  return { plain, personal: Object.keys(personal).length > 0 ? personal : null };
}

export const splitDetails = (type: RequestType, details: Record<string, unknown>): Split =>
  split(PERSONAL_DETAILS[type], details);
export const splitAnswer = (type: RequestType, answer: Record<string, unknown>): Split =>
  split(PERSONAL_ANSWER[type], answer);

/** Whether answers of this type carry personal data (their reads are audited as such). */
export const answerIsPersonal = (type: RequestType): boolean => PERSONAL_ANSWER[type] !== undefined;
export const detailsArePersonal = (type: RequestType): boolean => PERSONAL_DETAILS[type] !== undefined;

/** The state of a hold that was answered: what is still held once releases are counted. */
export function stillHeld(heldVnd: number, releasedVnd: number, returnedVnd: number): number {
  return Math.max(0, heldVnd - releasedVnd - returnedVnd);
}

/**
 * When a hold lapses: its duration from the answer, and, once renewed, the renewal's hours from the later
 * of now and the current expiry.
 */
export function holdExpiry(from: Date, hours: number, current: Date | null = null): Date {
  const start = current && current.getTime() > from.getTime() ? current : from;
  return new Date(start.getTime() + hours * 3_600_000);
}

/** One line saying what a request is about, for lists and messages. */
export function subjectOf(type: RequestType, details: Record<string, unknown>, holdSubject?: string): string {
  const account = details.account as { bank?: string; account?: string } | undefined;
  const phones = Array.isArray(details.phones) ? (details.phones as string[]) : [];
  const listed = (items: string[]) =>
    items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} (+${items.length - 3})`;
  switch (type) {
    case 'hold':
    case 'suspicious_account_notice':
      return `${account?.bank ?? ''} ${account?.account ?? ''}`.trim();
    case 'release':
    case 'hold_review':
      return holdSubject ?? '';
    case 'subscriber_info':
    case 'sim_action':
      return listed(phones);
    case 'domain_owner_info':
      return String(details.domain ?? '');
    case 'takedown':
      return String(details.target ?? '').slice(0, 200);
  }
}

/** The bank or e-wallet a name, code or BIN refers to, as one key; the folded text when unknown. */
export function institutionKey(text: string): string {
  const bank = findBank(text);
  if (bank) return `bank:${bank.bin}`;
  const wallet = findWallet(text);
  if (wallet) return `wallet:${wallet.provider}`;
  return `name:${bankLookupKey(text)}`;
}

/**
 * The agency that is the bank an onward transfer went to: the one whose name or short name refers to the
 * same bank or e-wallet; null when none or more than one does.
 */
export function agencyForBank<A extends { name: string; shortName: string | null }>(
  bank: string,
  agencies: readonly A[],
): A | null {
  const key = institutionKey(bank);
  const matches = agencies.filter((agency) =>
    [agency.shortName, agency.name].some((name) => name !== null && institutionKey(name) === key),
  );
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * The registry keys a takedown's target is known by: the identifier's own and, for a link, its site's (a
 * scam that comes back usually comes back on the same site under another path). Empty when the target is
 * not an identifier the registry knows (an app id, a malware sample).
 */
export function targetKeysOf(target: string): string[] {
  const parsed = identify(target);
  if (!parsed.ok) return [];
  const keys = [parsed.value.key];
  if (parsed.value.kind === 'url') keys.push(`domain:${parsed.value.details.registrableDomain}`);
  return keys;
}
