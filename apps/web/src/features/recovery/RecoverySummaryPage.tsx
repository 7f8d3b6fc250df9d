import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Forbidden } from '../../ui/Forbidden';
import { formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { SectionCard } from '../../ui/SectionCard';
import { useCan, useCurrentMe } from '../auth/me-context';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { useProvinceNames } from '../reference/api';
import { withChanges } from '../registry/filters';
import { formatVnd } from '../registry/format';
import { useRecoverySummary } from './api';
import { formatShare } from './format';
import { Figure, GoldenHourGrid, LedgerTotalsGrid } from './RecoveryFigures';
import { DataTable } from '../../ui/DataTable';

/** `/app/thu-hoi`: the money lost, held and returned, and the golden hour, for the country or a province. */
export function RecoverySummaryPage() {
  const can = useCan();
  return can('recovery.read') ? <Summary /> : <Forbidden />;
}

function Summary() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('provinceCode');
  const provinceCode = raw && /^\d{2}$/.test(raw) ? raw : null;
  const summary = useRecoverySummary(provinceCode);
  const provinceName = useProvinceNames();
  const me = useCurrentMe();
  return (
    <>
      <PageHeader title={t('recovery.summary.title')} description={t('recovery.summary.intro')} />
      <Stack gap="lg">
        <ProvinceSelect
          label={t('recovery.summary.province')}
          placeholder={t('recovery.summary.country')}
          clearable
          value={provinceCode}
          onChange={(value) =>
            setParams((current) => withChanges(current, { provinceCode: value }), { replace: true })
          }
          maw={360}
          data-testid="recovery-province"
        />
        {summary.isPending ? (
          <PageLoader />
        ) : summary.isError ? (
          <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <>
            <SectionCard
              id="recovery-scope"
              title={
                summary.data.scope === 'province'
                  ? t('recovery.summary.scope.province', {
                      name: provinceName(provinceCode ?? me.agency.provinceCode),
                    })
                  : t(`recovery.summary.scope.${summary.data.scope === 'case' ? 'case' : 'country'}`)
              }
              testId="recovery-summary"
            >
              <Stack gap="md">
                <Figure
                  label={t('recovery.summary.reports')}
                  value={formatNumber(summary.data.reports)}
                  testId="recovery-reports"
                />
                <LedgerTotalsGrid totals={summary.data.totals} wide />
              </Stack>
            </SectionCard>
            <SectionCard id="recovery-golden" title={t('recovery.golden.title')}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t('recovery.summary.medianHelp')}
                </Text>
                <GoldenHourGrid
                  reportToFirstHold={summary.data.medianReportToFirstHoldMinutes}
                  requestToFirstHeld={summary.data.medianRequestToFirstHeldMinutes}
                  heldShare={summary.data.heldShare}
                  labels={{
                    reportToFirstHold: t('recovery.summary.medianReportToFirstHold'),
                    requestToFirstHeld: t('recovery.summary.medianRequestToFirstHeld'),
                    heldShare: t('recovery.summary.heldShare'),
                  }}
                />
              </Stack>
            </SectionCard>
            <SectionCard id="recovery-provinces" title={t('recovery.summary.byProvince')}>
              {summary.data.byProvince.length === 0 ? (
                <Text c="dimmed">{t('recovery.summary.byProvinceEmpty')}</Text>
              ) : (
                <DataTable
                  minWidth={820}
                  testId="recovery-by-province"
                  label={t('recovery.summary.byProvince')}
                  head={
                    <>
                      <Table.Th scope="col">{t('recovery.summary.column.province')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.summary.column.reports')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.totals.lost')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.totals.held')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.totals.returned')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.totals.stillHeld')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('recovery.summary.heldShare')}
                      </Table.Th>
                    </>
                  }
                >
                  {summary.data.byProvince.map((row) => (
                    <Table.Tr key={row.provinceCode} data-testid="recovery-province-row">
                      <Table.Th scope="row" fw={600}>
                        {provinceName(row.provinceCode)}
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(row.reports)}</Table.Td>
                      <Table.Td ta="right">{formatVnd(row.totals.lostVnd)}</Table.Td>
                      <Table.Td ta="right">{formatVnd(row.totals.heldVnd)}</Table.Td>
                      <Table.Td ta="right">{formatVnd(row.totals.returnedVnd)}</Table.Td>
                      <Table.Td ta="right">{formatVnd(row.totals.stillHeldVnd)}</Table.Td>
                      <Table.Td ta="right">
                        {row.totals.lostVnd > 0
                          ? formatShare(Math.min(1, row.totals.heldVnd / row.totals.lostVnd))
                          : t('common.none')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </SectionCard>
          </>
        )}
      </Stack>
    </>
  );
}
