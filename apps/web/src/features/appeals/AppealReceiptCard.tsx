import { Alert, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { AppealReceipt } from '@khien/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from './format';
import { followLink } from './links';

/** One code, large and easy to read out, with its own copy button. */
function CodeBlock({
  label,
  value,
  copyLabel,
  testId,
}: {
  label: string;
  value: string;
  copyLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const labelId = `${testId}-label`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={700} id={labelId}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'default'}
              color={copied ? 'teal' : undefined}
              size="compact-md"
              onClick={copy}
              aria-label={copyLabel}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {/* Large, whole on one line, and selectable: it is copied, written down or read out on the phone. */}
      <Text
        className="khien-mono"
        fz={{ base: 22, sm: 26 }}
        fw={800}
        lh={1.3}
        px="sm"
        py={6}
        bg="gray.0"
        aria-labelledby={labelId}
        style={{
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
          letterSpacing: '0.04em',
        }}
        data-testid={testId}
      >
        {value}
      </Text>
    </Stack>
  );
}

/** What the appellant must keep: the tracking code and the secret, shown this once. */
export function AppealReceiptCard({ receipt, identifier }: { receipt: AppealReceipt; identifier: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: take the focus (and screen readers) to the receipt.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card withBorder padding="lg" radius="md" component="section" data-testid="appeal-receipt">
      <Stack gap="md">
        <Title order={2} fz="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('appeals.receiptTitle')}
        </Title>
        <Text>{t('appeals.receiptIntro', { identifier })}</Text>
        <Text fw={700}>{t('appeals.receiptDue', { date: formatDay(receipt.dueAt) })}</Text>
        <Alert color="red" variant="light" title={t('appeals.secretWarningTitle')}>
          {t('appeals.secretWarning')}
        </Alert>
        <CodeBlock
          label={t('appeals.trackingCode')}
          value={receipt.trackingCode}
          copyLabel={t('appeals.copyCode')}
          testId="appeal-tracking-code"
        />
        <CodeBlock
          label={t('appeals.secret')}
          value={receipt.secret}
          copyLabel={t('appeals.copySecret')}
          testId="appeal-secret"
        />
        <Group gap="sm">
          <Button
            component={Link}
            to={followLink(receipt.trackingCode)}
            size="md"
            w={{ base: '100%', xs: 'auto' }}
            data-testid="appeal-follow-link"
          >
            {t('appeals.follow')}
          </Button>
          <Button
            component={Link}
            to="/kiem-tra"
            variant="default"
            size="md"
            w={{ base: '100%', xs: 'auto' }}
          >
            {t('appeals.backToCheck')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
