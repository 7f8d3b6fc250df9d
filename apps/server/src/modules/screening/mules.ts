/**
 * The asynchronous mule detector (issue 7, "After the transfer"): completed transfers are fed one at a time,
 * in about time order, and accounts that look like money mules are flagged for the bank analysts' review
 * queue. Pure and synchronous: no I/O, no clock (time is the transfers' own), no randomness.
 *
 * Typologies, each a flag at most once per account and typology per window:
 *
 * - `fan_in`: many distinct senders into an account within the window, when the account is new (opened or
 *   first seen recently), woke from dormancy, or passes the money on. An established shop that only
 *   receives is not a mule and is not flagged.
 * - `fan_out`: an account pays many payees it never paid before within the window, when it is new or
 *   dormant-woken, or when the money it sends was collected from several senders in the same window
 *   (collect and distribute). A payroll account funded by its company (one sender) is not flagged, and
 *   from the second month on its payees are known ones.
 * - `pass_through`: money out ≈ money in within the window (ratio between the bounds), the money in coming
 *   from several distinct senders and above a minimum sum. A salary account (one sender) and a shop (no
 *   outflow) are not flagged.
 * - `cycle`: a short cycle A→B→C→A of similar amounts within the cycle window (by default in time order:
 *   the money leaves A and comes back to A). Every account on the cycle is flagged. A→B→A is a refund more
 *   often than a round trip and is not a cycle by default.
 * - `many_new_accounts`: one person (the ID the bank knows behind an account) with many accounts opened
 *   within the person window. Every such account is flagged.
 *
 * Memory is bounded for millions of accounts: each account keeps its transfers of the retention window
 * (the longest window) and at most `maxEventsPerAccount` each way; accounts idle longer than
 * `idleEvictMs` (swept every quarter of it, in stream time), and the least recently active beyond
 * `maxAccounts` (in batches of a tenth), are evicted to a compact record
 * (first and last seen, opening date, last flags) kept for at most `maxRememberedAccounts`; persons are
 * bounded by `maxPersons` and `maxAccountsPerPerson`.
 */

export const MULE_TYPOLOGIES = ['fan_in', 'fan_out', 'pass_through', 'cycle', 'many_new_accounts'] as const;
export type MuleTypology = (typeof MULE_TYPOLOGIES)[number];

/** A completed transfer. Account ids are opaque keys (use `accountKey(bank, account)` for bank accounts). */
export interface CompletedTransfer {
  from: string;
  to: string;
  /** In VND for banks; the detector only compares amounts with each other and with the minimum sums. */
  amount: number;
  /** Epoch milliseconds. */
  at: number;
  /** The person or ID behind each account, when the bank knows it. */
  fromPerson?: string | null;
  toPerson?: string | null;
  /** When each account was opened (epoch ms), when known. */
  fromOpenedAt?: number | null;
  toOpenedAt?: number | null;
}

/** An account opening (or an account whose holder became known), for `many_new_accounts`. */
export interface AccountOpening {
  account: string;
  person: string;
  /** Epoch ms; when the account was opened. */
  openedAt: number;
}

export interface MuleFlag {
  account: string;
  typology: MuleTypology;
  /** 0–100: how strongly the evidence points to a mule (the threshold case scores 50). */
  score: number;
  /** The numbers that justify the flag (counts, sums, ratios, hours, days; -1 when unknown). */
  evidence: Record<string, number>;
  /** The other accounts involved (senders, payees, the cycle, the person's accounts); at most 20. */
  related: string[];
  /** Epoch ms of the transfer that raised it. */
  at: number;
}

