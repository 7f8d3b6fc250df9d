import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MULE_SETTINGS,
  MULE_TYPOLOGIES,
  createMuleDetector,
  type CompletedTransfer,
  type MuleDetector,
  type MuleFlag,
  type MuleSettings,
} from './mules.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-26T02:00:00Z');
/** Far enough after the stream's first transfer for first-seen accounts to have a known age. */
const AFTER_WARM_UP = T0 + 60 * DAY;

const send = (
  from: string,
  to: string,
  amount: number,
  at: number,
  extra: Partial<CompletedTransfer> = {},
) => ({
  from,
  to,
  amount,
  at,
  ...extra,
});

function feed(detector: MuleDetector, transfers: CompletedTransfer[]): MuleFlag[] {
  return transfers.flatMap((transfer) => detector.observe(transfer));
}

/** A detector whose stream started long ago (so accounts first seen now are new). */
function warmDetector(settings: Partial<MuleSettings> = {}): MuleDetector {
  const detector = createMuleDetector(settings);
  detector.observe(send('bootstrap-a', 'bootstrap-b', 1_000, T0));
  return detector;
}

const of = (flags: MuleFlag[], typology: string) => flags.filter((flag) => flag.typology === typology);

describe('the mule detector: fan-in', () => {
  it('flags a new account that receives from many senders and passes the money on at once', () => {
    const detector = warmDetector();
    const at = AFTER_WARM_UP;
    const flags = feed(detector, [
      ...Array.from({ length: 6 }, (_, i) => send(`victim${i}`, 'MULE', 3_000_000, at + i * 20 * MINUTE)),
      send('MULE', 'BOSS', 17_000_000, at + 3 * HOUR),
    ]);
    const fanIn = of(flags, 'fan_in');
    expect(fanIn).toHaveLength(1);
    expect(fanIn[0]).toMatchObject({ account: 'MULE', typology: 'fan_in' });
    expect(fanIn[0]!.evidence.distinctSenders).toBeGreaterThanOrEqual(5);
    expect(fanIn[0]!.related).toContain('victim0');
    expect(fanIn[0]!.score).toBeGreaterThanOrEqual(50);
  });

  it('flags an established account woken from dormancy, and one that forwards what it collects', () => {
    const detector = warmDetector();
    detector.observe(send('OLD', 'someone', 100_000, T0 + DAY));
    const woke = T0 + DAY + 200 * DAY;
    const flags = feed(
      detector,
      Array.from({ length: 5 }, (_, i) => send(`s${i}`, 'OLD', 2_000_000, woke + i * MINUTE)),
    );
    expect(of(flags, 'fan_in')[0]).toMatchObject({ account: 'OLD', evidence: { wokeFromDormancy: 1 } });

    const forwarding = feed(detector, [
      send('x', 'AGENT', 1_000, woke - DAY, { toOpenedAt: T0 - 900 * DAY }),
      ...Array.from({ length: 5 }, (_, i) => send(`p${i}`, 'AGENT', 2_000_000, woke + i * MINUTE)),
    ]);
    expect(of(forwarding, 'fan_in')).toEqual([]);
    const forwarded = detector.observe(send('AGENT', 'ELSEWHERE', 6_000_000, woke + HOUR));
    expect(of(forwarded, 'fan_in')[0]).toMatchObject({
      account: 'AGENT',
      evidence: { distinctSenders: 5, outflowRatio: 0.6, wokeFromDormancy: 0 },
    });
  });

  it('does not flag an established shop with many customers and no outflow', () => {
    const detector = createMuleDetector();
    const flags: MuleFlag[] = [];
    for (let day = 0; day < 90; day++) {
      for (let i = 0; i < 40; i++) {
        flags.push(
          ...detector.observe(
            send(
              `customer${(day * 7 + i) % 500}`,
              'SHOP',
              150_000 + i * 1_000,
              T0 + day * DAY + i * 5 * MINUTE,
            ),
          ),
        );
      }
    }
    expect(flags.filter((flag) => flag.account === 'SHOP')).toEqual([]);
  });

  it('flags at most once per account and typology per window', () => {
    const detector = warmDetector();
    const at = AFTER_WARM_UP;
    const flags = feed(
      detector,
      Array.from({ length: 30 }, (_, i) => send(`v${i}`, 'MULE', 1_000_000, at + i * 10 * MINUTE)),
    );
    expect(of(flags, 'fan_in')).toHaveLength(1);
    // The next day, the same pattern again: flagged again.
    const later = feed(
      detector,
      Array.from({ length: 6 }, (_, i) => send(`w${i}`, 'MULE', 1_000_000, at + DAY + HOUR + i * MINUTE)),
    );
    expect(of(later, 'fan_in')).toHaveLength(1);
  });
});

