import { ScamMethod } from '@khien/contracts';

/**
 * The hot-path index of the registry: what the public check needs about each entry, for millions of
 * entries, in about 20 bytes each. Keys are reduced to a 64-bit hash and kept in sorted typed arrays;
 * a table of where each run of leading hash bits starts narrows a lookup to a few neighbouring rows (about
 * 16 at most sizes), so that it touches two or three cache lines instead of the twenty of a binary search
 * over the whole column. Changes since the last build live in a small map until the next compaction. Two
 * stored keys with the same 64-bit hash (about 1 in 3·10⁷ at a million entries) are detected at build
 * time and kept by their full key. What remains is the chance that an identifier that is not stored
 * shares a stored one's hash: about n / 2⁶⁴ per lookup (5·10⁻¹⁴ at a million entries).
 */
export type IndexStatus = 'reported' | 'verifying' | 'confirmed_scam' | 'cleared' | 'expired';
export type IndexSharing = 'public' | 'agencies' | 'police';

export interface IndexEntry {
  status: IndexStatus;
  sharing: IndexSharing;
  confidence: number;
  reportCount: number;
  methods: ScamMethod[];
  /** Day of the last report (UTC), or null. */
  lastSeen: Date | null;
}

/**
 * What the public check reads about an entry (`IndicatorIndex.lookup`): the entry with its last report
 * already written as in an answer. Its methods array is shared between hits and frozen: only read it.
 */
export interface IndexHit {
  status: IndexStatus;
  sharing: IndexSharing;
  confidence: number;
  reportCount: number;
  methods: readonly ScamMethod[];
  /** `lastSeen` as ISO 8601, or null. */
  lastSeenIso: string | null;
}

const STATUSES: IndexStatus[] = ['reported', 'verifying', 'confirmed_scam', 'cleared', 'expired'];
const SHARINGS: IndexSharing[] = ['public', 'agencies', 'police'];
const METHODS = ScamMethod.options;
const DAY_MS = 86_400_000;
// Day 1 is 2000-01-01; 0 means unknown.
const EPOCH_DAY = Date.UTC(1999, 11, 31) / DAY_MS;

/** The halves of the last `mix`: a lookup on the hot path allocates no pair for them. */
let mixedHi = 0;
let mixedLo = 0;

/** A 64-bit hash as one string: the key of the sets and maps of colliding hashes. */
function hashId(hi: number, lo: number): string {
  return `${hi}:${lo}`;
}

/** cyrb53-style mixing into two independent 32-bit halves, left in `mixedHi` and `mixedLo`. */
function mix(key: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  mixedHi = h1 >>> 0;
  mixedLo = h2 >>> 0;
}

/** The key's 64-bit hash as one string, as `IndexBuilder.collisions` names them. */
export function hashIdOf(key: string): string {
  mix(key);
  return hashId(mixedHi, mixedLo);
}

export function hash64(key: string): [number, number] {
  mix(key);
  return [mixedHi, mixedLo];
}

/** `rowOf` for a key whose hash another key shares: it is kept whole, by its key. */
const COLLIDED = -2;

function methodsMask(methods: readonly ScamMethod[]): number {
  let mask = 0;
  for (const method of methods) {
    const bit = METHODS.indexOf(method);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask >>> 0;
}

function methodsOf(mask: number): ScamMethod[] {
  return METHODS.filter((_, bit) => (mask >>> bit) & 1);
}

/**
 * The hot path writes the same few values for millions of rows: one frozen methods array per set of
 * methods, and one ISO string per day, made when first needed.
 */
const methodsByMask = new Map<number, readonly ScamMethod[]>();
function sharedMethodsOf(mask: number): readonly ScamMethod[] {
  let methods = methodsByMask.get(mask);
  if (methods === undefined) {
    methods = Object.freeze(methodsOf(mask));
    methodsByMask.set(mask, methods);
  }
  return methods;
}

// Indexed by the stored day (0 to 0xffff).
const isoByDay: Array<string | undefined> = [];
function isoOfDay(day: number): string {
  return (isoByDay[day] ??= new Date((day + EPOCH_DAY) * DAY_MS).toISOString());
}

/** An entry as a hit: for entries kept whole (changed since the last build, or with a colliding hash). */
export function hitOf(entry: IndexEntry): IndexHit {
  return {
    status: entry.status,
    sharing: entry.sharing,
    confidence: entry.confidence,
    reportCount: entry.reportCount,
    methods: entry.methods,
    lastSeenIso: entry.lastSeen ? entry.lastSeen.toISOString() : null,
  };
}

interface Columns {
  hi: Uint32Array;
  lo: Uint32Array;
  flags: Uint8Array; // status (3 bits) | sharing << 3
  confidence: Uint8Array;
  reports: Uint32Array;
  methods: Uint32Array;
  lastSeenDay: Uint16Array; // days since 1999-12-31 (so 2000-01-01 is 1), 0 = unknown
}

function emptyColumns(n: number): Columns {
  return {
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
    flags: new Uint8Array(n),
    confidence: new Uint8Array(n),
    reports: new Uint32Array(n),
    methods: new Uint32Array(n),
    lastSeenDay: new Uint16Array(n),
  };
}

/**
 * Where the rows whose hashes start with each value of the leading `bits` bits begin: row
 * `starts[b]` is the first whose `hi >>> (32 - bits)` is at least `b`; `starts[2^bits]` is the row count.
 */
interface Buckets {
  shift: number;
  starts: Uint32Array;
}

function bucketsOf(his: Uint32Array): Buckets {
  // About 16 rows per bucket (under half a byte per entry), at most 2^16 buckets (256 KB).
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(Math.max(1, his.length / 16)))));
  const count = 2 ** bits;
  const starts = new Uint32Array(count + 1);
  const shift = 32 - bits;
  let row = 0;
  for (let b = 0; b < count; b++) {
    // `>>> 32` is a no-op in JavaScript: with no bits, every row is in the one bucket.
    while (row < his.length && bits > 0 && his[row]! >>> shift < b) row++;
    starts[b] = bits > 0 ? row : 0;
  }
  starts[count] = his.length;
  return { shift, starts };
}

