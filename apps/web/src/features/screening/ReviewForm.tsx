import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReviewItem } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { SearchableSelect } from '../../ui/SearchableSelect';
import { useCan } from '../auth/me-context';
import { formatVnd } from '../registry/format';
import { requestPath } from '../requests/links';
import { usePoliceAgencies, useReview } from './api';
import { ReviewStatusBadge } from './badges';
import { initialReviewValues, toReviewBody, type ReviewOutcome, type ReviewValues } from './review';
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
  const can = useCan();
  const review = useReview(item.transferId);
  const [done, setDone] = useState<ReviewItem | null>(null);
  const confirming = outcome === 'confirmed_fraud';
  const mayNotify = confirming && can('request.send');
  const form = useForm<ReviewValues>({
    initialValues: initialReviewValues(item.payee.holderName ?? item.payee.nameShown),
    validate: (values) => checkReview(outcome, values),
  });
  const police = usePoliceAgencies(mayNotify && form.values.sendNotice);
  const policeOptions = (police.data?.items ?? []).map((agency) => ({
    value: agency.id,
    label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name,
  }));

  if (done) return <ReviewDone item={done} onClose={onClose} />;

  const submit = form.onSubmit((values) => {
    review.mutate(toReviewBody(outcome, values), {
      onSuccess: (updated) => {
        notifications.show({
          color: 'teal',
          message: t(
            updated.reviewStatus === 'released'
              ? 'screening.reviewForm.released'
              : 'screening.reviewForm.confirmed',
            { id: updated.transferId },
          ),
        });
        setDone(updated);
      },
      onError: (error) => form.setErrors(reviewServerErrors(error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="screening-review-form" data-outcome={outcome}>
      <Stack>
        <Text size="sm" fw={500}>
          {t('screening.reviewForm.summary', {
            amount: formatVnd(item.amountVnd),
            payer: item.payer.name ?? item.payer.account,
            payee: item.payee.nameShown,
            bank: `${item.payee.bank} ${item.payee.account}`,
          })}
        </Text>
        <Text size="sm">
          {t(confirming ? 'screening.reviewForm.confirmIntro' : 'screening.reviewForm.releaseIntro')}
        </Text>
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
        {mayNotify && (
          <Checkbox
            label={t('screening.reviewForm.sendNotice')}
            description={t('screening.reviewForm.sendNoticeHelp')}
            data-testid="screening-review-send-notice"
            {...form.getInputProps('sendNotice', { type: 'checkbox' })}
          />
        )}
        {mayNotify && form.values.sendNotice && (
          <Fieldset legend={t('screening.reviewForm.noticeTitle')} data-testid="screening-review-notice">
            <Stack gap="sm">
              <SearchableSelect
                label={t('screening.reviewForm.policeAgency')}
                placeholder={t('screening.reviewForm.policeAgencyPlaceholder')}
                nothingFoundMessage={t('screening.reviewForm.policeNone')}
                data={policeOptions}
                required
                disabled={police.isPending}
                data-testid="screening-review-police"
                {...form.getInputProps('policeAgencyId')}
              />
              {police.isSuccess && policeOptions.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('screening.reviewForm.policeNone')}
                </Text>
              )}
              <ErrorAlert error={police.error} />
              <TextInput
                label={t('screening.reviewForm.holderName')}
                required
                maxLength={200}
                autoComplete="off"
                data-testid="screening-review-holder-name"
                {...form.getInputProps('holderName')}
              />
              <TextInput
                label={t('screening.reviewForm.idNumber')}
                description={t('screening.reviewForm.idNumberHelp')}
                required
                maxLength={20}
                autoComplete="off"
                data-testid="screening-review-id-number"
                {...form.getInputProps('idNumber')}
              />
              <TextInput
                label={t('screening.reviewForm.ebankingPhone')}
                description={t('common.optional')}
                type="tel"
                inputMode="tel"
                maxLength={20}
                autoComplete="off"
                data-testid="screening-review-phone"
                {...form.getInputProps('ebankingPhone')}
              />
              <TextInput
                label={t('screening.reviewForm.reasonCode')}
                description={t('screening.reviewForm.reasonCodeHelp')}
                required
                maxLength={20}
                data-testid="screening-review-reason-code"
                {...form.getInputProps('reasonCode')}
              />
            </Stack>
          </Fieldset>
        )}
        <ErrorAlert error={review.error} fields={fields} />
        <FormActions
          submitLabel={t(
            confirming ? 'screening.reviewForm.submitConfirm' : 'screening.reviewForm.submitRelease',
          )}
          submitTestId="screening-review-submit"
          submitColor={confirming ? 'red.9' : undefined}
          pending={review.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function ReviewDone({ item, onClose }: { item: ReviewItem; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="screening-review-result" data-status={item.reviewStatus}>
      <Alert color={item.reviewStatus === 'released' ? 'teal' : 'red'} variant="light" role="status">
        <Stack gap="xs" align="flex-start">
          <ReviewStatusBadge status={item.reviewStatus} />
          <Text size="sm">
            {t(
              item.reviewStatus === 'released'
                ? 'screening.reviewForm.released'
                : 'screening.reviewForm.confirmed',
              { id: item.transferId },
            )}
          </Text>
          {item.noticeRequestId && (
            <>
              <Text size="sm">{t('screening.reviewForm.noticeSent')}</Text>
              <Anchor
                component={Link}
                to={requestPath(item.noticeRequestId)}
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
