import type { Agency, Me, Role } from '@khien/contracts';
import pino from 'pino';
import { configFor, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { totpCode } from '../modules/auth/index.js';
import { createPlatform, type Platform } from '../platform.js';
import { ManualClock, type Clock } from '../shared/clock.js';

export const ADMIN_PASSWORD = 'correct-horse-battery-staple';

/** A platform on the given database, with jobs off unless asked, a quiet logger and a known admin password. */
export async function startTestPlatform(
  database: Database,
  overrides: Partial<Config> = {},
  clock: Clock = new ManualClock(new Date('2026-03-02T08:00:00Z')),
): Promise<Platform> {
  const config = configFor({
    adminPassword: ADMIN_PASSWORD,
    jobs: false,
    // Loaded only by the tests that screen transfers by IP (0.4 s a start).
    ipDatabase: false,
    totpRequired: [],
    webDist: '',
    authRateLimitPerMinute: 10_000,
    publicCheckRatePerMinute: 0,
    publicReportRatePerHour: 0,
    // A fixed test key: tests run on injected databases, never on a data folder.
    dataKeys: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    ...overrides,
  });
  return createPlatform(config, { database, clock, logger: pino({ level: 'silent' }) });
}

export interface Session {
  cookie: string;
  me: Me;
}

/** Signs in through the real route and returns the session cookie. */
export async function login(
  platform: Platform,
  username: string,
  password: string,
  totpSecret?: string,
  at?: Date,
): Promise<Session> {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totpSecret ? { totp: totpCode(totpSecret, at ?? new Date()) } : {}) },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  return { cookie: raw.split(';')[0]!, me: response.json() as Me };
}

/**
 * A staff member of `agency` created by an administrator's session, signed in with a changed password
 * (so that no restriction applies): what most route tests act as.
 */
export async function staffSession(
  platform: Platform,
  admin: Session,
  agency: Pick<Agency, 'id'>,
  username: string,
  roles: Role[],
): Promise<Session> {
  const created = await platform.app.inject({
    method: 'POST',
    url: `/api/agencies/${agency.id}/users`,
    headers: { cookie: admin.cookie },
    payload: { username, fullName: `Cán bộ ${username}`, roles, password: 'first-password-1' },
  });
  if (created.statusCode !== 201) throw new Error(`user ${username}: ${created.statusCode} ${created.body}`);
  const first = await login(platform, username, 'first-password-1');
  const changed = await platform.app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers: { cookie: first.cookie },
    payload: { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
  });
  if (changed.statusCode >= 300) throw new Error(`password of ${username}: ${changed.statusCode}`);
  return login(platform, username, 'second-password-2');
}
