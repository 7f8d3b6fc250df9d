import {
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import type { NetworkSummary } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Forbidden } from '../../ui/Forbidden';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { formatDay } from '../appeals/format';
import { useCan } from '../auth/me-context';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { useProvinceNames } from '../reference/api';
import { formatVnd } from '../registry/format';
import { withChanges } from '../registry/filters';
import { useMethodOptions } from '../registry/labels';
import { useNetworks } from './api';
import {
  filterChange,
  minReportChoices,
  minReportsOf,
  networkFiltersFrom,
  selectedNetworkFrom,
  type NetworkFilters,
} from './filters';
import { NetworkView } from './NetworkView';

const pageSize = 20;

/** `/app/mang-luoi`: scam networks, filtered in the address, and the chosen one drawn beside the list. */
export function NetworksPage() {
  const can = useCan();
  return can('report.list') ? <Networks /> : <Forbidden />;
}

function Networks() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = networkFiltersFrom(params, pageSize);
  const selected = selectedNetworkFrom(params);
  const networks = useNetworks(filters);

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });
  // Choosing a network keeps the page of the list where it was.
  const choose = (networkId: string) =>
    setParams((current) => withChanges(current, { network: networkId, offset: current.get('offset') }));

  return (
    <>
      <PageHeader title={t('networks.title')} description={t('networks.intro')} />
      <FilterBar filters={filters} onChange={update} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="xs" component="section" aria-labelledby="network-list-title">
            <Group justify="space-between" align="baseline">
              <Text fw={700} id="network-list-title">
                {t('networks.listTitle')}
              </Text>
              {networks.data && (
                <Text size="xs" c="dimmed">
                  {t('networks.asOf', { time: formatDateTime(networks.data.asOf) })}
                </Text>
              )}
            </Group>
            <PagedResults
              query={networks}
              limit={pageSize}
              offset={filters.offset}
              onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
            >
              {(items) => <NetworkList networks={items} selected={selected} onChoose={choose} />}
            </PagedResults>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {selected ? (
            <NetworkView key={selected} networkId={selected} />
          ) : (
            <Card withBorder padding="xl">
              <Text c="dimmed">{t('networks.chooseNetwork')}</Text>
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

function FilterBar({
  filters,
  onChange,
}: {
  filters: NetworkFilters;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const methods = useMethodOptions();
  const change = (name: Parameters<typeof filterChange>[0], value: string | null) =>
    onChange(filterChange(name, value));
  return (
    <Card withBorder mb="md" padding="md" component="section" aria-label={t('networks.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ProvinceSelect
          label={t('networks.province')}
          placeholder={t('common.all')}
          clearable
          value={filters.provinceCode ?? null}
          onChange={(value) => change('provinceCode', value)}
          data-testid="network-filter-province"
        />
        <FilterSelect
          label={t('networks.method')}
          data={methods}
          value={filters.method ?? null}
          onChange={(value) => change('method', value)}
          data-testid="network-filter-method"
        />
        <Select
          label={t('networks.minReports')}
          data={minReportChoices.map((count) => ({
            value: String(count),
            label: t('networks.minReportsOption', { count }),
          }))}
          value={String(minReportsOf(filters))}
          onChange={(value) => change('minReports', value)}
          allowDeselect={false}
          data-testid="network-filter-min"
        />
      </SimpleGrid>
      <Stack gap={4} mt="md" align="flex-start">
        <Text size="sm" fw={500} id="network-sort-label">
          {t('networks.sort')}
        </Text>
        <SegmentedControl
          aria-labelledby="network-sort-label"
          value={filters.sort ?? 'reports'}
          onChange={(value) => change('sort', value)}
          data={[
            { value: 'reports', label: t('networks.sortReports') },
            { value: 'loss', label: t('networks.sortLoss') },
            { value: 'recent', label: t('networks.sortRecent') },
          ]}
          data-testid="network-sort"
        />
      </Stack>
    </Card>
  );
}

/** The page of networks, each a button that draws it; the chosen one is marked (in words, too). */
function NetworkList({
  networks,
  selected,
  onChoose,
}: {
  networks: NetworkSummary[];
  selected: string | null;
  onChoose: (networkId: string) => void;
}) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  if (networks.length === 0) return <Text c="dimmed">{t('networks.empty')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="network-list">
      {networks.map((network) => {
        const chosen = network.id === selected;
        return (
          <li key={network.id}>
            <UnstyledButton
              w="100%"
              onClick={() => onChoose(network.id)}
              aria-pressed={chosen}
              aria-label={t('networks.open', { reports: formatNumber(network.reportCount) })}
              data-testid="network-open"
              data-network={network.id}
            >
              <Card
                withBorder
                padding="sm"
                bg={chosen ? 'blue.0' : undefined}
                style={{
                  borderColor: chosen ? 'var(--mantine-color-blue-7)' : undefined,
                  borderWidth: chosen ? 2 : 1,
                }}
              >
                <Group justify="space-between" align="baseline" wrap="nowrap">
                  <Text fw={700}>
                    {t('networks.networkName', {
                      reports: formatNumber(network.reportCount),
                      identifiers: formatNumber(network.identifierCount),
                    })}
                  </Text>
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {formatVnd(network.totalLossVnd)}
                  </Text>
                </Group>
                <Text size="sm">{network.provinceCodes.map(provinceName).join(', ')}</Text>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {network.scamMethods.map((method) => t(`scamMethod.${method}`)).join('; ')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('networks.column.last')}: {formatDay(network.lastReportAt)}
                </Text>
              </Card>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
