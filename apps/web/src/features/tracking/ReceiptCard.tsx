import { Alert, Button, Card, CopyButton, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkPath } from '../check/submit';
import type { FollowRequest } from './codes';
import { PublicCard } from './PublicCard';

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

/** The texts of a receipt. */
export type ReceiptWord =
  | 'title'
  | 'warningTitle'
  | 'warning'
  | 'trackingCode'
  | 'secret'
  | 'copyCode'
  | 'copySecret'
  | 'follow'
  | 'backToCheck';

interface ReceiptCardProps {
  /** `report` names the card `report-receipt` and its codes `report-tracking-code`, `report-secret`. */
  name: string;
  word: (key: ReceiptWord) => string;
  receipt: FollowRequest;
  /** The follow page, with the tracking code (never the secret) in its address. */
  followLink: string;
  /** What was received, under the title. */
  children: ReactNode;
  /** What happens next, after the codes. */
  next?: ReactNode;
}

/** What the sender must keep: the tracking code and the secret, shown this once. */
export function ReceiptCard({ name, word, receipt, followLink, children, next }: ReceiptCardProps) {
  // The form is gone: the focus (and a screen reader) moves to the receipt's title.
  return (
    <PublicCard name={`${name}-receipt`} title={word('title')} focus>
      {children}
      <Alert color="red" variant="light" title={word('warningTitle')}>
        {word('warning')}
      </Alert>
      <KeptCode
        name={word('trackingCode')}
        value={receipt.trackingCode}
        copyLabel={word('copyCode')}
        testId={`${name}-tracking-code`}
      />
      <KeptCode
        name={word('secret')}
        value={receipt.secret}
        copyLabel={word('copySecret')}
        testId={`${name}-secret`}
      />
      {next}
      <Group gap="sm">
        <Button
          component={Link}
          to={followLink}
          size="md"
          w={{ base: '100%', xs: 'auto' }}
          data-testid={`${name}-follow-link`}
        >
          {word('follow')}
        </Button>
        <Button component={Link} to={checkPath} variant="default" size="md" w={{ base: '100%', xs: 'auto' }}>
          {word('backToCheck')}
        </Button>
      </Group>
    </PublicCard>
  );
}
