// The screening module's door (issue 7, ADR 0009): the decision service, its repository and routes, and the
// pure core they use: the rule engine, the facts it reads, Confirmation of Payee, the counters, the Decision
// 2345 thresholds, the default rules and ISO 20022 mapping.
export { createScreeningRepository, type ScreeningRepository } from './screening.repository.js';
export { createScreeningService, type ScreeningService } from './screening.service.js';
export { registerScreeningRoutes } from './screening.routes.js';
export { createIpFacts, type IpFactsLookup } from './ip-facts.js';
export { matchNames, prepareName, type NameMatch, type NameMatchResult } from './name-match.js';
export {
  OPERATORS,
  MAX_MATCH_INPUT,
  RuleCompileError,
  RuleEvaluationError,
  compileOperator,
  patternProblem,
  type FactValue,
  type Facts,
  type Predicate,
  type Scalar,
} from './operators.js';
export {
  ACTIONS,
  DEFAULT_BUDGET_MS,
  ENGINE_REASON_TEXTS,
  actionRank,
  compareShadow,
  compileRuleSet,
  evaluate,
  screen,
  strongerAction,
  summariseShadow,
  type CompileOptions,
  type CompiledRuleSet,
  type EvaluateOptions,
  type Evaluation,
  type RuleDifference,
  type RuleProblem,
  type ShadowComparison,
  type ShadowSummary,
} from './engine.js';
export {
  RULE_SET_TRANSITIONS,
  canMoveRuleSet,
  checkRuleSet,
  editDraft,
  publishRuleSet,
  retireRuleSet,
  reviseRuleSet,
  type RuleSetResult,
} from './rule-set.js';
export { deepFreeze } from './freeze.js';
export {
  DEFAULT_FACT_SETTINGS,
  FACT_NAMES,
  FACT_NAME_SET,
  buildFacts,
  checkTravel,
  distanceKm,
  type FactName,
  type FactSettings,
  type IpFacts,
  type RegistryFinding,
  type ScreeningContext,
  type ScreeningFacts,
  type TravelCheck,
} from './facts.js';
export {
  DEFAULT_COUNTER_LIMITS,
  accountKey,
  createInMemoryCounterStore,
  type AccountCounters,
  type CounterLimits,
  type CounterQuery,
  type CounterSnapshot,
  type CounterStore,
  type InMemoryCounterStore,
  type TransferEvent,
  type TransferLocation,
} from './counters.js';
export {
  DECISION_2345_THRESHOLDS,
  checkBiometric,
  startOfLocalDay,
  type BiometricCheck,
} from './thresholds.js';
export { DEFAULT_REASON_TEXTS, DEFAULT_RULES, DEFAULT_RULE_SET } from './default-rules.js';
export {
  detectIsoMessage,
  fromIso20022,
  type IsoMappingOptions,
  type IsoMappingResult,
  type IsoMessageKind,
  type IsoProblem,
} from './iso20022.js';
export {
  DEFAULT_MULE_SETTINGS,
  MULE_TYPOLOGIES,
  createMuleDetector,
  type AccountOpening,
  type CompletedTransfer,
  type MuleDetector,
  type MuleDetectorStats,
  type MuleFlag,
  type MuleSettings,
  type MuleTypology,
} from './mules.js';
export { backtest, readRuleSet, type BacktestRow, type BacktestSummary } from './backtest.js';
export { completedSubject, startCompletedFeed } from './completed-feed.js';
