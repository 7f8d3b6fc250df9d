import fc from 'fast-check';
import { AgencyType, RequestStatus, RequestType } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_LIMITS,
  REQUEST_ROUTES,
  canMove,
  checkHoldAnswer,
  checkLedgerEntry,
  checkRoute,
  dueAt,
  escalationLevel,
  goldenHour,
  isOpen,
  ledgerTotals,
  agencyForBank,
  holdExpiry,
  onwardHolds,
  splitAnswer,
  splitDetails,
  stillHeld,
  subjectOf,
  supervisorOf,
} from './request.js';

const at = (iso: string) => new Date(iso);

describe('who asks whom', () => {
  it('lets the police ask banks to hold, and nobody else', () => {
    expect(checkRoute('hold', 'police_province', 'commercial_bank')).toEqual({ ok: true });
    expect(checkRoute('hold', 'police_commune', 'payment_intermediary')).toEqual({ ok: true });
    expect(checkRoute('hold', 'commercial_bank', 'commercial_bank')).toEqual({
      ok: false,
      code: 'request.sender_not_allowed',
    });
    expect(checkRoute('hold', 'police_province', 'telecom_operator')).toEqual({
      ok: false,
      code: 'request.recipient_not_allowed',
    });
  });

  it('routes information to telcos, takedowns to platforms, notices from banks to the police', () => {
    expect(checkRoute('subscriber_info', 'police_province', 'telecom_operator').ok).toBe(true);
    expect(checkRoute('takedown', 'dept_science_technology', 'online_platform').ok).toBe(true);
    expect(checkRoute('sim_action', 'dept_science_technology', 'telecom_operator').ok).toBe(true);
    expect(checkRoute('sim_action', 'police_province', 'telecom_operator').ok).toBe(false);
    expect(checkRoute('suspicious_account_notice', 'commercial_bank', 'police_province').ok).toBe(true);
    expect(checkRoute('hold_review', 'payment_intermediary', 'police_commune').ok).toBe(true);
  });

  it('gives every type senders and recipients among the agency types', () => {
    for (const type of RequestType.options) {
      const route = REQUEST_ROUTES[type];
      expect(route.from.length).toBeGreaterThan(0);
      expect(route.to.length).toBeGreaterThan(0);
      for (const agency of [...route.from, ...route.to]) expect(AgencyType.options).toContain(agency);
    }
  });
});

describe('time limits and escalation', () => {
  const sent = at('2026-11-25T09:00:00+07:00');

  it('gives a hold 60 minutes and information or a takedown 24 hours by default', () => {
    expect(dueAt('hold', sent, DEFAULT_TIME_LIMITS)).toEqual(at('2026-11-25T10:00:00+07:00'));
    expect(dueAt('release', sent, DEFAULT_TIME_LIMITS)).toEqual(at('2026-11-25T10:00:00+07:00'));
    expect(dueAt('subscriber_info', sent, DEFAULT_TIME_LIMITS)).toEqual(at('2026-11-26T09:00:00+07:00'));
    expect(dueAt('takedown', sent, DEFAULT_TIME_LIMITS)).toEqual(at('2026-11-26T09:00:00+07:00'));
    expect(dueAt('hold', sent, { ...DEFAULT_TIME_LIMITS, holdMinutes: 10 })).toEqual(
      at('2026-11-25T09:10:00+07:00'),
    );
  });

  it('escalates once overdue, and again after a whole time limit more', () => {
    const due = dueAt('hold', sent, DEFAULT_TIME_LIMITS);
    expect(escalationLevel(sent, due, at('2026-11-25T09:59:59+07:00'))).toBe(0);
    expect(escalationLevel(sent, due, at('2026-11-25T10:00:00+07:00'))).toBe(0);
    expect(escalationLevel(sent, due, at('2026-11-25T10:00:01+07:00'))).toBe(1);
    expect(escalationLevel(sent, due, at('2026-11-25T11:00:00+07:00'))).toBe(1);
    expect(escalationLevel(sent, due, at('2026-11-25T11:00:01+07:00'))).toBe(2);
  });

  it('never goes back down as time passes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(40_000), fc.nat(40_000), (limit, a, b) => {
        const due = new Date(sent.getTime() + limit * 60_000);
        const [early, late] = a <= b ? [a, b] : [b, a];
        const level = (minutes: number) =>
          escalationLevel(sent, due, new Date(sent.getTime() + minutes * 60_000));
        expect(level(late)).toBeGreaterThanOrEqual(level(early));
      }),
    );
  });

  it('names who supervises an agency that does not answer', () => {
    expect(supervisorOf('commercial_bank')).toBe('state_bank_branch');
    expect(supervisorOf('payment_intermediary')).toBe('state_bank_branch');
    expect(supervisorOf('telecom_operator')).toBe('dept_science_technology');
    expect(supervisorOf('online_platform')).toBe('dept_science_technology');
    expect(supervisorOf('police_commune')).toBe('police_province');
    expect(supervisorOf('police_province')).toBeNull();
  });
});

