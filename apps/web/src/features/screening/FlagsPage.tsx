import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { FlagStatus, type FlagItem } from '@khien/contracts';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { requestPath } from '../requests/links';
import { useFlags } from './api';
import { FlagStatusBadge } from './badges';
import { evidenceLines, formatShare, type EvidenceLine } from './flags';
import { FlagReviewForm } from './FlagReviewForm';
import type { FlagOutcome } from './review';
import { ScreeningNav } from './ScreeningNav';
import { QUEUE_PAGE_SIZE, StatusQueue, useQueuePlace } from './StatusQueue';

/** `/app/sang-loc/gan-co`: the accounts the mule detector flagged, by status, the strongest first. */
export function FlagsPage() {
  const can = useCan();
  return can('screening.review') ? <Flags /> : <Forbidden />;
}

function Flags() {
  const { t } = useTranslation();
  const place = useQueuePlace(FlagStatus.options);
  const flags = useFlags(place.status, place.offset, QUEUE_PAGE_SIZE);
  // Kept here, not in the list: the last pending flag leaves the list while its result is still shown.
  const [open, setOpen] = useState<{ flag: FlagItem; outcome: FlagOutcome } | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <PageHeader title={t('screening.flags.title')} description={t('screening.flags.intro')} />
      <ScreeningNav />
      <StatusQueue
        statuses={FlagStatus.options}
        place={place}
        query={flags}
        label={t('screening.flags.tabs')}
        tabLabel={(value) => t(`screening.flagStatus.${value}`)}
        tabTestId={(value) => `screening-flag-tab-${value}`}
        empty={t(`screening.flags.empty.${place.status}`)}
        emptyTestId="screening-flags-empty"
      >
        {(items) => (
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('screening.flags.list')}
            data-testid="screening-flag-list"
          >
            {items.map((flag) => (
              <FlagCard key={flag.id} flag={flag} onOpen={(outcome) => setOpen({ flag, outcome })} />
            ))}
          </Stack>
        )}
      </StatusQueue>
      <ResponsiveModal
        opened={open !== null}
        onClose={close}
        title={
          open?.outcome === 'dismissed'
            ? t('screening.flagForm.dismissTitle')
            : t('screening.flagForm.confirmTitle')
        }
        size="lg"
      >
        {open && <FlagReviewForm flag={open.flag} outcome={open.outcome} onClose={close} />}
      </ResponsiveModal>
    </>
  );
}

function FlagCard({ flag, onOpen }: { flag: FlagItem; onOpen: (outcome: FlagOutcome) => void }) {
  const { t } = useTranslation();
  const account = `${flag.account.bank} ${flag.account.account}`;
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      data-testid="screening-flag-row"
      data-flag-id={flag.id}
      data-typology={flag.typology}
      data-status={flag.status}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {flag.account.bank}
            </Text>
            <Text fw={700} className="khien-mono" data-testid="screening-flag-account">
              {flag.account.account}
            </Text>
            <Text size="xs" c="dimmed">
              {t('screening.flags.flaggedAt', { date: formatDateTime(flag.flaggedAt) })}
            </Text>
          </Stack>
          <Badge
            size="lg"
            tt="none"
            variant={flag.score >= 70 ? 'filled' : 'light'}
            color={flag.score >= 70 ? 'red.9' : 'orange.9'}
            data-testid="screening-flag-score"
            data-score={flag.score}
          >
            {t('screening.flags.score', { score: flag.score })}
          </Badge>
        </Group>
        <Stack gap={2}>
          <Text fw={600} data-testid="screening-flag-typology">
            {t(`screening.typology.${flag.typology}.label`)}
          </Text>
          <Text size="sm">{t(`screening.typology.${flag.typology}.explain`)}</Text>
          {flag.relatedCount > 0 && (
            <Text size="sm" c="dimmed">
              {t('screening.flags.related', { count: flag.relatedCount })}
            </Text>
          )}
        </Stack>
        <Evidence lines={evidenceLines(flag.evidence)} />
        {flag.status === 'pending' ? (
          <Group gap="xs">
            <Button
              size="compact-md"
              variant="outline"
              onClick={() => onOpen('dismissed')}
              aria-label={t('screening.flags.dismissFor', { account })}
              data-testid="screening-flag-dismiss"
            >
              {t('screening.flags.dismiss')}
            </Button>
            <Button
              size="compact-md"
              color="red.9"
              onClick={() => onOpen('confirmed_fraud')}
              aria-label={t('screening.flags.confirmFor', { account })}
              data-testid="screening-flag-confirm"
            >
              {t('screening.flags.confirm')}
            </Button>
          </Group>
        ) : (
          <FlagOutcomeView flag={flag} />
        )}
      </Stack>
    </Card>
  );
}

/** The evidence as label and value pairs; unknown keys keep their name and raw number. */
function Evidence({ lines }: { lines: EvidenceLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('screening.flags.evidence')}
      </Text>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, sm: 2, md: 3 }}
        spacing="xs"
        verticalSpacing={4}
        m={0}
        data-testid="screening-flag-evidence"
      >
        {lines.map((line) => (
          <Group key={line.key} gap={6} wrap="nowrap" align="baseline" data-evidence-key={line.key}>
            <Text component="dt" size="sm" c="dimmed" className={line.known ? undefined : 'khien-mono'}>
              {line.known ? t(`screening.evidence.${line.key}`) : line.key}:
            </Text>
            <Text component="dd" size="sm" fw={600} m={0}>
              {evidenceValue(line, t)}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function evidenceValue(line: EvidenceLine, t: TFunction): string {
  if (!line.known) return formatNumber(line.value);
  switch (line.kind) {
    case 'vnd':
      return formatVnd(line.value);
    case 'share':
      return formatShare(line.value, currentLocale());
    case 'hours':
      return t('screening.evidence.hours', { value: formatNumber(line.value) });
    case 'days':
      return line.value < 0
        ? t('screening.evidence.unknown')
        : t('screening.evidence.days', { value: formatNumber(line.value) });
    case 'yesNo':
      return t(line.value ? 'screening.evidence.yes' : 'screening.evidence.no');
    default:
      return formatNumber(line.value);
  }
}

/** A reviewed flag: the outcome, when, the note and the notice sent to the police. */
function FlagOutcomeView({ flag }: { flag: FlagItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <FlagStatusBadge status={flag.status} />
      {flag.reviewedAt && (
        <Text size="xs" c="dimmed">
          {t('screening.reviews.reviewedAt', { date: formatDateTime(flag.reviewedAt) })}
        </Text>
      )}
      {flag.reviewNote && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('screening.reviews.note', { note: flag.reviewNote })}
        </Text>
      )}
      {flag.noticeRequestId && (
        <Anchor
          component={Link}
          to={requestPath(flag.noticeRequestId)}
          size="sm"
          data-testid="screening-flag-notice-link"
        >
          {t('screening.reviews.notice')}
        </Anchor>
      )}
    </Stack>
  );
}
