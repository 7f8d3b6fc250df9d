import { describe, expect, it } from 'vitest';
import { FakeLedger, type HoldInstruction } from './bank.js';

const sentAt = new Date('2026-11-26T03:00:00Z');
const now = () => new Date('2026-11-26T03:05:00Z');

function ledger() {
  return new FakeLedger(
    {
      '0123 456.789': {
        balanceVnd: 3_000_000,
        credits: [
          { amountVnd: 500_000, at: '2026-11-24T09:00:00Z' }, // before the look-back window
          { amountVnd: 10_000_000, at: '2026-11-26T02:00:00Z' }, // the victim's money
        ],
        transfersOut: [
          { bank: 'ACB', account: '5555', amountVnd: 200_000, at: '2026-11-26T01:00:00Z' }, // before it
          { bank: 'TCB', account: '1122334455', amountVnd: 3_000_000, at: '2026-11-26T02:20:00Z' },
          {
            bank: 'VCB',
            account: '9988776655',
            amountVnd: 4_000_000,
            at: '2026-11-26T02:10:00Z',
            reference: 'FT1',
          },
        ],
      },
      '2222222222': { balanceVnd: 50_000_000 },
    },
    { now },
  );
}

const hold = (overrides: Partial<HoldInstruction> = {}): HoldInstruction => ({
  requestId: 'r-1',
  code: 'YC-ABCD2345',
  account: '0123456789',
  amountVnd: 10_000_000,
  sentAt,
  ...overrides,
});

describe('FakeLedger', () => {
  it('holds what the balance allows and names the transfers out since the money arrived, earliest first', async () => {
    expect(await ledger().placeHold(hold())).toEqual({
      heldVnd: 3_000_000,
      balanceVnd: 3_000_000,
      confirmation: 'HOLD-YC-ABCD2345',
      onwardTransfers: [
        {
          bank: 'VCB',
          account: '9988776655',
          amountVnd: 4_000_000,
          at: '2026-11-26T02:10:00Z',
          reference: 'FT1',
        },
        { bank: 'TCB', account: '1122334455', amountVnd: 3_000_000, at: '2026-11-26T02:20:00Z' },
      ],
      note: 'Partial hold: 3000000 of 10000000 VND available on the account.',
    });
  });

  it('holds only the disputed amount when the balance covers it', async () => {
    const answer = await ledger().placeHold(hold({ account: '2222222222', amountVnd: 7_000_000 }));
    expect(answer).toMatchObject({ heldVnd: 7_000_000, balanceVnd: 50_000_000, onwardTransfers: [] });
    expect(answer?.note).toBeUndefined();
  });

  it('answers the same request once, and a second hold takes only what is left', async () => {
    const bank = ledger();
    const first = await bank.placeHold(hold({ account: '2222222222', amountVnd: 30_000_000 }));
    expect(await bank.placeHold(hold({ account: '2222222222', amountVnd: 30_000_000 }))).toBe(first);
    const second = await bank.placeHold(
      hold({ requestId: 'r-2', account: '2222222222', amountVnd: 30_000_000 }),
    );
    expect(second).toMatchObject({ heldVnd: 20_000_000, balanceVnd: 50_000_000 });
  });

  it('looks back over the whole window when no money came in, and not past now', async () => {
    const bank = new FakeLedger(
      {
        '3333': {
          balanceVnd: 0,
          transfersOut: [
            { bank: 'ACB', account: '5555', amountVnd: 1, at: '2026-11-25T02:00:00Z' }, // 25 h before
            { bank: 'ACB', account: '6666', amountVnd: 2, at: '2026-11-25T04:00:00Z' },
            { bank: 'ACB', account: '7777', amountVnd: 3, at: '2026-11-26T04:00:00Z' }, // after now
          ],
        },
      },
      { now },
    );
    const answer = await bank.placeHold(hold({ account: '3333', amountVnd: 5 }));
    expect(answer?.heldVnd).toBe(0);
    expect(answer?.onwardTransfers.map((t) => t.account)).toEqual(['6666']);
  });

  it('knows no account it does not keep', async () => {
    expect(await ledger().placeHold(hold({ account: '999999' }))).toBeNull();
  });
});