describe('the status table', () => {
  it('answers or refuses once, and only an open request is cancelled', () => {
    expect(canMove('sent', 'acknowledged')).toBe(true);
    expect(canMove('sent', 'answered')).toBe(true);
    expect(canMove('acknowledged', 'refused')).toBe(true);
    expect(canMove('acknowledged', 'cancelled')).toBe(true);
    expect(canMove('answered', 'cancelled')).toBe(false);
    expect(canMove('refused', 'answered')).toBe(false);
    expect(canMove('acknowledged', 'sent')).toBe(false);
  });

  it('has no way out of a closed request (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RequestStatus.options),
        fc.constantFrom(...RequestStatus.options),
        (from, to) => {
          if (!isOpen(from)) expect(canMove(from, to)).toBe(false);
        },
      ),
    );
  });
});

describe('a hold’s answer', () => {
  it('holds the disputed amount at most, and no more than the account had', () => {
    expect(checkHoldAnswer(50_000_000, { heldVnd: 50_000_000, balanceVnd: 80_000_000 })).toEqual({
      ok: true,
      partial: false,
    });
    expect(checkHoldAnswer(50_000_000, { heldVnd: 12_000_000, balanceVnd: 12_000_000 })).toEqual({
      ok: true,
      partial: true,
    });
    expect(checkHoldAnswer(50_000_000, { heldVnd: 80_000_000, balanceVnd: 80_000_000 })).toEqual({
      ok: false,
      code: 'request.hold_more_than_asked',
    });
    expect(checkHoldAnswer(50_000_000, { heldVnd: 20_000_000, balanceVnd: 5_000_000 })).toEqual({
      ok: false,
      code: 'request.hold_more_than_balance',
    });
    expect(checkHoldAnswer(50_000_000, { heldVnd: -1, balanceVnd: 5_000_000 }).ok).toBe(false);
    expect(checkHoldAnswer(50_000_000, { heldVnd: 1.5, balanceVnd: 5_000_000 }).ok).toBe(false);
  });
});

describe('the money trail, hop by hop', () => {
  const transfer = (bank: string, amountVnd: number, minute: number) => ({
    bank,
    account: `${bank}-account`,
    amountVnd,
    at: new Date(Date.UTC(2026, 10, 25, 2, minute)),
  });

  it('asks the next banks for what could not be held, earliest transfers first', () => {
    const holds = onwardHolds(50_000_000, 12_000_000, [
      transfer('VCB', 30_000_000, 20),
      transfer('TCB', 15_000_000, 5),
      transfer('ACB', 9_000_000, 40),
    ]);
    expect(holds.map((h) => [h.bank, h.holdVnd])).toEqual([
      ['TCB', 15_000_000],
      ['VCB', 23_000_000],
    ]);
  });

  it('follows nothing when everything was held', () => {
    expect(onwardHolds(10_000_000, 10_000_000, [transfer('VCB', 5_000_000, 1)])).toEqual([]);
  });

  it('never asks for more than the disputed money left (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.array(fc.record({ amountVnd: fc.integer({ min: 1, max: 1e10 }), minute: fc.nat(59) }), {
          maxLength: 8,
        }),
        (requested, heldRaw, transfers) => {
          const held = Math.min(requested, heldRaw);
          const holds = onwardHolds(
            requested,
            held,
            transfers.map((t, i) => transfer(`B${i}`, t.amountVnd, t.minute)),
          );
          const asked = holds.reduce((sum, h) => sum + h.holdVnd, 0);
          expect(asked).toBeLessThanOrEqual(requested - held);
          for (const hold of holds) {
            expect(hold.holdVnd).toBeGreaterThan(0);
            expect(hold.holdVnd).toBeLessThanOrEqual(hold.amountVnd);
          }
        },
      ),
    );
  });
});

describe('the golden hour', () => {
  const received = at('2026-11-25T08:00:00Z');

  it('measures report → first hold request, request → first hold confirmed, and the share held', () => {
    expect(
      goldenHour(received, 50_000_000, [
        { sentAt: at('2026-11-25T08:12:00Z'), answeredAt: at('2026-11-25T08:40:00Z'), heldVnd: 12_000_000 },
        { sentAt: at('2026-11-25T08:45:00Z'), answeredAt: at('2026-11-25T08:55:00Z'), heldVnd: 23_000_000 },
        { sentAt: at('2026-11-25T08:46:00Z'), answeredAt: null, heldVnd: null },
      ]),
    ).toEqual({ reportToFirstHoldMinutes: 12, requestToFirstHeldMinutes: 28, heldShare: 0.7 });
  });

  it('says nothing it cannot know', () => {
    expect(goldenHour(received, 0, [])).toEqual({
      reportToFirstHoldMinutes: null,
      requestToFirstHeldMinutes: null,
      heldShare: null,
    });
    expect(
      goldenHour(received, 1_000_000, [
        { sentAt: at('2026-11-25T09:00:00Z'), answeredAt: at('2026-11-25T09:30:00Z'), heldVnd: 0 },
      ]),
    ).toEqual({ reportToFirstHoldMinutes: 60, requestToFirstHeldMinutes: null, heldShare: 0 });
  });
});

