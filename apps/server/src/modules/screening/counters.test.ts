import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountKey, createInMemoryCounterStore, type CounterStore, type TransferEvent } from './counters.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// 09:00 in Vietnam (02:00 UTC).
const T0 = Date.parse('2026-11-26T02:00:00Z');

const send = (payer: string, payee: string, amountVnd: number, at: number): TransferEvent => ({
  payer,
  payee,
  amountVnd,
  at,
});

describe('accountKey', () => {
  it('gives one key however the bank and the account are written', () => {
    expect(accountKey('VCB', '0123 456.789')).toBe(accountKey('Vietcombank', '0123456789'));
    expect(accountKey('970436', '0123456789')).toBe(accountKey('vietcombank', '0123-456-789'));
    expect(accountKey('MoMo', 'abc123')).toBe(accountKey('Ví MoMo', 'ABC123'));
    expect(accountKey('VCB', '1')).not.toBe(accountKey('BIDV', '1'));
  });
});

describe('the in-memory counter store', () => {
  it('counts velocity in the short and the long window', () => {
    const store = createInMemoryCounterStore();
    store.recordNow(send('A', 'B', 1_000_000, T0 - 23 * HOUR));
    store.recordNow(send('A', 'C', 2_000_000, T0 - 2 * HOUR));
    store.recordNow(send('A', 'D', 3_000_000, T0 - 30 * MINUTE));
    store.recordNow(send('A', 'B', 4_000_000, T0 - MINUTE));
    const { payer } = store.snapshotNow({ payer: 'A', payee: 'E', at: T0 });
    expect(payer).toMatchObject({
      outCountShort: 2,
      outSumShortVnd: 7_000_000,
      outCountLong: 4,
      outSumLongVnd: 10_000_000,
      distinctPayeesLong: 3,
    });
    // An hour later the oldest ones have left both windows.
    const later = store.snapshotNow({ payer: 'A', payee: 'E', at: T0 + HOUR }).payer;
    expect(later).toMatchObject({ outCountShort: 0, outCountLong: 3, outSumLongVnd: 9_000_000 });
  });

  it('does not count transfers after the moment asked about', () => {
    const store = createInMemoryCounterStore();
    store.recordNow(send('A', 'B', 1_000_000, T0 + MINUTE));
    const snapshot = store.snapshotNow({ payer: 'A', payee: 'B', at: T0 });
    expect(snapshot.payer.outCountLong).toBe(0);
    expect(snapshot.payer.firstSeenAt).toBeNull();
  });

  it('sums what was sent since the start of the Vietnamese day', () => {
    const store = createInMemoryCounterStore();
    // 23:30 the day before in Vietnam, then 06:00 and 08:00 today.
    store.recordNow(send('A', 'B', 9_000_000, Date.parse('2026-11-25T16:30:00Z')));
    store.recordNow(send('A', 'B', 6_000_000, Date.parse('2026-11-25T23:00:00Z')));
    store.recordNow(send('A', 'C', 7_000_000, Date.parse('2026-11-26T01:00:00Z')));
    const { payer } = store.snapshotNow({ payer: 'A', payee: 'B', at: T0 });
    expect(payer.sentTodayVnd).toBe(13_000_000);
    expect(payer.outSumLongVnd).toBe(22_000_000);
  });

  it('counts distinct senders into an account (fan-in) and its flows', () => {
    const store = createInMemoryCounterStore();
    for (let i = 0; i < 12; i++)
      store.recordNow(send(`victim${i % 8}`, 'MULE', 3_000_000, T0 - (i + 1) * HOUR));
    store.recordNow(send('MULE', 'BOSS', 30_000_000, T0 - 10 * MINUTE));
    const { payee } = store.snapshotNow({ payer: 'X', payee: 'MULE', at: T0 });
    expect(payee).toMatchObject({
      distinctSendersLong: 8,
      inCountLong: 12,
      inSumLongVnd: 36_000_000,
      outSumLongVnd: 30_000_000,
    });
  });

  it('knows a payee paid before, and a new one', () => {
    const store = createInMemoryCounterStore();
    store.recordNow(send('A', 'B', 1, T0 - 40 * DAY));
    expect(store.snapshotNow({ payer: 'A', payee: 'B', at: T0 }).knownPayee).toBe(true);
    expect(store.snapshotNow({ payer: 'A', payee: 'C', at: T0 }).knownPayee).toBe(false);
    expect(store.snapshotNow({ payer: 'B', payee: 'A', at: T0 }).knownPayee).toBe(false);
  });

  it('remembers first and last activity, for age and dormancy', () => {
    const store = createInMemoryCounterStore();
    store.recordNow(send('A', 'B', 1, T0 - 400 * DAY));
    store.recordNow(send('C', 'A', 1, T0 - 200 * DAY));
    const { payer } = store.snapshotNow({ payer: 'A', payee: 'B', at: T0 });
    expect(payer.firstSeenAt).toBe(T0 - 400 * DAY);
    expect(payer.lastActivityAt).toBe(T0 - 200 * DAY);
    expect(payer.outCountLong).toBe(0);
  });

  it('keeps the payer’s last location', () => {
    const store = createInMemoryCounterStore();
    store.recordNow({
      ...send('A', 'B', 1, T0 - HOUR),
      location: { country: 'VN', latitude: 21, longitude: 105.8 },
    });
    store.recordNow({ ...send('A', 'B', 1, T0 - 2 * HOUR), location: { country: 'KH' } });
    expect(store.snapshotNow({ payer: 'A', payee: 'B', at: T0 }).payer.lastLocation).toEqual({
      at: T0 - HOUR,
      location: { country: 'VN', latitude: 21, longitude: 105.8 },
    });
  });

  it('bounds memory: events per account, known payees and accounts', () => {
    const store = createInMemoryCounterStore({ maxEventsPerAccount: 5, maxKnownPayees: 3, maxAccounts: 10 });
    for (let i = 0; i < 8; i++) store.recordNow(send('A', `P${i}`, 1_000, T0 - (8 - i) * MINUTE));
    const snapshot = store.snapshotNow({ payer: 'A', payee: 'P0', at: T0 });
    expect(snapshot.payer.outCountLong).toBe(5);
    expect(snapshot.knownPayee).toBe(false);
    expect(store.snapshotNow({ payer: 'A', payee: 'P7', at: T0 }).knownPayee).toBe(true);
    expect(store.size()).toBeLessThanOrEqual(10);
    // Nine accounts so far (A and P0…P7); two more evict the least recently active one, P0, not A.
    store.recordNow(send('Z', 'Y', 1, T0));
    expect(store.size()).toBe(10);
    expect(store.snapshotNow({ payer: 'X', payee: 'P0', at: T0 }).payee.inCountLong).toBe(0);
    expect(store.snapshotNow({ payer: 'X', payee: 'P1', at: T0 }).payee.inCountLong).toBe(1);
    expect(store.snapshotNow({ payer: 'A', payee: 'P7', at: T0 }).knownPayee).toBe(true);
    expect(store.snapshotNow({ payer: 'Z', payee: 'Y', at: T0 }).knownPayee).toBe(true);
  });

  it('evicts in batches at scale, the least recently active first', () => {
    const store = createInMemoryCounterStore({ maxAccounts: 1_000 });
    for (let i = 0; i < 5_000; i++) store.recordNow(send(`S${i}`, 'SHOP', 1_000, T0 + i));
    expect(store.size()).toBeLessThanOrEqual(1_000);
    // The shop is active all along; the latest payers are still known, the first long gone.
    const at = T0 + 5_000;
    expect(store.snapshotNow({ payer: 'S4999', payee: 'SHOP', at }).knownPayee).toBe(true);
    expect(store.snapshotNow({ payer: 'S4100', payee: 'SHOP', at }).knownPayee).toBe(true);
    expect(store.snapshotNow({ payer: 'S0', payee: 'SHOP', at }).knownPayee).toBe(false);
  });

  it('drops events older than the long window as time goes on', () => {
    const store = createInMemoryCounterStore({ longWindowMs: HOUR });
    store.recordNow(send('A', 'B', 5, T0));
    store.recordNow(send('A', 'B', 7, T0 + 2 * HOUR));
    expect(store.snapshotNow({ payer: 'A', payee: 'B', at: T0 + 2 * HOUR }).payer.outSumLongVnd).toBe(7);
    // Asking about the past after it was dropped finds nothing: the store keeps only the window.
    expect(store.snapshotNow({ payer: 'A', payee: 'B', at: T0 }).payer.outSumLongVnd).toBe(0);
  });

  it('answers through the asynchronous interface too', async () => {
    const store = createInMemoryCounterStore();
    await store.record(send('A', 'B', 5, T0));
    expect((await store.snapshot({ payer: 'A', payee: 'B', at: T0 })).payer.outSumLongVnd).toBe(5);
  });
});

