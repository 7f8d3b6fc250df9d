import { ApiError, type FieldError } from '../api/problem';

/** A message to translate: an i18n key and its interpolation values. */
export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

export type HasKey = (key: string) => boolean;

/** The readable message for any error: the text for its code when there is one, else the detail. */
export function describeError(error: unknown, has: HasKey): MessageRef {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (has(key)) return { key, values: { status: error.status, detail: error.detail ?? '' } };
    const detail = error.detail ?? error.title;
    return detail ? { key: 'errors.generic', values: { detail } } : { key: 'errors.genericNoDetail' };
  }
  if (error instanceof Error && error.message)
    return { key: 'errors.generic', values: { detail: error.message } };
  return { key: 'errors.genericNoDetail' };
}

/** Field messages from the server and from the contracts' schemas are codes like `password.too_short`. */
export function describeFieldMessage(message: string, has: HasKey): MessageRef | string {
  const key = `fieldErrors.${message}`;
  return /^[a-z_]+(\.[a-z_]+)+$/.test(message) && has(key) ? { key } : message;
}

/** The subset of a zod issue the forms need (zod 4 shape). */
export interface IssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

export function describeIssue(issue: IssueLike, has: HasKey): MessageRef | string {
  const coded = describeFieldMessage(issue.message, has);
  if (typeof coded !== 'string') return coded;
  const minimum = Number(issue.minimum ?? 0);
  const maximum = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'fieldErrors.selectAtLeast', values: { minimum } };
      if (issue.origin === 'string')
        return minimum <= 1
          ? { key: 'fieldErrors.required' }
          : { key: 'fieldErrors.tooShort', values: { minimum } };
      return { key: 'fieldErrors.invalid' };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'fieldErrors.tooLong', values: { maximum } }
        : { key: 'fieldErrors.invalid' };
    case 'invalid_format':
      return issue.format === 'email' ? { key: 'fieldErrors.email.invalid' } : { key: 'fieldErrors.invalid' };
    case 'invalid_type':
    case 'invalid_value':
      return { key: 'fieldErrors.required' };
    default:
      return { key: 'fieldErrors.invalid' };
  }
}

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/**
 * Splits the field errors of a problem into those a form shows beside its fields and the rest, which
 * the error alert lists. A field error on `roles.0` belongs to the `roles` field.
 */
export function splitFieldErrors(errors: FieldError[], fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const others: FieldError[] = [];
  for (const error of errors) {
    const field = fields.find((f) => error.path === f || error.path.startsWith(`${f}.`));
    if (field === undefined) others.push(error);
    else byField[field] ??= error.message;
  }
  return { byField, others };
}
