import fc from 'fast-check';
import type { ReportDecision, ReportStatus } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_POLICY as POLICY,
  DECISIONS,
  addMonths,
  checkExtension,
  checkTransition,
  daysLeft,
  dueDate,
  fingerprint,
  isOverdue,
  maskAccount,
  registryLinksOf,
  routeTo,
  transitionsFrom,
  vietnamDate,
} from './report.js';

const STATUSES: ReportStatus[] = ['received', 'verifying', 'decided', 'closed'];

describe('the status table', () => {
  it('takes a report from receipt through verification to a decision and closing', () => {
    expect(checkTransition('received', null, 'verifying', undefined)).toEqual({ ok: true });
    expect(checkTransition('verifying', null, 'decided', 'initiate_case')).toEqual({ ok: true });
    expect(checkTransition('decided', 'initiate_case', 'closed', undefined)).toEqual({ ok: true });
  });

  it('allows deciding at once, without a separate verification stage', () => {
    expect(checkTransition('received', null, 'decided', 'not_initiate')).toEqual({ ok: true });
  });

  it('asks for a decision when deciding, and refuses one anywhere else', () => {
    expect(checkTransition('verifying', null, 'decided', undefined)).toEqual({
      ok: false,
      code: 'report.decision_required',
    });
    expect(checkTransition('received', null, 'verifying', 'suspend')).toEqual({
      ok: false,
      code: 'report.transition_not_allowed',
    });
  });

  it('takes up a suspended matter again, but no other decided one', () => {
    expect(checkTransition('decided', 'suspend', 'verifying', undefined)).toEqual({ ok: true });
    for (const decision of DECISIONS.filter((d) => d !== 'suspend')) {
      expect(checkTransition('decided', decision, 'verifying', undefined).ok).toBe(false);
    }
  });

  it('never goes back to received, never leaves closed, never stays in place', () => {
    for (const status of STATUSES) {
      for (const decision of [null, ...DECISIONS] as Array<ReportDecision | null>) {
        const targets = transitionsFrom(status, decision).map((t) => t.to);
        expect(targets).not.toContain('received');
        expect(targets).not.toContain(status);
      }
    }
    expect(transitionsFrom('closed', 'initiate_case')).toEqual([]);
  });

  it('agrees with itself: what transitionsFrom lists, checkTransition accepts, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom<ReportDecision | null>(null, ...DECISIONS),
        fc.constantFrom(...STATUSES),
        fc.constantFrom<ReportDecision | undefined>(undefined, ...DECISIONS),
        (from, current, to, decision) => {
          const listed = transitionsFrom(from, current).find((t) => t.to === to);
          const accepted = checkTransition(from, current, to, decision).ok;
          const expected =
            listed !== undefined &&
            (listed.decisions.length === 0 ? decision === undefined : listed.decisions.includes(decision!));
          expect(accepted).toBe(expected);
        },
      ),
    );
  });
});

