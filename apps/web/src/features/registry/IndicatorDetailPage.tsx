import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { IndicatorDetail } from '@khien/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/problem';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { hasMessage, translate } from '../../ui/messages';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { SectionCard } from '../../ui/SectionCard';
import { safeLink } from '../check/verdict';
import { useCan } from '../auth/me-context';
import { AgencyName } from './AgencyName';
import { useIndicator } from './api';
import { SharingBadge, StatusBadge } from './badges';
import { ChangeStatusForm } from './ChangeStatusForm';
import { formatVnd } from './format';
import { MergeIndicatorForm } from './MergeIndicatorForm';
import { allowedTargets, targetButton, type TargetStatus } from './status';

export function IndicatorDetailPage({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const indicator = useIndicator(indicatorId);

  if (indicator.isPending) return <PageLoader />;
  if (indicator.isError) {
    return (
      <Stack>
        {isApiError(indicator.error, 'not_found') || isApiError(indicator.error, 'validation.failed') ? (
          <Text>{t('indicators.notFound')}</Text>
        ) : (
          <ErrorAlert error={indicator.error} onRetry={() => void indicator.refetch()} />
        )}
        <BackToList />
      </Stack>
    );
  }
  return <Detail indicator={indicator.data} />;
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/app/nghi-van" size="sm">
      ← {t('indicators.backToList')}
    </Anchor>
  );
}

function Detail({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [target, setTarget] = useState<TargetStatus | null>(null);
  const [merging, setMerging] = useState(false);

  return (
    <>
      <BackToList />
      <PageHeader
        title={indicator.display}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" tt="none">
              {t(`indicatorKind.${indicator.kind}`)}
            </Badge>
            <StatusBadge status={indicator.status} testId="indicator-status" />
            <SharingBadge sharing={indicator.sharing} />
          </Group>
        }
      />
      {indicator.mergedIntoId && <MergedNotice mergedIntoId={indicator.mergedIntoId} />}
      <Stack gap="lg">
        <Facts indicator={indicator} />
        {can('indicator.decide') && <StatusActions indicator={indicator} onChoose={setTarget} />}
        {can('indicator.decide') && !indicator.mergedIntoId && (
          <MergeAction onOpen={() => setMerging(true)} />
        )}
        <Sources indicator={indicator} />
        <History indicator={indicator} />
      </Stack>
      <ResponsiveModal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t('indicators.statusTitle', { status: t(`indicatorStatus.${target}`) }) : ''}
      >
        {target && (
          <ChangeStatusForm
            indicator={indicator}
            target={target}
            onCancel={() => setTarget(null)}
            onChanged={() => {
              notifications.show({
                color: 'teal',
                message: t('indicators.statusChanged', { status: t(`indicatorStatus.${target}`) }),
              });
              setTarget(null);
            }}
          />
        )}
      </ResponsiveModal>
      <ResponsiveModal
        opened={merging}
        onClose={() => setMerging(false)}
        title={t('indicators.merge.modalTitle', { display: indicator.display })}
      >
        <MergeIndicatorForm
          indicator={indicator}
          onCancel={() => setMerging(false)}
          onMerged={(kept) => {
            setMerging(false);
            notifications.show({
              color: 'teal',
              message: t('indicators.merge.merged', { display: kept.display }),
            });
            void navigate(`/app/nghi-van/${kept.id}`);
          }}
        />
      </ResponsiveModal>
    </>
  );
}

/** An alias: checks and reports of it go to the kept entry, named here (when it may be read). */
function MergedNotice({ mergedIntoId }: { mergedIntoId: string }) {
  const { t } = useTranslation();
  const kept = useIndicator(mergedIntoId);
  return (
    <Alert color="gray" variant="light" mb="md" data-testid="indicator-merged-notice">
      <Text fw={600}>
        {t('indicators.mergedInto')}{' '}
        <Anchor
          component={Link}
          to={`/app/nghi-van/${mergedIntoId}`}
          className={kept.data ? 'khien-mono' : undefined}
        >
          {kept.data?.display ?? t('indicators.mergedTarget')}
        </Anchor>
      </Text>
      <Text size="sm" mt={4}>
        {t('indicators.mergedHelp')}
      </Text>
    </Alert>
  );
}

