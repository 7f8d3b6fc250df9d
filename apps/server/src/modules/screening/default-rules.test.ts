import { RuleSet, ScreeningTransfer, type RuleCondition, type ScreeningDecision } from '@khien/contracts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInMemoryCounterStore } from './counters.js';
import { DEFAULT_REASON_TEXTS, DEFAULT_RULE_SET } from './default-rules.js';
import { compileRuleSet, screen } from './engine.js';
import { FACT_NAME_SET, buildFacts, type ScreeningContext } from './facts.js';
import { checkRuleSet, reviseRuleSet } from './rule-set.js';

const compiled = compileRuleSet(DEFAULT_RULE_SET, { knownFacts: FACT_NAME_SET });
const T = Date.parse('2026-11-26T02:00:00Z');
const HOUR = 3_600_000;
const frozenClock = { clock: () => 0 };

const transfer = (overrides: Partial<ScreeningTransfer> = {}): ScreeningTransfer =>
  ScreeningTransfer.parse({
    transferId: 'FT1',
    payer: { bank: 'VCB', account: '0011004455667', openedAt: '2021-05-01T00:00:00Z' },
    payee: { bank: 'ACB', account: '123456789', nameShown: 'Phạm Minh Tuấn', holderName: 'PHAM MINH TUAN' },
    amountVnd: 2_000_000,
    channel: 'mobile_app',
    at: '2026-11-26T02:00:00Z',
    ...overrides,
  });

const context = (overrides: Partial<ScreeningContext> = {}): ScreeningContext => ({
  payeeRegistry: null,
  payeePhoneRegistry: null,
  ip: { country: 'VN', foreign: false, anonymising: false },
  counters: createInMemoryCounterStore().snapshotNow({ payer: 'p', payee: 'q', at: T }),
  ...overrides,
});

const decide = (t: ScreeningTransfer, c: ScreeningContext) =>
  screen(compiled, t.transferId, buildFacts(t, c), frozenClock);
const hits = (decision: ScreeningDecision) =>
  decision.outcomes.filter((o) => o.outcome === 'hit').map((o) => o.ruleId);

function factsOf(condition: RuleCondition): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  return [condition.fact];
}

describe('the default rule set as data', () => {
  it('is valid, publishable and compiles without problems', () => {
    expect(RuleSet.safeParse(DEFAULT_RULE_SET).success).toBe(true);
    expect(compiled.problems).toEqual([]);
    expect(checkRuleSet(reviseRuleSet(DEFAULT_RULE_SET), { knownFacts: FACT_NAME_SET })).toEqual([]);
    expect(compiled.key).toBe('khien-default@1');
  });

  it('is documented in DEFAULT-RULES.md, with the action and points of the data', () => {
    const doc = readFileSync(new URL('./DEFAULT-RULES.md', import.meta.url), 'utf8');
    for (const rule of DEFAULT_RULE_SET.rules) {
      const row = new RegExp(`\\|\\s*\`${rule.id}\`\\s*\\|\\s*${rule.action}\\s*\\|\\s*${rule.score}\\s*\\|`);
      expect(doc, rule.id).toMatch(row);
      expect(doc, rule.id).toContain(`**\`${rule.id}\`**`);
    }
  });

  it('reads only facts that buildFacts gives', () => {
    for (const rule of DEFAULT_RULE_SET.rules) {
      for (const fact of factsOf(rule.when))
        expect(FACT_NAME_SET.has(fact), `${rule.id}: ${fact}`).toBe(true);
    }
  });

  it('has a Vietnamese and an English text for every reason, and for every rule', () => {
    const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
    for (const rule of DEFAULT_RULE_SET.rules) {
      expect(rule.description.vi, rule.id).toMatch(vietnamese);
      expect(rule.description.en, rule.id).not.toBe(rule.description.vi);
      for (const code of rule.reasons) expect(DEFAULT_REASON_TEXTS[code], code).toBeDefined();
    }
    for (const [code, text] of Object.entries(DEFAULT_REASON_TEXTS)) {
      expect(text.vi, code).toMatch(vietnamese);
      expect(text.en.length, code).toBeGreaterThan(20);
    }
  });
});

