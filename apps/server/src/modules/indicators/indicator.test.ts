import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TRANSITIONS,
  afterNewReport,
  canTransition,
  confidenceOf,
  expiryAfterSeen,
  publicVerdict,
  type IndicatorStatus,
} from './indicator.js';

const statuses = Object.keys(TRANSITIONS) as IndicatorStatus[];

describe('status transitions', () => {
  it('never allows staying in place or reaching expired by hand', () => {
    for (const from of statuses) {
      expect(canTransition(from, from)).toBe(false);
      expect(canTransition(from, 'expired')).toBe(false);
    }
  });
  it('lets the police clear a confirmed entry (appeal) and revive only lapsed entries on new reports', () => {
    expect(canTransition('confirmed_scam', 'cleared')).toBe(true);
    expect(afterNewReport('expired')).toBe('reported');
    expect(afterNewReport('cleared')).toBe('cleared');
    expect(afterNewReport('confirmed_scam')).toBe('confirmed_scam');
  });
});

describe('confidence', () => {
  it('grows with independent reports, stays below confirmation, and is certain only when confirmed', () => {
    const one = confidenceOf({ status: 'reported', reportCount: 1, agencySources: 0, importSources: 0 });
    const three = confidenceOf({ status: 'reported', reportCount: 3, agencySources: 0, importSources: 0 });
    expect(one).toBe(30);
    expect(three).toBeGreaterThan(one);
    expect(confidenceOf({ status: 'reported', reportCount: 1000, agencySources: 5, importSources: 5 })).toBe(
      90,
    );
    expect(
      confidenceOf({ status: 'confirmed_scam', reportCount: 0, agencySources: 0, importSources: 0 }),
    ).toBe(95);
    expect(confidenceOf({ status: 'cleared', reportCount: 50, agencySources: 0, importSources: 0 })).toBe(0);
  });
  it('is monotone in the evidence', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(3), (r, a, i, extra) => {
        const base = confidenceOf({ status: 'reported', reportCount: r, agencySources: a, importSources: i });
        const more = confidenceOf({
          status: 'reported',
          reportCount: r + extra,
          agencySources: a,
          importSources: i,
        });
        expect(more).toBeGreaterThanOrEqual(base);
        expect(base).toBeGreaterThanOrEqual(0);
        expect(base).toBeLessThanOrEqual(90);
      }),
    );
  });
});

describe('public verdict', () => {
  it('puts the allowlist first and hides what is not shared with the public', () => {
    expect(publicVerdict({ status: 'confirmed_scam', sharing: 'public', confidence: 95 }, true)).toBe(
      'official',
    );
    expect(publicVerdict({ status: 'confirmed_scam', sharing: 'public', confidence: 95 }, false)).toBe(
      'confirmed_scam',
    );
    expect(publicVerdict({ status: 'confirmed_scam', sharing: 'police', confidence: 95 }, false)).toBe(
      'no_data',
    );
    expect(publicVerdict({ status: 'reported', sharing: 'public', confidence: 30 }, false)).toBe(
      'suspicious',
    );
    expect(publicVerdict({ status: 'cleared', sharing: 'public', confidence: 0 }, false)).toBe('no_data');
    expect(publicVerdict(null, false)).toBe('no_data');
  });
  it('gives expiry only to unconfirmed entries', () => {
    const seen = new Date('2026-01-01T00:00:00Z');
    expect(expiryAfterSeen('reported', seen)?.toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(expiryAfterSeen('confirmed_scam', seen)).toBeNull();
  });
});
