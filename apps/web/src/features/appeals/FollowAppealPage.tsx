import { Anchor, Button, Card, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PublicAppealStatus } from '@khien/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldMessageText, serverFieldErrors } from '../../ui/messages';
import { useFollowAppeal, type FollowRequest } from './api';
import { AppealStatusCard } from './AppealStatusCard';
import { appealPath } from './links';
import { PublicShell } from './PublicShell';
import { isTrackingCode, normaliseTrackingCode, rememberedSecret } from './requests';

const fields = ['trackingCode', 'secret'] as const;

/**
 * `/khieu-nai/theo-doi`: the tracking code (also in the address, `?ma=`) and the secret (never in the
 * address) give the appeal's stage and decision. Right after sending, this tab still knows the secret.
 */
export function FollowAppealPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const follow = useFollowAppeal();
  // The last answer stays on screen while "Refresh" asks again.
  const [shown, setShown] = useState<PublicAppealStatus | null>(null);
  const initialCode = normaliseTrackingCode(params.get('ma') ?? '');
  const form = useForm<FollowRequest>({
    initialValues: { trackingCode: initialCode, secret: rememberedSecret(initialCode) ?? '' },
    validate: {
      trackingCode: (value) =>
        isTrackingCode(normaliseTrackingCode(value)) ? null : fieldMessageText('tracking_code.invalid'),
      secret: (value) => (value.trim() ? null : fieldMessageText('secret.required')),
    },
  });

  const ask = (request: FollowRequest) =>
    follow.mutate(request, {
      onSuccess: setShown,
      onError: (error) => {
        setShown(null);
        form.setErrors(serverFieldErrors(error, fields));
      },
    });

  const look = (values: FollowRequest) => {
    const request = {
      trackingCode: normaliseTrackingCode(values.trackingCode),
      secret: values.secret.trim(),
    };
    form.setFieldValue('trackingCode', request.trackingCode);
    if (params.get('ma') !== request.trackingCode) setParams({ ma: request.trackingCode }, { replace: true });
    ask(request);
  };

  // Arriving from the receipt in this tab: both codes are known, so the status is shown at once.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    const secret = rememberedSecret(initialCode);
    if (secret && isTrackingCode(initialCode)) ask({ trackingCode: initialCode, secret });
  });

  return (
    <PublicShell title={t('appeals.followTitle')} intro={t('appeals.followIntro')}>
      <Card withBorder padding="lg" radius="md">
        <form
          onSubmit={form.onSubmit(look, (errors) => {
            const first = fields.find((field) => errors[field]);
            if (first) form.getInputNode(first)?.focus();
          })}
          noValidate
          aria-label={t('appeals.followTitle')}
        >
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('appeals.trackingCode')}
                placeholder={t('appeals.followCodePlaceholder')}
                required
                size="md"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                classNames={{ input: 'khien-mono' }}
                data-testid="follow-code"
                {...form.getInputProps('trackingCode')}
              />
              <PasswordInput
                label={t('appeals.secret')}
                required
                size="md"
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                data-testid="follow-secret"
                {...form.getInputProps('secret')}
              />
            </SimpleGrid>
            <Button
              type="submit"
              size="lg"
              loading={follow.isPending}
              w={{ base: '100%', xs: 'auto' }}
              miw={{ xs: 220 }}
              data-testid="follow-submit"
            >
              {t('appeals.followSubmit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <div aria-live="polite">
        {follow.error ? (
          <ErrorAlert error={follow.error} fields={fields} />
        ) : shown ? (
          <AppealStatusCard
            appeal={shown}
            actions={
              <Button
                variant="default"
                w="fit-content"
                loading={follow.isPending}
                onClick={() => follow.variables && ask(follow.variables)}
              >
                {t('appeals.followRefresh')}
              </Button>
            }
          />
        ) : null}
      </div>
      <Text size="sm">
        {t('appeals.noAppealYet')}{' '}
        <Anchor component={Link} to={appealPath}>
          {t('appeals.newAppeal')}
        </Anchor>
      </Text>
    </PublicShell>
  );
}
