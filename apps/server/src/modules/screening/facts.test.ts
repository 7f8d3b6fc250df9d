import { ScreeningTransfer } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { createInMemoryCounterStore, type CounterSnapshot } from './counters.js';
import { FACT_NAMES, buildFacts, checkTravel, distanceKm, type ScreeningContext } from './facts.js';

const transfer = (overrides: Partial<ScreeningTransfer> = {}): ScreeningTransfer =>
  ScreeningTransfer.parse({
    transferId: 'FT26330001',
    payer: { bank: 'VCB', account: '0011004455667', name: 'Trần Thị Mai', openedAt: '2020-01-01T00:00:00Z' },
    payee: { bank: 'MB', account: '0987654321', nameShown: 'Nguyễn Văn An', holderName: 'NGUYEN VAN AN' },
    amountVnd: 12_000_000,
    channel: 'mobile_app',
    at: '2026-11-26T02:00:00Z',
    ...overrides,
  });

const T = Date.parse('2026-11-26T02:00:00Z');
const HOUR = 3_600_000;

const quiet: ScreeningContext = {
  payeeRegistry: null,
  payeePhoneRegistry: null,
  ip: { country: 'VN', foreign: false, anonymising: false },
  counters: createInMemoryCounterStore().snapshotNow({ payer: 'a', payee: 'b', at: T }),
};

describe('buildFacts', () => {
  it('gives every fact the rules can read, with the counters', () => {
    const facts = buildFacts(transfer(), quiet);
    expect(Object.keys(facts).sort()).toEqual([...FACT_NAMES].sort());
    expect(facts).toMatchObject({
      amountVnd: 12_000_000,
      channel: 'mobile_app',
      hourOfDay: 9,
      payeeIsWallet: false,
      payeeListedStatus: 'none',
      payeeListedConfidence: 0,
      copResult: 'match',
      copScore: 1,
      ipCountry: 'VN',
      ipForeign: false,
      biometricRequired: true,
      biometricRequiredByTransfer: true,
      biometricRequiredByDailyTotal: false,
      payerDailyTotalVnd: 12_000_000,
      payeeNew: true,
      payerPassThroughRatio: null,
      payerDaysSinceLastActivity: null,
      payerDormantReactivated: false,
      impossibleTravel: false,
      payeeAccountAgeDays: null,
    });
    expect(facts.payerAccountAgeDays).toBe(2521);
  });

  it('maps registry statuses: cleared and expired entries say nothing', () => {
    const reported = buildFacts(transfer(), {
      ...quiet,
      payeeRegistry: { status: 'reported', confidence: 51 },
    });
    expect(reported).toMatchObject({ payeeListedStatus: 'reported', payeeListedConfidence: 51 });
    const cleared = buildFacts(transfer(), { ...quiet, payeeRegistry: { status: 'cleared', confidence: 0 } });
    expect(cleared).toMatchObject({ payeeListedStatus: 'none', payeeListedConfidence: 0 });
    const phone = buildFacts(transfer(), {
      ...quiet,
      payeePhoneRegistry: { status: 'confirmed_scam', confidence: 95 },
    });
    expect(phone).toMatchObject({ payeePhoneListedStatus: 'confirmed_scam', payeePhoneListedConfidence: 95 });
  });

  it('runs Confirmation of Payee when the holder name is given, or takes the caller’s', () => {
    const mismatch = transfer({
      payee: { bank: 'MB', account: '0987654321', nameShown: 'Nguyễn Văn An', holderName: 'LE THI HOA' },
    });
    expect(buildFacts(mismatch, quiet).copResult).toBe('no_match');
    const unknown = transfer({ payee: { bank: 'MB', account: '0987654321', nameShown: 'Nguyễn Văn An' } });
    expect(buildFacts(unknown, quiet)).toMatchObject({ copResult: 'unavailable', copScore: null });
    const given = buildFacts(unknown, {
      ...quiet,
      cop: { result: 'close_match', score: 0.7, company: false },
    });
    expect(given).toMatchObject({ copResult: 'close_match', copScore: 0.7 });
  });

  it('knows a wallet payee', () => {
    const wallet = transfer({ payee: { bank: 'MoMo', wallet: '0912345678', nameShown: 'Lê Hoa' } });
    expect(buildFacts(wallet, quiet).payeeIsWallet).toBe(true);
  });

  it('reads device and OTP phone changes from dates or from the bank’s own flags', () => {
    const recent = transfer({
      deviceChangedAt: '2026-11-25T10:00:00Z',
      otpPhoneChangedAt: '2026-10-01T00:00:00Z',
    });
    expect(buildFacts(recent, quiet)).toMatchObject({
      deviceChangedRecently: true,
      otpPhoneChangedRecently: false,
    });
    const flagged = transfer({
      otpPhoneChangedRecently: true,
      deviceChangedAt: '2026-11-25T10:00:00Z',
      deviceChangedRecently: false,
    });
    expect(buildFacts(flagged, quiet)).toMatchObject({
      deviceChangedRecently: false,
      otpPhoneChangedRecently: true,
    });
    const longer = buildFacts(transfer({ otpPhoneChangedAt: '2026-11-01T00:00:00Z' }), {
      ...quiet,
      settings: { recentChangeHours: 24 * 30 },
    });
    expect(longer.otpPhoneChangedRecently).toBe(true);
  });

  it('leaves IP facts unknown without an IP', () => {
    expect(buildFacts(transfer(), { ...quiet, ip: null })).toMatchObject({
      ipCountry: null,
      ipForeign: null,
      ipAnonymising: null,
    });
  });

  it('leaves counter facts absent when the counter store is unavailable', () => {
    const facts = buildFacts(transfer(), { ...quiet, counters: null });
    expect(facts.payeeNew).toBeUndefined();
    expect(facts.payeeFanIn24h).toBeUndefined();
    expect(facts.biometricRequired).toBeUndefined();
    expect(facts.biometricRequiredByTransfer).toBe(true);
  });

  it('derives daily total, pass-through, fan-in and dormancy from the counters', () => {
    const store = createInMemoryCounterStore();
    store.recordNow({ payer: 'mule', payee: 'x', amountVnd: 1, at: T - 300 * 24 * HOUR });
    store.recordNow({ payer: 'v1', payee: 'mule', amountVnd: 6_000_000, at: T - 3 * HOUR });
    store.recordNow({ payer: 'v2', payee: 'mule', amountVnd: 6_000_000, at: T - 2 * HOUR });
    store.recordNow({ payer: 'mule', payee: 'boss', amountVnd: 9_000_000, at: T - HOUR });
    const counters: CounterSnapshot = store.snapshotNow({ payer: 'mule', payee: 'boss', at: T });
    const facts = buildFacts(transfer({ amountVnd: 3_000_000 }), { ...quiet, counters });
    expect(facts).toMatchObject({
      payerInSum24h: 12_000_000,
      payerOutSum24h: 9_000_000,
      payerPassThroughRatio: 1,
      payerDailyTotalVnd: 12_000_000,
      biometricRequired: false,
      payeeNew: false,
      payerDaysSinceLastActivity: 0,
      payerDormantReactivated: false,
    });
    const intoMule = buildFacts(transfer(), {
      ...quiet,
      counters: store.snapshotNow({ payer: 'v3', payee: 'mule', at: T }),
    });
    expect(intoMule).toMatchObject({
      payeeFanIn24h: 2,
      payeeInSum24h: 12_000_000,
      payeePassThroughRatio: 0.75,
    });

    const sleeper = createInMemoryCounterStore();
    sleeper.recordNow({ payer: 'old', payee: 'x', amountVnd: 1, at: T - 200 * 24 * HOUR });
    const woken = buildFacts(transfer(), {
      ...quiet,
      counters: sleeper.snapshotNow({ payer: 'old', payee: 'y', at: T }),
    });
    expect(woken).toMatchObject({ payerDaysSinceLastActivity: 200, payerDormantReactivated: true });
  });

  it('flags impossible travel from the previous transfer’s place', () => {
    const store = createInMemoryCounterStore();
    store.recordNow({
      payer: 'a',
      payee: 'b',
      amountVnd: 1,
      at: T - HOUR,
      location: { country: 'VN', latitude: 21.03, longitude: 105.85 },
    });
    const counters = store.snapshotNow({ payer: 'a', payee: 'c', at: T });
    const fromLondon = buildFacts(transfer(), {
      ...quiet,
      counters,
      ip: { country: 'GB', foreign: true, anonymising: false, latitude: 51.5, longitude: -0.12 },
    });
    expect(fromLondon.impossibleTravel).toBe(true);
    expect(fromLondon.travelSpeedKmh).toBeGreaterThan(9000);
  });
});