describe('the mule detector: pass-through', () => {
  it('flags money out ≈ money in within 24 hours, from several senders', () => {
    const detector = createMuleDetector();
    const flags = feed(detector, [
      send('a', 'M', 4_000_000, T0),
      send('b', 'M', 3_000_000, T0 + HOUR),
      send('c', 'M', 3_000_000, T0 + 2 * HOUR),
      send('M', 'X', 5_000_000, T0 + 5 * HOUR),
      send('M', 'Y', 4_500_000, T0 + 6 * HOUR),
    ]);
    const pass = of(flags, 'pass_through');
    expect(pass).toHaveLength(1);
    expect(pass[0]).toMatchObject({ account: 'M', evidence: { distinctSenders: 3, amountIn: 10_000_000 } });
    expect(pass[0]!.evidence.ratio).toBeCloseTo(0.95, 5);
    expect(pass[0]!.evidence.hoursHeld).toBe(6);
  });

  it('does not flag a busy shop that keeps its takings', () => {
    const detector = createMuleDetector();
    const flags = feed(detector, [
      ...Array.from({ length: 200 }, (_, i) => send(`c${i}`, 'SHOP', 250_000, T0 + i * 3 * MINUTE)),
      // It pays a supplier a small part.
      send('SHOP', 'SUPPLIER', 5_000_000, T0 + 11 * HOUR),
    ]);
    expect(flags.filter((flag) => flag.account === 'SHOP')).toEqual([]);
  });

  it('does not flag a salary account that pays the rent and the bills on payday', () => {
    const detector = createMuleDetector();
    const flags: MuleFlag[] = [];
    for (let month = 0; month < 6; month++) {
      const payday = T0 + month * 30 * DAY;
      flags.push(
        ...feed(detector, [
          send('EMPLOYER', 'WORKER', 25_000_000, payday),
          send('WORKER', 'LANDLORD', 8_000_000, payday + HOUR),
          send('WORKER', 'SAVINGS', 10_000_000, payday + 2 * HOUR),
          send('WORKER', 'EVN', 1_200_000, payday + 3 * HOUR),
          send('WORKER', 'SHOP', 3_000_000, payday + 5 * HOUR),
        ]),
      );
    }
    expect(flags).toEqual([]);
  });

  it('does not flag an established payroll account paying its staff every month', () => {
    const detector = createMuleDetector();
    const flags: MuleFlag[] = [];
    for (let month = 0; month < 4; month++) {
      const payday = T0 + month * 30 * DAY;
      flags.push(
        ...detector.observe(send('COMPANY', 'PAYROLL', 300_000_000, payday, { toOpenedAt: T0 - 900 * DAY })),
      );
      for (let i = 0; i < 30; i++) {
        flags.push(...detector.observe(send('PAYROLL', `staff${i}`, 10_000_000, payday + HOUR + i * MINUTE)));
      }
    }
    expect(flags).toEqual([]);
  });
});

