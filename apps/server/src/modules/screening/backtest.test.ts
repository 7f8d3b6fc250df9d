import { describe, expect, it } from 'vitest';
import { backtest, readRuleSet } from './backtest.js';
import { DEFAULT_RULE_SET } from './default-rules.js';

const HEADER =
  'transfer_id,at,amount_vnd,channel,payer_bank,payer_account,payee_bank,payee_account,payee_name_shown,biometric_verified,payee_listed_status,payee_listed_confidence,label';

describe('backtest', () => {
  it('replays past transfers in time order, with the counters as they stood, and sums up', () => {
    const csv = [
      HEADER,
      // Out of order on purpose: the 09:00 transfer is decided after the 08:00 one.
      'T2,2026-03-02T09:00:00+07:00,15000000,mobile_app,VCB,0011002233445,TCB,19030000111,TRAN VAN BINH,,,,0',
      'T1,2026-03-02T08:00:00+07:00,2000000,mobile_app,VCB,0011002233445,TCB,19030000111,TRAN VAN BINH,,,,0',
      'T3,2026-03-02T09:30:00+07:00,5000000,mobile_app,VCB,0011009999999,MB,0800123456789,"NGUYEN VAN, NAM",true,confirmed_scam,95,fraud',
      'T4,not a time,1,mobile_app,VCB,1,MB,2,X,,,,',
      'T5,2026-03-02T10:00:00+07:00,-4,mobile_app,VCB,0011002233445,TCB,19030000111,TRAN VAN BINH,,,,',
      '',
    ].join('\n');
    const order: string[] = [];
    const summary = backtest(DEFAULT_RULE_SET, csv, (row) =>
      order.push(`${row.transferId}:${row.decision.action}`),
    );
    expect(order).toEqual(['T1:allow', 'T2:step_up', 'T3:block']);
    expect(summary.transfers).toBe(3);
    expect(summary.byAction).toMatchObject({ allow: 1, step_up: 1, block: 1, hold: 0, warn: 0 });
    expect(summary.byRule.payee_confirmed_scam).toEqual({ hits: 1, errors: 0 });
    expect(summary.labelled).toEqual({ frauds: 1, caught: 1, falseAlarms: 0, precision: 1, recall: 1 });
    expect(summary.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(summary.problems[0]!.message).toMatch(/^at:/);
    expect(summary.problems[1]!.message).toMatch(/amountVnd/);
    expect(summary.timing.perSecond).toBeGreaterThan(0);
    expect(summary.timing.p99Us).toBeGreaterThanOrEqual(summary.timing.p50Us);
  });

  it('reads a rule set file, refusing what is not a checked RuleSet', () => {
    expect(readRuleSet(JSON.stringify(DEFAULT_RULE_SET))).toMatchObject({ ok: true });
    expect(readRuleSet('{')).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON/) });
    const unknownFact = {
      ...DEFAULT_RULE_SET,
      rules: [{ ...DEFAULT_RULE_SET.rules[0]!, when: { fact: 'noSuchFact', op: 'eq', value: 1 } }],
    };
    expect(readRuleSet(JSON.stringify(unknownFact))).toMatchObject({ ok: false });
  });
});
