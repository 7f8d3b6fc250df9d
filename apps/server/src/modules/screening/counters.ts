import { bankLookupKey, findBank, findWallet } from '@khien/core';
import { startOfLocalDay } from './thresholds.js';

/**
 * Counters per account over sliding windows: how much and how often an account sends (velocity), to how
 * many payees (fan-out), from how many senders it receives (fan-in), whether money goes out about as fast
 * as it came in (pass-through), whom it paid before (new payee), when it was first and last seen (age,
 * dormancy) and where from (impossible travel).
 *
 * `CounterStore` is the interface the screening service uses; the in-memory store here serves one
 * process, and a Redis or NATS KV store can implement the same interface when several processes share
 * counters. Memory is bounded: events older than the longest window are dropped, each account keeps at
 * most so many events and known payees, and the least recently active accounts are evicted first.
 */

export interface TransferLocation {
  country: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface TransferEvent {
  /** `accountKey(bank, account)` of each side. */
  payer: string;
  payee: string;
  amountVnd: number;
  /** Epoch milliseconds. */
  at: number;
  location?: TransferLocation | null;
}

export interface AccountCounters {
  /** Transfers out and their sum in the short window (default one hour) and the long one (24 hours). */
  outCountShort: number;
  outSumShortVnd: number;
  outCountLong: number;
  outSumLongVnd: number;
  /** Sent since the start of the local calendar day (for the daily threshold of Decision 2345). */
  sentTodayVnd: number;
  /** Fan-out: distinct payees paid in the long window. */
  distinctPayeesLong: number;
  /** Fan-in: distinct senders received from in the long window. */
  distinctSendersLong: number;
  inCountLong: number;
  inSumLongVnd: number;
  firstSeenAt: number | null;
  lastActivityAt: number | null;
  lastLocation: { at: number; location: TransferLocation } | null;
}

export interface CounterSnapshot {
  payer: AccountCounters;
  payee: AccountCounters;
  /** The payer has paid this payee before (within what the store remembers). */
  knownPayee: boolean;
}

export interface CounterQuery {
  payer: string;
  payee: string;
  at: number;
}

export interface CounterStore {
  /** The counters as they stood before the transfer at `query.at`. */
  snapshot(query: CounterQuery): Promise<CounterSnapshot>;
  /** Records a transfer (screened and allowed, or completed). */
  record(event: TransferEvent): Promise<void>;
}

export interface CounterLimits {
  shortWindowMs: number;
  longWindowMs: number;
  timeZoneOffsetMinutes: number;
  maxAccounts: number;
  maxEventsPerAccount: number;
  maxKnownPayees: number;
}

export const DEFAULT_COUNTER_LIMITS: CounterLimits = Object.freeze({
  shortWindowMs: 3_600_000,
  longWindowMs: 86_400_000,
  timeZoneOffsetMinutes: 7 * 60,
  maxAccounts: 200_000,
  maxEventsPerAccount: 500,
  maxKnownPayees: 500,
});

/** One key per account whichever way its bank is written (VCB, Vietcombank, 970436). */
export function accountKey(bank: string, account: string): string {
  const bankKey = findBank(bank)?.bin ?? findWallet(bank)?.provider ?? bankLookupKey(bank);
  return `${bankKey}:${account.replace(/[\s.-]/g, '').toUpperCase()}`;
}

interface FlowEvent {
  at: number;
  amount: number;
  counterparty: string;
}

interface AccountState {
  out: FlowEvent[];
  in: FlowEvent[];
  /** Payee → when last paid; the oldest are forgotten beyond `maxKnownPayees`. */
  knownPayees: Map<string, number>;
  firstSeenAt: number;
  lastActivityAt: number;
  lastLocation: { at: number; location: TransferLocation } | null;
}

const EMPTY_COUNTERS: AccountCounters = Object.freeze({
  outCountShort: 0,
  outSumShortVnd: 0,
  outCountLong: 0,
  outSumLongVnd: 0,
  sentTodayVnd: 0,
  distinctPayeesLong: 0,
  distinctSendersLong: 0,
  inCountLong: 0,
  inSumLongVnd: 0,
  firstSeenAt: null,
  lastActivityAt: null,
  lastLocation: null,
});

/** Keeps events in time order, drops those older than the window and beyond the count limit. */
function addEvent(events: FlowEvent[], event: FlowEvent, windowMs: number, maxEvents: number): void {
  let position = events.length;
  while (position > 0 && events[position - 1]!.at > event.at) position--;
  events.splice(position, 0, event);
  const newest = events[events.length - 1]!.at;
  let drop = 0;
  while (drop < events.length && events[drop]!.at <= newest - windowMs) drop++;
  drop = Math.max(drop, events.length - maxEvents);
  if (drop > 0) events.splice(0, drop);
}

export interface InMemoryCounterStore extends CounterStore {
  snapshotNow(query: CounterQuery): CounterSnapshot;
  recordNow(event: TransferEvent): void;
  /** How many accounts are held. */
  size(): number;
}

export function createInMemoryCounterStore(limits: Partial<CounterLimits> = {}): InMemoryCounterStore {
  const config: CounterLimits = { ...DEFAULT_COUNTER_LIMITS, ...limits };
  // A Map keeps insertion order: re-inserting an account on activity makes the first key the least recent.
  const accounts = new Map<string, AccountState>();

  function touch(key: string, at: number): AccountState {
    let state = accounts.get(key);
    if (state) accounts.delete(key);
    else {
      state = {
        out: [],
        in: [],
        knownPayees: new Map(),
        firstSeenAt: at,
        lastActivityAt: at,
        lastLocation: null,
      };
      if (accounts.size >= config.maxAccounts) {
        // In batches through one iterator: asking a Map for its first key after many deletions at its
        // front walks over the deleted slots each time (about 130 µs at 200,000 accounts).
        const batch = Math.max(1, accounts.size - config.maxAccounts + 1, Math.ceil(config.maxAccounts / 64));
        const oldest = accounts.keys();
        for (let k = 0; k < batch; k++) accounts.delete(oldest.next().value as string);
      }
    }
    accounts.set(key, state);
    state.firstSeenAt = Math.min(state.firstSeenAt, at);
    state.lastActivityAt = Math.max(state.lastActivityAt, at);
    return state;
  }

  function countersOf(key: string, at: number): AccountCounters {
    const state = accounts.get(key);
    if (!state) return EMPTY_COUNTERS;
    const shortFrom = at - config.shortWindowMs;
    const longFrom = at - config.longWindowMs;
    const dayFrom = startOfLocalDay(at, config.timeZoneOffsetMinutes);
    const counters = { ...EMPTY_COUNTERS };
    const payees = new Set<string>();
    for (const event of state.out) {
      if (event.at > at || event.at <= longFrom) continue;
      counters.outCountLong++;
      counters.outSumLongVnd += event.amount;
      payees.add(event.counterparty);
      if (event.at > shortFrom) {
        counters.outCountShort++;
        counters.outSumShortVnd += event.amount;
      }
      if (event.at >= dayFrom) counters.sentTodayVnd += event.amount;
    }
    const senders = new Set<string>();
    for (const event of state.in) {
      if (event.at > at || event.at <= longFrom) continue;
      counters.inCountLong++;
      counters.inSumLongVnd += event.amount;
      senders.add(event.counterparty);
    }
    counters.distinctPayeesLong = payees.size;
    counters.distinctSendersLong = senders.size;
    // Only what happened before the transfer being screened counts as history.
    if (state.firstSeenAt <= at) {
      counters.firstSeenAt = state.firstSeenAt;
      counters.lastActivityAt = Math.min(state.lastActivityAt, at);
    }
    counters.lastLocation = state.lastLocation && state.lastLocation.at <= at ? state.lastLocation : null;
    return counters;
  }

  const store: InMemoryCounterStore = {
    snapshotNow(query) {
      const payerState = accounts.get(query.payer);
      return {
        payer: countersOf(query.payer, query.at),
        payee: countersOf(query.payee, query.at),
        knownPayee: payerState?.knownPayees.has(query.payee) ?? false,
      };
    },
    recordNow(event) {
      const payer = touch(event.payer, event.at);
      addEvent(
        payer.out,
        { at: event.at, amount: event.amountVnd, counterparty: event.payee },
        config.longWindowMs,
        config.maxEventsPerAccount,
      );
      payer.knownPayees.delete(event.payee);
      payer.knownPayees.set(event.payee, event.at);
      while (payer.knownPayees.size > config.maxKnownPayees) {
        payer.knownPayees.delete(payer.knownPayees.keys().next().value as string);
      }
      if (event.location && (!payer.lastLocation || payer.lastLocation.at <= event.at)) {
        payer.lastLocation = { at: event.at, location: event.location };
      }
      const payee = touch(event.payee, event.at);
      addEvent(
        payee.in,
        { at: event.at, amount: event.amountVnd, counterparty: event.payer },
        config.longWindowMs,
        config.maxEventsPerAccount,
      );
    },
    size: () => accounts.size,
    snapshot: async (query) => store.snapshotNow(query),
    record: async (event) => store.recordNow(event),
  };
  return store;
}
