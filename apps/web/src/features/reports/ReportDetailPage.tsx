import { Alert, Anchor, Badge, Card, Grid, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReportDetail } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reportsPath } from '../../app/navigation';
import { DataTable } from '../../ui/DataTable';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime } from '../../ui/format';
import { codeMessageText } from '../../ui/messages';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { Fact } from '../appeals/AppealStatusCard';
import { formatDay } from '../appeals/format';
import { useCan, useCurrentMe } from '../auth/me-context';
import { communeLabel, useCommunes, useProvinceNames } from '../reference/api';
import { StatusBadge } from '../registry/badges';
import { formatVnd } from '../registry/format';
import { RecoveryPanel } from '../recovery/RecoveryPanel';
import { maySend } from '../requests/create';
import { HoldRequestLink, ReportRequests } from '../requests/ReportRequests';
import { useCase, useReport } from './api';
import { DeadlineBadge, ReportStatusBadge } from './badges';
import { DetailQuery } from './DetailQuery';
import { isOpen } from './deadline';
import { ContactCard } from './ContactCard';
import { formatBytes, groupHash } from './format';
import { LinkedReports } from './LinkedReports';
import { casePath, evidenceHref, indicatorPath } from './links';
import { ReportActions } from './ReportActions';
import { ReportTimeline } from './ReportTimeline';

/** `/app/to-giac/:reportId`: the facts, the handling actions, the contact (on request), the history and the links. */
export function ReportDetailPage() {
  const can = useCan();
  const { reportId = '' } = useParams();
  if (!can('report.read')) return <Forbidden />;
  return <ReportLoader key={reportId} reportId={reportId} />;
}

