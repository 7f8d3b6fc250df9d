import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReportRecovery } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { useDuration } from '../requests/badges';
import { formatVnd } from '../registry/format';
import { formatShare } from './format';

type Totals = ReportRecovery['totals'];

const tiles = [
  { key: 'lost', field: 'lostVnd', color: 'red.9' },
  { key: 'held', field: 'heldVnd', color: 'teal.9' },
  { key: 'stillHeld', field: 'stillHeldVnd', color: 'teal.9' },
  { key: 'released', field: 'releasedVnd', color: undefined },
  { key: 'returned', field: 'returnedVnd', color: 'blue.9' },
] as const;

/** One figure: its name above, the value large (a definition list would read the same). */
export function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string | undefined;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="lg" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The ledger's totals: lost, held, still held, released, returned. */
export function LedgerTotalsGrid({
  totals,
  testId = 'recovery-totals',
  wide = false,
}: {
  totals: Totals;
  testId?: string;
  /** Five side by side on a wide page; at most three in a card beside other cards. */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      cols={wide ? { base: 2, sm: 3, lg: 5 } : { base: 2, md: 3 }}
      spacing="sm"
      data-testid={testId}
    >
      {tiles.map((tile) => (
        <Figure
          key={tile.key}
          label={t(`recovery.totals.${tile.key}`)}
          value={formatVnd(totals[tile.field])}
          color={tile.color}
          testId={`recovery-total-${tile.key}`}
        />
      ))}
    </SimpleGrid>
  );
}

/** The golden-hour measures: minutes to the first hold request, minutes to the first hold, share held. */
export function GoldenHourGrid({
  reportToFirstHold,
  requestToFirstHeld,
  heldShare,
  labels,
}: {
  reportToFirstHold: number | null;
  requestToFirstHeld: number | null;
  heldShare: number | null;
  labels: { reportToFirstHold: string; requestToFirstHeld: string; heldShare: string };
}) {
  const { t } = useTranslation();
  const duration = useDuration();
  const notYet = t('recovery.golden.notYet');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="recovery-golden">
      <Figure
        label={labels.reportToFirstHold}
        value={reportToFirstHold === null ? notYet : duration(reportToFirstHold)}
        testId="golden-report-to-hold"
      />
      <Figure
        label={labels.requestToFirstHeld}
        value={requestToFirstHeld === null ? notYet : duration(requestToFirstHeld)}
        testId="golden-request-to-held"
      />
      <Figure
        label={labels.heldShare}
        value={heldShare === null ? notYet : formatShare(heldShare)}
        color={heldShare !== null && heldShare > 0 ? 'teal.9' : undefined}
        testId="golden-held-share"
      />
    </SimpleGrid>
  );
}
