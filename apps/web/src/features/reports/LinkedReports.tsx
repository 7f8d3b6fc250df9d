import { Anchor, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import type { ReportDetail } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../ui/DataTable';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { formatDay } from '../appeals/format';
import { useCan } from '../auth/me-context';
import { useProvinceNames } from '../reference/api';
import { useCase } from './api';
import { ReportStatusBadge } from './badges';
import { GroupCaseForm } from './GroupCaseForm';
import { reportPath } from './links';
import { groupCandidates, groupReportIds } from './requests';

/**
 * Reports from any province that name an identifier this one names, and the one click that groups them:
 * into this report's case, or into a new case with this report.
 */
export function LinkedReports({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const provinceName = useProvinceNames();
  const manage = can('case.manage');
  const { candidates, preselected } = groupCandidates(report);
  const [selected, setSelected] = useState<string[]>(preselected);
  const [grouping, setGrouping] = useState(false);
  const ownCase = useCase(manage ? report.caseId : null);
  const candidateIds = new Set(candidates.map((linked) => linked.id));
  const chosen = selected.filter((id) => candidateIds.has(id));
  const ids = groupReportIds(report, chosen);
  const toGroup = ids.map((id) =>
    id === report.id
      ? { id, trackingCode: report.trackingCode }
      : { id, trackingCode: report.linkedReports.find((linked) => linked.id === id)?.trackingCode ?? id },
  );
  const groupLabel = report.caseId
    ? t('reports.linked.groupExisting', { count: chosen.length })
    : chosen.length > 0
      ? t('reports.linked.groupNew', { count: chosen.length })
      : t('reports.linked.groupSelf');

  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((item) => item !== id) : [...current, id],
    );

  return (
    <SectionCard id="report-linked" title={t('reports.linked.title')} testId="report-linked">
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.linked.intro')}
      </Text>
      {report.linkedReports.length === 0 ? (
        <Text c="dimmed">{t('reports.linked.empty')}</Text>
      ) : (
        <DataTable
          minWidth={640}
          testId="report-linked-table"
          head={
            <>
              {manage && <Table.Th scope="col" w={40} />}
              <Table.Th scope="col">{t('reports.column.code')}</Table.Th>
              <Table.Th scope="col">{t('reports.linked.shared')}</Table.Th>
              <Table.Th scope="col">{t('reports.column.province')}</Table.Th>
              <Table.Th scope="col">{t('reports.column.status')}</Table.Th>
              <Table.Th scope="col">{t('reports.column.method')}</Table.Th>
            </>
          }
        >
          {report.linkedReports.map((linked) => (
            <Table.Tr key={linked.id} data-testid="report-linked-row">
              {manage && (
                <Table.Td>
                  {candidateIds.has(linked.id) && (
                    <Checkbox
                      aria-label={t('reports.linked.select', { code: linked.trackingCode })}
                      checked={selected.includes(linked.id)}
                      onChange={() => toggle(linked.id)}
                      data-testid="report-linked-select"
                    />
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Anchor
                  component={Link}
                  to={reportPath(linked.id)}
                  fw={700}
                  className="khien-mono"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {linked.trackingCode}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDay(linked.receivedAt)}
                  {linked.handlingAgencyName ? ` · ${linked.handlingAgencyName}` : ''}
                </Text>
                {linked.caseId && (
                  <Badge variant="outline" color="gray" tt="none" size="sm" mt={2} miw="max-content">
                    {linked.caseId === report.caseId
                      ? t('reports.linked.sameCase')
                      : t('reports.linked.inCase')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {linked.sharedIdentifiers.map((identifier) => (
                  <Text
                    key={identifier}
                    size="sm"
                    fw={600}
                    c="red.9"
                    className="khien-mono"
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {identifier}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{provinceName(linked.provinceCode)}</Text>
              </Table.Td>
              <Table.Td>
                <ReportStatusBadge status={linked.status} />
              </Table.Td>
              <Table.Td miw={150}>
                <Text size="sm">{t(`scamMethod.${linked.scamMethod}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {manage && (report.caseId === null || chosen.length > 0) && (
        <Group mt="md">
          <Button onClick={() => setGrouping(true)} data-testid="report-linked-group">
            {groupLabel}
          </Button>
        </Group>
      )}
      <ResponsiveModal
        opened={grouping}
        onClose={() => setGrouping(false)}
        title={report.caseId ? t('reports.group.titleExisting') : t('reports.group.titleNew')}
      >
        <GroupCaseForm
          reports={toGroup}
          fixedCase={
            report.caseId
              ? {
                  id: report.caseId,
                  code: ownCase.data?.code ?? '',
                  title: ownCase.data?.title ?? '',
                }
              : undefined
          }
          onCancel={() => setGrouping(false)}
          onDone={() => setGrouping(false)}
        />
      </ResponsiveModal>
    </SectionCard>
  );
}
