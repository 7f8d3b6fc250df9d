import fc from 'fast-check';
import { FactCondition } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  MAX_MATCH_INPUT,
  OPERATORS,
  RuleCompileError,
  RuleEvaluationError,
  between,
  compileOperator,
  contains,
  eq,
  exists,
  gt,
  gte,
  isIn,
  lt,
  lte,
  matches,
  neq,
  notIn,
  patternProblem,
} from './operators.js';

const typeFailure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleEvaluationError);
    return (error as RuleEvaluationError).code;
  }
  throw new Error('expected a RuleEvaluationError');
};

describe('eq and neq', () => {
  it('compare single values strictly', () => {
    expect(eq('confirmed_scam')('confirmed_scam')).toBe(true);
    expect(eq('confirmed_scam')('reported')).toBe(false);
    expect(eq(1)('1')).toBe(false);
    expect(eq(true)(true)).toBe(true);
    expect(eq(null)(null)).toBe(true);
    expect(neq('none')('reported')).toBe(true);
    expect(neq('none')('none')).toBe(false);
  });

  it('refuse a list', () => {
    expect(typeFailure(() => eq('a')(['a']))).toMatch(/^type:eq/);
    expect(typeFailure(() => neq('a')(['a']))).toMatch(/^type:neq/);
  });
});

describe('gt, gte, lt, lte', () => {
  it('compare numbers at the boundary', () => {
    expect(gt(10)(10)).toBe(false);
    expect(gt(10)(10.5)).toBe(true);
    expect(gte(10)(10)).toBe(true);
    expect(gte(10)(9)).toBe(false);
    expect(lt(7)(6)).toBe(true);
    expect(lt(7)(7)).toBe(false);
    expect(lte(7)(7)).toBe(true);
    expect(lte(7)(8)).toBe(false);
  });

  it('treat an unknown (null) value as neither above nor below', () => {
    for (const op of [gt(0), gte(0), lt(0), lte(0)]) expect(op(null)).toBe(false);
  });

  it('refuse texts, booleans and non-finite numbers', () => {
    expect(typeFailure(() => gt(1)('2'))).toBe('type:gt expects a finite number, got string');
    expect(typeFailure(() => lte(1)(true))).toMatch(/got boolean/);
    expect(typeFailure(() => gte(1)(Number.NaN))).toMatch(/^type:gte/);
  });

  it('refuse a constant that is not a finite number when compiled', () => {
    expect(() => gt(Number.POSITIVE_INFINITY)).toThrow(RuleCompileError);
  });

  it('agree with the JavaScript comparisons on every finite number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          expect(gt(b)(a)).toBe(a > b);
          expect(gte(b)(a)).toBe(a >= b);
          expect(lt(b)(a)).toBe(a < b);
          expect(lte(b)(a)).toBe(a <= b);
        },
      ),
    );
  });
});

describe('in and not_in', () => {
  it('look a value up in the list', () => {
    expect(isIn(['reported', 'verifying'])('verifying')).toBe(true);
    expect(isIn(['reported', 'verifying'])('cleared')).toBe(false);
    expect(notIn(['reported', 'verifying'])('cleared')).toBe(true);
    expect(notIn([1, 2])(2)).toBe(false);
    expect(isIn([null])(null)).toBe(true);
  });

  it('are each other’s opposite', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer())),
        fc.oneof(fc.string(), fc.integer()),
        (members, value) => {
          expect(isIn(members)(value)).toBe(!notIn(members)(value));
          expect(isIn(members)(value)).toBe(members.includes(value));
        },
      ),
    );
  });

  it('refuse a list value', () => {
    expect(typeFailure(() => isIn(['a'])(['a']))).toMatch(/^type:in/);
  });
});