// Every CounterStore (in memory now; Redis or NATS KV later) must agree with counting by hand.
const stores: [string, () => CounterStore][] = [['in memory', () => createInMemoryCounterStore()]];

describe.each(stores)('CounterStore conformance: %s', (_name, create) => {
  it('agrees with counting by hand over the windows, in any order of arrival', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            payer: fc.constantFrom('A', 'B', 'C'),
            payee: fc.constantFrom('A', 'B', 'C', 'D'),
            amountVnd: fc.integer({ min: 1, max: 50_000_000 }),
            at: fc.integer({ min: T0 - 2 * DAY, max: T0 }),
          }),
          { maxLength: 60 },
        ),
        async (events) => {
          const store = create();
          for (const event of events) await store.record(event);
          const snapshot = await store.snapshot({ payer: 'A', payee: 'D', at: T0 });
          const out = events.filter((e) => e.payer === 'A' && e.at > T0 - DAY);
          const outShort = out.filter((e) => e.at > T0 - HOUR);
          const into = events.filter((e) => e.payee === 'D' && e.at > T0 - DAY);
          const sum = (list: TransferEvent[]) => list.reduce((total, e) => total + e.amountVnd, 0);
          expect(snapshot.payer).toMatchObject({
            outCountLong: out.length,
            outSumLongVnd: sum(out),
            outCountShort: outShort.length,
            outSumShortVnd: sum(outShort),
            distinctPayeesLong: new Set(out.map((e) => e.payee)).size,
          });
          expect(snapshot.payee).toMatchObject({
            inCountLong: into.length,
            inSumLongVnd: sum(into),
            distinctSendersLong: new Set(into.map((e) => e.payer)).size,
          });
          expect(snapshot.knownPayee).toBe(events.some((e) => e.payer === 'A' && e.payee === 'D'));
        },
      ),
    );
  });
});
