import { RuleSet as RuleSetSchema, type RuleSet, type RuleSetStatus } from '@khien/contracts';
import { compileRuleSet, type CompileOptions, type RuleProblem } from './engine.js';
import { deepFreeze } from './freeze.js';

/**
 * The life of a rule set: a bank edits a draft, publishes it (it is then frozen: the decisions that cite
 * `id@version` must stay explainable), and retires it when a newer version is published. A change to a
 * published set is a new draft with the next version.
 */

export const RULE_SET_TRANSITIONS: Readonly<Record<RuleSetStatus, readonly RuleSetStatus[]>> = {
  draft: ['published'],
  published: ['retired'],
  retired: [],
};

export function canMoveRuleSet(from: RuleSetStatus, to: RuleSetStatus): boolean {
  return RULE_SET_TRANSITIONS[from].includes(to);
}

export type RuleSetResult =
  | { ok: true; ruleSet: RuleSet }
  | {
      ok: false;
      code: 'rule_set.not_draft' | 'rule_set.not_published' | 'rule_set.invalid' | 'rule_set.frozen';
      problems: RuleProblem[];
    };

/** Checks a rule set against the contract and compiles it; the problems that would block publishing. */
export function checkRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): RuleProblem[] {
  const parsed = RuleSetSchema.safeParse(ruleSet);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      ruleId: '',
      path: issue.path.join('.'),
      code: issue.message,
    }));
  }
  const problems = [...compileRuleSet(parsed.data, options).problems];
  for (const rule of parsed.data.rules) {
    for (const code of rule.reasons) {
      if (!parsed.data.reasonTexts[code])
        problems.push({ ruleId: rule.id, path: 'reasons', code: `reason_text_missing:${code}` });
    }
  }
  return problems;
}

/** Publishes a draft: checked, stamped and frozen. */
export function publishRuleSet(draft: RuleSet, at: Date, options: CompileOptions = {}): RuleSetResult {
  if (draft.status !== 'draft') return { ok: false, code: 'rule_set.not_draft', problems: [] };
  const problems = checkRuleSet(draft, options);
  if (problems.length > 0) return { ok: false, code: 'rule_set.invalid', problems };
  const published: RuleSet = {
    ...structuredClone(draft),
    status: 'published',
    publishedAt: at.toISOString(),
  };
  return { ok: true, ruleSet: deepFreeze(published) };
}

/** A new draft from a published (or retired) set: a deep copy with the next version. */
export function reviseRuleSet(ruleSet: RuleSet, nextVersion = ruleSet.version + 1): RuleSet {
  return { ...structuredClone(ruleSet), version: nextVersion, status: 'draft', publishedAt: null };
}

/** Applies a change to a draft; a published or retired set is frozen and refuses. */
export function editDraft(ruleSet: RuleSet, change: (draft: RuleSet) => RuleSet): RuleSetResult {
  if (ruleSet.status !== 'draft') return { ok: false, code: 'rule_set.frozen', problems: [] };
  const edited = change(structuredClone(ruleSet));
  return { ok: true, ruleSet: { ...edited, id: ruleSet.id, version: ruleSet.version, status: 'draft' } };
}

/** Retires a published set. */
export function retireRuleSet(ruleSet: RuleSet): RuleSetResult {
  if (!canMoveRuleSet(ruleSet.status, 'retired')) {
    return { ok: false, code: 'rule_set.not_published', problems: [] };
  }
  return { ok: true, ruleSet: deepFreeze({ ...structuredClone(ruleSet), status: 'retired' }) };
}
