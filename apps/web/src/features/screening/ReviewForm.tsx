import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReviewItem } from '@khien/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { requestPath } from '../requests/links';
import { useReview } from './api';
import { ReviewStatusBadge } from './badges';
import { NoticeFields } from './NoticeFields';
import {
  initialReviewValues,
  toReviewBody,
  type AnyOutcome,
  type ReviewOutcome,
  type ReviewValues,
} from './review';
import { checkReview, reviewServerErrors } from './validate';

const fields = ['note', 'policeAgencyId', 'holderName', 'idNumber', 'ebankingPhone', 'reasonCode'] as const;

/**
 * Releases a held transfer or confirms fraud, with a note; confirming may send the police a
 * suspicious-account notice (Circular 17/2024). Afterwards the outcome and the notice stay on screen.
 */
export function ReviewForm({
  item,
  outcome,
  onClose,
}: {
  item: ReviewItem;
  outcome: ReviewOutcome;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const review = useReview(item.transferId);
  const [done, setDone] = useState<ReviewItem | null>(null);
  const confirming = outcome === 'confirmed_fraud';
  const doneMessage = (updated: ReviewItem) =>
    t(
      updated.reviewStatus === 'released'
        ? 'screening.reviewForm.released'
        : 'screening.reviewForm.confirmed',
      { id: updated.transferId },
    );

  if (done)
    return (
      <OutcomeResult
        status={done.reviewStatus}
        tone={done.reviewStatus === 'released' ? 'teal' : 'red'}
        badge={<ReviewStatusBadge status={done.reviewStatus} />}
        message={doneMessage(done)}
        noticeRequestId={done.noticeRequestId}
        onClose={onClose}
      />
    );

  return (
    <OutcomeForm
      outcome={outcome}
      holderName={item.payee.holderName ?? item.payee.nameShown}
      summary={t('screening.reviewForm.summary', {
        amount: formatVnd(item.amountVnd),
        payer: item.payer.name ?? item.payer.account,
        payee: item.payee.nameShown,
        bank: `${item.payee.bank} ${item.payee.account}`,
      })}
      intro={t(confirming ? 'screening.reviewForm.confirmIntro' : 'screening.reviewForm.releaseIntro')}
      submitLabel={t(
        confirming ? 'screening.reviewForm.submitConfirm' : 'screening.reviewForm.submitRelease',
      )}
      pending={review.isPending}
      error={review.error}
      onSubmit={(values, setErrors) =>
        review.mutate(toReviewBody(outcome, values), {
          onSuccess: (updated) => {
            notifications.show({ color: 'teal', message: doneMessage(updated) });
            setDone(updated);
          },
          onError: (error) => setErrors(reviewServerErrors(error)),
        })
      }
      onClose={onClose}
    />
  );
}

/**
 * The note and, when fraud is confirmed and the user may send requests, the optional notice to the police:
 * the form of a held transfer's review and of a flagged account's alike.
 */
export function OutcomeForm({
  outcome,
  holderName,
  summary,
  intro,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  outcome: AnyOutcome;
  /** The account holder's name to start the notice from, when known. */
  holderName: string | null;
  summary: string;
  intro: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ReviewValues, setErrors: (errors: Record<string, string>) => void) => void;
  onClose: () => void;
}) {
  const can = useCan();
  const { t } = useTranslation();
  const confirming = outcome === 'confirmed_fraud';
  const form = useForm<ReviewValues>({
    initialValues: initialReviewValues(holderName),
    validate: (values) => checkReview(outcome, values),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => onSubmit(values, form.setErrors))}
      noValidate
      data-testid="screening-review-form"
      data-outcome={outcome}
    >
      <Stack>
        <Text size="sm" fw={500}>
          {summary}
        </Text>
        <Text size="sm">{intro}</Text>
        <Textarea
          label={t('screening.reviewForm.note')}
          description={t('screening.reviewForm.noteHelp')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-autofocus
          data-testid="screening-review-note"
          {...form.getInputProps('note')}
        />
        {confirming && can('request.send') && <NoticeFields form={form} />}
        <ErrorAlert error={error} fields={fields} />
        <FormActions
          submitLabel={submitLabel}
          submitTestId="screening-review-submit"
          submitColor={confirming ? 'red.9' : undefined}
          pending={pending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** What a review did, with the link to the notice sent to the police; stays until closed. */
export function OutcomeResult({
  status,
  tone,
  badge,
  message,
  noticeRequestId,
  onClose,
}: {
  status: string;
  tone: string;
  badge: ReactNode;
  message: string;
  noticeRequestId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="screening-review-result" data-status={status}>
      <Alert color={tone} variant="light" role="status">
        <Stack gap="xs" align="flex-start">
          {badge}
          <Text size="sm">{message}</Text>
          {noticeRequestId && (
            <>
              <Text size="sm">{t('screening.reviewForm.noticeSent')}</Text>
              <Anchor
                component={Link}
                to={requestPath(noticeRequestId)}
                data-testid="screening-review-notice-link"
              >
                {t('screening.reviews.notice')}
              </Anchor>
            </>
          )}
        </Stack>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus data-testid="screening-review-close">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
