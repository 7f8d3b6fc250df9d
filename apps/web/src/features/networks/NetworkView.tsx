import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { NetworkDetail, NetworkNode } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PageLoader } from '../../ui/PageLoader';
import { SectionCard } from '../../ui/SectionCard';
import { formatDay } from '../appeals/format';
import { Fact } from '../appeals/AppealStatusCard';
import { useProvinceNames } from '../reference/api';
import { formatVnd } from '../registry/format';
import { indicatorPath, reportPath } from '../reports/links';
import { useNetwork } from './api';
import { membersOf, nodeColors, nodeStyle } from './graph';
import { NetworkGraph } from './NetworkGraph';

/** Rows of each members table: the graph and the report pages hold the rest. */
const memberRows = 200;
/** The members tables scroll within this height, so that the page stays short. */
const memberHeight = 480;

/** The network chosen in the list: its totals, its graph with a legend, the chosen node, and its members. */
export function NetworkView({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const network = useNetwork(networkId);
  if (network.isPending) return <PageLoader />;
  if (network.isError) {
    return isApiError(network.error, 'not_found') || isApiError(network.error, 'validation.failed') ? (
      <Alert color="gray" variant="light" data-testid="network-not-found">
        {t('networks.notFound')}
      </Alert>
    ) : (
      <ErrorAlert error={network.error} onRetry={() => void network.refetch()} />
    );
  }
  return <Loaded key={network.data.id} detail={network.data} />;
}

function Loaded({ detail }: { detail: NetworkDetail }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const node = selected ? detail.nodes.find((candidate) => candidate.id === selected) : undefined;
  const total = detail.reportCount + detail.identifierCount;
  return (
    <Stack gap="md" data-testid="network-view" data-network={detail.id}>
      <Title order={2} fz="h3">
        {t('networks.networkName', {
          reports: formatNumber(detail.reportCount),
          identifiers: formatNumber(detail.identifierCount),
        })}
      </Title>
      <Totals detail={detail} />
      <SectionCard id="network-graph" title={t('networks.graph.title')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('networks.graph.help')}
        </Text>
        {detail.truncated && (
          <Alert color="yellow" variant="light" mb="sm" data-testid="network-truncated">
            {t('networks.graph.truncated', {
              shown: formatNumber(detail.nodes.length),
              total: formatNumber(total),
            })}
          </Alert>
        )}
        <NetworkGraph detail={detail} selected={selected} onSelect={setSelected} />
        <Legend />
        {node && <NodePanel node={node} onClose={() => setSelected(null)} />}
      </SectionCard>
      <Members nodes={detail.nodes} onSelect={setSelected} />
    </Stack>
  );
}

function Totals({ detail }: { detail: NetworkDetail }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  return (
    <Card withBorder padding="md" component="section" aria-label={t('networks.totals.title')}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Fact label={t('networks.totals.victims')}>
          <Text span fw={700} fz="lg" data-testid="network-victims">
            {formatNumber(detail.reportCount)}
          </Text>
        </Fact>
        <Fact label={t('networks.totals.loss')}>
          <Text span fw={700} fz="lg" data-testid="network-loss">
            {formatVnd(detail.totalLossVnd)}
          </Text>
        </Fact>
        <Fact label={t('networks.totals.identifiers')}>{formatNumber(detail.identifierCount)}</Fact>
        <Fact label={t('networks.totals.period')}>
          {t('networks.totals.periodValue', {
            first: formatDay(detail.firstReportAt),
            last: formatDay(detail.lastReportAt),
          })}
        </Fact>
        <Fact label={t('networks.totals.provinces')} wide>
          <span data-testid="network-provinces">{detail.provinceCodes.map(provinceName).join(', ')}</span>
        </Fact>
        <Fact label={t('networks.totals.methods')} wide>
          {detail.scamMethods.map((method) => t(`scamMethod.${method}`)).join('; ')}
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('networks.asOf', { time: formatDateTime(detail.asOf) })}
      </Text>
    </Card>
  );
}

/** A small mark of a node's shape and colour; the words beside it say the same. */
function Swatch({ shape, color }: { shape: 'circle' | 'square' | 'line'; color: string }) {
  return (
    <Box
      component="span"
      aria-hidden
      display="inline-block"
      w={shape === 'line' ? 20 : 12}
      h={shape === 'line' ? 2 : 12}
      bg={color}
      style={{ borderRadius: shape === 'circle' ? '50%' : 2, flex: 'none' }}
    />
  );
}

