import { Badge, Stack, Table, Text } from '@mantine/core';
import type { RuleSet } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ActionBadge } from './badges';
import { conditionText, type ConditionWords } from './conditions';

/** A rule set's rules as people read them: what each looks for, what it asks for, and its condition in words. */
export function RulesTable({ ruleSet }: { ruleSet: RuleSet }) {
  const { t, i18n } = useTranslation();
  const words = t('screening.condition', { returnObjects: true }) as ConditionWords;
  const locale = currentLocale();
  const scoreActions = ruleSet.scoreActions ?? [];
  return (
    <Stack gap="sm">
      {scoreActions.length > 0 && (
        <Text size="sm" data-testid="screening-score-actions">
          {t('screening.ruleSets.scoreActions', {
            list: scoreActions
              .map((entry) =>
                t('screening.ruleSets.scoreAction', {
                  score: entry.minScore,
                  action: t(`screening.action.${entry.action}`),
                }),
              )
              .join('; '),
          })}
        </Text>
      )}
      <DataTable
        minWidth={960}
        verticalSpacing="xs"
        testId="screening-rules-table"
        label={t('screening.ruleSets.rulesTable')}
        head={
          <>
            <Table.Th scope="col">{t('screening.ruleSets.rule.id')}</Table.Th>
            <Table.Th scope="col">{t('screening.ruleSets.rule.description')}</Table.Th>
            <Table.Th scope="col">{t('screening.ruleSets.rule.action')}</Table.Th>
            <Table.Th scope="col">{t('screening.ruleSets.rule.score')}</Table.Th>
            <Table.Th scope="col">{t('screening.ruleSets.rule.condition')}</Table.Th>
          </>
        }
      >
        {ruleSet.rules.map((rule) => (
          <Table.Tr key={rule.id} data-testid="screening-rule-row" data-rule-id={rule.id}>
            <Table.Td miw={160}>
              <Text size="sm" className="khien-mono" fw={600}>
                {rule.id}
              </Text>
              {rule.enabled === false && (
                <Badge color="gray.7" variant="outline" tt="none" mt={4}>
                  {t('screening.ruleSets.rule.disabled')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td miw={240} maw={360}>
              <Text size="sm">{i18n.language === 'en' ? rule.description.en : rule.description.vi}</Text>
              <Text size="xs" c="dimmed" className="khien-mono">
                {t('screening.ruleSets.rule.reasons')}: {rule.reasons.join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <ActionBadge action={rule.action} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{rule.score}</Text>
            </Table.Td>
            <Table.Td miw={240} maw={420}>
              <Text size="sm" className="khien-mono" data-testid="screening-rule-condition">
                {conditionText(rule.when, words, locale)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
