import { CreateStaffReportRequest } from '@khien/contracts';
import { ApiError } from '../../api/problem';
import { describeIssue, issuePath } from '../../ui/errors';
import { fieldMessageText, hasMessage, translate } from '../../ui/messages';
import { intakeErrorField, toIntakeRequest, type IntakeValues } from './requests';

/**
 * A field code in words. The shared words for `story.too_short` are the public form's (20 characters);
 * staff intake needs only 5, so it says so.
 */
function intakeMessage(code: string, fallback: () => string): string {
  if (code === 'story.too_short') return translate({ key: 'reports.intake.storyTooShort' });
  return fallback();
}

/**
 * Checks the intake exactly as the server will (CreateStaffReportRequest), each message on its own field:
 * a transfer's account or amount, a contact's phone, not just "transfers" or "contact".
 */
export function validateIntake(values: IntakeValues): Record<string, string> {
  const result = CreateStaffReportRequest.safeParse(toIntakeRequest(values));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = intakeErrorField(issuePath(issue.path));
    errors[field] ??= intakeMessage(issue.message, () => translate(describeIssue(issue, hasMessage)));
  }
  return errors;
}

/** The server's field errors, placed the same way. */
export function intakeServerErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const field = intakeErrorField(fieldError.path);
    if (field)
      errors[field] ??= intakeMessage(fieldError.message, () => fieldMessageText(fieldError.message));
  }
  return errors;
}
