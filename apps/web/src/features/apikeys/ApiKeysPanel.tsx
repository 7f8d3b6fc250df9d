import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey, CreatedApiKey } from '@khien/contracts';
import { useCan } from '../auth/me-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageLoader } from '../../ui/PageLoader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useApiKeys, useRevokeApiKey } from './api';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { SecretModal } from './SecretModal';
import { scopeLabelKey } from './labels';
import { apiKeyStatus } from './status';

const statusColor = { active: 'teal', revoked: 'red', expired: 'gray' } as const;
const statusLabel = {
  active: 'apiKeys.statusActive',
  revoked: 'apiKeys.statusRevoked',
  expired: 'apiKeys.statusExpired',
} as const;

export function ApiKeysPanel({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const keys = useApiKeys(agencyId);
  const revoke = useRevokeApiKey(agencyId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('apiKeys.intro')}
        </Text>
        {can('apikey.create') && (
          <Button onClick={() => setCreating(true)} data-testid="apikey-create-open">
            {t('apiKeys.create')}
          </Button>
        )}
      </Group>
      {keys.isPending ? (
        <PageLoader />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <Text c="dimmed">{t('apiKeys.empty')}</Text>
      ) : (
        <DataTable
          minWidth={760}
          testId="apikey-table"
          head={
            <>
              <Table.Th scope="col">{t('apiKeys.name')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.scopes')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.status')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.expiresAt')}</Table.Th>
              <Table.Th scope="col">{t('apiKeys.lastUsed')}</Table.Th>
              <HiddenHeader label={t('apiKeys.revoke')} />
            </>
          }
        >
          {keys.data.map((key) => {
            const status = apiKeyStatus(key);
            return (
              <Table.Tr key={key.id}>
                <Table.Td>
                  <Text fw={600}>{key.name}</Text>
                  <Text size="xs" c="dimmed" className="khien-mono" title={t('apiKeys.prefix')}>
                    {key.prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {key.scopes.map((scope) => (
                      <Badge
                        key={scope}
                        variant="outline"
                        color="blue"
                        title={t(scopeLabelKey(scope))}
                        tt="none"
                      >
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[status]}>
                    {t(statusLabel[status])}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(key.createdAt)}</Table.Td>
                <Table.Td>{key.expiresAt ? formatDate(key.expiresAt) : t('apiKeys.noExpiry')}</Table.Td>
                <Table.Td>
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.neverUsed')}
                </Table.Td>
                <Table.Td>
                  {can('apikey.revoke') && status === 'active' && (
                    <Button
                      variant="outline"
                      color="red"
                      size="compact-sm"
                      onClick={() => setRevoking(key)}
                      aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                      data-testid="apikey-revoke"
                    >
                      {t('apiKeys.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('apiKeys.createTitle')}>
        <CreateApiKeyForm
          agencyId={agencyId}
          onCancel={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      </ResponsiveModal>
      <SecretModal apiKey={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle')}
        message={revoking ? t('apiKeys.revokeConfirm', { name: revoking.name }) : ''}
        confirmLabel={t('apiKeys.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('apiKeys.revoked', { name: revoking.name }) });
              closeRevoke();
            },
          });
        }}
      />
    </Stack>
  );
}