describe('the mule detector: fan-out', () => {
  it('flags a new account that splits what it received among many new payees', () => {
    const detector = createMuleDetector();
    const opened = AFTER_WARM_UP - 3 * DAY;
    const flags = feed(detector, [
      send('VICTIM', 'SPLITTER', 120_000_000, AFTER_WARM_UP, { toOpenedAt: opened }),
      ...Array.from({ length: 12 }, (_, i) =>
        send('SPLITTER', `layer${i}`, 9_900_000, AFTER_WARM_UP + (i + 1) * 5 * MINUTE),
      ),
    ]);
    const fanOut = of(flags, 'fan_out');
    expect(fanOut).toHaveLength(1);
    expect(fanOut[0]).toMatchObject({ account: 'SPLITTER', evidence: { newPayees: 10, accountAgeDays: 3 } });
  });

  it('flags an established account that collects from many and distributes to many', () => {
    const detector = createMuleDetector();
    const at = T0 + 400 * DAY;
    const flags = feed(detector, [
      send('x', 'HUB', 1_000, T0, { toOpenedAt: T0 - 900 * DAY }),
      ...Array.from({ length: 4 }, (_, i) => send(`in${i}`, 'HUB', 30_000_000, at + i * MINUTE)),
      ...Array.from({ length: 11 }, (_, i) => send('HUB', `out${i}`, 10_000_000, at + HOUR + i * MINUTE)),
    ]);
    expect(of(flags, 'fan_out').map((flag) => flag.account)).toEqual(['HUB']);
  });
});

describe('the mule detector: cycles', () => {
  it('flags every account of a short cycle of similar amounts, in time order', () => {
    const detector = createMuleDetector();
    const flags = feed(detector, [
      send('A', 'B', 50_000_000, T0),
      send('B', 'C', 49_000_000, T0 + 2 * HOUR),
      send('C', 'A', 48_500_000, T0 + 5 * HOUR),
    ]);
    const cycle = of(flags, 'cycle');
    expect(cycle.map((flag) => flag.account).sort()).toEqual(['A', 'B', 'C']);
    expect(cycle[0]!.evidence).toMatchObject({ cycleLength: 3, spanHours: 5 });
  });

  it('finds a four-account cycle but not a five-account one by default', () => {
    const four = createMuleDetector();
    const flags = feed(four, [
      send('A', 'B', 20_000_000, T0),
      send('B', 'C', 20_000_000, T0 + HOUR),
      send('C', 'D', 20_000_000, T0 + 2 * HOUR),
      send('D', 'A', 20_000_000, T0 + 3 * HOUR),
    ]);
    expect(of(flags, 'cycle')).toHaveLength(4);
    const five = createMuleDetector();
    const none = feed(five, [
      send('A', 'B', 20_000_000, T0),
      send('B', 'C', 20_000_000, T0 + HOUR),
      send('C', 'D', 20_000_000, T0 + 2 * HOUR),
      send('D', 'E', 20_000_000, T0 + 3 * HOUR),
      send('E', 'A', 20_000_000, T0 + 4 * HOUR),
    ]);
    expect(of(none, 'cycle')).toEqual([]);
  });

  it('ignores dissimilar amounts, cycles out of time order, slow cycles and refunds', () => {
    const dissimilar = feed(createMuleDetector(), [
      send('A', 'B', 50_000_000, T0),
      send('B', 'C', 10_000_000, T0 + HOUR),
      send('C', 'A', 50_000_000, T0 + 2 * HOUR),
    ]);
    expect(of(dissimilar, 'cycle')).toEqual([]);
    const backwards = feed(createMuleDetector(), [
      send('B', 'C', 50_000_000, T0),
      send('A', 'B', 50_000_000, T0 + HOUR),
      send('C', 'A', 50_000_000, T0 + 2 * HOUR),
    ]);
    expect(of(backwards, 'cycle')).toEqual([]);
    const slow = feed(createMuleDetector(), [
      send('A', 'B', 50_000_000, T0),
      send('B', 'C', 50_000_000, T0 + 2 * DAY),
      send('C', 'A', 50_000_000, T0 + 4 * DAY),
    ]);
    expect(of(slow, 'cycle')).toEqual([]);
    const refund = feed(createMuleDetector(), [
      send('A', 'B', 5_000_000, T0),
      send('B', 'A', 5_000_000, T0 + HOUR),
    ]);
    expect(refund).toEqual([]);
  });

  it('finds cycles out of time order when told to', () => {
    const flags = feed(createMuleDetector({ cycleTimeOrdered: false }), [
      send('B', 'C', 50_000_000, T0),
      send('A', 'B', 50_000_000, T0 + HOUR),
      send('C', 'A', 50_000_000, T0 + 2 * HOUR),
    ]);
    expect(of(flags, 'cycle')).toHaveLength(3);
  });
});