describe('the deadlines of art. 147', () => {
  const received = new Date('2026-01-31T03:00:00Z');

  it('gives 20 days from receipt', () => {
    expect(dueDate(received, [], POLICY).toISOString()).toBe('2026-02-20T03:00:00.000Z');
  });

  it('extends a complex matter to 2 months from receipt, then the procuracy by 2 more', () => {
    const complex = dueDate(received, [{ extension: 'complex', months: 2 }], POLICY);
    expect(complex.toISOString()).toBe('2026-03-31T03:00:00.000Z');
    const procuracy = dueDate(
      received,
      [
        { extension: 'complex', months: 2 },
        { extension: 'procuracy', months: 2 },
      ],
      POLICY,
    );
    expect(procuracy.toISOString()).toBe('2026-05-31T03:00:00.000Z');
  });

  it('never extends beyond what the policy allows, whatever is asked', () => {
    const asked = dueDate(received, [{ extension: 'complex', months: 12 }], POLICY);
    expect(asked).toEqual(addMonths(received, 2));
  });

  it('follows the policy as data', () => {
    const policy = { ...POLICY, decisionDays: 10 };
    expect(dueDate(received, [], policy).toISOString()).toBe('2026-02-10T03:00:00.000Z');
  });

  it('never moves a deadline earlier with an extension', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 2 }),
        (at, days, months) => {
          const policy = { ...POLICY, decisionDays: days };
          const base = dueDate(at, [], policy);
          const complex = dueDate(at, [{ extension: 'complex', months }], policy);
          const both = dueDate(
            at,
            [
              { extension: 'complex', months },
              { extension: 'procuracy', months },
            ],
            policy,
          );
          expect(complex.getTime()).toBeGreaterThanOrEqual(base.getTime());
          expect(both.getTime()).toBeGreaterThan(complex.getTime());
        },
      ),
    );
  });

  it('allows each extension once, the unit’s first, and only before a decision', () => {
    expect(checkExtension('received', [], 'complex', POLICY).ok).toBe(true);
    expect(checkExtension('verifying', [], 'procuracy', POLICY).ok).toBe(false);
    expect(checkExtension('verifying', ['complex'], 'procuracy', POLICY).ok).toBe(true);
    expect(checkExtension('verifying', ['complex'], 'complex', POLICY).ok).toBe(false);
    expect(checkExtension('verifying', ['complex', 'procuracy'], 'procuracy', POLICY).ok).toBe(false);
    expect(checkExtension('decided', [], 'complex', POLICY).ok).toBe(false);
    expect(checkExtension('received', [], 'complex', { ...POLICY, complexExtensionMonths: 0 }).ok).toBe(
      false,
    );
  });

  it('counts days left in Vietnam’s calendar', () => {
    const due = new Date('2026-02-20T03:00:00Z'); // 10:00 in Hà Nội
    expect(daysLeft(due, new Date('2026-02-19T16:59:00Z'))).toBe(1); // 23:59 on the 19th
    expect(daysLeft(due, new Date('2026-02-19T17:00:00Z'))).toBe(0); // 00:00 on the 20th
    expect(daysLeft(due, new Date('2026-02-21T17:00:00Z'))).toBe(-2);
    expect(vietnamDate(new Date('2026-02-19T17:00:00Z'))).toBe('2026-02-20');
  });

  it('is overdue only while the deadline runs', () => {
    const due = new Date('2026-02-20T03:00:00Z');
    const after = new Date('2026-02-21T00:00:00Z');
    expect(isOverdue('verifying', due, after)).toBe(true);
    expect(isOverdue('decided', due, after)).toBe(false);
    expect(isOverdue('received', due, new Date('2026-02-19T00:00:00Z'))).toBe(false);
  });

  it('adds calendar months, keeping to the last day of shorter months', () => {
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-11-15T05:00:00Z'), 2).toISOString()).toBe('2027-01-15T05:00:00.000Z');
  });
});

describe('the same report sent twice', () => {
  const base = {
    story: 'Tôi bị gọi điện giả danh công an yêu cầu chuyển tiền',
    identifiers: ['0912 345 678', 'https://lua-dao.example'],
    transfers: [{ toAccount: '0123 456 789', amountVnd: 5_000_000 }],
    provinceCode: '01',
    contact: 'Nguyễn Văn A',
  };

  it('is recognised however it is spaced, cased, accented or ordered', () => {
    expect(
      fingerprint({
        ...base,
        story: '  toi bi GOI DIEN gia danh cong an   yeu cau chuyen tien ',
        identifiers: ['https://lua-dao.example', '0912 345 678'],
        transfers: [{ toAccount: '0123456789', amountVnd: 5_000_000 }],
        contact: 'nguyen van a',
      }),
    ).toBe(fingerprint(base));
  });

  it('differs with any fact of substance', () => {
    const original = fingerprint(base);
    expect(fingerprint({ ...base, provinceCode: '79' })).not.toBe(original);
    expect(fingerprint({ ...base, contact: null })).not.toBe(original);
    expect(fingerprint({ ...base, transfers: [{ toAccount: '0123456789', amountVnd: 5_000_001 }] })).not.toBe(
      original,
    );
    expect(fingerprint({ ...base, story: `${base.story} lần hai` })).not.toBe(original);
  });
});