function ReportLoader({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const report = useReport(reportId);
  return (
    <DetailQuery
      query={report}
      notFound={t('reports.detail.notFound')}
      back={{ to: reportsPath, label: t('reports.detail.back') }}
    >
      {(data) => <Detail report={data} />}
    </DetailQuery>
  );
}

function Detail({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader
        title={t('reports.detail.title', { code: report.trackingCode })}
        description={
          <Group gap="xs" component="span">
            <ReportStatusBadge status={report.status} testId="report-status" />
            {report.decision && (
              <Badge
                variant="light"
                color="teal"
                size="lg"
                tt="none"
                data-testid="report-decision"
                data-decision={report.decision}
              >
                {t(`reports.decision.${report.decision}`)}
              </Badge>
            )}
            {isOpen(report.status) && <DeadlineBadge report={report} />}
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Facts report={report} />
            <Identifiers report={report} />
            <Transfers report={report} />
            {can('recovery.read') && <RecoveryPanel reportId={report.id} />}
            {can('request.read') && <ReportRequests reportId={report.id} />}
            <Evidence report={report} />
            <LinkedReports report={report} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ReportActions report={report} />
            <Deadline report={report} />
            <ContactCard report={report} />
            <ReportTimeline events={report.timeline} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Facts({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const provinceName = useProvinceNames();
  const communes = useCommunes(report.communeCode ? report.provinceCode : null);
  const commune = communes.data?.find((item) => item.code === report.communeCode);
  const place = [
    commune ? communeLabel(commune, i18n.language) : report.communeCode,
    provinceName(report.provinceCode),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('reports.detail.factsTitle')}>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
        <Fact label={t('reports.detail.receivedAt')}>{formatDateTime(report.receivedAt)}</Fact>
        <Fact label={t('reports.detail.channel')}>{t(`reports.channel.${report.channel}`)}</Fact>
        <Fact label={t('reports.detail.occurredAt')}>
          {report.occurredAt ? formatDateTime(report.occurredAt) : t('common.none')}
        </Fact>
        <Fact label={t('reports.detail.method')}>{t(`scamMethod.${report.scamMethod}`)}</Fact>
        <Fact label={t('reports.detail.place')}>{place}</Fact>
        <Fact label={t('reports.detail.loss')}>
          <Text span fw={700} data-testid="report-loss">
            {report.totalLossVnd > 0 ? formatVnd(report.totalLossVnd) : t('common.none')}
          </Text>
        </Fact>
        <Fact label={t('reports.detail.unit')}>{report.handlingAgencyName ?? t('reports.noUnit')}</Fact>
        <Fact label={t('reports.detail.officer')}>
          <span data-testid="report-assignee">{report.assignedUserName ?? t('reports.unassigned')}</span>
        </Fact>
        <Fact label={t('reports.detail.reporter')}>
          {report.anonymous ? t('reports.anonymous') : t('reports.detail.reporterKnown')}
        </Fact>
        {report.decidedAt && (
          <Fact label={t('reports.detail.decidedAt')}>{formatDateTime(report.decidedAt)}</Fact>
        )}
        {report.caseId && (
          <Fact label={t('reports.detail.case')}>
            <CaseLink caseId={report.caseId} />
          </Fact>
        )}
        {report.channels.length > 0 && (
          <Fact label={t('reports.detail.channels')} wide>
            <Group gap={4} mt={2}>
              {report.channels.map((channel) => (
                <Badge key={channel} variant="outline" color="gray" tt="none">
                  {t(`reports.contactChannel.${channel}`)}
                </Badge>
              ))}
            </Group>
          </Fact>
        )}
        <Fact label={t('reports.detail.story')} wide>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="report-story">
            {report.story}
          </Text>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

/** The case's code when cases may be read, else a plain link. */
function CaseLink({ caseId }: { caseId: string }) {
  const can = useCan();
  const found = useCase(can('case.manage') ? caseId : null);
  return (
    <Anchor component={Link} to={casePath(caseId)} className="khien-mono" data-testid="report-case-link">
      {found.data ? `${found.data.code} · ${found.data.title}` : `${caseId.slice(0, 8)}…`}
    </Anchor>
  );
}

function Deadline({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="report-deadline" title={t('reports.detail.deadlineTitle')}>
      <Stack gap="sm">
        <DeadlineBadge report={report} withDate="labelled" />
        <Fact label={t('reports.detail.extensions')}>
          {report.extensions.length > 0 ? (
            <List size="sm" spacing={2}>
              {report.extensions.map((extension) => (
                <List.Item key={extension}>{t(`reports.extension.${extension}`)}</List.Item>
              ))}
            </List>
          ) : (
            t('reports.detail.noExtension')
          )}
        </Fact>
        <Text size="xs" c="dimmed">
          {t('reports.deadline.legal')}
        </Text>
      </Stack>
    </SectionCard>
  );
}

function Identifiers({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="report-identifiers" title={t('reports.detail.identifiersTitle')}>
      {report.identifiers.length === 0 ? (
        <Text c="dimmed">{t('reports.detail.identifiersEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={560}
          testId="report-identifiers"
          head={
            <>
              <Table.Th scope="col">{t('reports.detail.identifier')}</Table.Th>
              <Table.Th scope="col">{t('reports.detail.identifierKind')}</Table.Th>
              <Table.Th scope="col">{t('reports.detail.registryStatus')}</Table.Th>
            </>
          }
        >
          {report.identifiers.map((identifier) => (
            <Table.Tr key={identifier.indicatorId}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={indicatorPath(identifier.indicatorId)}
                  fw={600}
                  className="khien-mono"
                  data-testid="report-identifier-link"
                >
                  {identifier.display}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`indicatorKind.${identifier.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={identifier.indicatorStatus} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {report.unreadable.length > 0 && (
        <Alert color="gray" variant="light" mt="sm" title={t('reports.detail.unreadableTitle')}>
          <Text size="sm">{t('reports.detail.unreadableHelp')}</Text>
          <List size="sm" mt={4}>
            {report.unreadable.map((item) => (
              <List.Item key={item.input}>
                <Text span className="khien-mono">
                  {item.input}
                </Text>{' '}
                <Text span c="dimmed" size="xs">
                  ({codeMessageText(item.code) ?? item.message})
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </SectionCard>
  );
}

function Transfers({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  // Each receiving account is one click from a hold request to its bank.
  const me = useCurrentMe();
  const holds = can('request.send') && maySend(me.agency.type, 'hold');
  const total = report.transfers.reduce((sum, transfer) => sum + transfer.amountVnd, 0);
  return (
    <SectionCard id="report-transfers" title={t('reports.detail.transfersTitle')}>
      {report.transfers.length === 0 ? (
        <Text c="dimmed">{t('reports.detail.transfersEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={600}
          testId="report-transfers"
          head={
            <>
              <Table.Th scope="col">{t('reports.detail.transferFrom')}</Table.Th>
              <Table.Th scope="col">{t('reports.detail.transferTo')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.detail.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('reports.detail.transferAt')}</Table.Th>
              <Table.Th scope="col">{t('reports.detail.transferReference')}</Table.Th>
            </>
          }
        >
          {report.transfers.map((transfer) => (
            <Table.Tr key={transfer.id}>
              <Table.Td>
                <Text size="sm">{transfer.fromBank ?? t('common.none')}</Text>
                {transfer.fromAccountMasked && (
                  <Text size="sm" className="khien-mono">
                    {transfer.fromAccountMasked}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{transfer.toBank ?? t('common.none')}</Text>
                {transfer.toIndicatorId ? (
                  <Anchor
                    component={Link}
                    to={indicatorPath(transfer.toIndicatorId)}
                    size="sm"
                    fw={600}
                    className="khien-mono"
                  >
                    {transfer.toAccount}
                  </Anchor>
                ) : (
                  <Text size="sm" className="khien-mono">
                    {transfer.toAccount}
                  </Text>
                )}
                {holds && (
                  <HoldRequestLink
                    reportId={report.id}
                    bank={transfer.toBank}
                    account={transfer.toAccount}
                    amountVnd={transfer.amountVnd}
                  />
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(transfer.amountVnd)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {transfer.at ? formatDateTime(transfer.at) : t('common.none')}
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="khien-mono">
                  {transfer.reference ?? t('common.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('reports.detail.total')}
            </Table.Th>
            <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {formatVnd(total)}
            </Table.Td>
            <Table.Td colSpan={2} />
          </Table.Tr>
        </DataTable>
      )}
    </SectionCard>
  );
}

function Evidence({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="report-evidence" title={t('reports.detail.evidenceTitle')}>
      {report.evidence.length === 0 ? (
        <Text c="dimmed">{t('reports.detail.evidenceEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={720}
          testId="report-evidence"
          head={
            <>
              <Table.Th scope="col">{t('reports.detail.evidenceFile')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.detail.evidenceSize')}
              </Table.Th>
              <Table.Th scope="col" title={t('reports.detail.evidenceHashHelp')}>
                {t('reports.detail.evidenceHash')}
              </Table.Th>
              <Table.Th scope="col">{t('reports.detail.evidenceReceived')}</Table.Th>
            </>
          }
        >
          {report.evidence.map((file) => (
            <Table.Tr key={file.id}>
              <Table.Td>
                <Anchor
                  href={evidenceHref(report.id, file.id)}
                  download={file.fileName}
                  title={t('reports.detail.download')}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="report-evidence-download"
                >
                  {file.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {file.mediaType}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(file.sizeBytes)}
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="xs" className="khien-mono" style={{ overflowWrap: 'anywhere' }}>
                  {groupHash(file.sha256)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(file.receivedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}
