import { Alert, List, Text } from '@mantine/core';
import type { FieldError } from '../../api/problem';
import { useTranslation } from 'react-i18next';
import { fieldMessageText } from '../../ui/messages';
import { ruleProblem } from './draft';

const knownCodes = [
  'fact_unknown',
  'fact_reserved',
  'reason_text_missing',
  'rule_duplicate',
  'condition_invalid',
  'operand',
  'operand_invalid',
] as const;

/** The problems the server found in a rule set (422 `screening.rule_set_invalid`), one line each, by rule. */
export function RuleProblems({ problems, ruleIds }: { problems: FieldError[]; ruleIds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('screening.ruleSets.problemsTitle')} role="alert">
      <List size="sm" spacing={4} data-testid="screening-rule-set-problems">
        {problems.map((problem) => {
          const parsed = ruleProblem(problem, ruleIds);
          const known = knownCodes.find((code) => code === parsed.code);
          const where = parsed.ruleId
            ? t('screening.problem.where', { rule: parsed.ruleId, path: parsed.path || '—' })
            : t('screening.problem.whereSet', { path: parsed.path || '—' });
          const message = known
            ? t(`screening.problem.${known}`, { detail: parsed.detail })
            : fieldMessageText(problem.message);
          return (
            <List.Item key={`${problem.path}:${problem.message}`} data-testid="screening-rule-set-problem">
              <Text span size="sm" fw={600} className="khien-mono">
                {where}
              </Text>
              {': '}
              {message}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
