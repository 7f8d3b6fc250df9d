import type {
  BilingualText,
  RuleCondition,
  RuleOutcome,
  RuleOutcomeKind,
  RuleSet,
  ScreeningAction,
  ScreeningDecision,
  ScreeningReason,
} from '@khien/contracts';
import { RuleCompileError, RuleEvaluationError, compileOperator, type Facts } from './operators.js';

/**
 * The screening engine: a rule set (data) is compiled once into closures, then evaluated over the flat
 * facts of each transfer. Pure: the clock is passed in. The strongest action of the rules that hit wins,
 * their scores add, and a rule that fails gives an `error` outcome, never a failed decision.
 */

export const ACTIONS: readonly ScreeningAction[] = ['allow', 'warn', 'step_up', 'hold', 'block'];
const RANK: Readonly<Record<ScreeningAction, number>> = { allow: 0, warn: 1, step_up: 2, hold: 3, block: 4 };

export function actionRank(action: ScreeningAction): number {
  return RANK[action];
}

export function strongerAction(a: ScreeningAction, b: ScreeningAction): ScreeningAction {
  return RANK[a] >= RANK[b] ? a : b;
}

export const DEFAULT_BUDGET_MS = 50;
/** The clock is read before the first rule, after every so many rules, and after the last. */
export const RULES_PER_CLOCK_READ = 8;

/** Texts of the reasons the engine gives itself; a rule set may override them in `reasonTexts`. */
export const ENGINE_REASON_TEXTS: Readonly<Record<string, BilingualText>> = {
  timeout: {
    vi: 'Hệ thống chưa kiểm tra xong giao dịch này. Hãy chắc chắn bạn biết rõ người nhận trước khi chuyển tiền.',
    en: 'The checks on this transfer did not finish in time. Make sure you know the payee before you send money.',
  },
  high_score: {
    vi: 'Giao dịch có nhiều dấu hiệu rủi ro cùng lúc.',
    en: 'The transfer shows several signs of risk at once.',
  },
};
const FALLBACK_TEXT: BilingualText = {
  vi: 'Giao dịch có dấu hiệu bất thường. Hãy kiểm tra kỹ người nhận trước khi chuyển tiền.',
  en: 'The transfer looks unusual. Check the payee carefully before you send money.',
};

/** Names that every plain object answers through its prototype: never valid fact names. */
const RESERVED_FACTS = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface RuleProblem {
  ruleId: string;
  /** Where in the condition, e.g. `when.all[1].any[0]`. */
  path: string;
  code: string;
}

type Test = (facts: Facts) => boolean;

interface CompiledRule {
  readonly id: string;
  readonly action: ScreeningAction;
  readonly rank: number;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly test: Test;
  /** Set when the rule could not be compiled: it then gives `error` on every transfer. */
  readonly compileError: string | null;
  /** The outcomes that carry no detail, made once and shared by every decision (frozen). */
  readonly hit: RuleOutcome;
  readonly miss: RuleOutcome;
  readonly skipped: RuleOutcome;
  /** The rule's reasons with their texts, made once (frozen). */
  readonly reasonEntries: readonly ScreeningReason[];
}

const reasonEntry = (
  texts: Record<string, BilingualText>,
  code: string,
  ruleId: string | null,
): ScreeningReason =>
  Object.freeze({ code, ruleId, text: Object.freeze({ ...(texts[code] ?? FALLBACK_TEXT) }) });

const sharedOutcome = (id: string, outcome: RuleOutcomeKind, action: ScreeningAction, score: number) =>
  Object.freeze({ ruleId: id, outcome, action, score });

export interface CompiledRuleSet {
  readonly id: string;
  readonly version: number;
  /** `id@version`, stored with every decision. */
  readonly key: string;
  readonly rules: readonly CompiledRule[];
  readonly problems: readonly RuleProblem[];
  readonly reasonTexts: Readonly<Record<string, BilingualText>>;
  readonly scoreActions: readonly { minScore: number; action: ScreeningAction }[];
  /** The reasons the engine gives itself, with their texts. */
  readonly engineReasons: Readonly<Record<'timeout' | 'high_score', ScreeningReason>>;
}

export interface CompileOptions {
  /** When given, a condition on a fact outside this set is a problem (checked before publishing). */
  knownFacts?: ReadonlySet<string>;
}

function compileCondition(
  condition: RuleCondition,
  path: string,
  problems: string[],
  options: CompileOptions,
): Test {
  if ('all' in condition) {
    const parts = condition.all.map((part, i) =>
      compileCondition(part, `${path}.all[${i}]`, problems, options),
    );
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [first, second] = parts as [Test, Test];
      return (facts) => first(facts) && second(facts);
    }
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((part, i) =>
      compileCondition(part, `${path}.any[${i}]`, problems, options),
    );
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, `${path}.not`, problems, options);
    return (facts) => !inner(facts);
  }
  const name = condition.fact;
  if (RESERVED_FACTS.has(name)) problems.push(`${path}:fact_reserved:${name}`);
  else if (options.knownFacts && !options.knownFacts.has(name)) problems.push(`${path}:fact_unknown:${name}`);
  let predicate;
  try {
    predicate = compileOperator(condition);
  } catch (error) {
    problems.push(`${path}:${error instanceof RuleCompileError ? error.code : 'operand_invalid'}`);
    return () => false;
  }
  if (condition.op === 'exists') {
    return (facts) => {
      const value = facts[name];
      return predicate(value === undefined ? null : value);
    };
  }
  return (facts) => {
    const value = facts[name];
    if (value === undefined) throw new RuleEvaluationError(`missing_fact:${name}`);
    return predicate(value);
  };
}

