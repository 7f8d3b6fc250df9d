import { Alert, Button, Card, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReportReceipt } from '@khien/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkPath } from '../check/submit';
import { formatMoment } from './format';
import { followReportLink } from './links';

/** A code to keep: large, on its own line, selectable, with a copy button named after it. */
function KeptCode({
  name,
  value,
  copyLabel,
  testId,
}: {
  name: string;
  value: string;
  copyLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="sm" padding="sm" bg="gray.0">
      <Text size="sm" fw={700} component="h3" m={0}>
        {name}
      </Text>
      <Group justify="space-between" align="center" gap="sm">
        <Text
          className="khien-mono"
          fz={{ base: 22, sm: 26 }}
          fw={800}
          style={{ letterSpacing: '0.05em', overflowWrap: 'anywhere' }}
          data-testid={testId}
        >
          {value}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal.8' : undefined}
              size="sm"
              onClick={copy}
              aria-label={copyLabel}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Card>
  );
}

/** What the reporter must keep: the tracking code and the secret, shown this once; and what happens next. */
export function ReportReceiptCard({ receipt }: { receipt: ReportReceipt }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: the focus (and a screen reader) moves to the receipt.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="report-receipt-title"
      data-testid="report-receipt"
    >
      <Stack gap="md">
        <Title
          order={2}
          fz="h3"
          id="report-receipt-title"
          ref={heading}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {t('reportForm.receipt.title')}
        </Title>
        <List spacing={4}>
          <List.Item>{t('reportForm.receipt.intro', { time: formatMoment(receipt.receivedAt) })}</List.Item>
          <List.Item data-testid="report-receipt-unit">
            {receipt.handlingUnit
              ? t('reportForm.receipt.unit', { unit: receipt.handlingUnit })
              : t('reportForm.receipt.unitPending')}
          </List.Item>
          {receipt.evidenceCount > 0 && (
            <List.Item>{t('reportForm.receipt.evidence', { count: receipt.evidenceCount })}</List.Item>
          )}
        </List>
        <Alert color="red" variant="light" title={t('reportForm.receipt.warningTitle')}>
          {t('reportForm.receipt.warning')}
        </Alert>
        <KeptCode
          name={t('reportForm.receipt.trackingCode')}
          value={receipt.trackingCode}
          copyLabel={t('reportForm.receipt.copyCode')}
          testId="report-tracking-code"
        />
        <KeptCode
          name={t('reportForm.receipt.secret')}
          value={receipt.secret}
          copyLabel={t('reportForm.receipt.copySecret')}
          testId="report-secret"
        />
        <Text>{t('reportForm.receipt.next')}</Text>
        <Group gap="sm">
          <Button
            component={Link}
            to={followReportLink(receipt.trackingCode)}
            size="md"
            w={{ base: '100%', xs: 'auto' }}
            data-testid="report-follow-link"
          >
            {t('reportForm.receipt.follow')}
          </Button>
          <Button
            component={Link}
            to={checkPath}
            variant="default"
            size="md"
            w={{ base: '100%', xs: 'auto' }}
          >
            {t('reportForm.receipt.backToCheck')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