describe('between', () => {
  it('is inclusive at both ends', () => {
    const ratio = between([0.8, 1.2]);
    expect(ratio(0.8)).toBe(true);
    expect(ratio(1.2)).toBe(true);
    expect(ratio(1)).toBe(true);
    expect(ratio(0.79)).toBe(false);
    expect(ratio(1.21)).toBe(false);
    expect(ratio(null)).toBe(false);
  });

  it('refuses bounds the wrong way round', () => {
    expect(() => between([5, 1])).toThrow('operand:between bounds are the wrong way round');
  });
});

describe('contains', () => {
  it('finds a text in a text and a value in a list', () => {
    expect(contains('VPN')('Public VPN exit')).toBe(true);
    expect(contains('Tor')('Public VPN exit')).toBe(false);
    expect(contains('VN')(['VN', 'KH'])).toBe(true);
    expect(contains(3)([1, 2])).toBe(false);
    expect(contains('x')(null)).toBe(false);
  });

  it('refuses a number', () => {
    expect(typeFailure(() => contains('1')(1))).toMatch(/^type:contains/);
  });
});

describe('matches', () => {
  it('tests a pre-compiled expression', () => {
    const shortName = matches('^(VCB|BIDV)$');
    expect(shortName('VCB')).toBe(true);
    expect(shortName('vcb')).toBe(false);
    expect(matches('^(vcb|bidv)$', 'i')('VCB')).toBe(true);
    expect(shortName(null)).toBe(false);
  });

  it('refuses inputs too long to match quickly, and values that are not texts', () => {
    expect(typeFailure(() => matches('a')('a'.repeat(MAX_MATCH_INPUT + 1)))).toBe('input_too_long:matches');
    expect(typeFailure(() => matches('a')(5))).toMatch(/^type:matches/);
  });

  it.each([
    ['(a+)+$', 'pattern_nested_quantifier'],
    ['(?:\\w*)*x', 'pattern_nested_quantifier'],
    ['((ab)+)*', 'pattern_nested_quantifier'],
    ['(a)\\1', 'pattern_backreference'],
    ['(?<=x)y', 'pattern_lookbehind'],
    ['[', 'pattern_invalid'],
    ['a'.repeat(201), 'pattern_too_long'],
  ])('refuses the unsafe pattern %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
    expect(() => matches(pattern)).toThrow(RuleCompileError);
  });

  it.each(['^\\d{10,14}$', '(VCB|ACB)+', '[(+*)]+x', '\\(a+\\)+', '^0(3|5|7|8|9)\\d{8}$'])(
    'accepts the safe pattern %s',
    (pattern) => {
      expect(patternProblem(pattern)).toBeNull();
    },
  );
});

describe('exists', () => {
  it('holds when the fact has a value, or when it has none with false', () => {
    expect(exists()('x')).toBe(true);
    expect(exists()(0)).toBe(true);
    expect(exists()(false)).toBe(true);
    expect(exists()(null)).toBe(false);
    expect(exists(false)(null)).toBe(true);
  });
});

describe('compileOperator', () => {
  it('compiles every operator of the contract', () => {
    const samples: Record<string, FactCondition> = {
      eq: { fact: 'f', op: 'eq', value: 1 },
      neq: { fact: 'f', op: 'neq', value: 2 },
      gt: { fact: 'f', op: 'gt', value: 0 },
      gte: { fact: 'f', op: 'gte', value: 1 },
      lt: { fact: 'f', op: 'lt', value: 2 },
      lte: { fact: 'f', op: 'lte', value: 1 },
      in: { fact: 'f', op: 'in', value: [1] },
      not_in: { fact: 'f', op: 'not_in', value: [2] },
      between: { fact: 'f', op: 'between', value: [0, 1] },
      contains: { fact: 'f', op: 'contains', value: 1 },
      matches: { fact: 'f', op: 'matches', value: '^1$' },
      exists: { fact: 'f', op: 'exists' },
    };
    for (const op of OPERATORS) {
      const condition = FactCondition.parse(samples[op]);
      const value = op === 'contains' ? [1] : op === 'matches' ? '1' : 1;
      expect(compileOperator(condition)(value), op).toBe(true);
    }
  });
});
