import { ApiError } from '../api/problem';
import { i18n } from '../i18n';
import {
  describeError,
  describeFieldMessage,
  describeIssue,
  issuePath,
  splitFieldErrors,
  type IssueLike,
  type MessageRef,
} from './errors';

type UntypedT = (key: string, values?: Record<string, string | number>) => string;

/** Looks a key up as a string in the current language or in Vietnamese (the fallback). */
export function hasMessage(key: string): boolean {
  return [i18n.language, 'vi'].some((lng) => typeof i18n.getResource(lng, 'translation', key) === 'string');
}

/** Translates a key built at run time (error codes, field codes), which the typed `t` cannot check. */
export function translate(ref: MessageRef | string): string {
  if (typeof ref === 'string') return ref;
  return (i18n.t as unknown as UntypedT)(ref.key, ref.values);
}

export function errorText(error: unknown): string {
  return translate(describeError(error, hasMessage));
}

export function fieldMessageText(message: string): string {
  return translate(describeFieldMessage(message, hasMessage));
}

/**
 * The text for a code the app has words for (`qr.not_found`, `reasons.too_short`…), or null: codes that
 * arrive outside a form (the problems of a check, the first field error of a 422) are shown with it.
 */
export function codeMessageText(code: string): string | null {
  const ref = describeFieldMessage(code, hasMessage);
  return typeof ref === 'string' ? null : translate(ref);
}

/** The field errors of a failed call, translated, for the fields a form shows. */
export function serverFieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const { byField } = splitFieldErrors(error.fieldErrors, fields);
  return Object.fromEntries(
    Object.entries(byField).map(([field, message]) => [field, fieldMessageText(message)]),
  );
}

/** Anything with a zod 4 `safeParse`: the contracts' request schemas. */
export interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: IssueLike[] } };
}

/**
 * A validator for Mantine forms from a contracts schema: the form values are turned into the request
 * (empty strings dropped and so on) and the request is checked exactly as the server will check it.
 */
export function schemaValidator<V, T>(schema: SafeParser<T>, toRequest: (values: V) => unknown) {
  return (values: V): Record<string, string> => {
    const result = schema.safeParse(toRequest(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = issuePath(issue.path.slice(0, 1));
      errors[field] ??= translate(describeIssue(issue, hasMessage));
    }
    return errors;
  };
}

/** Form inputs give '' for "nothing"; requests want the property left out. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
