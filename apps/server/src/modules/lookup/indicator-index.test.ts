import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorIndex, hash64, hashIdOf, type IndexEntry, type IndexHit } from './indicator-index.js';

const entryArb: fc.Arbitrary<IndexEntry> = fc.record({
  status: fc.constantFrom('reported', 'verifying', 'confirmed_scam', 'cleared', 'expired'),
  sharing: fc.constantFrom('public', 'agencies', 'police'),
  confidence: fc.integer({ min: 0, max: 100 }),
  reportCount: fc.nat(1_000_000),
  methods: fc.uniqueArray(fc.constantFrom('impersonate_bank', 'romance', 'loans', 'other', 'sextortion'), {
    maxLength: 3,
  }),
  lastSeen: fc.option(
    fc.integer({ min: 10_957, max: 40_000 }).map((day) => new Date(day * 86_400_000)),
    { nil: null },
  ),
});

const sortMethods = (e: IndexEntry | undefined) => e && { ...e, methods: [...e.methods].sort() };

/** `IndicatorIndex.lookup` made from `get`. */
function hitOfGet(index: IndicatorIndex, key: string): IndexHit | undefined {
  const entry = index.get(key);
  if (!entry) return undefined;
  const { lastSeen, ...rest } = entry;
  return { ...rest, lastSeenIso: lastSeen ? lastSeen.toISOString() : null };
}

describe('IndicatorIndex', () => {
  it('behaves like a map under builds, sets, deletes and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), entryArb), { maxLength: 40 }),
        fc.array(
          fc.oneof(
            fc.tuple(fc.constant('set' as const), fc.string({ maxLength: 12 }), entryArb),
            fc.tuple(fc.constant('delete' as const), fc.string({ maxLength: 12 })),
            fc.tuple(fc.constant('compact' as const)),
          ),
          { maxLength: 60 },
        ),
        (initial, operations) => {
          const index = new IndicatorIndex({ compactAfter: 7 });
          const model = new Map<string, IndexEntry>();
          for (const [key, entry] of initial) model.set(key, entry);
          index.build(model.entries());
          for (const op of operations) {
            if (op[0] === 'set') {
              index.set(op[1], op[2]);
              model.set(op[1], op[2]);
            } else if (op[0] === 'delete') {
              index.delete(op[1]);
              model.delete(op[1]);
            } else index.compact();
          }
          expect(index.size).toBe(model.size);
          for (const [key, entry] of model) expect(sortMethods(index.get(key))).toEqual(sortMethods(entry));
          for (const [key] of initial) if (!model.has(key)) expect(index.get(key)).toBeUndefined();
          // The public check's read says what get says.
          for (const [key] of [...initial, ...model]) expect(hitOfGet(index, key)).toEqual(index.lookup(key));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps changes made while the database was being read on top of the rows read', () => {
    const index = new IndicatorIndex();
    const stale: IndexEntry = {
      status: 'reported',
      sharing: 'public',
      confidence: 30,
      reportCount: 1,
      methods: [],
      lastSeen: null,
    };
    const fresh: IndexEntry = { ...stale, status: 'confirmed_scam', confidence: 95 };
    index.set('phone:+84912345678', fresh);
    index.build([
      ['phone:+84912345678', stale],
      ['phone:+84912345679', stale],
    ]);
    expect(index.get('phone:+84912345678')?.status).toBe('confirmed_scam');
    expect(index.size).toBe(2);
  });

  it('keeps about 20 bytes per entry in its columns and bucket table', () => {
    const index = new IndicatorIndex();
    const entry: IndexEntry = {
      status: 'reported',
      sharing: 'public',
      confidence: 30,
      reportCount: 1,
      methods: ['loans'],
      lastSeen: null,
    };
    index.build(
      Array.from(
        { length: 10_000 },
        (_, i) => [`phone:+8491${String(i).padStart(7, '0')}`, entry] as [string, IndexEntry],
      ),
    );
    expect(index.size).toBe(10_000);
    expect(index.columnBytes() / 10_000).toBeLessThanOrEqual(21);
    expect(index.get('phone:+84910000042')?.confidence).toBe(30);
    expect(index.get('phone:+84990000042')).toBeUndefined();
  });

  it('finds every one of 50,000 keys after a build and after a compaction over it, and no other', () => {
    const entryOf = (i: number): IndexEntry => ({
      status: i % 3 === 0 ? 'confirmed_scam' : 'reported',
      sharing: 'public',
      confidence: i % 101,
      reportCount: i,
      methods: i % 2 ? ['loans'] : [],
      lastSeen: null,
    });
    const keyOf = (i: number) => `account:970436:${(i * 7919) % 1_000_003}`;
    const index = new IndicatorIndex({ compactAfter: 1_000_000 });
    const builder = index.builder();
    for (let i = 0; i < 50_000; i++) builder.add(keyOf(i), entryOf(i));
    expect(builder.collisions().size).toBe(0);
    builder.finish();
    const check = () => {
      for (let i = 0; i < 50_000; i += 7) expect(index.get(keyOf(i))?.reportCount).toBe(i);
      for (let i = 50_000; i < 50_500; i++) expect(index.get(keyOf(i))).toBeUndefined();
    };
    check();
    index.set(keyOf(50_000), entryOf(50_000));
    index.delete(keyOf(7));
    index.compact();
    expect(index.get(keyOf(50_000))?.reportCount).toBe(50_000);
    expect(index.get(keyOf(7))).toBeUndefined();
    expect(index.size).toBe(50_000);
    index.set(keyOf(7), entryOf(7));
    index.delete(keyOf(50_000));
    index.compact();
    check();
  });

  it('keeps entries whose hashes collide by their full keys, the last given winning', () => {
    const entry = (reportCount: number): IndexEntry => ({
      status: 'reported',
      sharing: 'public',
      confidence: 10,
      reportCount,
      methods: [],
      lastSeen: null,
    });
    // The same key twice is the one collision a test can make: both rows share a hash.
    const index = new IndicatorIndex();
    const builder = index.builder();
    builder.add('phone:+84912345678', entry(1));
    builder.add('phone:+84912345679', entry(2));
    builder.add('phone:+84912345678', entry(3));
    expect([...builder.collisions()]).toEqual([hashIdOf('phone:+84912345678')]);
    builder.finish([
      ['phone:+84912345678', entry(1)],
      ['phone:+84912345679', entry(2)],
      ['phone:+84912345678', entry(3)],
    ]);
    expect(index.get('phone:+84912345678')?.reportCount).toBe(3);
    expect(index.lookup('phone:+84912345678')?.reportCount).toBe(3);
    expect(index.get('phone:+84912345679')?.reportCount).toBe(2);
    expect(index.size).toBe(2);
    index.compact();
    expect(index.get('phone:+84912345678')?.reportCount).toBe(3);
    expect(index.size).toBe(2);
  });

  it('hashes deterministically into two 32-bit halves', () => {
    expect(hash64('domain:vietcombank.com.vn')).toEqual(hash64('domain:vietcombank.com.vn'));
    expect(hash64('a')).not.toEqual(hash64('b'));
    for (const half of hash64('x')) expect(half >>> 0).toBe(half);
  });
});