describe('the default rule set on transfers', () => {
  it('allows an ordinary transfer to a known, matching payee', () => {
    const decision = decide(transfer(), context());
    expect(decision.action).toBe('allow');
    expect(decision.outcomes.every((o) => o.outcome === 'miss')).toBe(true);
  });

  it('blocks a payee confirmed as a scam, naming the reason', () => {
    const decision = decide(
      transfer(),
      context({ payeeRegistry: { status: 'confirmed_scam', confidence: 95 } }),
    );
    expect(decision.action).toBe('block');
    expect(decision.reasons[0]!.code).toBe('payee_listed_scam');
    expect(decision.warning?.vi).toContain('xác nhận là tài khoản lừa đảo');
  });

  it('holds or warns on a reported payee by confidence', () => {
    expect(
      decide(transfer(), context({ payeeRegistry: { status: 'reported', confidence: 83 } })).action,
    ).toBe('hold');
    const low = decide(transfer(), context({ payeeRegistry: { status: 'verifying', confidence: 30 } }));
    expect(low.action).toBe('warn');
    expect(hits(low)).toEqual(['payee_reported']);
  });

  it('warns when the holder’s name does not match', () => {
    const t = transfer({
      payee: {
        bank: 'ACB',
        account: '123456789',
        nameShown: 'Phạm Minh Tuấn',
        holderName: 'NGUYEN THI HUONG',
      },
    });
    const decision = decide(t, context());
    expect(decision.action).toBe('warn');
    expect(decision.warning?.en).toContain('does not match');
  });

  it('asks for a biometric check above the Decision 2345 thresholds, unless done', () => {
    const large = transfer({ amountVnd: 15_000_000 });
    expect(hits(decide(large, context()))).toEqual(['biometric_threshold_2345']);
    expect(decide(large, context()).action).toBe('step_up');
    expect(decide(transfer({ amountVnd: 15_000_000, biometricVerified: true }), context()).action).toBe(
      'allow',
    );
  });

  it('asks for a biometric check after a device change on a large amount', () => {
    const decision = decide(
      transfer({ amountVnd: 15_000_000, deviceChangedAt: '2026-11-25T20:00:00Z' }),
      context(),
    );
    expect(decision.action).toBe('step_up');
    expect(hits(decision)).toEqual(['credentials_changed_large_amount', 'biometric_threshold_2345']);
    expect(decision.reasons[0]!.code).toBe('device_or_otp_changed');
  });

  it('holds a large transfer to a new payee from a foreign or anonymising IP', () => {
    const t = transfer({ amountVnd: 10_000_000, biometricVerified: true });
    const decision = decide(t, context({ ip: { country: 'KH', foreign: true, anonymising: false } }));
    expect(decision.action).toBe('hold');
    expect(hits(decision)).toEqual(['foreign_ip_new_payee_large_amount']);
    const tor = decide(t, context({ ip: { country: null, foreign: false, anonymising: true } }));
    expect(hits(tor)).toEqual(['foreign_ip_new_payee_large_amount', 'anonymising_ip']);
  });

  it('holds transfers into a mule: many senders, money passed on', () => {
    const store = createInMemoryCounterStore();
    for (let i = 0; i < 11; i++)
      store.recordNow({ payer: `v${i}`, payee: 'mule', amountVnd: 2_000_000, at: T - (i + 1) * HOUR });
    const decision = decide(
      transfer(),
      context({ counters: store.snapshotNow({ payer: 'me', payee: 'mule', at: T }) }),
    );
    expect(decision.action).toBe('hold');
    expect(hits(decision)).toContain('payee_fan_in');
  });

  it('holds a payer passing on what just came in', () => {
    const store = createInMemoryCounterStore();
    store.recordNow({ payer: 'stranger', payee: 'me', amountVnd: 8_000_000, at: T - 2 * HOUR });
    const decision = decide(
      transfer({ amountVnd: 7_900_000 }),
      context({ counters: store.snapshotNow({ payer: 'me', payee: 'onward', at: T }) }),
    );
    expect(decision.action).toBe('hold');
    expect(hits(decision)).toEqual(['payer_pass_through']);
  });

  it('asks to re-verify on impossible travel', () => {
    const store = createInMemoryCounterStore();
    store.recordNow({
      payer: 'me',
      payee: 'x',
      amountVnd: 1,
      at: T - 10 * 60_000,
      location: { country: 'VN' },
    });
    const decision = decide(
      transfer(),
      context({
        counters: store.snapshotNow({ payer: 'me', payee: 'x', at: T }),
        ip: { country: 'SG', foreign: true, anonymising: false },
      }),
    );
    expect(hits(decision)).toEqual(['impossible_travel']);
    expect(decision.action).toBe('step_up');
  });

  it('adds weak signs together: a close name, a new payee account at night', () => {
    const t = transfer({
      amountVnd: 12_000_000,
      biometricVerified: true,
      at: '2026-11-25T19:30:00Z', // 02:30 in Vietnam
      payee: {
        bank: 'ACB',
        account: '123456789',
        nameShown: 'Phạm Minh Tuấn',
        holderName: 'PHAM M TUAN',
        openedAt: '2026-11-23T00:00:00Z',
      },
    });
    const decision = decide(t, context());
    expect(hits(decision)).toEqual([
      'cop_close_match',
      'new_payee_account_large_amount',
      'night_new_payee_large_amount',
    ]);
    expect(decision).toMatchObject({ action: 'warn', score: 35 });
  });

  it('still decides when the counter store is down, and says which rules could not run', () => {
    const decision = decide(transfer({ amountVnd: 15_000_000 }), context({ counters: null }));
    expect(decision.action).toBe('step_up');
    const errors = decision.outcomes.filter((o) => o.outcome === 'error').map((o) => o.ruleId);
    expect(errors).toContain('payee_fan_in');
    expect(errors).not.toContain('biometric_threshold_2345');
  });
});