/** Columns filled one row at a time, in any order, growing as needed. */
class ColumnBuffer {
  size = 0;
  columns: Columns;

  constructor(capacity: number) {
    this.columns = emptyColumns(Math.max(1024, capacity));
  }

  private reserve(): number {
    const c = this.columns;
    if (this.size === c.hi.length) {
      const grown = emptyColumns(c.hi.length * 2);
      for (const name of Object.keys(c) as Array<keyof Columns>) grown[name].set(c[name] as never);
      this.columns = grown;
    }
    return this.size++;
  }

  add(key: string, entry: IndexEntry): void {
    const at = this.reserve();
    mix(key);
    this.columns.hi[at] = mixedHi;
    this.columns.lo[at] = mixedLo;
    writeEntry(this.columns, at, entry);
  }

  copy(from: Columns, row: number): void {
    const at = this.reserve();
    copyRow(from, row, this.columns, at);
  }
}

function writeEntry(columns: Columns, at: number, entry: IndexEntry): void {
  columns.flags[at] = STATUSES.indexOf(entry.status) | (SHARINGS.indexOf(entry.sharing) << 3);
  columns.confidence[at] = Math.max(0, Math.min(100, Math.round(entry.confidence)));
  columns.reports[at] = Math.min(entry.reportCount, 0xffffffff);
  columns.methods[at] = methodsMask(entry.methods);
  columns.lastSeenDay[at] = entry.lastSeen
    ? Math.max(1, Math.min(0xffff, Math.floor(entry.lastSeen.getTime() / DAY_MS) - EPOCH_DAY))
    : 0;
}

function copyRow(from: Columns, row: number, to: Columns, at: number): void {
  to.hi[at] = from.hi[row]!;
  to.lo[at] = from.lo[row]!;
  to.flags[at] = from.flags[row]!;
  to.confidence[at] = from.confidence[row]!;
  to.reports[at] = from.reports[row]!;
  to.methods[at] = from.methods[row]!;
  to.lastSeenDay[at] = from.lastSeenDay[row]!;
}

/**
 * The rows 0…n-1 ordered by (hi, lo): a least-significant-digit radix sort over four 16-bit digits, a
 * few linear passes where a comparison sort of a million rows takes seconds.
 */
