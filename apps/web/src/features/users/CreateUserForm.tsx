import { PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateUserRequest, type Role, type User } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { optionalText, schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useCreateUser } from './api';
import { RolesSelect } from './RolesSelect';

interface Values {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  roles: string[];
  password: string;
}

const fields = ['username', 'fullName', 'email', 'phone', 'roles', 'password'] as const;

function toRequest(values: Values) {
  return {
    username: values.username.trim(),
    fullName: values.fullName.trim(),
    email: optionalText(values.email),
    phone: optionalText(values.phone),
    roles: values.roles as Role[],
    password: values.password,
  };
}

interface CreateUserFormProps {
  agencyId: string;
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function CreateUserForm({ agencyId, onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser(agencyId);
  const form = useForm<Values>({
    initialValues: { username: '', fullName: '', email: '', phone: '', roles: [], password: '' },
    validate: schemaValidator(CreateUserRequest, toRequest),
  });

  const submit = form.onSubmit((values) =>
    create.mutate(CreateUserRequest.parse(toRequest(values)), {
      onSuccess: onCreated,
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={fields} />
        <TextInput
          label={t('users.username')}
          description={t('users.usernameHelp')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
          data-testid="user-username"
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('users.fullName')}
          autoComplete="off"
          required
          data-testid="user-fullname"
          {...form.getInputProps('fullName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.email')}
            description={t('common.optional')}
            type="email"
            autoComplete="off"
            data-testid="user-email"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('users.phone')}
            description={t('common.optional')}
            type="tel"
            autoComplete="off"
            data-testid="user-phone"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <RolesSelect required data-testid="user-roles" {...form.getInputProps('roles')} />
        <PasswordInput
          label={t('users.password')}
          description={t('users.passwordHelp')}
          autoComplete="new-password"
          required
          data-testid="user-password"
          {...form.getInputProps('password')}
        />
        <FormActions
          submitLabel={t('users.create')}
          submitTestId="user-submit"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