describe('masking a victim’s account', () => {
  it('keeps the last four digits only', () => {
    expect(maskAccount('0123 4567 8901')).toBe('••••••••8901');
    expect(maskAccount('12345')).toBe('•2345');
    expect(maskAccount('123')).toBe('•••');
  });
});

describe('the registry entries a report touches', () => {
  const phone = { kind: 'phone', key: 'phone:+84905222333', display: '0905 222 333', details: {} };
  const account = {
    kind: 'bank_account',
    key: 'bank:970422:0901',
    display: 'MB 0901',
    details: { bin: '970422' },
  };
  const other = { kind: 'bank_account', key: 'bank:970436:1234', display: 'VCB 1234', details: {} };

  it('names each entry once, with the money sent to it over all transfers', () => {
    const links = registryLinksOf(
      [phone, account, phone],
      [{ amountVnd: 1_000_000 }, { amountVnd: 2_500_000 }, { amountVnd: 700_000 }],
      [account, null, account],
    );
    expect(links.entries).toEqual([
      { ...phone, lossVnd: null },
      { ...account, lossVnd: 1_700_000 },
    ]);
    expect(links.transfers).toEqual([
      { position: 0, key: account.key },
      { position: 2, key: account.key },
    ]);
  });

  it('adds an account only named in a transfer, keeping how the report first wrote it', () => {
    const links = registryLinksOf([account], [{ amountVnd: 300_000 }], [{ ...other }]);
    expect(links.entries.map((entry) => [entry.key, entry.lossVnd])).toEqual([
      [account.key, null],
      [other.key, 300_000],
    ]);
    const again = registryLinksOf([account], [{ amountVnd: 1 }], [{ ...account, display: 'mb 0901' }]);
    expect(again.entries).toEqual([{ ...account, lossVnd: 1 }]);
  });

  it('counts every transfer into the entry whatever the order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amountVnd: fc.integer({ min: 1, max: 1e9 }), to: fc.constantFrom(0, 1, 2) })),
        (transfers) => {
          const targets = [account, other, null];
          const links = registryLinksOf(
            [],
            transfers,
            transfers.map((t) => targets[t.to]!),
          );
          for (const entry of links.entries) {
            const sent = transfers.filter((t) => targets[t.to]?.key === entry.key);
            expect(entry.lossVnd).toBe(sent.reduce((sum, t) => sum + t.amountVnd, 0));
          }
          expect(links.transfers.length).toBe(transfers.filter((t) => t.to !== 2).length);
        },
      ),
    );
  });
});

describe('routing a report to the competent police unit', () => {
  const province = (code: string, id: string) => ({
    id,
    scope_level: 'province',
    province_code: code,
    commune_code: null,
  });
  const commune = (code: string, id: string) => ({
    id,
    scope_level: 'commune',
    province_code: '01',
    commune_code: code,
  });
  const units = [
    province('01', 'hanoi'),
    commune('00004', 'ba-dinh'),
    province('79', 'hcm'),
    province('01', 'hanoi-newer'),
  ];

  it('goes to the commune’s own police when it has one', () => {
    expect(routeTo(units, '01', '00004')?.id).toBe('ba-dinh');
  });

  it('goes to the province’s police otherwise, the oldest unit first', () => {
    expect(routeTo(units, '01', '00007')?.id).toBe('hanoi');
    expect(routeTo(units, '01', null)?.id).toBe('hanoi');
    expect(routeTo(units, '79', null)?.id).toBe('hcm');
  });

  it('finds nobody where Khiên has no police unit', () => {
    expect(routeTo(units, '48', null)).toBeNull();
  });
});
