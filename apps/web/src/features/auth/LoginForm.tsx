import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@khien/contracts';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorText, serverFieldErrors } from '../../ui/messages';
import { useLogin } from './api';

interface LoginFormProps {
  onSignedIn: (me: Me) => void;
}

type Step = 'password' | 'totp';

/** Errors the form handles itself rather than in the alert. */
const handledInline = ['auth.totp_required', 'auth.totp_invalid'];

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const totpRef = useRef<HTMLInputElement>(null);
  const form = useForm({ initialValues: { username: '', password: '', totp: '' } });

  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  const submit = form.onSubmit((values) => {
    const errors: Record<string, string> = {};
    if (!values.username.trim()) errors.username = t('fieldErrors.required');
    if (!values.password) errors.password = t('fieldErrors.required');
    if (step === 'totp' && !/^\d{6}$/.test(values.totp.trim()))
      errors.totp = t('fieldErrors.totp.invalid_format');
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    login.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        ...(step === 'totp' ? { totp: values.totp.trim() } : {}),
      },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (isApiError(error, 'auth.totp_required')) {
            setStep('totp');
          } else if (isApiError(error, 'auth.totp_invalid')) {
            form.setFieldValue('totp', '');
            form.setFieldError('totp', errorText(error));
            totpRef.current?.focus();
          } else {
            form.setErrors(serverFieldErrors(error, ['username', 'password', 'totp']));
          }
        },
      },
    );
  });

  const restart = () => {
    setStep('password');
    login.reset();
    form.setValues({ password: '', totp: '' });
    form.clearErrors();
  };

  const alertError =
    login.error && !handledInline.some((code) => isApiError(login.error, code)) ? login.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={alertError} fields={['username', 'password', 'totp']} />
        {step === 'password' ? (
          <>
            <TextInput
              label={t('login.username')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-autofocus
              data-testid="login-username"
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              data-testid="login-password"
              {...form.getInputProps('password')}
            />
          </>
        ) : (
          <>
            <Text size="sm">{t('login.totpHelp')}</Text>
            <TextInput
              ref={totpRef}
              label={t('login.totp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              data-testid="login-totp"
              {...form.getInputProps('totp')}
            />
          </>
        )}
        <Button type="submit" loading={login.isPending} data-testid="login-submit">
          {step === 'password' ? t('login.submit') : t('login.verify')}
        </Button>
        {step === 'totp' && (
          <Button variant="subtle" onClick={restart}>
            {t('login.backToPassword')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
