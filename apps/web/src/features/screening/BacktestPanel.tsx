import { Alert, Group, Input, List, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { BacktestResult } from '@khien/contracts';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { DataTable } from '../../ui/DataTable';
import { useBacktest } from './api';
import { ActionBadge } from './badges';
import { actionCounts, backtestColumns, csvProblem, percent, rulesWithActivity, utf8Bytes } from './backtest';

/**
 * "Chạy thử trên giao dịch cũ": a version (0: the default set) run over past transfers from a CSV file
 * read in the browser or pasted; the outcome per action and rule, precision and recall, timing, the
 * lines that could not be read and the first decisions.
 */
export function BacktestPanel({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const backtest = useBacktest();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setFileError(null);
    setCsvError(null);
    if (!file) return;
    if (csvProblem(file.size) === 'tooLarge') {
      setFileError(t('screening.backtest.tooLarge'));
      event.currentTarget.value = '';
      return;
    }
    file.text().then(setCsv, () => setFileError(t('screening.backtest.readFailed')));
  };

  return (
    <Stack>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = csvProblem(utf8Bytes(csv), csv);
          setCsvError(problem ? t(`screening.backtest.${problem}`) : null);
          if (!problem) backtest.mutate({ version, csv });
        }}
      >
        <Stack>
          <Text size="sm">{t('screening.backtest.intro')}</Text>
          <Input.Wrapper
            id={fileId}
            label={t('screening.backtest.file')}
            description={t('screening.backtest.fileHelp')}
            error={fileError}
          >
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              onChange={readFile}
              aria-invalid={fileError ? true : undefined}
              data-testid="screening-backtest-file"
              style={{ display: 'block', marginTop: 4 }}
            />
          </Input.Wrapper>
          <Textarea
            label={t('screening.backtest.csv')}
            description={t('screening.backtest.csvHelp')}
            value={csv}
            onChange={(event) => {
              setCsv(event.currentTarget.value);
              setCsvError(null);
            }}
            error={csvError}
            rows={8}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            data-testid="screening-backtest-csv"
          />
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('screening.backtest.columnsRequired', { columns: backtestColumns.required.join(', ') })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('screening.backtest.columnsOptional', { columns: backtestColumns.optional.join(', ') })}
            </Text>
          </Stack>
          <ErrorAlert error={backtest.error} />
          <FormActions
            submitLabel={t('screening.backtest.submit')}
            submitTestId="screening-backtest-submit"
            pending={backtest.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
      {backtest.data && !backtest.isPending && <BacktestView result={backtest.data} />}
    </Stack>
  );
}

function BacktestView({ result }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rules = rulesWithActivity(result);
  const labelled = result.labelled;
  const round = (value: number) => formatNumber(Math.round(value * 10) / 10);
  return (
    <Stack
      gap="md"
      data-testid="screening-backtest-result"
      data-transfers={result.transfers}
      aria-live="polite"
    >
      <Title order={3} fz="h5">
        {t('screening.backtest.result', {
          ruleSet: result.ruleSet,
          transfers: formatNumber(result.transfers),
        })}
      </Title>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('screening.backtest.byAction')}
        </Text>
        <Group gap="sm">
          {actionCounts(result).map(({ action, count }) => (
            <Group
              key={action}
              gap={6}
              wrap="nowrap"
              data-testid={`screening-backtest-action-${action}`}
              data-count={count}
            >
              <ActionBadge action={action} />
              <Text size="sm" fw={700}>
                {formatNumber(count)}
              </Text>
            </Group>
          ))}
        </Group>
      </Stack>
      {labelled && (
        <Stack gap={2} data-testid="screening-backtest-labelled">
          <Text size="sm" fw={600}>
            {t('screening.backtest.labelled')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" verticalSpacing={2}>
            <Text size="sm">{t('screening.backtest.frauds', { count: labelled.frauds })}</Text>
            <Text size="sm">{t('screening.backtest.caught', { count: labelled.caught })}</Text>
            <Text size="sm">{t('screening.backtest.falseAlarms', { count: labelled.falseAlarms })}</Text>
            <Text size="sm" fw={700} data-testid="screening-backtest-precision">
              {t('screening.backtest.precision', {
                value: percent(labelled.precision, locale) ?? t('screening.backtest.notComputed'),
              })}
            </Text>
            <Text
              size="sm"
              fw={700}
              data-testid="screening-backtest-recall"
              data-recall={labelled.recall ?? ''}
            >
              {t('screening.backtest.recall', {
                value: percent(labelled.recall, locale) ?? t('screening.backtest.notComputed'),
              })}
            </Text>
          </SimpleGrid>
        </Stack>
      )}
      <Text size="sm" c="dimmed" data-testid="screening-backtest-timing">
        {t('screening.backtest.timing', {
          totalMs: round(result.timing.totalMs),
          perSecond: formatNumber(Math.round(result.timing.perSecond)),
          p50: round(result.timing.p50Us),
          p99: round(result.timing.p99Us),
          max: round(result.timing.maxUs),
        })}
      </Text>
      {result.problems.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={t('screening.backtest.problems', { count: result.problems.length })}
        >
          <List size="sm" data-testid="screening-backtest-problems" data-count={result.problems.length}>
            {result.problems.map((problem) => (
              <List.Item key={`${problem.line}:${problem.message}`}>
                {t('screening.backtest.line', { line: problem.line })}:{' '}
                <span className="khien-mono">{problem.message}</span>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('screening.backtest.rules')}
        </Text>
        {rules.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('screening.backtest.rulesNone')}
          </Text>
        ) : (
          <DataTable
            minWidth={360}
            verticalSpacing={4}
            testId="screening-backtest-rules"
            label={t('screening.backtest.rules')}
            head={
              <>
                <Table.Th scope="col">{t('screening.backtest.rule')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.hits')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.errors')}</Table.Th>
              </>
            }
          >
            {rules.map((rule) => (
              <Table.Tr key={rule.id} data-rule-id={rule.id}>
                <Table.Td className="khien-mono">{rule.id}</Table.Td>
                <Table.Td>{formatNumber(rule.hits)}</Table.Td>
                <Table.Td c={rule.errors > 0 ? 'red.9' : undefined} fw={rule.errors > 0 ? 700 : undefined}>
                  {formatNumber(rule.errors)}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      {result.decisions.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('screening.backtest.decisions')}
          </Text>
          <DataTable
            minWidth={640}
            verticalSpacing={4}
            testId="screening-backtest-decisions"
            label={t('screening.backtest.decisionsTable')}
            head={
              <>
                <Table.Th scope="col">{t('screening.backtest.column.line')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.column.transfer')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.column.action')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.column.score')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.column.reasons')}</Table.Th>
                <Table.Th scope="col">{t('screening.backtest.column.fraud')}</Table.Th>
              </>
            }
          >
            {result.decisions.map((decision) => (
              <Table.Tr
                key={decision.line}
                data-testid="screening-backtest-decision"
                data-action={decision.action}
              >
                <Table.Td>{decision.line}</Table.Td>
                <Table.Td className="khien-mono">{decision.transferId}</Table.Td>
                <Table.Td>
                  <ActionBadge action={decision.action} />
                </Table.Td>
                <Table.Td>{formatNumber(decision.score)}</Table.Td>
                <Table.Td className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                  {decision.reasons.join(', ') || t('common.none')}
                </Table.Td>
                <Table.Td>
                  {decision.fraud === null
                    ? t('screening.backtest.noLabel')
                    : t(decision.fraud ? 'screening.backtest.fraud' : 'screening.backtest.notFraud')}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      )}
    </Stack>
  );
}