describe('checkTravel', () => {
  const hanoi = { country: 'VN', latitude: 21.03, longitude: 105.85 };
  const saigon = { country: 'VN', latitude: 10.78, longitude: 106.7 };

  it('measures great-circle distance', () => {
    expect(Math.round(distanceKm(hanoi, saigon))).toBeGreaterThan(1100);
    expect(Math.round(distanceKm(hanoi, saigon))).toBeLessThan(1200);
  });

  it('accepts a flight, refuses teleporting, and ignores short hops', () => {
    expect(checkTravel({ at: 0, location: hanoi }, { at: 2.5 * HOUR, location: saigon }).impossible).toBe(
      false,
    );
    expect(checkTravel({ at: 0, location: hanoi }, { at: HOUR / 2, location: saigon }).impossible).toBe(true);
    const nearby = { country: 'VN', latitude: 21.2, longitude: 105.9 };
    expect(checkTravel({ at: 0, location: hanoi }, { at: 60_000, location: nearby }).impossible).toBe(false);
  });

  it('uses countries when there are no coordinates', () => {
    expect(
      checkTravel({ at: 0, location: { country: 'VN' } }, { at: 20 * 60_000, location: { country: 'KH' } }),
    ).toEqual({
      impossible: true,
      speedKmh: null,
    });
    expect(
      checkTravel({ at: 0, location: { country: 'VN' } }, { at: 3 * HOUR, location: { country: 'KH' } })
        .impossible,
    ).toBe(false);
    expect(checkTravel(null, { at: 0, location: { country: 'VN' } }).impossible).toBe(false);
  });
});
