import { List, Text } from '@mantine/core';
import type { ReportReceipt } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { ReceiptCard } from '../tracking/ReceiptCard';
import { formatMoment } from './format';
import { followReportLink } from './links';

/** What the reporter must keep: the tracking code and the secret, shown this once; and what happens next. */
export function ReportReceiptCard({ receipt }: { receipt: ReportReceipt }) {
  const { t } = useTranslation();
  return (
    <ReceiptCard
      name="report"
      word={(key) => t(`reportForm.receipt.${key}`)}
      receipt={receipt}
      followLink={followReportLink(receipt.trackingCode)}
      next={<Text>{t('reportForm.receipt.next')}</Text>}
    >
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
    </ReceiptCard>
  );
}
