import { describe, expect, it } from 'vitest';
import { withQuery } from './client';
import { ApiError, codeForStatus, normaliseFieldPath, problemFromResponse } from './problem';

describe('problemFromResponse', () => {
  it('reads an RFC 9457 problem with field errors', () => {
    const body = JSON.stringify({
      type: 'https://khien.example/problems/validation.failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation.failed',
      detail: 'Invalid body',
      errors: [
        { path: '/body/username', message: 'username.invalid' },
        { path: 'roles', message: 'Too small' },
      ],
    });
    const error = problemFromResponse(400, 'Bad Request', body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation.failed');
    expect(error.status).toBe(400);
    expect(error.detail).toBe('Invalid body');
    expect(error.fieldErrors).toEqual([
      { path: 'username', message: 'username.invalid' },
      { path: 'roles', message: 'Too small' },
    ]);
  });

  it('keeps the problem status even when it differs from the HTTP one', () => {
    const body = JSON.stringify({ type: 'about:blank', title: 'Locked', status: 423, code: 'auth.locked' });
    expect(problemFromResponse(423, 'Locked', body).status).toBe(423);
  });

  it('derives a code from the status when the body is not a problem', () => {
    expect(problemFromResponse(502, 'Bad Gateway', '<html>proxy</html>').code).toBe('server.unavailable');
    expect(problemFromResponse(401, '', '').code).toBe('auth.required');
    expect(problemFromResponse(429, 'Too Many Requests', '{"message":"slow down"}').code).toBe(
      'rate_limited',
    );
    expect(problemFromResponse(418, '', '').code).toBe('http.error');
  });

  it('ignores malformed field errors', () => {
    const body = JSON.stringify({
      title: 't',
      status: 400,
      code: 'validation.failed',
      errors: [1, { path: 'a' }, { message: 'm' }],
    });
    expect(problemFromResponse(400, '', body).fieldErrors).toEqual([{ path: '', message: 'm' }]);
  });
});

describe('normaliseFieldPath', () => {
  it('turns pointers and prefixed paths into form field names', () => {
    expect(normaliseFieldPath('/body/roles/0')).toBe('roles.0');
    expect(normaliseFieldPath('#/name')).toBe('name');
    expect(normaliseFieldPath('body.email')).toBe('email');
    expect(normaliseFieldPath('roles[1]')).toBe('roles.1');
    expect(normaliseFieldPath('fullName')).toBe('fullName');
  });
});

describe('codeForStatus', () => {
  it('maps the statuses the client handles specifically', () => {
    expect(codeForStatus(403)).toBe('auth.forbidden');
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(413)).toBe('request.too_large');
    expect(codeForStatus(500)).toBe('internal');
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(
      withQuery('/api/agencies', { q: 'Công an', type: '', provinceCode: undefined, limit: 50, offset: 0 }),
    ).toBe('/api/agencies?q=C%C3%B4ng+an&limit=50&offset=0');
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
