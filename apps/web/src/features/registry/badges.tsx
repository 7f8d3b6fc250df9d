import { Badge } from '@mantine/core';
import type { IndicatorStatus, Sharing } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { sharingColor, statusColor } from './status';

/** A status in words with a coloured dot: the words carry the meaning, the text keeps its contrast. */
export function StatusBadge({ status, testId }: { status: IndicatorStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={statusColor[status]}
      size="lg"
      tt="none"
      miw="max-content"
      data-testid={testId}
      data-status={status}
    >
      {t(`indicatorStatus.${status}`)}
    </Badge>
  );
}

export function SharingBadge({ sharing }: { sharing: Sharing }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={sharingColor[sharing]} tt="none" miw="max-content" data-sharing={sharing}>
      {t(`sharing.${sharing}`)}
    </Badge>
  );
}
