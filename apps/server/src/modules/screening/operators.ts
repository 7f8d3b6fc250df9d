import type { ConditionOperator, FactCondition } from '@khien/contracts';

/**
 * The operators of screening rules: each turns the constant of a condition into a predicate over one fact,
 * once, when the rule set is compiled. A predicate throws `RuleEvaluationError` when the fact has the wrong
 * type; the engine turns that into the rule's `error` outcome.
 *
 * `null` is a fact known to have no value (an account whose opening date nobody knows): it is above,
 * below, between, containing or matching nothing. A fact absent from the facts altogether is an error,
 * handled by the engine.
 */

export type Scalar = string | number | boolean | null;
export type FactValue = Scalar | readonly Scalar[];
export type Facts = Readonly<Record<string, FactValue | undefined>>;
export type Predicate = (value: FactValue) => boolean;

/** A rule met a fact it cannot use: a wrong type, a missing fact, an input too long to match. */
export class RuleEvaluationError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'RuleEvaluationError';
  }
}

/** A condition that cannot be compiled: a bad regular expression, bounds the wrong way round. */
export class RuleCompileError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'RuleCompileError';
  }
}

/** Longest text `matches` will look at; longer inputs are an error rather than a slow match. */
export const MAX_MATCH_INPUT = 1000;
const MAX_PATTERN = 200;

function typeError(op: string, expected: string, value: FactValue): RuleEvaluationError {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new RuleEvaluationError(`type:${op} expects ${expected}, got ${actual}`);
}

function scalarOf(op: string, value: FactValue): Scalar {
  if (Array.isArray(value)) throw typeError(op, 'a single value', value);
  return value as Scalar;
}

function numberOf(op: string, value: number | null | FactValue): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(op, 'a finite number', value);
  return value;
}

function finiteOperand(op: string, operand: unknown): number {
  if (typeof operand !== 'number' || !Number.isFinite(operand)) {
    throw new RuleCompileError(`operand:${op} needs a finite number`);
  }
  return operand;
}

export function eq(operand: Scalar): Predicate {
  return (value) => scalarOf('eq', value) === operand;
}

export function neq(operand: Scalar): Predicate {
  return (value) => scalarOf('neq', value) !== operand;
}

function comparison(op: 'gt' | 'gte' | 'lt' | 'lte', operand: number): Predicate {
  const bound = finiteOperand(op, operand);
  switch (op) {
    case 'gt':
      return (value) => {
        const n = numberOf(op, value);
        return n !== null && n > bound;
      };
    case 'gte':
      return (value) => {
        const n = numberOf(op, value);
        return n !== null && n >= bound;
      };
    case 'lt':
      return (value) => {
        const n = numberOf(op, value);
        return n !== null && n < bound;
      };
    case 'lte':
      return (value) => {
        const n = numberOf(op, value);
        return n !== null && n <= bound;
      };
  }
}

export const gt = (operand: number): Predicate => comparison('gt', operand);
export const gte = (operand: number): Predicate => comparison('gte', operand);
export const lt = (operand: number): Predicate => comparison('lt', operand);
export const lte = (operand: number): Predicate => comparison('lte', operand);

export function isIn(operand: readonly Scalar[]): Predicate {
  const members = new Set<Scalar>(operand);
  return (value) => members.has(scalarOf('in', value));
}

export function notIn(operand: readonly Scalar[]): Predicate {
  const members = new Set<Scalar>(operand);
  return (value) => !members.has(scalarOf('not_in', value));
}

/** Inclusive at both ends. */
export function between(operand: readonly [number, number]): Predicate {
  const low = finiteOperand('between', operand[0]);
  const high = finiteOperand('between', operand[1]);
  if (low > high) throw new RuleCompileError('operand:between bounds are the wrong way round');
  return (value) => {
    const n = numberOf('between', value);
    return n !== null && n >= low && n <= high;
  };
}

/** A text containing a text, or a list containing a value. */
export function contains(operand: string | number): Predicate {
  return (value) => {
    if (value === null) return false;
    if (Array.isArray(value)) return value.includes(operand);
    if (typeof value === 'string' && typeof operand === 'string') return value.includes(operand);
    throw typeError('contains', 'a text or a list', value);
  };
}

/**
 * Why a pattern is unsafe to run on every transfer, or null when it is safe: too long, invalid, with
 * backreferences or lookbehind, or with a quantified group that itself contains a quantifier (`(a+)+`),
 * the usual shape of catastrophic backtracking.
 */
export function patternProblem(pattern: string, flags = ''): string | null {
  if (pattern.length > MAX_PATTERN) return 'pattern_too_long';
  if (/\\[1-9]|\\k</.test(pattern)) return 'pattern_backreference';
  if (/\(\?<[=!]/.test(pattern)) return 'pattern_lookbehind';
  // Track, per open group, whether it holds a quantifier; a quantifier right after its `)` nests them.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') stack.push(false);
    else if (char === ')') {
      const quantified = stack.pop() ?? false;
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || next === '{';
      if (quantified && repeated) return 'pattern_nested_quantifier';
      if (stack.length > 0 && (quantified || repeated)) stack[stack.length - 1] = true;
    } else if ((char === '*' || char === '+' || char === '{') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  try {
    new RegExp(pattern, flags);
  } catch {
    return 'pattern_invalid';
  }
  return null;
}

export function matches(pattern: string, flags: '' | 'i' = ''): Predicate {
  const problem = patternProblem(pattern, flags);
  if (problem) throw new RuleCompileError(`operand:matches ${problem}`);
  const expression = new RegExp(pattern, flags);
  return (value) => {
    if (value === null) return false;
    if (typeof value !== 'string') throw typeError('matches', 'a text', value);
    if (value.length > MAX_MATCH_INPUT) throw new RuleEvaluationError('input_too_long:matches');
    return expression.test(value);
  };
}

/** `exists: true` (the default) holds when the fact has a value; the engine passes an absent fact as null. */
export function exists(operand = true): Predicate {
  return (value) => (value !== null) === operand;
}

/** The predicate of one condition. Throws `RuleCompileError` when its constant is unusable. */
export function compileOperator(condition: FactCondition): Predicate {
  switch (condition.op) {
    case 'eq':
      return eq(condition.value);
    case 'neq':
      return neq(condition.value);
    case 'gt':
      return gt(condition.value);
    case 'gte':
      return gte(condition.value);
    case 'lt':
      return lt(condition.value);
    case 'lte':
      return lte(condition.value);
    case 'in':
      return isIn(condition.value);
    case 'not_in':
      return notIn(condition.value);
    case 'between':
      return between(condition.value);
    case 'contains':
      return contains(condition.value);
    case 'matches':
      return matches(condition.value, condition.flags ?? '');
    case 'exists':
      return exists(condition.value ?? true);
  }
}

export const OPERATORS: readonly ConditionOperator[] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'between',
  'contains',
  'matches',
  'exists',
];
