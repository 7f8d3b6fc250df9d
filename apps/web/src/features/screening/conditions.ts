import type { FactCondition, RuleCondition } from '@khien/contracts';

/** The words a condition is written with (`screening.condition` of the language shown). */
export interface ConditionWords {
  and: string;
  or: string;
  not: string;
  yes: string;
  no: string;
  null: string;
  in: string;
  notIn: string;
  between: string;
  betweenAnd: string;
  contains: string;
  matches: string;
  exists: string;
  notExists: string;
}

const symbols = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

type Scalar = string | number | boolean | null;

function scalarText(value: Scalar, words: ConditionWords, locale: string): string {
  if (value === null) return words.null;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  return `“${value}”`;
}

function factText(condition: FactCondition, words: ConditionWords, locale: string): string {
  const { fact } = condition;
  const value = (v: Scalar) => scalarText(v, words, locale);
  switch (condition.op) {
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${fact} ${symbols[condition.op]} ${value(condition.value)}`;
    case 'in':
    case 'not_in':
      return `${fact} ${condition.op === 'in' ? words.in : words.notIn} {${condition.value.map(value).join(', ')}}`;
    case 'between':
      return `${fact} ${words.between} ${value(condition.value[0])} ${words.betweenAnd} ${value(condition.value[1])}`;
    case 'contains':
      return `${fact} ${words.contains} ${value(condition.value)}`;
    case 'matches':
      return `${fact} ${words.matches} /${condition.value}/${condition.flags ?? ''}`;
    case 'exists':
      return `${fact} ${condition.value === false ? words.notExists : words.exists}`;
  }
}

/**
 * A rule's condition in words: `amountVnd ≥ 10.000.000 và payeeNew = có`. A group inside another group
 * is put in brackets, so "and" and "or" never mix without them.
 */
export function conditionText(condition: RuleCondition, words: ConditionWords, locale: string): string {
  const inner = (part: RuleCondition) => {
    const text = conditionText(part, words, locale);
    return ('all' in part && part.all.length > 1) || ('any' in part && part.any.length > 1)
      ? `(${text})`
      : text;
  };
  if ('all' in condition) return condition.all.map(inner).join(` ${words.and} `);
  if ('any' in condition) return condition.any.map(inner).join(` ${words.or} `);
  if ('not' in condition) return `${words.not} (${conditionText(condition.not, words, locale)})`;
  return factText(condition, words, locale);
}
