import type { ReviewStatus, RuleSetStatus, ScreeningAction } from '@khien/contracts';
import type { FlagStatus } from './flags';

/** The colour of an action, from the weakest to the strongest; the words always say it too. */
export const actionColor: Record<ScreeningAction, string> = {
  allow: 'teal.9',
  warn: 'yellow.4',
  step_up: 'blue.9',
  hold: 'orange.9',
  block: 'red.9',
};

/** The sign before the words of the actions that stop or question a transfer. */
export const actionSign: Partial<Record<ScreeningAction, string>> = { warn: '⚠', hold: '‖', block: '⊘' };

export const reviewStatusColor: Record<ReviewStatus, string> = {
  pending: 'orange.8',
  released: 'teal.8',
  confirmed_fraud: 'red.9',
};

export const ruleSetStatusColor: Record<RuleSetStatus, string> = {
  draft: 'blue.8',
  published: 'teal.8',
  retired: 'gray.7',
};

export const flagStatusColor: Record<FlagStatus, string> = {
  pending: 'orange.8',
  dismissed: 'gray.7',
  confirmed_fraud: 'red.9',
};
