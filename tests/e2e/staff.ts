import { expect } from 'vitest';

/** API calls the browser tests make to set things up, as staff would through the same routes. */

/** A JSON call with a session cookie; answers the body after checking the status. */
export async function call<T>(
  url: string,
  cookie: string,
  method: 'GET' | 'POST',
  apiPath: string,
  body: unknown,
  status: number,
): Promise<T> {
  const response = await fetch(`${url}${apiPath}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${apiPath}: ${text}`).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in (no second factor: the tests' servers run with KHIEN_TOTP_REQUIRED empty or an admin password). */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * The admin creates a provincial police agency and an officer; the officer signs in and changes the first
 * password, as the platform requires. Answers the officer's session cookie.
 */
export async function policeOfficer(
  url: string,
  setup: {
    adminPassword: string;
    agencyName: string;
    provinceCode: string;
    username: string;
    fullName: string;
    password: string;
  },
): Promise<string> {
  const admin = await signIn(url, 'admin', setup.adminPassword);
  const agency = await call<{ id: string }>(
    url,
    admin,
    'POST',
    '/api/agencies',
    {
      name: setup.agencyName,
      type: 'police_province',
      scopeLevel: 'province',
      provinceCode: setup.provinceCode,
    },
    201,
  );
  const first = 'first-password-123';
  await call(
    url,
    admin,
    'POST',
    `/api/agencies/${agency.id}/users`,
    { username: setup.username, fullName: setup.fullName, roles: ['officer'], password: first },
    201,
  );
  const officer = await signIn(url, setup.username, first);
  await call(
    url,
    officer,
    'POST',
    '/api/me/password',
    { currentPassword: first, newPassword: setup.password },
    204,
  );
  return officer;
}
