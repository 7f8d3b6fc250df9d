import fc from 'fast-check';
import type { Rule, RuleSet, ScreeningAction } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  compareShadow,
  compileRuleSet,
  RULES_PER_CLOCK_READ,
  evaluate,
  screen,
  strongerAction,
  summariseShadow,
  type EvaluateOptions,
} from './engine.js';

const rule = (
  id: string,
  action: ScreeningAction,
  score: number,
  when: Rule['when'],
  reasons = [id],
): Rule => ({
  id,
  description: { vi: `Luật ${id}`, en: `Rule ${id}` },
  when,
  action,
  score,
  reasons,
});

const ruleSet = (rules: Rule[], extra: Partial<RuleSet> = {}): RuleSet => ({
  id: 'test-bank',
  bank: 'VCB',
  version: 3,
  status: 'published',
  publishedAt: '2026-11-01T00:00:00Z',
  rules,
  reasonTexts: Object.fromEntries(
    rules.flatMap((r) => r.reasons).map((code) => [code, { vi: `Lý do ${code}.`, en: `Reason ${code}.` }]),
  ),
  ...extra,
});

/** A clock that moves only when told: each read advances it by `step` milliseconds. */
const steppingClock = (step: number) => {
  let now = 1000;
  return () => {
    const value = now;
    now += step;
    return value;
  };
};
const frozen: EvaluateOptions = { clock: () => 0 };

const listed = rule('listed', 'block', 100, { fact: 'payeeListedStatus', op: 'eq', value: 'confirmed_scam' });
const nameMismatch = rule('name', 'warn', 30, { fact: 'copResult', op: 'eq', value: 'no_match' });
const large = rule('large', 'step_up', 10, { fact: 'amountVnd', op: 'gt', value: 10_000_000 });

