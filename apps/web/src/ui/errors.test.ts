import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { describeError, describeFieldMessage, describeIssue, splitFieldErrors } from './errors';

function hasKeyIn(resource: unknown) {
  return (key: string) => {
    let node: unknown = resource;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string';
  };
}
const has = hasKeyIn(vi);

describe('describeError', () => {
  it('uses the message for a known code', () => {
    const error = new ApiError({ status: 401, code: 'auth.invalid_credentials', title: 'Unauthorized' });
    expect(describeError(error, has).key).toBe('errors.auth.invalid_credentials');
  });

  it('falls back to the generic message with the detail for an unknown code', () => {
    const error = new ApiError({
      status: 409,
      code: 'case.invalid_transition',
      title: 'Conflict',
      detail: 'Case closed',
    });
    expect(describeError(error, has)).toEqual({ key: 'errors.generic', values: { detail: 'Case closed' } });
  });

  it('has a Vietnamese and an English message for every code the brief names', () => {
    const codes = [
      'auth.required',
      'auth.invalid_credentials',
      'auth.locked',
      'auth.totp_required',
      'auth.totp_invalid',
      'auth.forbidden',
      'not_found',
      'validation.failed',
      'conflict.username_taken',
      'conflict.agency_exists',
      'auth.totp_enrolment_required',
      'request.too_large',
      'rate_limited',
    ];
    for (const code of codes) {
      expect(hasKeyIn(vi)(`errors.${code}`), code).toBe(true);
      expect(hasKeyIn(en)(`errors.${code}`), code).toBe(true);
    }
  });
});

describe('field messages', () => {
  it('translates the codes of the contracts', () => {
    expect(describeFieldMessage('password.too_short', has)).toEqual({
      key: 'fieldErrors.password.too_short',
    });
    expect(describeFieldMessage('Some server sentence.', has)).toBe('Some server sentence.');
  });

  it('describes zod issues without a code by their kind', () => {
    expect(
      describeIssue({ code: 'too_small', origin: 'array', minimum: 1, path: ['roles'], message: 'x' }, has),
    ).toEqual({
      key: 'fieldErrors.selectAtLeast',
      values: { minimum: 1 },
    });
    expect(
      describeIssue({ code: 'invalid_format', format: 'email', path: ['email'], message: 'x' }, has),
    ).toEqual({
      key: 'fieldErrors.email.invalid',
    });
    expect(
      describeIssue({ code: 'too_small', origin: 'string', minimum: 1, path: ['u'], message: 'x' }, has),
    ).toEqual({
      key: 'fieldErrors.required',
    });
  });

  it('puts field errors beside the form fields and keeps the rest for the alert', () => {
    const { byField, others } = splitFieldErrors(
      [
        { path: 'roles.0', message: 'bad role' },
        { path: 'username', message: 'username.invalid' },
        { path: 'parentId', message: 'unknown' },
      ],
      ['username', 'roles'],
    );
    expect(byField).toEqual({ roles: 'bad role', username: 'username.invalid' });
    expect(others).toEqual([{ path: 'parentId', message: 'unknown' }]);
  });
});
