import { notifications } from '@mantine/notifications';
import type { FlagItem } from '@khien/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlagReview } from './api';
import { FlagStatusBadge } from './badges';
import { toReviewBody, type FlagOutcome } from './review';
import { OutcomeForm, OutcomeResult } from './ReviewForm';
import { reviewServerErrors } from './validate';

/**
 * Dismisses a flagged account or confirms fraud, with a note; confirming may send the police the same
 * suspicious-account notice as a held transfer (the review form's fields and test ids).
 */
export function FlagReviewForm({
  flag,
  outcome,
  onClose,
}: {
  flag: FlagItem;
  outcome: FlagOutcome;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const review = useFlagReview(flag.id);
  const [done, setDone] = useState<FlagItem | null>(null);
  const confirming = outcome === 'confirmed_fraud';
  const account = `${flag.account.bank} ${flag.account.account}`;
  const doneMessage = (updated: FlagItem) =>
    t(updated.status === 'dismissed' ? 'screening.flagForm.dismissed' : 'screening.flagForm.confirmed', {
      account,
    });

  if (done)
    return (
      <OutcomeResult
        status={done.status}
        tone={done.status === 'dismissed' ? 'gray' : 'red'}
        badge={<FlagStatusBadge status={done.status} />}
        message={doneMessage(done)}
        noticeRequestId={done.noticeRequestId}
        onClose={onClose}
      />
    );

  return (
    <OutcomeForm
      outcome={outcome}
      holderName={null}
      summary={t('screening.flagForm.summary', {
        account,
        typology: t(`screening.typology.${flag.typology}.label`),
        score: flag.score,
      })}
      intro={t(confirming ? 'screening.flagForm.confirmIntro' : 'screening.flagForm.dismissIntro')}
      submitLabel={t(confirming ? 'screening.flagForm.submitConfirm' : 'screening.flagForm.submitDismiss')}
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
