import { Checkbox, Table, Text, Tooltip } from '@mantine/core';
import type { Report } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { formatNumber } from '../../ui/format';
import { formatDay } from '../appeals/format';
import { useProvinceNames } from '../reference/api';
import { formatVnd } from '../registry/format';
import { DeadlineBadge, StatusAndDecision } from './badges';
import { deadlineBadge } from './deadline';
import { CodeLink } from './DetailQuery';
import { reportPath } from './links';

export interface RowSelection {
  selected: ReadonlySet<string>;
  onToggle: (report: Report) => void;
  /** Selects every row of the page, or clears them when all are selected. */
  onTogglePage: (reports: Report[]) => void;
}

const rowBackground = { overdue: 'red.0', soon: 'orange.0', ok: undefined, done: undefined } as const;

/**
 * One page of reports: the code opens the report. Rows near their deadline are tinted, overdue ones more
 * strongly, and the deadline cell says it in words.
 */
export function ReportTable({
  reports,
  selection,
  testId = 'report-table',
}: {
  reports: Report[];
  selection?: RowSelection | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  if (reports.length === 0) return <Text c="dimmed">{t('reports.list.empty')}</Text>;
  const pageSelected = selection ? reports.filter((report) => selection.selected.has(report.id)).length : 0;
  return (
    <DataTable
      minWidth={1000}
      verticalSpacing="xs"
      testId={testId}
      highlightOnHover
      head={
        <>
          {selection && (
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label={t('reports.list.selectPage')}
                checked={pageSelected === reports.length}
                indeterminate={pageSelected > 0 && pageSelected < reports.length}
                onChange={() => selection.onTogglePage(reports)}
              />
            </Table.Th>
          )}
          <Table.Th scope="col">{t('reports.column.code')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.deadline')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.received')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.method')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.province')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.unit')}</Table.Th>
          <Table.Th scope="col">{t('reports.column.status')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.column.loss')}
          </Table.Th>
          <Table.Th scope="col">
            <Tooltip label={t('reports.linksCellHelp')} multiline w={260}>
              <span>{t('reports.column.links')}</span>
            </Tooltip>
          </Table.Th>
        </>
      }
    >
      {reports.map((report) => {
        const state = deadlineBadge(report).state;
        return (
          <Table.Tr
            key={report.id}
            data-testid="report-row"
            data-status={report.status}
            data-deadline={state}
            bg={rowBackground[state]}
          >
            {selection && (
              <Table.Td>
                <Checkbox
                  aria-label={t('reports.list.selectRow', { code: report.trackingCode })}
                  checked={selection.selected.has(report.id)}
                  onChange={() => selection.onToggle(report)}
                  data-testid="report-select"
                />
              </Table.Td>
            )}
            <Table.Td>
              <CodeLink to={reportPath(report.id)} code={report.trackingCode} testId="report-open" />
              <Text size="xs" c="dimmed">
                {t(`reports.channel.${report.channel}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <DeadlineBadge report={report} withDate="plain" />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{formatDay(report.receivedAt)}</Text>
            </Table.Td>
            <Table.Td miw={140}>
              <Text size="sm">{t(`scamMethod.${report.scamMethod}`)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{provinceName(report.provinceCode)}</Text>
            </Table.Td>
            <Table.Td miw={150}>
              <Text size="sm">{report.handlingAgencyName ?? t('reports.noUnit')}</Text>
              <Text
                size="xs"
                c={report.assignedUserName ? undefined : 'dimmed'}
                fs={report.assignedUserName ? undefined : 'italic'}
              >
                {report.assignedUserName ?? t('reports.unassigned')}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusAndDecision status={report.status} decision={report.decision} />
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={report.totalLossVnd > 0 ? 600 : undefined}>
                {report.totalLossVnd > 0 ? formatVnd(report.totalLossVnd) : t('common.none')}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">
                {t('reports.identifiersCell', { n: formatNumber(report.identifierCount) })}
              </Text>
              <Text size="sm" fw={report.linkedReportCount > 0 ? 700 : undefined}>
                {t('reports.linkedCell', { n: formatNumber(report.linkedReportCount) })}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
