import { Button, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiPath } from '../../api/client';
import { casesPath } from '../../app/navigation';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { Fact } from '../appeals/AppealStatusCard';
import { useCan } from '../auth/me-context';
import { useProvinceNames } from '../reference/api';
import { formatVnd } from '../registry/format';
import { useCase } from './api';
import { DetailQuery } from './DetailQuery';
import { ReportTable } from './ReportTable';

/** The case file for the procuracy: same origin, so the session cookie goes with the download. */
function caseFileHref(caseId: string, format: 'pdf' | 'docx'): string {
  return `${apiPath('/api/cases/:caseId/export', { caseId })}?format=${format}`;
}

/** `/app/vu-viec/:caseId`: a case, its totals, and its reports with their deadlines. */
export function CaseDetailPage() {
  const can = useCan();
  const { caseId = '' } = useParams();
  if (!can('case.manage')) return <Forbidden />;
  return <CaseLoader key={caseId} caseId={caseId} />;
}

function CaseLoader({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const found = useCase(caseId);
  return (
    <DetailQuery
      query={found}
      notFound={t('reports.cases.notFound')}
      back={{ to: casesPath, label: t('reports.cases.back') }}
    >
      {(data) => <Detail found={data} />}
    </DetailQuery>
  );
}

function Detail({ found }: { found: CaseDetail }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  return (
    <>
      <PageHeader
        title={t('reports.cases.detailTitle', { code: found.code })}
        description={found.title}
        actions={
          <>
            <Button
              component="a"
              href={caseFileHref(found.id, 'pdf')}
              download
              variant="default"
              title={t('reports.cases.exportHelp')}
              data-testid="case-export-pdf"
            >
              {t('reports.cases.exportPdf')}
            </Button>
            <Button
              component="a"
              href={caseFileHref(found.id, 'docx')}
              download
              variant="default"
              title={t('reports.cases.exportHelp')}
              data-testid="case-export-docx"
            >
              {t('reports.cases.exportDocx')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('reports.cases.unit')}>{found.agencyName}</Fact>
            <Fact label={t('reports.cases.reportCount')}>
              <span data-testid="case-report-count">{formatNumber(found.reportCount)}</span>
            </Fact>
            <Fact label={t('reports.cases.loss')}>
              <Text span fw={700}>
                {formatVnd(found.totalLossVnd)}
              </Text>
            </Fact>
            <Fact label={t('reports.cases.createdAt')}>{formatDateTime(found.createdAt)}</Fact>
            <Fact label={t('reports.cases.provinces')} wide>
              {found.provinceCodes.map(provinceName).join(', ') || t('common.none')}
            </Fact>
          </SimpleGrid>
        </Card>
        <SectionCard id="case-reports" title={t('reports.cases.reportsTitle')}>
          <ReportTable reports={found.reports} testId="case-reports" />
        </SectionCard>
      </Stack>
    </>
  );
}