/**
 * Compiles a rule set once. Never throws: a rule that cannot be compiled is kept and gives `error` on
 * every transfer, and is listed in `problems` (publishing refuses a rule set with problems).
 */
export function compileRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const problems: RuleProblem[] = [];
  const reasonTexts = { ...ENGINE_REASON_TEXTS, ...ruleSet.reasonTexts };
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.enabled === false) continue;
    const ruleProblems: string[] = [];
    if (seen.has(rule.id)) ruleProblems.push('when:rule_duplicate');
    seen.add(rule.id);
    let test: Test;
    try {
      test = compileCondition(rule.when, 'when', ruleProblems, options);
    } catch {
      // A condition tree that is not the shape the contract says (unparsed input): an error, not a crash.
      ruleProblems.push('when:condition_invalid');
      test = () => false;
    }
    for (const problem of ruleProblems) {
      const cut = problem.indexOf(':');
      problems.push({ ruleId: rule.id, path: problem.slice(0, cut), code: problem.slice(cut + 1) });
    }
    rules.push({
      id: rule.id,
      action: rule.action,
      rank: RANK[rule.action],
      score: rule.score,
      reasons: [...rule.reasons],
      test,
      compileError:
        ruleProblems.length > 0
          ? `compile:${ruleProblems[0]!.slice(ruleProblems[0]!.indexOf(':') + 1)}`
          : null,
      hit: sharedOutcome(rule.id, 'hit', rule.action, rule.score),
      miss: sharedOutcome(rule.id, 'miss', rule.action, rule.score),
      skipped: sharedOutcome(rule.id, 'skipped', rule.action, rule.score),
      reasonEntries: Object.freeze(rule.reasons.map((code) => reasonEntry(reasonTexts, code, rule.id))),
    });
  }
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    key: `${ruleSet.id}@${ruleSet.version}`,
    rules,
    problems,
    reasonTexts,
    scoreActions: [...(ruleSet.scoreActions ?? [])].sort((a, b) => b.minScore - a.minScore),
    engineReasons: {
      timeout: reasonEntry(reasonTexts, 'timeout', null),
      high_score: reasonEntry(reasonTexts, 'high_score', null),
    },
  };
}

export interface EvaluateOptions {
  /** The time budget in milliseconds (default 50). */
  budgetMs?: number;
  /** Milliseconds from any origin, e.g. `performance.now`; the engine reads no clock of its own. */
  clock?: () => number;
  /** An absolute deadline on the same clock, e.g. from when the request arrived; overrides `budgetMs`. */
  deadline?: number;
}

export type Evaluation = Omit<ScreeningDecision, 'transferId'>;

// The clock is a parameter so that callers and tests control it; by default the process's monotonic one.
const monotonicClock = () => performance.now();

/** Evaluates a compiled rule set over the facts of one transfer. Never throws. */
export function evaluate(compiled: CompiledRuleSet, facts: Facts, options: EvaluateOptions = {}): Evaluation {
  const clock = options.clock ?? monotonicClock;
  const start = clock();
  const deadline = options.deadline ?? start + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const rules = compiled.rules;
  const outcomes: RuleOutcome[] = new Array<RuleOutcome>(rules.length);
  const hits: CompiledRule[] = [];
  let rank = 0;
  let score = 0;
  // A deadline already past (the caller's, from when the request arrived) skips every rule.
  let timedOut = start > deadline;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    // A clock read costs about as much as a rule: look every few rules, and once more at the end.
    if (timedOut || (i > 0 && i % RULES_PER_CLOCK_READ === 0 && clock() > deadline)) {
      timedOut = true;
      outcomes[i] = rule.skipped;
      continue;
    }
    let error: string;
    if (rule.compileError === null) {
      try {
        if (rule.test(facts)) {
          hits.push(rule);
          score += rule.score;
          if (rule.rank > rank) rank = rule.rank;
          outcomes[i] = rule.hit;
        } else {
          outcomes[i] = rule.miss;
        }
        continue;
      } catch (thrown) {
        error =
          thrown instanceof RuleEvaluationError
            ? thrown.code
            : `exception:${thrown instanceof Error ? thrown.message : String(thrown)}`;
      }
    } else {
      error = rule.compileError;
    }
    outcomes[i] = { ruleId: rule.id, outcome: 'error', action: rule.action, score: rule.score, error };
  }
  // A rule that ran past the deadline counts as well: the budget is for the whole evaluation.
  const end = clock();
  if (end > deadline) timedOut = true;

  const ruleSetVersion = compiled.key;
  const processingTimeMs = Math.round((end - start) * 1000) / 1000;
  // Most transfers hit nothing: answer them without building reasons.
  if (hits.length === 0 && !timedOut) {
    return {
      action: 'allow',
      score,
      reasons: [],
      warning: null,
      ruleSetVersion,
      outcomes,
      timedOut,
      processingTimeMs,
    };
  }

  const reasons: ScreeningReason[] = [];
  const addReason = (reason: ScreeningReason) => {
    for (const existing of reasons) if (existing.code === reason.code) return;
    reasons.push(reason);
  };
  if (timedOut) {
    // Never a silent allow: at least a warning, and a stronger hit found before the deadline stands.
    rank = Math.max(rank, RANK.warn);
    addReason(compiled.engineReasons.timeout);
  }
  // The strongest rules first, so that the warning names the reason that decided.
  if (hits.length > 1) hits.sort((a, b) => b.rank - a.rank || b.score - a.score);
  for (const rule of hits) for (const reason of rule.reasonEntries) addReason(reason);
  for (const threshold of compiled.scoreActions) {
    if (score >= threshold.minScore) {
      if (RANK[threshold.action] > rank) {
        rank = RANK[threshold.action];
        addReason(compiled.engineReasons.high_score);
      }
      break;
    }
  }

  const action = ACTIONS[rank]!;
  const shown = reasons.slice(0, 3);
  const warning =
    action === 'allow' || shown.length === 0
      ? null
      : { vi: shown.map((r) => r.text.vi).join(' '), en: shown.map((r) => r.text.en).join(' ') };
  return {
    action,
    score,
    reasons,
    warning,
    ruleSetVersion,
    outcomes,
    timedOut,
    processingTimeMs,
  };
}

