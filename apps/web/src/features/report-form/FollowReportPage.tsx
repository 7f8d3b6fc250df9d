import { Anchor, Button, Card, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PublicReportStatus } from '@khien/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { rememberedSecret } from '../appeals/requests';
import { PublicShell } from '../appeals/PublicShell';
import { useFollowReport, type FollowReportRequest } from './api';
import { reportPath } from './links';
import { ReportStatusCard } from './ReportStatusCard';
import { isReportCode, normaliseReportCode } from './requests';

const fields = ['trackingCode', 'secret'] as const;

/**
 * `/to-giac/theo-doi`: the tracking code (also in the address, `?code=`) and the secret (never in the
 * address) give the report's stage, decision and the unit's messages. Right after sending, this tab still
 * knows the secret and shows the stage at once.
 */
export function FollowReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const follow = useFollowReport();
  // The last answer stays on screen while "Refresh" asks again.
  const [shown, setShown] = useState<PublicReportStatus | null>(null);
  const codeInAddress = normaliseReportCode(params.get('code') ?? '');
  const form = useForm<FollowReportRequest>({
    initialValues: { trackingCode: codeInAddress, secret: rememberedSecret(codeInAddress) ?? '' },
    validate: {
      trackingCode: (code) =>
        isReportCode(normaliseReportCode(code)) ? null : t('reportForm.follow.codeInvalid'),
      secret: (secret) => (secret.trim() ? null : t('reportForm.follow.secretRequired')),
    },
  });

  const ask = (request: FollowReportRequest) =>
    follow.mutate(request, { onSuccess: setShown, onError: () => setShown(null) });

  const submit = form.onSubmit(
    ({ trackingCode, secret }) => {
      const code = normaliseReportCode(trackingCode);
      form.setFieldValue('trackingCode', code);
      if (params.get('code') !== code) setParams({ code }, { replace: true });
      ask({ trackingCode: code, secret: secret.trim() });
    },
    (errors) => {
      const first = fields.find((field) => errors[field]);
      if (first) form.getInputNode(first)?.focus();
    },
  );

  // Arriving from the receipt in this tab: both codes are known, so the stage is asked for at once.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    const secret = rememberedSecret(codeInAddress);
    if (secret && isReportCode(codeInAddress)) ask({ trackingCode: codeInAddress, secret });
  });

  return (
    <PublicShell title={t('reportForm.follow.title')} intro={t('reportForm.follow.intro')}>
      <Card
        withBorder
        padding="lg"
        radius="md"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={t('reportForm.follow.title')}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('reportForm.follow.code')}
              placeholder={t('reportForm.follow.codePlaceholder')}
              required
              size="md"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              classNames={{ input: 'khien-mono' }}
              data-testid="follow-report-code"
              {...form.getInputProps('trackingCode')}
            />
            <PasswordInput
              label={t('reportForm.follow.secret')}
              required
              size="md"
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              data-testid="follow-report-secret"
              {...form.getInputProps('secret')}
            />
          </SimpleGrid>
          <Button
            type="submit"
            size="lg"
            loading={follow.isPending}
            w={{ base: '100%', xs: 'auto' }}
            miw={{ xs: 220 }}
            data-testid="follow-report-submit"
          >
            {t('reportForm.follow.submit')}
          </Button>
        </Stack>
      </Card>
      <div aria-live="polite">
        {follow.error ? (
          <ErrorAlert error={follow.error} fields={fields} />
        ) : shown ? (
          <ReportStatusCard
            report={shown}
            refreshing={follow.isPending}
            onRefresh={() => follow.variables && ask(follow.variables)}
          />
        ) : null}
      </div>
      <Text size="sm">
        {t('reportForm.follow.noReport')}{' '}
        <Anchor component={Link} to={reportPath}>
          {t('reportForm.follow.newReport')}
        </Anchor>
      </Text>
    </PublicShell>
  );
}