export interface MuleSettings {
  /** The sliding window of fan-in, fan-out and pass-through (default 24 hours). */
  windowMs: number;
  /** An account opened (or first seen after the warm-up) this recently is new (default 30 days). */
  newAccountMs: number;
  /** No activity this long, then activity: a dormant account woken, treated as new (default 180 days). */
  dormantAfterMs: number;
  /**
   * Accounts first seen within this time of the first transfer observed have an unknown age (the stream
   * started after they opened), unless the transfer gives the opening date (default 30 days).
   */
  warmUpMs: number;
  /** Distinct senders in the window that make a fan-in (default 5, as the default rule for new accounts). */
  fanInMinSenders: number;
  /** Money out over money in within the window that counts as passing it on, for fan-in (default 0.5). */
  fanInMinOutflowRatio: number;
  /** New payees in the window that make a fan-out (default 10, as the default rule `payer_fan_out`). */
  fanOutMinNewPayees: number;
  /** Distinct senders funding a fan-out that make it collect-and-distribute (default 3). */
  fanOutMinFundingSenders: number;
  /** Pass-through: the least money in within the window (default 5,000,000 VND, as the default rule). */
  passThroughMinIn: number;
  /** Pass-through: the least distinct senders (default 3: a salary has one). */
  passThroughMinSenders: number;
  /** Pass-through: money out / money in between these (default 0.8–1.2, as the default rules). */
  passThroughMinRatio: number;
  passThroughMaxRatio: number;
  /** Cycles: the shortest cycle, in accounts (default 3: A→B→C→A; A→B→A is usually a refund). */
  cycleMinLength: number;
  /** Cycles: the longest cycle searched, in accounts (default 4: A→B→C→D→A). */
  cycleMaxLength: number;
  /** Cycles: all its transfers within this time (default 72 hours). */
  cycleWindowMs: number;
  /** Cycles: each hop's amount within this fraction of the closing amount (default 0.2). */
  cycleAmountTolerance: number;
  /** Cycles: the least amount of the closing transfer (default 1,000,000 VND). */
  cycleMinAmount: number;
  /** Cycles: the hops must follow each other in time (default true: money leaves A and comes back). */
  cycleTimeOrdered: boolean;
  /** Cycles: the most transfers looked at per search (default 2,000), bounding the work per transfer. */
  cycleSearchBudget: number;
  /** Many new accounts: this many accounts of one person (default 3)... */
  personMinAccounts: number;
  /** ...opened within this time (default 30 days). */
  personWindowMs: number;
  /** Bounds. */
  maxAccounts: number;
  maxRememberedAccounts: number;
  maxEventsPerAccount: number;
  maxKnownPayees: number;
  maxPersons: number;
  maxAccountsPerPerson: number;
  /** Accounts idle this long lose their transfers (kept as a compact record) (default 35 days). */
  idleEvictMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_MULE_SETTINGS: MuleSettings = Object.freeze({
  windowMs: DAY,
  newAccountMs: 30 * DAY,
  dormantAfterMs: 180 * DAY,
  warmUpMs: 30 * DAY,
  fanInMinSenders: 5,
  fanInMinOutflowRatio: 0.5,
  fanOutMinNewPayees: 10,
  fanOutMinFundingSenders: 3,
  passThroughMinIn: 5_000_000,
  passThroughMinSenders: 3,
  passThroughMinRatio: 0.8,
  passThroughMaxRatio: 1.2,
  cycleMinLength: 3,
  cycleMaxLength: 4,
  cycleWindowMs: 72 * HOUR,
  cycleAmountTolerance: 0.2,
  cycleMinAmount: 1_000_000,
  cycleTimeOrdered: true,
  cycleSearchBudget: 2_000,
  personMinAccounts: 3,
  personWindowMs: 30 * DAY,
  maxAccounts: 1_000_000,
  maxRememberedAccounts: 5_000_000,
  maxEventsPerAccount: 500,
  maxKnownPayees: 200,
  maxPersons: 1_000_000,
  maxAccountsPerPerson: 20,
  idleEvictMs: 35 * DAY,
});

export interface MuleDetectorStats {
  /** Accounts with their transfers held. */
  accounts: number;
  /** Compact records of evicted accounts. */
  remembered: number;
  persons: number;
  /** Transfers held, both ways, over all accounts. */
  events: number;
  /** Transfers observed and ignored (invalid or to oneself). */
  observed: number;
  ignored: number;
}

export interface MuleDetector {
  /** Feeds one completed transfer; returns the flags it raised. Never throws; ignores invalid input. */
  observe(transfer: CompletedTransfer): MuleFlag[];
  /** Records an account opening for `many_new_accounts`; returns the flags it raised. */
  registerAccount(opening: AccountOpening): MuleFlag[];
  stats(): MuleDetectorStats;
  readonly settings: Readonly<MuleSettings>;
}

interface Flow {
  at: number;
  amount: number;
  counterparty: string;
}

type FlagTimes = Partial<Record<MuleTypology, number>>;

interface AccountState {
  inflows: Flow[];
  outflows: Flow[];
  knownPayees: Map<string, number>;
  firstSeenAt: number;
  lastActivityAt: number;
  openedAt: number | null;
  /** When the account last woke from dormancy. */
  wokeAt: number | null;
  flaggedAt: FlagTimes;
}

interface Remembered {
  firstSeenAt: number;
  lastActivityAt: number;
  openedAt: number | null;
  wokeAt: number | null;
  flaggedAt: FlagTimes;
}

interface PersonState {
  accounts: Map<string, number>;
  lastSeenAt: number;
}

const MAX_RELATED = 20;

/**
 * The keys to drop so that `map` holds at most `max`: the oldest by `timeOf`, down to 90% of `max` so that
 * the sort is paid once per tenth of `max` insertions. (Deleting the first key of a Map on every insertion
 * is slow in V8: the deleted slots at the front are skipped again on every lookup of the first key.)
 */
function oldestKeys<K, V>(map: Map<K, V>, max: number, timeOf: (value: V) => number): K[] {
  if (map.size <= max) return [];
  const keep = Math.min(max, Math.floor(max * 0.9));
  const entries = [...map].sort((a, b) => timeOf(a[1]) - timeOf(b[1]));
  return entries.slice(0, entries.length - keep).map(([key]) => key);
}

function trimOldest<K, V>(map: Map<K, V>, max: number, timeOf: (value: V) => number): void {
  for (const key of oldestKeys(map, max, timeOf)) map.delete(key);
}

function validTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function validAccount(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/** Inserts in time order (transfers may arrive a little out of order) and keeps at most `max`. */
function insertFlow(flows: Flow[], flow: Flow, max: number): void {
  let position = flows.length;
  while (position > 0 && flows[position - 1]!.at > flow.at) position--;
  flows.splice(position, 0, flow);
  if (flows.length > max) flows.splice(0, flows.length - max);
}

function pruneFlows(flows: Flow[], from: number): void {
  let drop = 0;
  while (drop < flows.length && flows[drop]!.at < from) drop++;
  if (drop > 0) flows.splice(0, drop);
}

function sanitiseSettings(input: Partial<MuleSettings>): MuleSettings {
  const settings: MuleSettings = { ...DEFAULT_MULE_SETTINGS };
  for (const [key, value] of Object.entries(input) as [keyof MuleSettings, unknown][]) {
    if (!(key in DEFAULT_MULE_SETTINGS)) continue;
    const fallback = DEFAULT_MULE_SETTINGS[key];
    if (typeof fallback === 'boolean') {
      if (typeof value === 'boolean') (settings as unknown as Record<string, unknown>)[key] = value;
    } else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  for (const key of [
    'maxAccounts',
    'maxRememberedAccounts',
    'maxEventsPerAccount',
    'maxKnownPayees',
    'maxPersons',
    'maxAccountsPerPerson',
    'cycleMinLength',
    'cycleMaxLength',
    'cycleSearchBudget',
  ] as const) {
    settings[key] = Math.max(1, Math.floor(settings[key]));
  }
  settings.cycleMinLength = Math.max(2, Math.min(settings.cycleMinLength, 8));
  settings.cycleMaxLength = Math.max(settings.cycleMinLength, Math.min(settings.cycleMaxLength, 8));
  return settings;
}

export function createMuleDetector(options: Partial<MuleSettings> = {}): MuleDetector {
  const settings = sanitiseSettings(options);
  const retentionMs = Math.max(settings.windowMs, settings.cycleWindowMs);
  const accounts = new Map<string, AccountState>();
  const remembered = new Map<string, Remembered>();
  /** Person → their accounts (account → opened, or first seen, at). */
  const persons = new Map<string, PersonState>();
  let streamStart: number | null = null;
  let now = -Infinity;
  let lastSweepAt = -Infinity;
  let events = 0;
  let observed = 0;
  let ignored = 0;

  function remember(key: string, state: AccountState | Remembered): void {
    remembered.set(key, {
      firstSeenAt: state.firstSeenAt,
      lastActivityAt: state.lastActivityAt,
      openedAt: state.openedAt,
      wokeAt: state.wokeAt,
      flaggedAt: state.flaggedAt,
    });
    trimOldest(remembered, settings.maxRememberedAccounts, (record) => record.lastActivityAt);
  }

  function evict(key: string): void {
    const state = accounts.get(key);
    if (!state) return;
    accounts.delete(key);
    events -= state.inflows.length + state.outflows.length;
    remember(key, state);
  }

  /**
   * Evicts the least recently active accounts beyond the limit (in batches, so that the cost per transfer
   * stays constant on average) and, every quarter of `idleEvictMs` of stream time, the idle ones.
   */
  function enforceBounds(): void {
    if (accounts.size > settings.maxAccounts) {
      for (const key of oldestKeys(accounts, settings.maxAccounts, (state) => state.lastActivityAt))
        evict(key);
    }
    if (now - lastSweepAt >= settings.idleEvictMs / 4) {
      lastSweepAt = now;
      for (const [key, state] of accounts) if (state.lastActivityAt < now - settings.idleEvictMs) evict(key);
    }
    trimOldest(persons, settings.maxPersons, (person) => person.lastSeenAt);
  }

  function touch(key: string, at: number, openedAt: number | null | undefined): AccountState {
    let state = accounts.get(key);
    if (!state) {
      const past = remembered.get(key);
      if (past) remembered.delete(key);
      state = {
        inflows: [],
        outflows: [],
        knownPayees: new Map(),
        firstSeenAt: past?.firstSeenAt ?? at,
        lastActivityAt: past?.lastActivityAt ?? at,
        openedAt: past?.openedAt ?? null,
        wokeAt: past?.wokeAt ?? null,
        flaggedAt: past?.flaggedAt ?? {},
      };
      accounts.set(key, state);
    }
    if (at - state.lastActivityAt >= settings.dormantAfterMs) state.wokeAt = at;
    state.firstSeenAt = Math.min(state.firstSeenAt, at);
    state.lastActivityAt = Math.max(state.lastActivityAt, at);
    if (validTime(openedAt)) state.openedAt = openedAt;
    pruneFlows(state.inflows, now - retentionMs);
    pruneFlows(state.outflows, now - retentionMs);
    return state;
  }

  /** Age in ms when known (-1 when unknown), and whether the account counts as new or woken. */
  function freshness(state: AccountState, at: number): { ageMs: number; fresh: boolean; woken: boolean } {
    let ageMs = -1;
    if (state.openedAt !== null) ageMs = Math.max(0, at - state.openedAt);
    else if (streamStart !== null && state.firstSeenAt - streamStart >= settings.warmUpMs) {
      ageMs = Math.max(0, at - state.firstSeenAt);
    }
    const woken = state.wokeAt !== null && at - state.wokeAt <= settings.newAccountMs;
    const fresh = (ageMs >= 0 && ageMs <= settings.newAccountMs) || woken;
    return { ageMs, fresh, woken };
  }

  interface WindowSums {
    inSum: number;
    inCount: number;
    senders: Set<string>;
    outSum: number;
    outCount: number;
    payees: Set<string>;
    /** Money out after the first money in of the window. */
    outAfterInSum: number;
    firstInAt: number | null;
  }

  function windowSums(state: AccountState, at: number): WindowSums {
    const from = at - settings.windowMs;
    const sums: WindowSums = {
      inSum: 0,
      inCount: 0,
      senders: new Set(),
      outSum: 0,
      outCount: 0,
      payees: new Set(),
      outAfterInSum: 0,
      firstInAt: null,
    };
    for (const flow of state.inflows) {
      if (flow.at < from || flow.at > at) continue;
      sums.inSum += flow.amount;
      sums.inCount++;
      sums.senders.add(flow.counterparty);
      if (sums.firstInAt === null) sums.firstInAt = flow.at;
    }
    for (const flow of state.outflows) {
      if (flow.at < from || flow.at > at) continue;
      sums.outSum += flow.amount;
      sums.outCount++;
      sums.payees.add(flow.counterparty);
      if (sums.firstInAt !== null && flow.at >= sums.firstInAt) sums.outAfterInSum += flow.amount;
    }
    return sums;
  }

  function mayFlag(state: AccountState, typology: MuleTypology, at: number, windowMs: number): boolean {
    const last = state.flaggedAt[typology];
    return last === undefined || at - last >= windowMs || at < last - windowMs;
  }

  function related(accountsInvolved: Iterable<string>, except: string): string[] {
    const list: string[] = [];
    for (const account of accountsInvolved) {
      if (account === except) continue;
      list.push(account);
      if (list.length >= MAX_RELATED) break;
    }
    return list;
  }

  function checkFanIn(key: string, state: AccountState, at: number, flags: MuleFlag[]): void {
    if (!mayFlag(state, 'fan_in', at, settings.windowMs)) return;
    const sums = windowSums(state, at);
    const senders = sums.senders.size;
    if (senders < settings.fanInMinSenders) return;
    const { ageMs, fresh, woken } = freshness(state, at);
    const outflowRatio = sums.inSum > 0 ? sums.outAfterInSum / sums.inSum : 0;
    const forwards = outflowRatio >= settings.fanInMinOutflowRatio && sums.outCount > 0;
    if (!fresh && !forwards) return;
    state.flaggedAt.fan_in = at;
    const over = senders / Math.max(1, settings.fanInMinSenders) - 1;
    flags.push({
      account: key,
      typology: 'fan_in',
      score: clampScore(
        40 + 30 * Math.min(1, over) + (fresh ? 10 : 0) + (forwards ? 20 * Math.min(1, outflowRatio) : 0),
      ),
      evidence: {
        distinctSenders: senders,
        transfersIn: sums.inCount,
        amountIn: round(sums.inSum, 2),
        amountOut: round(sums.outAfterInSum, 2),
        outflowRatio: round(outflowRatio),
        accountAgeDays: ageMs < 0 ? -1 : round(ageMs / DAY, 1),
        wokeFromDormancy: woken ? 1 : 0,
        windowHours: round(settings.windowMs / HOUR, 2),
      },
      related: related(sums.senders, key),
      at,
    });
  }

  function checkFanOut(key: string, state: AccountState, at: number, flags: MuleFlag[]): void {
    if (!mayFlag(state, 'fan_out', at, settings.windowMs)) return;
    const from = at - settings.windowMs;
    const newPayees = new Set<string>();
    for (const flow of state.outflows) {
      if (flow.at < from || flow.at > at) continue;
      const firstPaid = state.knownPayees.get(`first:${flow.counterparty}`);
      if (firstPaid === undefined || firstPaid >= from) newPayees.add(flow.counterparty);
    }
    if (newPayees.size < settings.fanOutMinNewPayees) return;
    const sums = windowSums(state, at);
    const { ageMs, fresh, woken } = freshness(state, at);
    const collected =
      sums.senders.size >= settings.fanOutMinFundingSenders &&
      sums.inSum > 0 &&
      sums.outAfterInSum / sums.inSum >= settings.passThroughMinRatio;
    if (!fresh && !collected) return;
    state.flaggedAt.fan_out = at;
    const over = newPayees.size / Math.max(1, settings.fanOutMinNewPayees) - 1;
    flags.push({
      account: key,
      typology: 'fan_out',
      score: clampScore(45 + 30 * Math.min(1, over) + (fresh ? 10 : 0) + (collected ? 15 : 0)),
      evidence: {
        newPayees: newPayees.size,
        distinctPayees: sums.payees.size,
        transfersOut: sums.outCount,
        amountOut: round(sums.outSum, 2),
        distinctSenders: sums.senders.size,
        amountIn: round(sums.inSum, 2),
        accountAgeDays: ageMs < 0 ? -1 : round(ageMs / DAY, 1),
        wokeFromDormancy: woken ? 1 : 0,
        windowHours: round(settings.windowMs / HOUR, 2),
      },
      related: related(newPayees, key),
      at,
    });
  }

  function checkPassThrough(key: string, state: AccountState, at: number, flags: MuleFlag[]): void {
    if (!mayFlag(state, 'pass_through', at, settings.windowMs)) return;
    const sums = windowSums(state, at);
    if (sums.inSum < settings.passThroughMinIn || sums.inSum <= 0) return;
    if (sums.senders.size < settings.passThroughMinSenders) return;
    const ratio = sums.outAfterInSum / sums.inSum;
    if (ratio < settings.passThroughMinRatio || ratio > settings.passThroughMaxRatio) return;
    // How long the money stayed: from the first money in to the last money out.
    let lastOutAt = sums.firstInAt ?? at;
    for (const flow of state.outflows) if (flow.at <= at && flow.at > lastOutAt) lastOutAt = flow.at;
    const { ageMs, fresh } = freshness(state, at);
    state.flaggedAt.pass_through = at;
    flags.push({
      account: key,
      typology: 'pass_through',
      score: clampScore(
        50 +
          20 * (1 - Math.min(1, Math.abs(1 - ratio) / 0.2)) +
          Math.min(20, 4 * (sums.senders.size - settings.passThroughMinSenders)) +
          (fresh ? 10 : 0),
      ),
      evidence: {
        amountIn: round(sums.inSum, 2),
        amountOut: round(sums.outAfterInSum, 2),
        ratio: round(ratio),
        distinctSenders: sums.senders.size,
        distinctPayees: sums.payees.size,
        hoursHeld: round((lastOutAt - (sums.firstInAt ?? lastOutAt)) / HOUR, 2),
        accountAgeDays: ageMs < 0 ? -1 : round(ageMs / DAY, 1),
        windowHours: round(settings.windowMs / HOUR, 2),
      },
      related: related([...sums.senders, ...sums.payees], key),
      at,
    });
  }

  /**
   * Does `from → to` (amount, at) close a cycle? Looks for to → … → from among the held transfers, each hop
   * of a similar amount, within the cycle window, in time order when so set. Depth-first, bounded by the
   * longest cycle and the search budget.
   */
  function findCycle(from: string, to: string, amount: number, at: number): { path: Flow[] } | null {
    const earliest = at - settings.cycleWindowMs;
    const tolerance = settings.cycleAmountTolerance * amount;
    let budget = settings.cycleSearchBudget;
    const path: Flow[] = [];
    const onPath = new Set<string>([to]);
    function walk(account: string, after: number): boolean {
      const state = accounts.get(account);
      if (!state) return false;
      for (let i = state.outflows.length - 1; i >= 0; i--) {
        if (--budget < 0) return false;
        const flow = state.outflows[i]!;
        if (flow.at > at) continue;
        if (flow.at < earliest) break;
        if (settings.cycleTimeOrdered && flow.at < after) break;
        if (Math.abs(flow.amount - amount) > tolerance) continue;
        if (flow.counterparty === from) {
          // Too short (A→B→A is a refund more often than a round trip): not a cycle, nor a way on.
          if (path.length + 2 < settings.cycleMinLength) continue;
          path.push(flow);
          return true;
        }
        if (onPath.has(flow.counterparty) || path.length + 2 >= settings.cycleMaxLength) continue;
        onPath.add(flow.counterparty);
        path.push(flow);
        if (walk(flow.counterparty, flow.at)) return true;
        path.pop();
        onPath.delete(flow.counterparty);
      }
      return false;
    }
    return walk(to, earliest) ? { path } : null;
  }

  function checkCycle(transfer: CompletedTransfer, flags: MuleFlag[]): void {
    if (transfer.amount < settings.cycleMinAmount) return;
    const found = findCycle(transfer.from, transfer.to, transfer.amount, transfer.at);
    if (!found) return;
    const members = [transfer.to, ...found.path.map((flow) => flow.counterparty)];
    // members: to, …, from — every account on the cycle.
    const amounts = [transfer.amount, ...found.path.map((flow) => flow.amount)];
    const times = [transfer.at, ...found.path.map((flow) => flow.at)];
    const minAmount = Math.min(...amounts);
    const maxAmount = Math.max(...amounts);
    const spanMs = Math.max(...times) - Math.min(...times);
    const spread = maxAmount > 0 ? (maxAmount - minAmount) / maxAmount : 0;
    for (const member of members) {
      const state = accounts.get(member);
      if (!state || !mayFlag(state, 'cycle', transfer.at, settings.cycleWindowMs)) continue;
      state.flaggedAt.cycle = transfer.at;
      flags.push({
        account: member,
        typology: 'cycle',
        score: clampScore(
          55 +
            25 * (1 - Math.min(1, spread / Math.max(1e-9, settings.cycleAmountTolerance))) +
            (members.length <= 3 ? 10 : 0),
        ),
        evidence: {
          cycleLength: members.length,
          minAmount: round(minAmount, 2),
          maxAmount: round(maxAmount, 2),
          amountSpread: round(spread),
          spanHours: round(spanMs / HOUR, 2),
        },
        related: related(members, member),
        at: transfer.at,
      });
    }
  }

  function linkPerson(
    person: string,
    account: string,
    openedAt: number,
    at: number,
    flags: MuleFlag[],
  ): void {
    let holder = persons.get(person);
    if (!holder) {
      holder = { accounts: new Map(), lastSeenAt: at };
      persons.set(person, holder);
    }
    holder.lastSeenAt = Math.max(holder.lastSeenAt, at);
    const owned = holder.accounts;
    const known = owned.get(account);
    if (known !== undefined && known <= openedAt) return;
    owned.delete(account);
    owned.set(account, openedAt);
    // Forget accounts opened long ago, then the oldest beyond the limit.
    for (const [other, opened] of owned) if (opened < openedAt - settings.personWindowMs) owned.delete(other);
    trimOldest(owned, settings.maxAccountsPerPerson, (opened) => opened);
    const recent = [...owned].filter(([, opened]) => Math.abs(opened - openedAt) <= settings.personWindowMs);
    if (recent.length < settings.personMinAccounts) return;
    const opened = recent.map(([, time]) => time);
    const spanDays = (Math.max(...opened) - Math.min(...opened)) / DAY;
    for (const [member] of recent) {
      const state = accounts.get(member) ?? touch(member, at, null);
      if (!mayFlag(state, 'many_new_accounts', at, settings.personWindowMs)) continue;
      state.flaggedAt.many_new_accounts = at;
      flags.push({
        account: member,
        typology: 'many_new_accounts',
        score: clampScore(50 + 15 * (recent.length - settings.personMinAccounts) + (spanDays <= 7 ? 15 : 0)),
        evidence: {
          accountsOpened: recent.length,
          spanDays: round(spanDays, 1),
          windowDays: round(settings.personWindowMs / DAY, 1),
        },
        related: related(
          recent.map(([other]) => other),
          member,
        ),
        at,
      });
    }
  }

  /** The opening date of a person's account: given, or first seen after the warm-up. */
  function openingOf(state: AccountState): number | null {
    if (state.openedAt !== null) return state.openedAt;
    if (streamStart !== null && state.firstSeenAt - streamStart >= settings.warmUpMs)
      return state.firstSeenAt;
    return null;
  }

  function observe(transfer: CompletedTransfer): MuleFlag[] {
    observed++;
    if (
      !transfer ||
      !validAccount(transfer.from) ||
      !validAccount(transfer.to) ||
      transfer.from === transfer.to ||
      !validTime(transfer.at) ||
      typeof transfer.amount !== 'number' ||
      !Number.isFinite(transfer.amount) ||
      transfer.amount <= 0
    ) {
      ignored++;
      return [];
    }
    const { from, to, amount, at } = transfer;
    if (streamStart === null || at < streamStart) streamStart = at;
    if (at > now) now = at;
    const flags: MuleFlag[] = [];
    const payer = touch(from, at, transfer.fromOpenedAt);
    const payee = touch(to, at, transfer.toOpenedAt);
    const outBefore = payer.outflows.length;
    const inBefore = payee.inflows.length;
    insertFlow(payer.outflows, { at, amount, counterparty: to }, settings.maxEventsPerAccount);
    insertFlow(payee.inflows, { at, amount, counterparty: from }, settings.maxEventsPerAccount);
    events += payer.outflows.length - outBefore + (payee.inflows.length - inBefore);
    const firstKey = `first:${to}`;
    if (!payer.knownPayees.has(firstKey)) payer.knownPayees.set(firstKey, at);
    else payer.knownPayees.set(firstKey, Math.min(payer.knownPayees.get(firstKey)!, at));
    while (payer.knownPayees.size > settings.maxKnownPayees) {
      payer.knownPayees.delete(payer.knownPayees.keys().next().value as string);
    }

    checkFanIn(to, payee, at, flags);
    checkFanIn(from, payer, at, flags);
    checkFanOut(from, payer, at, flags);
    checkPassThrough(from, payer, at, flags);
    checkCycle(transfer, flags);
    if (typeof transfer.fromPerson === 'string' && transfer.fromPerson) {
      const opened = openingOf(payer);
      if (opened !== null) linkPerson(transfer.fromPerson, from, opened, at, flags);
    }
    if (typeof transfer.toPerson === 'string' && transfer.toPerson) {
      const opened = openingOf(payee);
      if (opened !== null) linkPerson(transfer.toPerson, to, opened, at, flags);
    }
    enforceBounds();
    return flags;
  }

  function registerAccount(opening: AccountOpening): MuleFlag[] {
    if (
      !opening ||
      !validAccount(opening.account) ||
      typeof opening.person !== 'string' ||
      !opening.person ||
      opening.person.length > 200 ||
      !validTime(opening.openedAt)
    ) {
      return [];
    }
    const at = opening.openedAt;
    if (at > now) now = at;
    const flags: MuleFlag[] = [];
    const state = accounts.get(opening.account);
    if (state) state.openedAt = opening.openedAt;
    else {
      const past = remembered.get(opening.account);
      if (past) past.openedAt = opening.openedAt;
    }
    linkPerson(opening.person, opening.account, opening.openedAt, at, flags);
    const touched = accounts.get(opening.account);
    if (touched) touched.openedAt = opening.openedAt;
    enforceBounds();
    return flags;
  }

  return {
    observe(transfer) {
      try {
        return observe(transfer);
      } catch {
        // A detector bug must not stop the stream; the transfer is counted as ignored.
        ignored++;
        return [];
      }
    },
    registerAccount(opening) {
      try {
        return registerAccount(opening);
      } catch {
        return [];
      }
    },
    stats: () => ({
      accounts: accounts.size,
      remembered: remembered.size,
      persons: persons.size,
      events,
      observed,
      ignored,
    }),
    settings: Object.freeze({ ...settings }),
  };
}