/** The decision on one transfer. */
export function screen(
  compiled: CompiledRuleSet,
  transferId: string,
  facts: Facts,
  options: EvaluateOptions = {},
): ScreeningDecision {
  return { transferId, ...evaluate(compiled, facts, options) };
}

// ── Shadow mode ──────────────────────────────────────────────────────────────────────────────────────

export interface RuleDifference {
  ruleId: string;
  published: RuleOutcomeKind | 'absent';
  draft: RuleOutcomeKind | 'absent';
}

export interface ShadowComparison {
  published: Evaluation;
  draft: Evaluation;
  /** The action or the score differ. */
  differs: boolean;
  actionChanged: boolean;
  scoreDelta: number;
  /** Rules whose outcome differs, including rules present in only one of the sets. */
  ruleDifferences: RuleDifference[];
}

/** Evaluates a draft beside the published set on the same facts; the published decision is the one that counts. */
export function compareShadow(
  published: CompiledRuleSet,
  draft: CompiledRuleSet,
  facts: Facts,
  options: EvaluateOptions = {},
): ShadowComparison {
  const live = evaluate(published, facts, options);
  const shadow = evaluate(draft, facts, options);
  const liveOutcomes = new Map(live.outcomes.map((o) => [o.ruleId, o.outcome]));
  const shadowOutcomes = new Map(shadow.outcomes.map((o) => [o.ruleId, o.outcome]));
  const ruleDifferences: RuleDifference[] = [];
  for (const [ruleId, outcome] of liveOutcomes) {
    const other = shadowOutcomes.get(ruleId) ?? 'absent';
    if (other !== outcome) ruleDifferences.push({ ruleId, published: outcome, draft: other });
  }
  for (const [ruleId, outcome] of shadowOutcomes) {
    if (!liveOutcomes.has(ruleId)) ruleDifferences.push({ ruleId, published: 'absent', draft: outcome });
  }
  const actionChanged = live.action !== shadow.action;
  const scoreDelta = shadow.score - live.score;
  return {
    published: live,
    draft: shadow,
    differs: actionChanged || scoreDelta !== 0,
    actionChanged,
    scoreDelta,
    ruleDifferences,
  };
}

export interface ShadowSummary {
  total: number;
  differing: number;
  /** How many transfers the draft would treat more strictly, and less strictly. */
  stricter: number;
  looser: number;
  /** Counts by `published→draft` action, for the changed ones (e.g. `allow→warn`). */
  transitions: Record<string, number>;
  /** Per rule: how many transfers it decided differently. */
  rulesChanged: Record<string, number>;
}

export function summariseShadow(comparisons: Iterable<ShadowComparison>): ShadowSummary {
  const summary: ShadowSummary = {
    total: 0,
    differing: 0,
    stricter: 0,
    looser: 0,
    transitions: {},
    rulesChanged: {},
  };
  for (const comparison of comparisons) {
    summary.total++;
    if (comparison.differs) summary.differing++;
    const from = comparison.published.action;
    const to = comparison.draft.action;
    if (from !== to) {
      const key = `${from}→${to}`;
      summary.transitions[key] = (summary.transitions[key] ?? 0) + 1;
      if (RANK[to] > RANK[from]) summary.stricter++;
      else summary.looser++;
    }
    for (const difference of comparison.ruleDifferences) {
      summary.rulesChanged[difference.ruleId] = (summary.rulesChanged[difference.ruleId] ?? 0) + 1;
    }
  }
  return summary;
}