function sortedOrder(his: Uint32Array, los: Uint32Array, n: number): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2048) return order.sort((a, b) => his[a]! - his[b]! || los[a]! - los[b]!);
  let next = new Uint32Array(n);
  const counts = new Uint32Array(0x10000);
  for (const [column, shift] of [
    [los, 0],
    [los, 16],
    [his, 0],
    [his, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(column[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 0x10000; d++) {
      const count = counts[d]!;
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      next[counts[(column[row]! >>> shift) & 0xffff]!++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * A build of the index fed one entry at a time (`IndicatorIndex.builder`): it keeps the ~20 bytes of
 * columns per entry and nothing else, so that reading a million rows leaves no million objects behind.
 * Keys are not kept; when two keys share a hash (`collisions`, about 1 in 3·10⁷ builds at a million
 * entries), `finish` is given the entries with those hashes again, by their full keys.
 */
export class IndexBuilder {
  private readonly buffer: ColumnBuffer;
  private order: Uint32Array | null = null;
  private colliding: Set<string> | null = null;

  /** @internal: made by `IndicatorIndex.builder`. */
  constructor(
    private readonly install: (
      columns: Columns,
      collided: Map<string, IndexEntry>,
      collidedHashes: Set<string>,
    ) => void,
    capacity = 0,
  ) {
    this.buffer = new ColumnBuffer(capacity);
  }

  add(key: string, entry: IndexEntry): void {
    if (this.order) throw new Error('IndexBuilder: add after collisions()');
    this.buffer.add(key, entry);
  }

  /** @internal Carries a row of an earlier build (compaction). */
  copy(from: Columns, row: number): void {
    if (this.order) throw new Error('IndexBuilder: copy after collisions()');
    this.buffer.copy(from, row);
  }

  get size(): number {
    return this.buffer.size;
  }

  /** The hashes (`hash:hash` strings) that more than one added entry has; empty nearly always. */
  collisions(): ReadonlySet<string> {
    if (this.colliding) return this.colliding;
    const { hi: his, lo: los } = this.buffer.columns;
    const n = this.buffer.size;
    this.order = sortedOrder(his, los, n);
    this.colliding = new Set();
    for (let i = 1; i < n; i++) {
      const a = this.order[i - 1]!;
      const b = this.order[i]!;
      if (his[a] === his[b] && los[a] === los[b]) this.colliding.add(hashId(his[a]!, los[a]!));
    }
    return this.colliding;
  }

  /**
   * Installs the build. `collided` gives, by full key, the entries whose hashes `collisions()` named
   * (others are ignored; for a key given twice, the last wins).
   */
  finish(collided: Iterable<[string, IndexEntry]> = []): void {
    const colliding = this.collisions();
    const order = this.order!;
    const source = this.buffer.columns;
    const kept = new Map<string, IndexEntry>();
    if (colliding.size > 0) {
      for (const [key, entry] of collided) {
        mix(key);
        if (colliding.has(hashId(mixedHi, mixedLo))) kept.set(key, entry);
      }
    }
    let rows = 0;
    for (let i = 0; i < order.length; i++) {
      const at = order[i]!;
      if (colliding.size === 0 || !colliding.has(hashId(source.hi[at]!, source.lo[at]!))) order[rows++] = at;
    }
    const columns = emptyColumns(rows);
    for (let w = 0; w < rows; w++) copyRow(source, order[w]!, columns, w);
    this.install(columns, kept, new Set(colliding));
  }
}

export class IndicatorIndex {
  private columns: Columns = emptyColumns(0);
  private buckets: Buckets = bucketsOf(this.columns.hi);
  /** Changes since the last build: an entry, or null for a removal. */
  private delta = new Map<string, IndexEntry | null>();
  /** Entries whose hash collided with another key's, by full key. */
  private collided = new Map<string, IndexEntry>();
  private collidedHashes = new Set<string>();
  private compactAt: number;

  constructor(options: { compactAfter?: number } = {}) {
    this.compactAt = options.compactAfter ?? 50_000;
  }

  /**
   * Replaces the content with what was read from the database (at start-up). Changes set while the
   * database was being read stay on top: they may be newer than the rows read.
   */
  build(entries: Iterable<[string, IndexEntry]>): void {
    const list = Array.isArray(entries) ? (entries as Array<[string, IndexEntry]>) : [...entries];
    const builder = this.builder();
    for (const [key, entry] of list) builder.add(key, entry);
    builder.finish(builder.collisions().size > 0 ? list : []);
  }

  /**
   * The same as `build`, fed entry by entry (a million rows read page by page). The content changes
   * only at `finish`; changes set meanwhile stay on top.
   */
  builder(): IndexBuilder {
    return new IndexBuilder((columns, collided, collidedHashes) => {
      const pending = this.delta;
      this.install(columns, collided, collidedHashes);
      this.delta = pending;
      this.maybeCompact();
    });
  }

  get(key: string): IndexEntry | undefined {
    // The delta holds null for a removal: present, but no entry.
    const changed = this.delta.get(key);
    if (changed !== undefined) return changed ?? undefined;
    const at = this.rowOf(key);
    if (at === COLLIDED) return this.collided.get(key);
    return at < 0 ? undefined : this.read(at);
  }

  /** What `get` finds, as the public check reads it (`IndexHit`), without building an `IndexEntry`. */
  lookup(key: string): IndexHit | undefined {
    const changed = this.delta.get(key);
    if (changed !== undefined) return changed === null ? undefined : hitOf(changed);
    const at = this.rowOf(key);
    if (at === COLLIDED) {
      const entry = this.collided.get(key);
      return entry === undefined ? undefined : hitOf(entry);
    }
    if (at < 0) return undefined;
    return this.hitAt(at);
  }

  /** The row as a hit: shared method lists and day strings, nothing built per lookup. */
  private hitAt(at: number): IndexHit {
    const c = this.columns;
    const flags = c.flags[at]!;
    const day = c.lastSeenDay[at]!;
    return {
      status: STATUSES[flags & 0b111]!,
      sharing: SHARINGS[flags >>> 3]!,
      confidence: c.confidence[at]!,
      reportCount: c.reports[at]!,
      methods: sharedMethodsOf(c.methods[at]!),
      lastSeenIso: day === 0 ? null : isoOfDay(day),
    };
  }

  /** The key's row in the columns, -1 when it has none, or COLLIDED. */
  private rowOf(key: string): number {
    mix(key);
    const hi = mixedHi;
    const lo = mixedLo;
    if (this.collidedHashes.size > 0 && this.collidedHashes.has(hashId(hi, lo))) return COLLIDED;
    return this.find(hi, lo);
  }

  set(key: string, entry: IndexEntry): void {
    this.delta.set(key, entry);
    this.maybeCompact();
  }

  delete(key: string): void {
    this.delta.set(key, null);
    this.maybeCompact();
  }

  get size(): number {
    let n = this.columns.hi.length + this.collided.size;
    for (const [key, entry] of this.delta) {
      const existed = this.baseHas(key);
      if (entry && !existed) n++;
      if (!entry && existed) n--;
    }
    return n;
  }

  /** Bytes held by the sorted columns (the part that grows with the registry). */
  columnBytes(): number {
    const columns = Object.values(this.columns).reduce(
      (sum, column: ArrayBufferView) => sum + column.byteLength,
      0,
    );
    return columns + this.buckets.starts.byteLength;
  }

  private baseHas(key: string): boolean {
    const [hi, lo] = hash64(key);
    if (this.collidedHashes.has(hashId(hi, lo))) return this.collided.has(key);
    return this.find(hi, lo) >= 0;
  }

  private maybeCompact(): void {
    if (this.delta.size >= this.compactAt) this.compact();
  }

  /** Folds the recent changes into the sorted columns. */
  compact(): void {
    // The base has lost its keys (only hashes remain), so its rows are carried over by hash, and the
    // delta's keys override them. A carried row's hash was unique when it was built, so collisions are
    // only ever with keyed entries.
    const overridden = new Set<string>();
    for (const key of this.delta.keys()) {
      mix(key);
      overridden.add(hashId(mixedHi, mixedLo));
    }
    const keyed: Array<[string, IndexEntry]> = [];
    for (const [key, entry] of this.delta) if (entry) keyed.push([key, entry]);
    for (const [key, entry] of this.collided) if (!this.delta.has(key)) keyed.push([key, entry]);
    const base = this.columns;
    const builder = new IndexBuilder(
      (columns, collided, collidedHashes) => this.install(columns, collided, collidedHashes),
      base.hi.length + keyed.length,
    );
    for (let i = 0; i < base.hi.length; i++) {
      if (overridden.size === 0 || !overridden.has(hashId(base.hi[i]!, base.lo[i]!))) builder.copy(base, i);
    }
    for (const [key, entry] of keyed) builder.add(key, entry);
    builder.finish(builder.collisions().size > 0 ? keyed : []);
  }

  private install(columns: Columns, collided: Map<string, IndexEntry>, collidedHashes: Set<string>): void {
    this.columns = columns;
    this.buckets = bucketsOf(columns.hi);
    this.collided = collided;
    this.collidedHashes = collidedHashes;
    this.delta = new Map();
  }

  /** The row as an entry of its own (callers may keep and change it). */
  private read(at: number): IndexEntry {
    const { lastSeenIso, methods, ...hit } = this.hitAt(at);
    return { ...hit, methods: [...methods], lastSeen: lastSeenIso === null ? null : new Date(lastSeenIso) };
  }

  private find(hi: number, lo: number): number {
    const { hi: his, lo: los } = this.columns;
    const { shift, starts } = this.buckets;
    const bucket = shift === 32 ? 0 : hi >>> shift;
    let low = starts[bucket]!;
    let high = starts[bucket + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const h = his[mid]!;
      const l = los[mid]!;
      if (h < hi || (h === hi && l < lo)) low = mid + 1;
      else if (h > hi || (h === hi && l > lo)) high = mid - 1;
      else return mid;
    }
    return -1;
  }
}