describe('the mule detector: many new accounts for one person', () => {
  it('flags the accounts one person opened within 30 days', () => {
    const detector = createMuleDetector();
    const flags = [
      ...detector.registerAccount({ account: 'VCB:1', person: 'CCCD 001', openedAt: T0 }),
      ...detector.registerAccount({ account: 'TCB:2', person: 'CCCD 001', openedAt: T0 + 3 * DAY }),
      ...detector.registerAccount({ account: 'MB:3', person: 'CCCD 001', openedAt: T0 + 9 * DAY }),
    ];
    const flagged = of(flags, 'many_new_accounts');
    expect(flagged.map((flag) => flag.account).sort()).toEqual(['MB:3', 'TCB:2', 'VCB:1']);
    expect(flagged[0]!.evidence).toMatchObject({ accountsOpened: 3, spanDays: 9 });
  });

  it('learns the person from transfers, and does not flag accounts opened years apart', () => {
    const detector = createMuleDetector();
    const flags = feed(detector, [
      send('P1', 'x', 100_000, T0, { fromPerson: 'ID-7', fromOpenedAt: T0 - 2 * DAY }),
      send('P2', 'x', 100_000, T0 + HOUR, { fromPerson: 'ID-7', fromOpenedAt: T0 - DAY }),
      send('y', 'P3', 100_000, T0 + 2 * HOUR, { toPerson: 'ID-7', toOpenedAt: T0 }),
    ]);
    expect(of(flags, 'many_new_accounts')).toHaveLength(3);
    const steady = createMuleDetector();
    const none = feed(steady, [
      send('Q1', 'x', 100_000, T0, { fromPerson: 'ID-8', fromOpenedAt: T0 - 2000 * DAY }),
      send('Q2', 'x', 100_000, T0, { fromPerson: 'ID-8', fromOpenedAt: T0 - 900 * DAY }),
      send('Q3', 'x', 100_000, T0, { fromPerson: 'ID-8', fromOpenedAt: T0 - 10 * DAY }),
    ]);
    expect(none).toEqual([]);
  });
});

