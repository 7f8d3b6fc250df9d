import { RecordReturnBody } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { formatShare, heldBanks, toReturnBody } from './format';

describe('recovery figures', () => {
  it('writes a share as a percentage in each language', () => {
    expect(formatShare(0.4, 'vi-VN')).toMatch(/^40\s?%$/);
    expect(formatShare(2 / 3, 'vi-VN')).toMatch(/^66,7\s?%$/);
    expect(formatShare(2 / 3, 'en-GB')).toBe('66.7%');
    expect(formatShare(1, 'en-GB')).toBe('100%');
  });

  it('offers the banks holding money, the latest first', () => {
    expect(
      heldBanks([
        { kind: 'lost', bank: 'VCB', at: '2026-11-26T01:00:00.000Z' },
        { kind: 'held', bank: 'TCB', at: '2026-11-26T02:00:00.000Z' },
        { kind: 'held', bank: 'MB', at: '2026-11-26T03:00:00.000Z' },
        { kind: 'held', bank: 'TCB', at: '2026-11-26T01:30:00.000Z' },
        { kind: 'held', bank: null, at: '2026-11-26T04:00:00.000Z' },
      ]),
    ).toEqual(['MB', 'TCB']);
  });

  it('records a return with the bank’s confirmation', () => {
    const body = toReturnBody({ amount: '6000000', bank: ' TCB ', confirmation: ' HT-001 ', note: ' ' });
    expect(body).toEqual({ amountVnd: 6_000_000, bank: 'TCB', confirmation: 'HT-001', note: undefined });
    expect(RecordReturnBody.safeParse(body).success).toBe(true);
    expect(
      RecordReturnBody.safeParse(toReturnBody({ amount: '', bank: '', confirmation: '', note: '' })).success,
    ).toBe(false);
  });
});
