import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@khien/contracts';
import { DataTable, HiddenHeader } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { isLocked } from './changes';

interface UserTableProps {
  users: User[];
  onEdit?: ((user: User) => void) | undefined;
}

export function UserTable({ users, onEdit }: UserTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;
  return (
    <DataTable
      minWidth={720}
      testId="user-table"
      head={
        <>
          <Table.Th scope="col">{t('users.fullName')}</Table.Th>
          <Table.Th scope="col">{t('users.roles')}</Table.Th>
          <Table.Th scope="col">{t('users.status')}</Table.Th>
          <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
          {onEdit && <HiddenHeader label={t('common.edit')} />}
        </>
      }
    >
      {users.map((user) => (
        <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
          <Table.Td>
            <Text fw={600}>{user.fullName}</Text>
            <Text size="sm" c="dimmed" className="khien-mono">
              {user.username}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              {user.roles.map((role) => (
                <Badge key={role} variant="light" color="blue">
                  {t(`role.${role}`)}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                {user.active ? t('common.active') : t('common.inactive')}
              </Badge>
              {isLocked(user) && (
                <Badge
                  variant="light"
                  color="red"
                  title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
                >
                  {t('users.locked')}
                </Badge>
              )}
              {user.totpEnabled && (
                <Badge variant="light" color="violet">
                  {t('users.totpOn')}
                </Badge>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}</Text>
          </Table.Td>
          {onEdit && (
            <Table.Td>
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => onEdit(user)}
                aria-label={t('users.edit', { username: user.username })}
                data-testid="user-edit-open"
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
