import { Anchor, Box, Button, Text, Title } from '@mantine/core';
import type { ReportReceipt } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { rememberSecret } from '../tracking/codes';
import { PublicShell } from '../tracking/PublicShell';
import { followReportPath, prefillFrom } from './links';
import { ReportForm } from './ReportForm';
import { ReportReceiptCard } from './ReportReceiptCard';

/** Money already sent is best stopped by the bank within the hour: said before the form, not after it. */
function Urgent() {
  const { t } = useTranslation();
  return (
    <Box
      component="section"
      aria-labelledby="report-urgent-title"
      bg="red.0"
      p="md"
      style={{ borderRadius: 'var(--mantine-radius-md)', borderLeft: '6px solid var(--mantine-color-red-9)' }}
    >
      <Title order={2} fz="lg" c="red.9" id="report-urgent-title" mb={4}>
        {t('reportForm.urgentTitle')}
      </Title>
      <Text mb="sm">{t('reportForm.urgentBody')}</Text>
      <Button component="a" href="tel:113" color="red.9" size="md">
        {t('landing.call113')}
      </Button>
    </Box>
  );
}

/**
 * `/to-giac`: the citizen's report (tố giác), pre-filled from a check (`?q=…&method=…`), then the receipt
 * with the codes to keep. No sign-in.
 */
export function ReportFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);
  const prefill = prefillFrom(params);

  return (
    <PublicShell title={t('reportForm.title')} intro={t('reportForm.intro')}>
      {receipt ? (
        <ReportReceiptCard receipt={receipt} />
      ) : (
        <>
          <Urgent />
          <ReportForm
            key={params.toString()}
            prefill={prefill}
            onSent={(sent) => {
              // "Follow the report" right after sending need not ask for the secret again (this tab only).
              rememberSecret(sent.trackingCode, sent.secret);
              setReceipt(sent);
              window.scrollTo({ top: 0 });
            }}
          />
          <Text size="sm">
            <Anchor component={Link} to={followReportPath}>
              {t('reportForm.follow.title')}
            </Anchor>
          </Text>
        </>
      )}
    </PublicShell>
  );
}
