import fc from 'fast-check';
import { BiometricThresholds } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { DECISION_2345_THRESHOLDS, checkBiometric, startOfLocalDay } from './thresholds.js';

describe('Decision 2345/QĐ-NHNN thresholds', () => {
  it('are valid data under the contract', () => {
    expect(BiometricThresholds.parse(DECISION_2345_THRESHOLDS)).toEqual({
      perTransferVnd: 10_000_000,
      perDayVnd: 20_000_000,
      timeZoneOffsetMinutes: 420,
    });
  });

  it.each([
    [10_000_000, 0, false, false],
    [10_000_001, 0, true, false],
    [5_000_000, 15_000_000, false, false],
    [5_000_001, 15_000_000, false, true],
    [15_000_000, 10_000_000, true, true],
  ])(
    '%d VND after %d VND today: by transfer %s, by day %s',
    (amountVnd, sentTodayVnd, byTransfer, byDailyTotal) => {
      const check = checkBiometric(DECISION_2345_THRESHOLDS, { amountVnd, sentTodayVnd });
      expect(check).toEqual({
        required: byTransfer || byDailyTotal,
        byTransfer,
        byDailyTotal,
        dailyTotalVnd: amountVnd + sentTodayVnd,
      });
    },
  );

  it('follows configured amounts', () => {
    const stricter = { ...DECISION_2345_THRESHOLDS, perTransferVnd: 5_000_000 };
    expect(checkBiometric(stricter, { amountVnd: 6_000_000, sentTodayVnd: 0 }).required).toBe(true);
  });

  it('never requires less when more was sent', () => {
    fc.assert(
      fc.property(fc.nat(50_000_000), fc.nat(50_000_000), fc.nat(50_000_000), (amount, before, more) => {
        const less = checkBiometric(DECISION_2345_THRESHOLDS, { amountVnd: amount, sentTodayVnd: before });
        const most = checkBiometric(DECISION_2345_THRESHOLDS, {
          amountVnd: amount,
          sentTodayVnd: before + more,
        });
        if (less.required) expect(most.required).toBe(true);
      }),
    );
  });
});

describe('startOfLocalDay', () => {
  it('starts the Vietnamese day at 17:00 UTC the day before', () => {
    const start = startOfLocalDay(Date.parse('2026-11-26T01:00:00Z'), 420);
    expect(new Date(start).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    const evening = startOfLocalDay(Date.parse('2026-11-26T18:30:00Z'), 420);
    expect(new Date(evening).toISOString()).toBe('2026-11-26T17:00:00.000Z');
  });
});
