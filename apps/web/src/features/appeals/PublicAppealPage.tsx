import { Anchor, Box, Card, List, Stack, Text, Title } from '@mantine/core';
import type { AppealReceipt } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { rememberSecret } from '../tracking/codes';
import { PublicShell } from '../tracking/PublicShell';
import { AppealForm } from './AppealForm';
import { AppealReceiptCard } from './AppealReceiptCard';
import { followAppealPath } from './links';

const steps = ['send', 'receipt', 'decide'] as const;

/** `/khieu-nai`: who may appeal, what happens, the form, then the receipt with the codes to keep. */
export function PublicAppealPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [sent, setSent] = useState<{ receipt: AppealReceipt; identifier: string } | null>(null);
  const identifier = params.get('q')?.trim() ?? '';

  return (
    <PublicShell title={t('appeals.title')} intro={t('appeals.intro')}>
      {sent ? (
        <AppealReceiptCard receipt={sent.receipt} identifier={sent.identifier} />
      ) : (
        <>
          <Box
            component="section"
            aria-labelledby="appeal-who-title"
            bg="blue.0"
            p="md"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Title order={2} fz="lg" id="appeal-who-title" mb={4}>
              {t('appeals.whoTitle')}
            </Title>
            <Text mb="md">{t('appeals.whoBody')}</Text>
            <Title order={2} fz="lg" id="appeal-steps-title" mb={4}>
              {t('appeals.stepsTitle')}
            </Title>
            <List type="ordered" spacing="xs" aria-labelledby="appeal-steps-title">
              {steps.map((step) => (
                <List.Item key={step}>{t(`appeals.steps.${step}`)}</List.Item>
              ))}
            </List>
          </Box>
          <Card withBorder padding="lg" radius="md" component="section">
            <Stack gap="md">
              <Title order={2} fz="h3" id="appeal-form-title">
                {t('appeals.formTitle')}
              </Title>
              <AppealForm
                key={identifier}
                initialIdentifier={identifier}
                onSent={(receipt, appealed) => {
                  rememberSecret(receipt.trackingCode, receipt.secret);
                  setSent({ receipt, identifier: appealed });
                }}
              />
            </Stack>
          </Card>
          <Text size="sm">
            <Anchor component={Link} to={followAppealPath}>
              {t('landing.followAppeal')}
            </Anchor>
          </Text>
        </>
      )}
    </PublicShell>
  );
}
