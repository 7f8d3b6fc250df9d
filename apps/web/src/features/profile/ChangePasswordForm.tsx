import { Button, Card, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordRequest } from '@khien/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { schemaValidator, serverFieldErrors } from '../../ui/messages';
import { useChangePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = ['currentPassword', 'newPassword'] as const;
const toRequest = (values: Values) => ({
  currentPassword: values.currentPassword,
  newPassword: values.newPassword,
});
const validateSchema = schemaValidator(ChangePasswordRequest, toRequest);

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors = validateSchema(values);
      if (values.confirmPassword !== values.newPassword)
        errors.confirmPassword = t('fieldErrors.passwordsMismatch');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    change.mutate(toRequest(values), {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="change-password-title">
      <Title order={2} fz="h3" mb="md" id="change-password-title">
        {t('profile.changePassword')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={change.error} fields={fields} />
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            data-testid="password-current"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('profile.newPasswordHelp')}
            autoComplete="new-password"
            required
            data-testid="password-new"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('profile.confirmPassword')}
            autoComplete="new-password"
            required
            data-testid="password-confirm"
            {...form.getInputProps('confirmPassword')}
          />
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="password-submit">
              {t('profile.submitPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
