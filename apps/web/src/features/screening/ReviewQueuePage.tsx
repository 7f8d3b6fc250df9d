import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ReviewStatus, type ReviewItem } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Forbidden } from '../../ui/Forbidden';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ResponsiveModal } from '../../ui/ResponsiveModal';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { requestPath } from '../requests/links';
import { DataTable } from '../../ui/DataTable';
import { useReviews } from './api';
import { ActionBadge, ReviewStatusBadge } from './badges';
import { Reasons } from './Reasons';
import { namesDiffer, type ReviewOutcome } from './review';
import { ReviewForm } from './ReviewForm';
import { ScreeningNav } from './ScreeningNav';
import { QUEUE_PAGE_SIZE, StatusQueue, useQueuePlace } from './StatusQueue';

/** `/app/sang-loc`: the transfers screening held or blocked, by review status, with the status in the address. */
export function ReviewQueuePage() {
  const can = useCan();
  return can('screening.review') ? <Queue /> : <Forbidden />;
}

function Queue() {
  const { t } = useTranslation();
  const place = useQueuePlace(ReviewStatus.options);
  const reviews = useReviews(place.status, place.offset, QUEUE_PAGE_SIZE);
  // Kept here, not in the table: the last pending row leaves the list while its result is still shown.
  const [open, setOpen] = useState<{ item: ReviewItem; outcome: ReviewOutcome } | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <PageHeader title={t('screening.reviews.title')} description={t('screening.reviews.intro')} />
      <ScreeningNav />
      <StatusQueue
        statuses={ReviewStatus.options}
        place={place}
        query={reviews}
        label={t('screening.reviews.tabs')}
        tabLabel={(value) => t(`screening.reviewStatus.${value}`)}
        tabTestId={(value) => `screening-tab-${value}`}
        empty={t(`screening.reviews.empty.${place.status}`)}
        emptyTestId="screening-reviews-empty"
      >
        {(items) => <ReviewTable items={items} onOpen={(item, outcome) => setOpen({ item, outcome })} />}
      </StatusQueue>
      <ResponsiveModal
        opened={open !== null}
        onClose={close}
        title={
          open?.outcome === 'released'
            ? t('screening.reviewForm.releaseTitle')
            : t('screening.reviewForm.confirmTitle')
        }
        size="lg"
      >
        {open && <ReviewForm item={open.item} outcome={open.outcome} onClose={close} />}
      </ResponsiveModal>
    </>
  );
}

