import { FlagReviewBody, ReviewBody } from '@khien/contracts';
import { ApiError } from '../../api/problem';
import { i18n } from '../../i18n';
import { describeIssue } from '../../ui/errors';
import { fieldMessageText, hasMessage, translate } from '../../ui/messages';
import { reviewFieldOf, toReviewBody, type AnyOutcome, type ReviewValues } from './review';

/** Reviews take a note of 3 characters or more, which the shared `reason.too_short` words do not say. */
function messageFor(message: string, fallback: () => string): string {
  return message === 'reason.too_short' ? i18n.t('screening.reviewForm.noteTooShort') : fallback();
}

/** The review form's errors, checked by the contract as the server will check the body. */
export function checkReview(outcome: AnyOutcome, values: ReviewValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (outcome === 'confirmed_fraud' && values.sendNotice && !values.policeAgencyId)
    errors.policeAgencyId = translate({ key: 'fieldErrors.required' });
  const schema = outcome === 'dismissed' ? FlagReviewBody : ReviewBody;
  const result = schema.safeParse(toReviewBody(outcome, values));
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = reviewFieldOf(issue.path.map(String).join('.'));
    errors[field] ??= messageFor(issue.message, () => translate(describeIssue(issue, hasMessage)));
  }
  return errors;
}

/** The field errors of a refused review, on the form's fields. */
export function reviewServerErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    if (!fieldError.path) continue;
    errors[reviewFieldOf(fieldError.path)] ??= messageFor(fieldError.message, () =>
      fieldMessageText(fieldError.message),
    );
  }
  return errors;
}
