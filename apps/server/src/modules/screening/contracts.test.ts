import {
  BatchScreeningRequest,
  FactCondition,
  Rule,
  RuleCondition,
  ScreeningDecision,
  ScreeningTransfer,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { compileRuleSet, screen } from './engine.js';

const transfer = {
  transferId: 'FT1',
  payer: { bank: 'VCB', account: '0011004455667' },
  payee: { bank: 'MoMo', wallet: '0912345678', nameShown: 'Lê Thị Hoa' },
  amountVnd: 500_000,
  channel: 'qr',
  at: '2026-11-26T09:00:00+07:00',
};

const issues = (result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) => result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('the screening contracts', () => {
  it('accept a transfer to a wallet or an account, and refuse one to neither', () => {
    expect(ScreeningTransfer.safeParse(transfer).success).toBe(true);
    const neither = { ...transfer, payee: { bank: 'MoMo', nameShown: 'Lê Thị Hoa' } };
    expect(issues(ScreeningTransfer.safeParse(neither))).toEqual([
      'payee.account: payee.account_or_wallet_required',
    ]);
  });

  it('refuse a transfer without the shown name, with a bad IP, a zero amount or a local time', () => {
    const bad = {
      ...transfer,
      payee: { bank: 'MoMo', wallet: '0912345678', nameShown: ' ' },
      clientIp: '300.1.1.1',
      amountVnd: 0,
      at: '2026-11-26 09:00',
    };
    const paths = issues(ScreeningTransfer.safeParse(bad)).map((line) => line.split(':')[0]);
    expect(paths.sort()).toEqual(['amountVnd', 'at', 'clientIp', 'payee.nameShown']);
  });

  it('take batches of 1 to 1,000 transfers', () => {
    expect(BatchScreeningRequest.safeParse({ transfers: [transfer] }).success).toBe(true);
    expect(BatchScreeningRequest.safeParse({ transfers: [] }).success).toBe(false);
    const tooMany = {
      transfers: Array.from({ length: 1001 }, (_, i) => ({ ...transfer, transferId: `FT${i}` })),
    };
    expect(issues(BatchScreeningRequest.safeParse(tooMany))).toEqual(['transfers: batch.too_large']);
  });

  it('type each operator’s constant', () => {
    expect(FactCondition.safeParse({ fact: 'amountVnd', op: 'between', value: [1, 2] }).success).toBe(true);
    expect(FactCondition.safeParse({ fact: 'amountVnd', op: 'between', value: [1] }).success).toBe(false);
    expect(FactCondition.safeParse({ fact: 'amountVnd', op: 'gt', value: '1' }).success).toBe(false);
    expect(FactCondition.safeParse({ fact: 'x', op: 'in', value: [] }).success).toBe(false);
    expect(FactCondition.safeParse({ fact: '1x', op: 'exists' }).success).toBe(false);
    expect(FactCondition.safeParse({ fact: 'x', op: 'matches', value: '^a', flags: 'g' }).success).toBe(
      false,
    );
  });

  it('nest conditions, and refuse an unknown combinator', () => {
    const nested = {
      all: [{ any: [{ not: { fact: 'a', op: 'eq', value: 1 } }] }, { fact: 'b', op: 'exists' }],
    };
    expect(RuleCondition.safeParse(nested).success).toBe(true);
    expect(RuleCondition.safeParse({ all: [], extra: 1 }).success).toBe(false);
    expect(RuleCondition.safeParse({ one: [{ fact: 'a', op: 'exists' }] }).success).toBe(false);
  });

  it('default a rule to enabled', () => {
    const parsed = Rule.parse(DEFAULT_RULE_SET.rules[0]);
    expect(parsed.enabled).toBe(true);
  });

  it('describe the decisions the engine gives', () => {
    const compiled = compileRuleSet(DEFAULT_RULE_SET);
    const decision = screen(compiled, 'FT1', { payeeListedStatus: 'confirmed_scam' }, { clock: () => 0 });
    expect(ScreeningDecision.safeParse(decision).success).toBe(true);
    expect(decision.action).toBe('block');
  });
});