function Legend() {
  const { t } = useTranslation();
  const items = [
    { shape: 'circle', color: nodeColors.reportInReach, label: t('networks.graph.legendReportInReach') },
    { shape: 'circle', color: nodeColors.reportOutside, label: t('networks.graph.legendReportOutside') },
    { shape: 'square', color: nodeColors.identifier, label: t('networks.graph.legendIdentifier') },
    { shape: 'square', color: nodeColors.confirmed, label: t('networks.graph.legendConfirmed') },
    { shape: 'line', color: '#868e96', label: t('networks.graph.legendEdge') },
  ] as const;
  return (
    <Box
      component="figure"
      m={0}
      mt="sm"
      aria-label={t('networks.graph.legend')}
      data-testid="network-legend"
    >
      <Group gap="lg" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Group key={item.label} gap={6} component="li" wrap="nowrap">
            <Swatch shape={item.shape} color={item.color} />
            <Text size="sm">{item.label}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}

/** The chosen node in words, with the way to its page: a report the unit reaches, or a registry entry. */
function NodePanel({ node, onClose }: { node: NetworkNode; onClose: () => void }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  const style = nodeStyle(node);
  return (
    <Card withBorder mt="md" padding="md" bg="gray.0" data-testid="network-node" data-node-type={node.type}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="xs">
          <Swatch shape={style.shape} color={style.color} />
          <Text fw={700} className="khien-mono">
            {node.label}
          </Text>
          <Badge variant="light" color="gray" tt="none">
            {node.type === 'report' ? t('networks.node.report') : t('networks.node.identifier')}
          </Badge>
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={onClose}>
          {t('networks.node.close')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {node.type === 'report' ? (
          <>
            {node.provinceCode && (
              <Fact label={t('networks.node.province')}>{provinceName(node.provinceCode)}</Fact>
            )}
            {node.status && node.type === 'report' && (
              <Fact label={t('networks.node.status')}>
                {t(`reports.status.${node.status as 'received'}`)}
              </Fact>
            )}
            {node.receivedAt && <Fact label={t('networks.node.received')}>{formatDay(node.receivedAt)}</Fact>}
            {node.scamMethod && (
              <Fact label={t('networks.node.method')}>{t(`scamMethod.${node.scamMethod}`)}</Fact>
            )}
            <Fact label={t('networks.node.unit')}>{node.handlingAgencyName ?? t('common.none')}</Fact>
            {node.lossVnd !== undefined && (
              <Fact label={t('networks.node.loss')}>{formatVnd(node.lossVnd)}</Fact>
            )}
          </>
        ) : (
          <>
            {node.kind && <Fact label={t('networks.node.kind')}>{t(`indicatorKind.${node.kind}`)}</Fact>}
            {node.status && (
              <Fact label={t('networks.node.status')}>
                {t(`indicatorStatus.${node.status as 'reported'}`)}
              </Fact>
            )}
          </>
        )}
        <Fact label={t('networks.node.links')}>{formatNumber(node.degree)}</Fact>
      </SimpleGrid>
      <Group mt="md">
        {node.type === 'identifier' ? (
          <Button component={Link} to={indicatorPath(node.id)} data-testid="network-node-open">
            {t('networks.node.openIdentifier')}
          </Button>
        ) : node.inReach ? (
          <Button component={Link} to={reportPath(node.id)} data-testid="network-node-open">
            {t('networks.node.openReport')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('networks.node.outsideReach')}
          </Text>
        )}
      </Group>
    </Card>
  );
}

/** The same content as the graph, as tables: for reading aloud, for search in the page, for printing. */
function Members({ nodes, onSelect }: { nodes: NetworkNode[]; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const provinceName = useProvinceNames();
  const { reports, identifiers } = membersOf(nodes);
  return (
    <SectionCard id="network-members" title={t('networks.members.title')}>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Stack gap="xs">
          <Text fw={600}>{t('networks.members.reports', { n: formatNumber(reports.length) })}</Text>
          <ScrollArea.Autosize mah={memberHeight} type="auto">
            <DataTable
              minWidth={480}
              testId="network-reports"
              verticalSpacing="xs"
              head={
                <>
                  <Table.Th scope="col">{t('networks.members.code')}</Table.Th>
                  <Table.Th scope="col">{t('networks.members.province')}</Table.Th>
                  <Table.Th scope="col">{t('networks.members.received')}</Table.Th>
                  <Table.Th scope="col">{t('networks.members.reach')}</Table.Th>
                </>
              }
            >
              {reports.slice(0, memberRows).map((node) => (
                <Table.Tr
                  key={node.id}
                  data-testid="network-report-row"
                  data-in-reach={node.inReach ? 'yes' : 'no'}
                >
                  <Table.Td>
                    {node.inReach ? (
                      <Anchor
                        component={Link}
                        to={reportPath(node.id)}
                        className="khien-mono"
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {node.label}
                      </Anchor>
                    ) : (
                      <Anchor
                        component="button"
                        type="button"
                        className="khien-mono"
                        onClick={() => onSelect(node.id)}
                      >
                        {node.label}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{node.provinceCode ? provinceName(node.provinceCode) : ''}</Table.Td>
                  <Table.Td>{node.receivedAt ? formatDay(node.receivedAt) : ''}</Table.Td>
                  <Table.Td>
                    {node.inReach ? t('networks.members.inReach') : t('networks.members.outside')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </ScrollArea.Autosize>
          {reports.length > memberRows && (
            <Text size="sm" c="dimmed">
              {t('networks.members.more', { shown: memberRows, total: formatNumber(reports.length) })}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Text fw={600}>{t('networks.members.identifiers', { n: formatNumber(identifiers.length) })}</Text>
          <ScrollArea.Autosize mah={memberHeight} type="auto">
            <DataTable
              minWidth={420}
              testId="network-identifiers"
              verticalSpacing="xs"
              head={
                <>
                  <Table.Th scope="col">{t('networks.members.identifier')}</Table.Th>
                  <Table.Th scope="col">{t('networks.members.kind')}</Table.Th>
                  <Table.Th scope="col">{t('networks.members.links')}</Table.Th>
                </>
              }
            >
              {identifiers.slice(0, memberRows).map((node) => (
                <Table.Tr key={node.id} data-testid="network-identifier-row">
                  <Table.Td>
                    <Anchor component={Link} to={indicatorPath(node.id)} className="khien-mono">
                      {node.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{node.kind ? t(`indicatorKind.${node.kind}`) : ''}</Table.Td>
                  <Table.Td>{formatNumber(node.degree)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </ScrollArea.Autosize>
          {identifiers.length > memberRows && (
            <Text size="sm" c="dimmed">
              {t('networks.members.more', { shown: memberRows, total: formatNumber(identifiers.length) })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </SectionCard>
  );
}
