import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@khien/contracts';
import { useCan } from '../auth/me-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoader } from '../../ui/PageLoader';
import { Pager } from '../../ui/Pager';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useUsers } from './api';
import { CreateUserForm } from './CreateUserForm';
import { EditUserForm } from './EditUserForm';
import { UserTable } from './UserTable';

const pageSize = 25;

/** The staff of one agency: search, page, add and edit accounts. */
export function UsersPanel({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useUsers(agencyId, { q: q || undefined, limit: pageSize, offset });

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('users.personalDataNotice')}
      </Text>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('users.searchLabel')}
          placeholder={t('common.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
          data-testid="user-search"
        />
        {can('user.create') && (
          <Button onClick={() => setCreating(true)} data-testid="user-create-open">
            {t('users.create')}
          </Button>
        )}
      </Group>
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <div style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}>
          <UserTable users={users.data.items} onEdit={can('user.update') ? setEditing : undefined} />
          <Pager total={users.data.total} limit={pageSize} offset={offset} onOffsetChange={setOffset} />
        </div>
      )}
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('users.createTitle')}>
        <CreateUserForm
          agencyId={agencyId}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            notifications.show({ color: 'teal', message: t('users.created', { username: user.username }) });
          }}
        />
      </ResponsiveModal>
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('users.editTitle', { username: editing.username }) : ''}
      >
        {editing && (
          <EditUserForm
            key={editing.id}
            user={editing}
            onCancel={() => setEditing(null)}
            onSaved={(user) => {
              setEditing(null);
              notifications.show({ color: 'teal', message: t('users.updated', { username: user.username }) });
            }}
          />
        )}
      </ResponsiveModal>
    </Stack>
  );
}
