import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ScreeningAction, type DecisionSummary } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterSelect } from '../../ui/FilterSelect';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime } from '../../ui/format';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { withChanges } from '../registry/filters';
import { oneOf } from '../requests/filters';
import { DataTable } from '../../ui/DataTable';
import { useDecisions } from './api';
import { ActionBadge } from './badges';
import { Reasons } from './Reasons';
import { ScreeningNav } from './ScreeningNav';

const pageSize = 50;

/** `/app/sang-loc/quyet-dinh`: the latest decisions, filtered by action, with where the shadow draft differed. */
export function DecisionListPage() {
  const can = useCan();
  return can('screening.review') ? <Decisions /> : <Forbidden />;
}

function Decisions() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = oneOf(params.get('action'), ScreeningAction.options);
  const offsetParam = Number(params.get('offset') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const decisions = useDecisions(action, offset, pageSize);
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });
  const actionOptions = ScreeningAction.options.map((value) => ({
    value,
    label: t(`screening.action.${value}`),
  }));
  return (
    <>
      <PageHeader title={t('screening.decisions.title')} description={t('screening.decisions.intro')} />
      <ScreeningNav />
      <Card withBorder mb="md" padding="md" component="section" aria-label={t('screening.decisions.filter')}>
        <FilterSelect
          label={t('screening.decisions.filter')}
          data={actionOptions}
          value={action ?? null}
          onChange={(value) => update({ action: value })}
          maw={{ sm: 320 }}
          data-testid="screening-decision-filter"
        />
      </Card>
      <PagedResults
        query={decisions}
        limit={pageSize}
        offset={offset}
        onOffsetChange={(next) => update({ offset: next ? String(next) : null })}
      >
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('screening.decisions.empty')}</Text>
          ) : (
            <DecisionTable items={items} />
          )
        }
      </PagedResults>
    </>
  );
}

function DecisionTable({ items }: { items: DecisionSummary[] }) {
  const { t } = useTranslation();
  // On a phone each decision is a card, with the shadow's difference in sight rather than off to the side.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (!wide)
    return (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('screening.decisions.table')}
        data-testid="screening-decision-table"
      >
        {items.map((item) => (
          <Card
            key={`${item.transferId}:${item.decidedAt}`}
            component="li"
            withBorder
            padding="sm"
            bg={item.shadow ? 'yellow.0' : undefined}
            data-testid="screening-decision-row"
            data-transfer-id={item.transferId}
            data-action={item.action}
            data-shadow-differs={item.shadow ? 'true' : 'false'}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm" fw={700}>
                    {formatVnd(item.amountVnd)}
                  </Text>
                  <Text size="sm">{formatDateTime(item.decidedAt)}</Text>
                  <Text size="xs" c="dimmed" className="khien-mono">
                    {item.transferId}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <ActionBadge action={item.action} />
                  <Text size="xs" c="dimmed">
                    {t('screening.reviews.score', { score: item.score })}
                  </Text>
                </Stack>
              </Group>
              <Reasons reasons={item.reasons} />
              <Text size="xs" c="dimmed" className="khien-mono">
                {t('screening.reviews.ruleSet', { version: item.ruleSetVersion })}
              </Text>
              {item.shadow && <ShadowCell shadow={item.shadow} />}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  return (
    <DataTable
      minWidth={960}
      verticalSpacing="xs"
      testId="screening-decision-table"
      label={t('screening.decisions.table')}
      head={
        <>
          <Table.Th scope="col">{t('screening.decisions.column.decidedAt')}</Table.Th>
          <Table.Th scope="col">{t('screening.decisions.column.transfer')}</Table.Th>
          <Table.Th scope="col">{t('screening.decisions.column.amount')}</Table.Th>
          <Table.Th scope="col">{t('screening.decisions.column.action')}</Table.Th>
          <Table.Th scope="col">{t('screening.decisions.column.reasons')}</Table.Th>
          <Table.Th scope="col">{t('screening.decisions.column.shadow')}</Table.Th>
        </>
      }
    >
      {items.map((item) => (
        <Table.Tr
          key={`${item.transferId}:${item.decidedAt}`}
          data-testid="screening-decision-row"
          data-transfer-id={item.transferId}
          data-action={item.action}
          data-shadow-differs={item.shadow ? 'true' : 'false'}
          bg={item.shadow ? 'yellow.0' : undefined}
        >
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(item.decidedAt)}
            </Text>
          </Table.Td>
          <Table.Td miw={140}>
            <Text size="sm" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
              {item.transferId}
            </Text>
            <Text size="xs" c="dimmed" className="khien-mono">
              {t('screening.reviews.ruleSet', { version: item.ruleSetVersion })}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatVnd(item.amountVnd)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Stack gap={2} align="flex-start">
              <ActionBadge action={item.action} />
              <Text size="xs" c="dimmed">
                {t('screening.reviews.score', { score: item.score })}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td miw={220} maw={340}>
            <Reasons reasons={item.reasons} />
          </Table.Td>
          <Table.Td miw={220}>
            <ShadowCell shadow={item.shadow} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Where the shadow draft decided otherwise: a marked badge in words, its action and the rules that differed. */
function ShadowCell({ shadow }: { shadow: DecisionSummary['shadow'] }) {
  const { t } = useTranslation();
  if (!shadow)
    return (
      <Text size="sm" c="dimmed">
        {t('screening.decisions.shadowSame')}
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start" data-testid="screening-shadow-diff" data-shadow-action={shadow.action}>
      <Badge color="yellow.9" variant="outline" tt="none" miw="max-content">
        <span aria-hidden="true">◆ </span>
        {t('screening.decisions.shadowDiffers')}
      </Badge>
      <Text size="sm">
        {t('screening.decisions.shadowDecided', {
          version: shadow.version,
          action: t(`screening.action.${shadow.action}`),
          score: shadow.score,
        })}
      </Text>
      {shadow.rules.length > 0 && (
        <Text size="xs" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
          {t('screening.decisions.shadowRules', { rules: shadow.rules.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}