function ReviewTable({
  items,
  onOpen,
}: {
  items: ReviewItem[];
  onOpen: (item: ReviewItem, outcome: ReviewOutcome) => void;
}) {
  const { t } = useTranslation();
  // On a phone each transfer is a card: the review buttons must not hide at the far end of a wide table.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (!wide)
    return (
      <Stack
        gap="sm"
        data-testid="screening-review-table"
        aria-label={t('screening.reviews.table')}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((item) => (
          <Card
            key={item.transferId}
            component="li"
            withBorder
            padding="sm"
            data-testid="screening-review-row"
            data-transfer-id={item.transferId}
            data-action={item.action}
            data-status={item.reviewStatus}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <TransferCell item={item} />
                <ActionCell item={item} />
              </Group>
              <Reasons reasons={item.reasons} />
              <SimpleGrid cols={2} spacing="xs">
                <Stack gap={2}>
                  <Text size="xs" fw={600}>
                    {t('screening.reviews.column.payer')}
                  </Text>
                  <Payer payer={item.payer} />
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" fw={600}>
                    {t('screening.reviews.column.payee')}
                  </Text>
                  <Payee payee={item.payee} />
                </Stack>
              </SimpleGrid>
              <ReviewCell item={item} onOpen={(outcome) => onOpen(item, outcome)} />
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  return (
    <DataTable
      minWidth={980}
      verticalSpacing="sm"
      testId="screening-review-table"
      label={t('screening.reviews.table')}
      head={
        <>
          <Table.Th scope="col">{t('screening.reviews.column.transfer')}</Table.Th>
          <Table.Th scope="col">{t('screening.reviews.column.action')}</Table.Th>
          <Table.Th scope="col">{t('screening.reviews.column.reasons')}</Table.Th>
          <Table.Th scope="col">{t('screening.reviews.column.payer')}</Table.Th>
          <Table.Th scope="col">{t('screening.reviews.column.payee')}</Table.Th>
          <Table.Th scope="col">{t('screening.reviews.column.review')}</Table.Th>
        </>
      }
    >
      {items.map((item) => (
        <Table.Tr
          key={item.transferId}
          data-testid="screening-review-row"
          data-transfer-id={item.transferId}
          data-action={item.action}
          data-status={item.reviewStatus}
        >
          <Table.Td miw={130}>
            <TransferCell item={item} />
          </Table.Td>
          <Table.Td>
            <ActionCell item={item} />
          </Table.Td>
          <Table.Td miw={200} maw={280}>
            <Reasons reasons={item.reasons} />
          </Table.Td>
          <Table.Td miw={130}>
            <Payer payer={item.payer} />
          </Table.Td>
          <Table.Td miw={170} maw={220}>
            <Payee payee={item.payee} />
          </Table.Td>
          <Table.Td miw={170}>
            <ReviewCell item={item} onOpen={(outcome) => onOpen(item, outcome)} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The amount first, then when and the bank's transfer id. */
function TransferCell({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="screening-review-amount">
        {formatVnd(item.amountVnd)}
      </Text>
      <Text size="sm">{t('screening.reviews.at', { date: formatDateTime(item.at) })}</Text>
      <Text size="xs" c="dimmed" className="khien-mono">
        {t('screening.reviews.transferId', { id: item.transferId })}
      </Text>
    </Stack>
  );
}

/** The action, the score and the rule set version that decided. */
function ActionCell({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <ActionBadge action={item.action} testId="screening-review-action" />
      <Text size="xs" c="dimmed">
        {t('screening.reviews.score', { score: item.score })}
      </Text>
      <Text size="xs" c="dimmed" className="khien-mono">
        {t('screening.reviews.ruleSet', { version: item.ruleSetVersion })}
      </Text>
    </Stack>
  );
}

function Payer({ payer }: { payer: ReviewItem['payer'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{payer.name ?? t('common.none')}</Text>
      <Text size="xs" c="dimmed">
        {payer.bank} · <span className="khien-mono">{payer.account}</span>
      </Text>
    </Stack>
  );
}

/** The name the payer was shown beside the holder's name at the payee's bank; a mismatch says so in words. */
function Payee({ payee }: { payee: ReviewItem['payee'] }) {
  const { t } = useTranslation();
  const differs = namesDiffer(payee.nameShown, payee.holderName);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {payee.bank} · <span className="khien-mono">{payee.account}</span>
      </Text>
      <Text size="sm">
        <Text span size="xs" c="dimmed">
          {t('screening.reviews.nameShown')}:{' '}
        </Text>
        {payee.nameShown}
      </Text>
      <Text size="sm" data-testid="screening-payee-holder" data-differs={differs ? 'true' : 'false'}>
        <Text span size="xs" c="dimmed">
          {t('screening.reviews.holderName')}:{' '}
        </Text>
        {payee.holderName ?? t('screening.reviews.holderUnknown')}
        {differs && (
          <Text span size="xs" c="red.9" fw={700}>
            {' '}
            <span aria-hidden="true">⚠</span> {t('screening.reviews.nameDiffers')}
          </Text>
        )}
      </Text>
    </Stack>
  );
}

function ReviewCell({ item, onOpen }: { item: ReviewItem; onOpen: (outcome: ReviewOutcome) => void }) {
  const { t } = useTranslation();
  if (item.reviewStatus === 'pending')
    return (
      <Stack gap={6} align="stretch">
        <Button
          size="compact-sm"
          variant="outline"
          onClick={() => onOpen('released')}
          aria-label={t('screening.reviews.releaseFor', { id: item.transferId })}
          data-testid="screening-review-release"
        >
          {t('screening.reviews.release')}
        </Button>
        <Button
          size="compact-sm"
          color="red.9"
          onClick={() => onOpen('confirmed_fraud')}
          aria-label={t('screening.reviews.confirmFor', { id: item.transferId })}
          data-testid="screening-review-confirm"
        >
          {t('screening.reviews.confirm')}
        </Button>
      </Stack>
    );
  return <ReviewOutcomeView item={item} />;
}

/** A reviewed transfer: the outcome, when, the note and the notice sent to the police. */
export function ReviewOutcomeView({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <ReviewStatusBadge status={item.reviewStatus} />
      {item.reviewedAt && (
        <Text size="xs" c="dimmed">
          {t('screening.reviews.reviewedAt', { date: formatDateTime(item.reviewedAt) })}
        </Text>
      )}
      {item.reviewNote && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('screening.reviews.note', { note: item.reviewNote })}
        </Text>
      )}
      {item.noticeRequestId && (
        <Group gap={4}>
          <Anchor
            component={Link}
            to={requestPath(item.noticeRequestId)}
            size="sm"
            data-testid="screening-review-notice-link"
          >
            {t('screening.reviews.notice')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
