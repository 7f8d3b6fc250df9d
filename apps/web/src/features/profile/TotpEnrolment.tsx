import { Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { toDataURL } from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment as Enrolment } from '@khien/contracts';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorText } from '../../ui/messages';
import { useConfirmTotp, useEnrolTotp } from './api';

/** Starts TOTP enrolment, shows the QR code and the secret, and confirms with a first code. */
export function TotpEnrolment() {
  const { t } = useTranslation();
  const enrol = useEnrolTotp();
  const enrolment = enrol.data;
  if (!enrolment) {
    return (
      <Stack align="flex-start">
        <ErrorAlert error={enrol.error} />
        <Button onClick={() => enrol.mutate()} loading={enrol.isPending} data-testid="totp-enrol">
          {t('totp.enrol')}
        </Button>
      </Stack>
    );
  }
  return <ConfirmEnrolment enrolment={enrolment} onCancel={() => enrol.reset()} />;
}

function ConfirmEnrolment({ enrolment, onCancel }: { enrolment: Enrolment; onCancel: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const qr = useQrCode(enrolment.otpauthUrl);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!/^\d{6}$/.test(trimmed)) {
      setCodeError(t('fieldErrors.totp.invalid_format'));
      return;
    }
    setCodeError(null);
    confirm.mutate(trimmed, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('totp.confirmed') }),
      onError: (error) => {
        if (isApiError(error, 'auth.totp_invalid') || isApiError(error, 'validation.failed')) {
          setCodeError(errorText(error));
          setCode('');
        } else if (isApiError(error, 'auth.totp_not_pending')) {
          onCancel();
        }
      },
    });
  };

  const alertError = confirm.error && !isApiError(confirm.error, 'auth.totp_invalid') ? confirm.error : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <List type="ordered" spacing="md">
          <List.Item>
            <Text>{t('totp.enrolStep1')}</Text>
            {qr && <Image src={qr} alt={t('totp.qrAlt')} w={200} h={200} mt="xs" radius="sm" />}
          </List.Item>
          <List.Item>
            <Text>{t('totp.enrolStep2')}</Text>
            <Group gap="xs" mt={4} wrap="nowrap">
              <Code fz="md" className="khien-mono" data-testid="totp-secret">
                {enrolment.secret}
              </Code>
              <CopyButton value={enrolment.secret}>
                {({ copied, copy }) => (
                  <Button variant="subtle" size="compact-sm" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </List.Item>
          <List.Item>
            <Text>{t('totp.enrolStep3')}</Text>
          </List.Item>
        </List>
        <ErrorAlert error={alertError} />
        <TextInput
          label={t('totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={codeError}
          required
          maw={220}
          data-testid="totp-code"
        />
        <Group>
          <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">
            {t('totp.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('totp.cancelEnrol')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The otpauth URL as a QR image, drawn in the browser (the secret never leaves the page). */
function useQrCode(text: string): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(text, { margin: 2, width: 200, errorCorrectionLevel: 'M' })
      .then((url) => current && setDataUrl(url))
      .catch((error: unknown) => console.error('QR code', error));
    return () => {
      current = false;
    };
  }, [text]);
  return dataUrl;
}