describe('the asset-recovery ledger', () => {
  it('totals what was lost, held, released and returned', () => {
    const totals = ledgerTotals([
      { kind: 'lost', amountVnd: 50_000_000 },
      { kind: 'held', amountVnd: 12_000_000 },
      { kind: 'held', amountVnd: 23_000_000 },
      { kind: 'returned', amountVnd: 12_000_000 },
      { kind: 'released', amountVnd: 3_000_000 },
    ]);
    expect(totals).toEqual({
      lostVnd: 50_000_000,
      heldVnd: 35_000_000,
      releasedVnd: 3_000_000,
      returnedVnd: 12_000_000,
      stillHeldVnd: 20_000_000,
    });
    expect(checkLedgerEntry(totals, { kind: 'returned', amountVnd: 20_000_000 })).toEqual({ ok: true });
    expect(checkLedgerEntry(totals, { kind: 'returned', amountVnd: 20_000_001 })).toEqual({
      ok: false,
      code: 'request.ledger_more_than_held',
    });
    expect(checkLedgerEntry(totals, { kind: 'held', amountVnd: 1e9 })).toEqual({ ok: true });
  });
});

describe('what requests carry', () => {
  it('keeps personal fields apart, by type', () => {
    expect(
      splitDetails('suspicious_account_notice', {
        account: { bank: 'VCB', account: '0071000999888' },
        holderName: 'Nguyễn Văn A',
        idNumber: '001099012345',
        reasonCode: 'R01',
        ebankingPhone: undefined,
      }),
    ).toEqual({
      plain: { account: { bank: 'VCB', account: '0071000999888' }, reasonCode: 'R01' },
      personal: { holderName: 'Nguyễn Văn A', idNumber: '001099012345' },
    });
    expect(splitDetails('hold', { amountVnd: 5 })).toEqual({ plain: { amountVnd: 5 }, personal: null });
    expect(splitAnswer('subscriber_info', { subscribers: [], note: 'x' })).toEqual({
      plain: { note: 'x' },
      personal: { subscribers: [] },
    });
  });

  it('says in one line what a request is about', () => {
    expect(subjectOf('hold', { account: { bank: 'VCB', account: '0071000999888' } })).toBe(
      'VCB 0071000999888',
    );
    expect(subjectOf('subscriber_info', { phones: ['0901', '0902', '0903', '0904', '0905'] })).toBe(
      '0901, 0902, 0903 (+2)',
    );
    expect(subjectOf('release', {}, 'YC-AAAAAAAA: VCB 1')).toBe('YC-AAAAAAAA: VCB 1');
  });

  it('finds the next bank by BIN, code, brand or former name, and only when one agency matches', () => {
    const agencies = [
      { id: 'tcb', name: 'Ngân hàng TMCP Kỹ thương Việt Nam', shortName: 'Techcombank' },
      { id: 'lpb', name: 'Ngân hàng TMCP Lộc Phát Việt Nam', shortName: 'LPBank' },
      { id: 'momo', name: 'Ví điện tử MoMo', shortName: 'MoMo' },
    ];
    expect(agencyForBank('TCB', agencies)?.id).toBe('tcb');
    expect(agencyForBank('970407', agencies)?.id).toBe('tcb');
    expect(agencyForBank('LienVietPostBank', agencies)?.id).toBe('lpb');
    expect(agencyForBank('Ví MoMo', agencies)?.id).toBe('momo');
    expect(agencyForBank('Vietcombank', agencies)).toBeNull();
    expect(
      agencyForBank('TCB', [...agencies, { id: 'tcb2', name: 'Techcombank', shortName: null }]),
    ).toBeNull();
  });

  it('lapses a hold at its duration, and a renewal counts from the later of now and the expiry', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    expect(holdExpiry(now, 72).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(holdExpiry(now, 2, new Date('2026-03-02T09:00:00Z')).toISOString()).toBe(
      '2026-03-02T11:00:00.000Z',
    );
    expect(holdExpiry(now, 2, new Date('2026-03-01T09:00:00Z')).toISOString()).toBe(
      '2026-03-02T10:00:00.000Z',
    );
    expect(stillHeld(10, 3, 4)).toBe(3);
    expect(stillHeld(10, 8, 4)).toBe(0);
  });
});
