import { Text } from '@mantine/core';
import type { AppealReceipt } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ReceiptCard, type ReceiptWord } from '../tracking/ReceiptCard';
import { formatDay } from './format';
import { followLink } from './links';

/** The receipt's words, for an appeal. */
const words = {
  title: 'appeals.receiptTitle',
  warningTitle: 'appeals.secretWarningTitle',
  warning: 'appeals.secretWarning',
  trackingCode: 'appeals.trackingCode',
  secret: 'appeals.secret',
  copyCode: 'appeals.copyCode',
  copySecret: 'appeals.copySecret',
  follow: 'appeals.follow',
  backToCheck: 'appeals.backToCheck',
} as const satisfies Record<ReceiptWord, string>;

/** What the appellant must keep: the tracking code and the secret, shown this once. */
export function AppealReceiptCard({ receipt, identifier }: { receipt: AppealReceipt; identifier: string }) {
  const { t } = useTranslation();
  return (
    <ReceiptCard
      name="appeal"
      word={(key) => t(words[key])}
      receipt={receipt}
      followLink={followLink(receipt.trackingCode)}
    >
      <Text>{t('appeals.receiptIntro', { identifier })}</Text>
      <Text fw={700}>{t('appeals.receiptDue', { date: formatDay(receipt.dueAt) })}</Text>
    </ReceiptCard>
  );
}
