import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FilterSelect } from '../../ui/FilterSelect';
import { Forbidden } from '../../ui/Forbidden';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/me-context';
import { withChanges } from '../registry/filters';
import { useRequests } from './api';
import { requestFiltersFrom, type RequestFilters } from './filters';
import { useRequestStatusOptions, useRequestTypeOptions } from './labels';
import { newRequestPath } from './links';
import { RequestTable } from './RequestTable';

const pageSize = 25;

/** `/app/yeu-cau`: requests to and from the agency, overdue first, with the filters in the address. */
export function RequestListPage() {
  const can = useCan();
  return can('request.read') ? <Inbox /> : <Forbidden />;
}

function Inbox() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = requestFiltersFrom(params, pageSize);
  const requests = useRequests(filters);
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });
  return (
    <>
      <PageHeader
        title={t('requests.list.title')}
        description={t('requests.list.intro')}
        actions={
          can('request.send') && (
            <Button component={Link} to={newRequestPath} data-testid="request-create-open">
              {t('requests.list.create')}
            </Button>
          )
        }
      />
      <FilterBar filters={filters} onChange={update} />
      <PagedResults
        query={requests}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <RequestTable requests={items} />}
      </PagedResults>
    </>
  );
}

function FilterBar({
  filters,
  onChange: update,
}: {
  filters: RequestFilters;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const statusOptions = useRequestStatusOptions();
  const typeOptions = useRequestTypeOptions();
  return (
    <Card withBorder mb="md" padding="md" component="section" aria-label={t('requests.list.filters')}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="request-box-label">
            {t('requests.list.box')}
          </Text>
          <SegmentedControl
            aria-labelledby="request-box-label"
            value={filters.box}
            onChange={(value) => update({ box: value === 'inbox' ? null : value })}
            data={[
              { value: 'inbox', label: t('requests.list.boxInbox') },
              { value: 'outbox', label: t('requests.list.boxOutbox') },
              { value: 'all', label: t('requests.list.boxAll') },
            ]}
            w={{ base: '100%', sm: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
            data-testid="request-box"
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FilterSelect
            label={t('requests.list.typeFilter')}
            data={typeOptions}
            value={filters.type ?? null}
            onChange={(value) => update({ type: value })}
            data-testid="request-filter-type"
          />
          <FilterSelect
            label={t('requests.list.statusFilter')}
            data={statusOptions}
            value={filters.status ?? null}
            onChange={(value) => update({ status: value })}
            data-testid="request-filter-status"
          />
        </SimpleGrid>
        <Group gap="xl">
          <Switch
            label={t('requests.list.openOnly')}
            checked={filters.open === 'true'}
            onChange={(event) => update({ open: event.currentTarget.checked ? 'true' : null })}
            data-testid="request-filter-open"
          />
          <Switch
            label={t('requests.list.overdueOnly')}
            checked={filters.overdue === 'true'}
            onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : null })}
            color="red.9"
            data-testid="request-filter-overdue"
          />
          {filters.reportId && (
            <Button variant="subtle" size="compact-sm" onClick={() => update({ reportId: null })}>
              {t('requests.list.clearReport')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
