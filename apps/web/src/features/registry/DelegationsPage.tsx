import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Delegation } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { registryPath } from '../../app/navigation';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useAgency } from '../agencies/api';
import { useCurrentMe } from '../auth/me-context';
import { useDelegations, useRevokeDelegation } from './api';
import { counterpartOf, managesDelegations, orderedKinds } from './delegations';
import { GrantDelegationForm } from './GrantDelegationForm';

interface Revoking {
  delegation: Delegation;
  agency: string;
}

/**
 * A police agency's delegations of registry decisions, which its leaders grant and revoke; for any other
 * agency, read-only, the decisions delegated to it.
 */
export function DelegationsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const manages = managesDelegations(me);
  const delegations = useDelegations();
  const revoke = useRevokeDelegation();
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const kindsText = (delegation: Delegation) =>
    orderedKinds(delegation.kinds)
      .map((kind) => t(`indicatorKind.${kind}`))
      .join(', ');

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <>
      {!manages && (
        <Anchor component={Link} to={registryPath} size="sm">
          ← {t('indicators.backToList')}
        </Anchor>
      )}
      <PageHeader
        title={manages ? t('delegations.title') : t('delegations.receivedTitle')}
        description={manages ? t('delegations.intro') : t('delegations.receivedIntro')}
        actions={
          manages && (
            <Button onClick={() => setGranting(true)} data-testid="delegation-create-open">
              {t('delegations.create')}
            </Button>
          )
        }
      />
      {delegations.isPending ? (
        <PageLoader />
      ) : delegations.isError ? (
        <ErrorAlert error={delegations.error} onRetry={() => void delegations.refetch()} />
      ) : delegations.data.items.length === 0 ? (
        <Text c="dimmed">{manages ? t('delegations.empty') : t('delegations.receivedEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={760}
          testId="delegation-table"
          head={
            <>
              <Table.Th scope="col">
                {manages ? t('delegations.agency') : t('delegations.grantedBy')}
              </Table.Th>
              <Table.Th scope="col">{t('delegations.kinds')}</Table.Th>
              <Table.Th scope="col">{t('delegations.reason')}</Table.Th>
              <Table.Th scope="col">{t('delegations.createdAt')}</Table.Th>
              {manages && <HiddenHeader label={t('delegations.revoke')} />}
            </>
          }
        >
          {delegations.data.items.map((delegation) => (
            <DelegationRow
              key={delegation.id}
              delegation={delegation}
              manages={manages}
              onRevoke={(agency) => setRevoking({ delegation, agency })}
            />
          ))}
        </DataTable>
      )}
      <ResponsiveModal
        opened={granting}
        onClose={() => setGranting(false)}
        title={t('delegations.createTitle')}
      >
        <GrantDelegationForm
          onCancel={() => setGranting(false)}
          onGranted={() => {
            setGranting(false);
            notifications.show({ color: 'teal', message: t('delegations.created') });
          }}
        />
      </ResponsiveModal>
      <ConfirmModal
        opened={revoking !== null}
        title={t('delegations.revokeTitle')}
        message={
          revoking
            ? t('delegations.revokeConfirm', {
                agency: revoking.agency,
                kinds: kindsText(revoking.delegation),
              })
            : ''
        }
        confirmLabel={t('delegations.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.delegation.id, {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                message: t('delegations.revoked', { agency: revoking.agency }),
              });
              closeRevoke();
            },
          });
        }}
      />
    </>
  );
}

function DelegationRow({
  delegation,
  manages,
  onRevoke,
}: {
  delegation: Delegation;
  manages: boolean;
  onRevoke: (agency: string) => void;
}) {
  const { t } = useTranslation();
  const agencyId = counterpartOf(delegation, manages);
  const agency = useAgency(agencyId);
  const name = agency.data?.name ?? `${agencyId.slice(0, 8)}…`;
  return (
    <Table.Tr data-testid="delegation-row" data-delegation-id={delegation.id}>
      <Table.Td miw={200}>
        {agency.data ? (
          <Text fw={600}>{agency.data.name}</Text>
        ) : (
          <Text size="sm" c="dimmed" className="khien-mono">
            {name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {orderedKinds(delegation.kinds).map((kind) => (
            <Badge key={kind} variant="light" tt="none" miw="max-content">
              {t(`indicatorKind.${kind}`)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {delegation.reason}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(delegation.createdAt)}</Table.Td>
      {manages && (
        <Table.Td>
          <Button
            variant="outline"
            color="red"
            size="compact-sm"
            onClick={() => onRevoke(name)}
            aria-label={t('delegations.revokeLabel', { agency: name })}
            data-testid="delegation-revoke"
          >
            {t('delegations.revoke')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