describe('the mule detector: robustness and bounds', () => {
  it('ignores invalid transfers and transfers to oneself', () => {
    const detector = createMuleDetector();
    const bad = [
      send('A', 'A', 1_000, T0),
      send('', 'B', 1_000, T0),
      send('A', 'B', Number.NaN, T0),
      send('A', 'B', -5, T0),
      send('A', 'B', 1_000, Number.POSITIVE_INFINITY),
      null as unknown as CompletedTransfer,
    ];
    expect(feed(detector, bad)).toEqual([]);
    expect(detector.stats()).toMatchObject({ accounts: 0, observed: 6, ignored: 6 });
  });

  it('keeps documented defaults and ignores nonsense settings', () => {
    const detector = createMuleDetector({ windowMs: -1, fanInMinSenders: Number.NaN, cycleMaxLength: 1000 });
    expect(detector.settings.windowMs).toBe(DEFAULT_MULE_SETTINGS.windowMs);
    expect(detector.settings.fanInMinSenders).toBe(DEFAULT_MULE_SETTINGS.fanInMinSenders);
    expect(detector.settings.cycleMaxLength).toBe(8);
  });

  it('evicts idle accounts to a compact record and still sees them wake from dormancy', () => {
    const detector = createMuleDetector();
    detector.observe(send('SLEEPER', 'z', 1_000, T0));
    detector.observe(send('other', 'z', 1_000, T0 + 40 * DAY));
    expect(detector.stats()).toMatchObject({ accounts: 2, remembered: 1 });
    const woke = T0 + 200 * DAY;
    const flags = feed(
      detector,
      Array.from({ length: 5 }, (_, i) => send(`s${i}`, 'SLEEPER', 1_000_000, woke + i * MINUTE)),
    );
    expect(of(flags, 'fan_in').map((flag) => flag.account)).toEqual(['SLEEPER']);
  });

  const transfer = fc.record({
    from: fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.string({ maxLength: 3 })),
    to: fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.string({ maxLength: 3 })),
    amount: fc.oneof(fc.double(), fc.integer({ min: 1, max: 100_000_000 })),
    at: fc.oneof(fc.integer({ min: T0, max: T0 + 400 * DAY }), fc.double()),
    fromPerson: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: undefined }),
    toPerson: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: undefined }),
    fromOpenedAt: fc.option(fc.integer({ min: T0 - 100 * DAY, max: T0 + 400 * DAY }), { nil: undefined }),
  });

  it('never throws, and every flag is well formed', () => {
    fc.assert(
      fc.property(fc.array(transfer, { maxLength: 300 }), (transfers) => {
        const detector = createMuleDetector({ windowMs: 7 * DAY, fanInMinSenders: 2, fanOutMinNewPayees: 2 });
        for (const t of transfers) {
          for (const flag of detector.observe(t)) {
            expect(MULE_TYPOLOGIES).toContain(flag.typology);
            expect(flag.score).toBeGreaterThanOrEqual(0);
            expect(flag.score).toBeLessThanOrEqual(100);
            expect(flag.related.length).toBeLessThanOrEqual(20);
            for (const value of Object.values(flag.evidence)) expect(Number.isFinite(value)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps memory bounded whatever the stream', () => {
    const limits: Partial<MuleSettings> = {
      maxAccounts: 40,
      maxRememberedAccounts: 60,
      maxEventsPerAccount: 8,
      maxKnownPayees: 5,
      maxPersons: 3,
      maxAccountsPerPerson: 4,
    };
    fc.assert(
      fc.property(fc.array(transfer, { minLength: 1, maxLength: 400 }), (transfers) => {
        const detector = createMuleDetector(limits);
        for (const t of transfers) {
          detector.observe(t);
          const stats = detector.stats();
          expect(stats.accounts).toBeLessThanOrEqual(40);
          expect(stats.remembered).toBeLessThanOrEqual(60);
          expect(stats.persons).toBeLessThanOrEqual(3);
          expect(stats.events).toBeLessThanOrEqual(40 * 2 * 8);
          expect(stats.events).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('holds tens of thousands of accounts within the limit on a long stream', () => {
    const detector = createMuleDetector({ maxAccounts: 2_000, maxRememberedAccounts: 5_000 });
    let maxHeld = 0;
    for (let i = 0; i < 30_000; i++) {
      detector.observe(send(`a${i}`, `b${(i * 7919) % 20_000}`, 1_000_000, T0 + i * 10_000));
      maxHeld = Math.max(maxHeld, detector.stats().accounts);
    }
    const stats = detector.stats();
    expect(maxHeld).toBeLessThanOrEqual(2_000);
    expect(stats.remembered).toBeLessThanOrEqual(5_000);
    expect(stats.events).toBeLessThanOrEqual(2 * 2_000 * DEFAULT_MULE_SETTINGS.maxEventsPerAccount);
  });
});
