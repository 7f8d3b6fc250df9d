import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDisableTotp } from './api';

export function DisableTotpForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setPasswordError(t('fieldErrors.required'));
      return;
    }
    setPasswordError(null);
    disable.mutate(password, {
      onSuccess: () => {
        setPassword('');
        notifications.show({ message: t('totp.disabledDone') });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{t('totp.disableTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('totp.disableHelp')}
        </Text>
        <ErrorAlert error={disable.error} />
        <PasswordInput
          label={t('totp.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={passwordError}
          required
          maw={360}
          data-testid="totp-disable-password"
        />
        <Group>
          <Button
            type="submit"
            color="red"
            variant="outline"
            loading={disable.isPending}
            data-testid="totp-disable"
          >
            {t('totp.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