function MergeAction({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="indicator-merge-title">
      <Title order={2} fz="h4" mb="xs" id="indicator-merge-title">
        {t('indicators.merge.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('indicators.merge.intro')}
      </Text>
      <Button variant="outline" onClick={onOpen} data-testid="indicator-merge-open">
        {t('indicators.merge.open')}
      </Button>
    </Card>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

function Facts({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('indicators.confidence')}>
          {t('indicators.confidenceValue', { value: indicator.confidence })}
        </Fact>
        <Fact label={t('indicators.reports')}>{formatNumber(indicator.reportCount)}</Fact>
        <Fact label={t('indicators.loss')}>
          {indicator.reportedLossVnd > 0 ? formatVnd(indicator.reportedLossVnd) : t('common.none')}
        </Fact>
        <Fact label={t('indicators.expiresAt')}>
          {indicator.expiresAt ? formatDate(indicator.expiresAt) : t('indicators.noExpiry')}
        </Fact>
        <Fact label={t('indicators.firstSeen')}>{formatDateTime(indicator.firstSeenAt)}</Fact>
        <Fact label={t('indicators.lastSeen')}>{formatDateTime(indicator.lastSeenAt)}</Fact>
        <Fact label={t('indicators.statusChangedAt')}>{formatDateTime(indicator.statusChangedAt)}</Fact>
        <Fact label={t('indicators.decidedBy')}>
          <AgencyName agencyId={indicator.decidedByAgencyId} />
        </Fact>
        <Fact label={t('indicators.methods')} wide>
          {indicator.scamMethods.length > 0 ? (
            <Group gap={4} mt={2}>
              {indicator.scamMethods.map((method) => (
                <Badge key={method} variant="outline" color="gray" tt="none">
                  {t(`scamMethod.${method}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            t('indicators.noMethods')
          )}
        </Fact>
        {indicator.statusReason && (
          <Fact label={t('indicators.statusReason')} wide>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{indicator.statusReason}</Text>
          </Fact>
        )}
        <Fact label={t('indicators.key')} wide>
          <Text size="sm" className="khien-mono">
            {indicator.key}
          </Text>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

function StatusActions({
  indicator,
  onChoose,
}: {
  indicator: IndicatorDetail;
  onChoose: (target: TargetStatus) => void;
}) {
  const { t } = useTranslation();
  const targets = allowedTargets(indicator.status);
  if (targets.length === 0) return null;
  return (
    <SectionCard id="indicator-actions" title={t('indicators.changeStatus')}>
      <Group gap="sm">
        {targets.map((target) => (
          <Button
            key={target}
            color={targetButton[target].color}
            variant={targetButton[target].variant}
            onClick={() => onChoose(target)}
            data-testid={`indicator-status-${target}`}
          >
            {t(`indicators.moveTo.${target}`)}
          </Button>
        ))}
      </Group>
    </SectionCard>
  );
}

function Sources({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="indicator-sources" title={t('indicators.sources')}>
      {indicator.sources.length === 0 ? (
        <Text c="dimmed">{t('indicators.sourcesEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={760}
          testId="indicator-sources"
          head={
            <>
              <Table.Th scope="col">{t('indicators.time')}</Table.Th>
              <Table.Th scope="col">{t('indicators.sourceKind')}</Table.Th>
              <Table.Th scope="col">{t('indicators.method')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indicators.loss')}
              </Table.Th>
              <Table.Th scope="col">{t('indicators.evidence')}</Table.Th>
              <Table.Th scope="col">{t('indicators.note')}</Table.Th>
            </>
          }
        >
          {indicator.sources.map((source) => {
            const evidence = safeLink(source.evidenceUrl);
            return (
              <Table.Tr key={source.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(source.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`indicators.sourceType.${source.sourceType}`)}
                  </Text>
                  {source.agencyId && (
                    <Text size="sm">
                      <AgencyName agencyId={source.agencyId} />
                    </Text>
                  )}
                  {source.sourceRef && (
                    <Text size="xs" c="dimmed" className="khien-mono" title={t('indicators.sourceRef')}>
                      {source.sourceRef}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {source.scamMethod ? t(`scamMethod.${source.scamMethod}`) : t('common.none')}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {source.lossVnd ? formatVnd(source.lossVnd) : t('common.none')}
                </Table.Td>
                <Table.Td>
                  {evidence ? (
                    <Anchor
                      href={evidence}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                      size="sm"
                      className="khien-mono"
                    >
                      {source.evidenceUrl}
                    </Anchor>
                  ) : (
                    (source.evidenceUrl ?? t('common.none'))
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {source.note ?? t('common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </SectionCard>
  );
}

/** An event name the app has words for, or the name itself. */
function eventLabel(event: string): string {
  const key = `indicators.event.${event}`;
  return hasMessage(key) ? translate({ key }) : event;
}

function History({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="indicator-history" title={t('indicators.history')}>
      {indicator.history.length === 0 ? (
        <Text c="dimmed">{t('indicators.historyEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={640}
          testId="indicator-history"
          head={
            <>
              <Table.Th scope="col">{t('indicators.time')}</Table.Th>
              <Table.Th scope="col">{t('indicators.eventLabel')}</Table.Th>
              <Table.Th scope="col">{t('indicators.reason')}</Table.Th>
              <Table.Th scope="col">{t('indicators.agency')}</Table.Th>
            </>
          }
        >
          {indicator.history.map((event, index) => (
            <Table.Tr key={`${event.createdAt}:${index}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {eventLabel(event.event)}
                </Text>
                {event.toStatus && (
                  <Text size="sm">
                    {event.fromStatus ? `${t(`indicatorStatus.${event.fromStatus}`)} → ` : ''}
                    {t(`indicatorStatus.${event.toStatus}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.reason ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" component="div">
                  <AgencyName agencyId={event.actorAgencyId} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}