describe('evaluate', () => {
  const compiled = compileRuleSet(ruleSet([nameMismatch, large, listed]));

  it('allows when no rule hits, and cites the rule set version', () => {
    const result = evaluate(
      compiled,
      { payeeListedStatus: 'none', copResult: 'match', amountVnd: 500_000 },
      frozen,
    );
    expect(result).toMatchObject({ action: 'allow', score: 0, reasons: [], warning: null, timedOut: false });
    expect(result.ruleSetVersion).toBe('test-bank@3');
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['miss', 'miss', 'miss']);
  });

  it('lets the strongest action win and adds the scores', () => {
    const result = evaluate(
      compiled,
      { payeeListedStatus: 'confirmed_scam', copResult: 'no_match', amountVnd: 20_000_000 },
      frozen,
    );
    expect(result.action).toBe('block');
    expect(result.score).toBe(140);
    // The strongest reason first, so that the warning names what decided.
    expect(result.reasons.map((r) => r.code)).toEqual(['listed', 'large', 'name']);
    expect(result.warning?.vi).toBe('Lý do listed. Lý do large. Lý do name.');
    expect(result.warning?.en.startsWith('Reason listed.')).toBe(true);
  });

  it('gives a rule that meets a missing fact an error, and still decides', () => {
    const result = evaluate(compiled, { copResult: 'no_match', amountVnd: 1 }, frozen);
    expect(result.action).toBe('warn');
    expect(result.outcomes[2]).toEqual({
      ruleId: 'listed',
      outcome: 'error',
      action: 'block',
      score: 100,
      error: 'missing_fact:payeeListedStatus',
    });
  });

  it('gives a rule that meets a fact of the wrong type an error', () => {
    const result = evaluate(
      compiled,
      { payeeListedStatus: 'none', copResult: 'match', amountVnd: '20000000' },
      frozen,
    );
    expect(result.outcomes[1]).toMatchObject({ outcome: 'error', error: expect.stringMatching(/^type:gt/) });
    expect(result.action).toBe('allow');
  });

  it('never throws, whatever the facts', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('payeeListedStatus', 'copResult', 'amountVnd', 'other'), value),
        (facts) => {
          const result = evaluate(compiled, facts, frozen);
          expect(ACTIONS).toContain(result.action);
          expect(result.outcomes).toHaveLength(3);
        },
      ),
    );
  });

  it('evaluates all, any and not', () => {
    const combined = compileRuleSet(
      ruleSet([
        rule('combo', 'hold', 40, {
          all: [
            {
              any: [
                { fact: 'ipForeign', op: 'eq', value: true },
                { fact: 'ipAnonymising', op: 'eq', value: true },
              ],
            },
            { not: { fact: 'payeeKnown', op: 'eq', value: true } },
            { fact: 'amountVnd', op: 'gte', value: 10_000_000 },
          ],
        }),
      ]),
    );
    const base = { ipForeign: false, ipAnonymising: true, payeeKnown: false, amountVnd: 10_000_000 };
    expect(evaluate(combined, base, frozen).action).toBe('hold');
    expect(evaluate(combined, { ...base, ipAnonymising: false }, frozen).action).toBe('allow');
    expect(evaluate(combined, { ...base, payeeKnown: true }, frozen).action).toBe('allow');
    expect(evaluate(combined, { ...base, amountVnd: 9_999_999 }, frozen).action).toBe('allow');
    // any stops at the first branch that holds: the missing second fact is never read.
    const { ipAnonymising: _unused, ...withoutAnonymising } = { ...base, ipForeign: true };
    expect(evaluate(combined, withoutAnonymising, frozen).action).toBe('hold');
  });

  it('treats exists on an absent fact as false, not as an error', () => {
    const compiledExists = compileRuleSet(
      ruleSet([rule('has_ip', 'warn', 1, { fact: 'ipCountry', op: 'exists' })]),
    );
    expect(evaluate(compiledExists, {}, frozen).outcomes[0]!.outcome).toBe('miss');
    expect(evaluate(compiledExists, { ipCountry: 'KH' }, frozen).outcomes[0]!.outcome).toBe('hit');
  });

  it('raises the action by the total score', () => {
    const weak = [
      rule('a', 'allow', 30, { fact: 'a', op: 'eq', value: true }),
      rule('b', 'warn', 30, { fact: 'b', op: 'eq', value: true }),
      rule('c', 'allow', 30, { fact: 'c', op: 'eq', value: true }),
    ];
    const scored = compileRuleSet(
      ruleSet(weak, {
        scoreActions: [
          { minScore: 40, action: 'warn' },
          { minScore: 90, action: 'hold' },
        ],
      }),
    );
    expect(evaluate(scored, { a: true, b: false, c: false }, frozen).action).toBe('allow');
    expect(evaluate(scored, { a: true, b: false, c: true }, frozen)).toMatchObject({
      action: 'warn',
      score: 60,
    });
    const all = evaluate(scored, { a: true, b: true, c: true }, frozen);
    expect(all.action).toBe('hold');
    expect(all.reasons.map((r) => r.code)).toContain('high_score');
  });

  it('skips disabled rules', () => {
    const withDisabled = compileRuleSet(ruleSet([{ ...listed, enabled: false }, nameMismatch]));
    expect(withDisabled.rules.map((r) => r.id)).toEqual(['name']);
  });

  it('gives the decision with the transfer id', () => {
    const decision = screen(
      compiled,
      'FT123',
      { payeeListedStatus: 'none', copResult: 'no_match', amountVnd: 1 },
      frozen,
    );
    expect(decision).toMatchObject({ transferId: 'FT123', action: 'warn', ruleSetVersion: 'test-bank@3' });
  });
});

