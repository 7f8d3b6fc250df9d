import { Alert, Checkbox, PasswordInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateUserRequest, type User } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { formatDateTime } from '../../ui/format';
import { useUpdateUser } from './api';
import { editValuesOf, isLocked, userChanges, type EditUserValues } from './changes';
import { RolesSelect } from './RolesSelect';

const fields = [
  'fullName',
  'email',
  'phone',
  'roles',
  'active',
  'unlock',
  'resetTotp',
  'newPassword',
] as const;

interface EditUserFormProps {
  user: User;
  onSaved: (user: User) => void;
  onCancel: () => void;
}

export function EditUserForm({ user, onSaved, onCancel }: EditUserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.agencyId, user.id);
  const [nothingToSave, setNothingToSave] = useState(false);
  const form = useForm<EditUserValues>({
    initialValues: editValuesOf(user),
    validate: schemaValidator(UpdateUserRequest, (values: EditUserValues) => userChanges(user, values)),
  });

  const submit = form.onSubmit((values) => {
    const changes = userChanges(user, values);
    setNothingToSave(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    update.mutate(UpdateUserRequest.parse(changes), {
      onSuccess: onSaved,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={update.error} fields={fields} />
        {nothingToSave && (
          <Alert color="blue" variant="light">
            {t('users.noChanges')}
          </Alert>
        )}
        <TextInput
          label={t('users.fullName')}
          required
          data-testid="user-edit-fullname"
          {...form.getInputProps('fullName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('users.phone')} type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <RolesSelect required data-testid="user-edit-roles" {...form.getInputProps('roles')} />
        <Switch
          label={t('users.activeLabel')}
          description={t('users.activeHelp')}
          data-testid="user-edit-active"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        {isLocked(user) && (
          <Checkbox
            label={t('users.unlock')}
            description={`${t('users.unlockHelp')} ${t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}`}
            data-testid="user-edit-unlock"
            {...form.getInputProps('unlock', { type: 'checkbox' })}
          />
        )}
        {user.totpEnabled && (
          <Checkbox
            label={t('users.resetTotp')}
            description={t('users.resetTotpHelp')}
            data-testid="user-edit-reset-totp"
            {...form.getInputProps('resetTotp', { type: 'checkbox' })}
          />
        )}
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.newPasswordHelp')}
          autoComplete="new-password"
          data-testid="user-edit-password"
          {...form.getInputProps('newPassword')}
        />
        <FormActions
          submitLabel={t('common.save')}
          submitTestId="user-edit-submit"
          pending={update.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
