import { Button, Card, Group, Text } from '@mantine/core';
import type { Report } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Forbidden } from '../../ui/Forbidden';
import { PagedResults } from '../../ui/PagedResults';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useCan } from '../auth/me-context';
import { withChanges } from '../registry/filters';
import { useReports } from './api';
import { reportFiltersFrom } from './filters';
import { GroupCaseForm } from './GroupCaseForm';
import { ReportFilterBar } from './ReportFilterBar';
import { casePath, reportIntakePath } from './links';
import { ReportTable, type RowSelection } from './ReportTable';

const pageSize = 25;

/** `/app/to-giac`: the unit's inbox, nearest deadline first, with its filters in the address. */
export function ReportListPage() {
  const can = useCan();
  return can('report.list') ? <Inbox /> : <Forbidden />;
}

function Inbox() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = reportFiltersFrom(params, pageSize);
  const reports = useReports(filters);
  const [selected, setSelected] = useState<ReadonlyMap<string, Report>>(new Map());
  const [grouping, setGrouping] = useState(false);

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });

  const selection: RowSelection | undefined = can('case.manage')
    ? {
        selected: new Set(selected.keys()),
        onToggle: (report) =>
          setSelected((current) => {
            const next = new Map(current);
            if (next.has(report.id)) next.delete(report.id);
            else next.set(report.id, report);
            return next;
          }),
        onTogglePage: (page) =>
          setSelected((current) => {
            const next = new Map(current);
            const all = page.every((report) => next.has(report.id));
            for (const report of page) {
              if (all) next.delete(report.id);
              else next.set(report.id, report);
            }
            return next;
          }),
      }
    : undefined;

  return (
    <>
      <PageHeader
        title={t('reports.list.title')}
        description={t('reports.list.intro')}
        actions={
          can('report.intake') && (
            <Button component={Link} to={reportIntakePath} data-testid="report-intake-open">
              {t('reports.list.intake')}
            </Button>
          )
        }
      />
      <ReportFilterBar filters={filters} onChange={update} />
      {selected.size > 0 && (
        <Card withBorder mb="md" padding="sm" bg="blue.0" data-testid="report-selection">
          <Group justify="space-between" gap="sm">
            <Text fw={600} aria-live="polite">
              {t('reports.list.selected', { count: selected.size })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setSelected(new Map())}>
                {t('reports.list.clearSelection')}
              </Button>
              <Button onClick={() => setGrouping(true)} data-testid="report-group-open">
                {t('reports.list.group')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      <PagedResults
        query={reports}
        limit={pageSize}
        offset={filters.offset}
        onOffsetChange={(offset) => update({ offset: offset ? String(offset) : null })}
      >
        {(items) => <ReportTable reports={items} selection={selection} />}
      </PagedResults>
      <ResponsiveModal opened={grouping} onClose={() => setGrouping(false)} title={t('reports.list.group')}>
        <GroupCaseForm
          reports={[...selected.values()]}
          onCancel={() => setGrouping(false)}
          onDone={(found) => {
            setGrouping(false);
            setSelected(new Map());
            void navigate(casePath(found.id));
          }}
        />
      </ResponsiveModal>
    </>
  );
}