describe('the time budget', () => {
  const many = compileRuleSet(
    ruleSet(
      Array.from({ length: 10 }, (_, i) => rule(`r${i}`, 'allow', 0, { fact: 'x', op: 'eq', value: i })),
    ),
  );

  it('answers warn with the reason timeout, never a silent allow', () => {
    // Each clock read takes 60 ms: at the first look after the start, the 50 ms budget is spent.
    const result = evaluate(many, { x: -1 }, { clock: steppingClock(60) });
    expect(result.action).toBe('warn');
    expect(result.timedOut).toBe(true);
    expect(result.reasons[0]).toMatchObject({ code: 'timeout', ruleId: null });
    expect(result.warning?.vi).toContain('chưa kiểm tra xong');
    const kinds = result.outcomes.map((o) => o.outcome);
    expect(kinds.slice(0, RULES_PER_CLOCK_READ).every((k) => k === 'miss')).toBe(true);
    expect(kinds.slice(RULES_PER_CLOCK_READ)).toEqual(['skipped', 'skipped']);
  });

  it('takes a configurable budget and an absolute deadline', () => {
    expect(evaluate(many, { x: -1 }, { clock: steppingClock(10) }).timedOut).toBe(false);
    expect(evaluate(many, { x: -1 }, { clock: steppingClock(60), budgetMs: 1000 }).timedOut).toBe(false);
    const late = evaluate(many, { x: -1 }, { clock: () => 500, deadline: 400 });
    expect(late.timedOut).toBe(true);
    expect(late.outcomes.every((o) => o.outcome === 'skipped')).toBe(true);
    expect(late.action).toBe('warn');
  });

  it('keeps a stronger action found before the deadline', () => {
    const blocking = compileRuleSet(
      ruleSet([listed, ...many.rules.map((r) => rule(r.id, 'allow', 0, { fact: 'x', op: 'eq', value: 0 }))]),
    );
    const result = evaluate(
      blocking,
      { payeeListedStatus: 'confirmed_scam', x: 1 },
      { clock: steppingClock(30) },
    );
    expect(result.timedOut).toBe(true);
    expect(result.action).toBe('block');
    expect(result.reasons.map((r) => r.code)).toEqual(['timeout', 'listed']);
  });

  it('counts a single slow evaluation that ends past the deadline', () => {
    const one = compileRuleSet(ruleSet([nameMismatch]));
    const reads = [0, 60];
    const result = evaluate(one, { copResult: 'match' }, { clock: () => reads.shift() ?? 60 });
    expect(result.outcomes[0]!.outcome).toBe('miss');
    expect(result.timedOut).toBe(true);
    expect(result.action).toBe('warn');
    expect(result.processingTimeMs).toBe(60);
  });
});

describe('compileRuleSet', () => {
  it('keeps a rule that cannot be compiled, as an error on every transfer', () => {
    const compiled = compileRuleSet(
      ruleSet([rule('bad_regex', 'warn', 5, { fact: 'name', op: 'matches', value: '(a+)+' }), nameMismatch]),
    );
    expect(compiled.problems).toEqual([
      { ruleId: 'bad_regex', path: 'when', code: 'operand:matches pattern_nested_quantifier' },
    ]);
    const result = evaluate(compiled, { name: 'x', copResult: 'no_match' }, frozen);
    expect(result.outcomes[0]).toMatchObject({
      outcome: 'error',
      error: 'compile:operand:matches pattern_nested_quantifier',
    });
    expect(result.action).toBe('warn');
  });

  it('lists facts unknown to the engine, reserved names and duplicate rules', () => {
    const compiled = compileRuleSet(
      ruleSet([
        rule('a', 'warn', 1, {
          all: [
            { fact: 'amountVnd', op: 'gt', value: 1 },
            { fact: 'amuontVnd', op: 'gt', value: 1 },
          ],
        }),
        rule('b', 'warn', 1, { fact: 'constructor', op: 'exists' }),
        rule('a', 'warn', 1, { fact: 'amountVnd', op: 'gt', value: 1 }),
      ]),
      { knownFacts: new Set(['amountVnd']) },
    );
    expect(compiled.problems).toEqual([
      { ruleId: 'a', path: 'when.all[1]', code: 'fact_unknown:amuontVnd' },
      { ruleId: 'b', path: 'when', code: 'fact_reserved:constructor' },
      { ruleId: 'a', path: 'when', code: 'rule_duplicate' },
    ]);
  });

  it('survives a condition tree of the wrong shape', () => {
    const broken = compileRuleSet(
      ruleSet([rule('odd', 'warn', 1, { all: 'nope' } as unknown as Rule['when'])]),
    );
    expect(broken.problems[0]?.code).toBe('condition_invalid');
    expect(evaluate(broken, {}, frozen).outcomes[0]!.outcome).toBe('error');
  });
});

