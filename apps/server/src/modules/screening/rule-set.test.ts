import type { RuleSet } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { FACT_NAME_SET } from './facts.js';
import { deepFreeze } from './freeze.js';
import {
  canMoveRuleSet,
  checkRuleSet,
  editDraft,
  publishRuleSet,
  retireRuleSet,
  reviseRuleSet,
} from './rule-set.js';

const draft = (): RuleSet => reviseRuleSet(DEFAULT_RULE_SET);
const at = new Date('2026-11-26T02:00:00Z');

describe('the life of a rule set', () => {
  it('moves draft → published → retired only', () => {
    expect(canMoveRuleSet('draft', 'published')).toBe(true);
    expect(canMoveRuleSet('published', 'retired')).toBe(true);
    expect(canMoveRuleSet('published', 'draft')).toBe(false);
    expect(canMoveRuleSet('retired', 'published')).toBe(false);
    expect(canMoveRuleSet('draft', 'retired')).toBe(false);
  });

  it('revises a published set into a draft with the next version, leaving the original alone', () => {
    const next = draft();
    expect(next).toMatchObject({ id: 'khien-default', version: 2, status: 'draft', publishedAt: null });
    next.rules[0]!.score = 1;
    expect(DEFAULT_RULE_SET.rules[0]!.score).toBe(100);
  });

  it('publishes a valid draft, stamped and frozen', () => {
    const result = publishRuleSet(draft(), at, { knownFacts: FACT_NAME_SET });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet).toMatchObject({
      status: 'published',
      version: 2,
      publishedAt: '2026-11-26T02:00:00.000Z',
    });
    expect(Object.isFrozen(result.ruleSet)).toBe(true);
    expect(Object.isFrozen(result.ruleSet.rules[0]!.when)).toBe(true);
    expect(() => {
      (result.ruleSet.rules[0] as { score: number }).score = 0;
    }).toThrow(TypeError);
  });

  it('refuses to publish twice, or to edit a published set', () => {
    expect(publishRuleSet(DEFAULT_RULE_SET, at)).toEqual({
      ok: false,
      code: 'rule_set.not_draft',
      problems: [],
    });
    expect(editDraft(DEFAULT_RULE_SET, (s) => s)).toEqual({
      ok: false,
      code: 'rule_set.frozen',
      problems: [],
    });
  });

  it('edits a draft but keeps its identity', () => {
    const result = editDraft(draft(), (s) => ({
      ...s,
      id: 'other',
      version: 99,
      rules: s.rules.slice(0, 2),
    }));
    expect(result.ok && result.ruleSet).toMatchObject({ id: 'khien-default', version: 2, status: 'draft' });
    expect(result.ok && result.ruleSet.rules).toHaveLength(2);
  });

  it('refuses a draft with problems, listing them', () => {
    const broken = draft();
    broken.rules.push({
      id: 'typo',
      description: { vi: 'Lỗi chính tả', en: 'A typo' },
      when: { fact: 'amuontVnd', op: 'gt', value: 1 },
      action: 'warn',
      score: 1,
      reasons: ['no_text_for_this'],
    });
    const result = publishRuleSet(broken, at, { knownFacts: FACT_NAME_SET });
    expect(result).toEqual({
      ok: false,
      code: 'rule_set.invalid',
      problems: [
        { ruleId: 'typo', path: 'when', code: 'fact_unknown:amuontVnd' },
        { ruleId: 'typo', path: 'reasons', code: 'reason_text_missing:no_text_for_this' },
      ],
    });
  });

  it('refuses a draft that breaks the contract', () => {
    const broken = { ...draft(), rules: [{ ...DEFAULT_RULE_SET.rules[0]!, id: 'Bad Id' }] };
    const problems = checkRuleSet(broken);
    expect(problems).toEqual([{ ruleId: '', path: 'rules.0.id', code: 'rule.id_invalid' }]);
  });

  it('retires a published set only', () => {
    const retired = retireRuleSet(DEFAULT_RULE_SET);
    expect(retired.ok && retired.ruleSet.status).toBe('retired');
    expect(retireRuleSet(draft())).toMatchObject({ ok: false, code: 'rule_set.not_published' });
  });

  it('deep-freezes nested data', () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
  });
});
