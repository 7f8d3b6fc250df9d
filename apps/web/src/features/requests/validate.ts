import { ApiError } from '../../api/problem';
import { describeIssue, type IssueLike } from '../../ui/errors';
import { fieldMessageText, hasMessage, translate } from '../../ui/messages';
import { i18n } from '../../i18n';

/** A contract's schema, for checking a form's body as the server will. */
export interface Checker {
  safeParse(data: unknown): { success: boolean; error?: { issues: IssueLike[] } };
}

/**
 * Requests take a reason of 3 characters or more, where other features ask 5: their shared code
 * (`reason.too_short`) gets this feature's words.
 */
function messageFor(message: string, fallback: () => string): string {
  return message === 'reason.too_short' ? i18n.t('requests.form.reasonTooShort') : fallback();
}

/** The form's errors for a body, each on the form field `fieldOf` names for the issue's path. */
export function checkBody(
  schema: Checker,
  body: unknown,
  fieldOf: (path: string) => string,
): Record<string, string> {
  const result = schema.safeParse(body);
  if (result.success || !result.error) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    errors[field] ??= messageFor(issue.message, () => translate(describeIssue(issue, hasMessage)));
  }
  return errors;
}

/** The field errors of a failed call, on the form's fields. */
export function serverErrors(error: unknown, fieldOf: (path: string) => string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    if (!fieldError.path) continue;
    errors[fieldOf(fieldError.path)] ??= messageFor(fieldError.message, () =>
      fieldMessageText(fieldError.message),
    );
  }
  return errors;
}