describe('actions', () => {
  it('rank from allow to block', () => {
    expect(strongerAction('warn', 'hold')).toBe('hold');
    expect(strongerAction('block', 'step_up')).toBe('block');
    expect(strongerAction('allow', 'allow')).toBe('allow');
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.constantFrom(...ACTIONS), (a, b) => {
        expect(strongerAction(a, b)).toBe(strongerAction(b, a));
        expect(ACTIONS.indexOf(strongerAction(a, b))).toBe(Math.max(ACTIONS.indexOf(a), ACTIONS.indexOf(b)));
      }),
    );
  });
});

describe('shadow mode', () => {
  const published = compileRuleSet(ruleSet([nameMismatch, large]));
  const draft = compileRuleSet(
    ruleSet([{ ...nameMismatch, action: 'hold' }, listed], {
      version: 4,
      status: 'draft',
      publishedAt: null,
    }),
  );

  it('reports where the draft differs, rule by rule', () => {
    const comparison = compareShadow(
      published,
      draft,
      { copResult: 'no_match', amountVnd: 20_000_000, payeeListedStatus: 'none' },
      frozen,
    );
    expect(comparison.published.action).toBe('step_up');
    expect(comparison.draft.action).toBe('hold');
    expect(comparison).toMatchObject({ differs: true, actionChanged: true, scoreDelta: -10 });
    expect(comparison.ruleDifferences).toEqual([
      { ruleId: 'large', published: 'hit', draft: 'absent' },
      { ruleId: 'listed', published: 'absent', draft: 'miss' },
    ]);
  });

  it('reports no difference when both decide alike', () => {
    const comparison = compareShadow(published, published, { copResult: 'match', amountVnd: 1 }, frozen);
    expect(comparison.differs).toBe(false);
    expect(comparison.ruleDifferences).toEqual([]);
  });

  it('sums up many comparisons', () => {
    const facts = [
      { copResult: 'no_match', amountVnd: 1, payeeListedStatus: 'none' },
      { copResult: 'match', amountVnd: 1, payeeListedStatus: 'confirmed_scam' },
      { copResult: 'match', amountVnd: 1, payeeListedStatus: 'none' },
      { copResult: 'match', amountVnd: 20_000_000, payeeListedStatus: 'none' },
    ];
    const summary = summariseShadow(facts.map((f) => compareShadow(published, draft, f, frozen)));
    expect(summary).toEqual({
      total: 4,
      differing: 3,
      stricter: 2,
      looser: 1,
      transitions: { 'warn→hold': 1, 'allow→block': 1, 'step_up→allow': 1 },
      rulesChanged: { large: 4, listed: 4 },
    });
  });
});

describe('properties of the decision', () => {
  const arbitraryRules = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9_]{1,8}$/),
      action: fc.constantFrom(...ACTIONS),
      score: fc.nat(100),
      fact: fc.constantFrom('a', 'b', 'c'),
      value: fc.integer({ min: 0, max: 3 }),
    }),
    { selector: (r) => r.id, minLength: 1, maxLength: 12 },
  );

  it('takes the strongest action of the rules that hit and adds their scores', () => {
    fc.assert(
      fc.property(arbitraryRules, fc.record({ a: fc.nat(3), b: fc.nat(3), c: fc.nat(3) }), (specs, facts) => {
        const compiled = compileRuleSet(
          ruleSet(
            specs.map((s) => rule(s.id, s.action, s.score, { fact: s.fact, op: 'eq', value: s.value })),
          ),
        );
        const result = evaluate(compiled, facts, frozen);
        const hit = specs.filter((s) => facts[s.fact as 'a' | 'b' | 'c'] === s.value);
        expect(result.score).toBe(hit.reduce((sum, s) => sum + s.score, 0));
        const strongest = hit.reduce<ScreeningAction>((best, s) => strongerAction(best, s.action), 'allow');
        expect(result.action).toBe(strongest);
        expect(result.outcomes.filter((o) => o.outcome === 'hit').map((o) => o.ruleId)).toEqual(
          hit.map((s) => s.id),
        );
        expect(result.warning === null).toBe(result.action === 'allow' || result.reasons.length === 0);
      }),
    );
  });
});
