import type { Me } from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform } from '../../testing/platform.js';
import { totpCode } from './totp.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`sign-in and sessions on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    let secret = '';

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(
        testDb.database,
        { totpRequired: ['admin'], lockoutThreshold: 3, lockoutMinutes: 15 },
        clock,
      );
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    const post = (url: string, payload: unknown, cookie?: string) =>
      platform.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: cookie ? { cookie } : {},
      });
    const get = (url: string, cookie?: string) =>
      platform.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

    it('makes an administrator without a second factor enrol TOTP before anything else, then requires it', async () => {
      const first = await login(platform, 'admin', ADMIN_PASSWORD);
      expect(first.me.totpEnrolmentRequired).toBe(true);
      expect(first.me.allowedActions).toEqual(['identity.read']);
      const blocked = await get('/api/agencies', first.cookie);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('auth.totp_enrolment_required');

      const enrol = await post('/api/me/totp/enrol', {}, first.cookie);
      expect(enrol.statusCode).toBe(200);
      ({ secret } = enrol.json() as { secret: string });
      const { otpauthUrl } = enrol.json() as { otpauthUrl: string };
      expect(otpauthUrl).toContain('otpauth://totp/');
      const wrong = await post('/api/me/totp/confirm', { code: '000000' }, first.cookie);
      expect(wrong.json().code).toBe('auth.totp_invalid');
      const confirmed = await post(
        '/api/me/totp/confirm',
        { code: totpCode(secret, clock.now()) },
        first.cookie,
      );
      expect(confirmed.statusCode).toBe(200);
      expect((confirmed.json() as Me).totpEnabled).toBe(true);
      const stored = await platform.database.db
        .selectFrom('users')
        .select('totp_secret')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(stored.totp_secret).not.toBeNull();
      expect(stored.totp_secret).not.toContain(secret);
      expect((await get('/api/agencies', first.cookie)).statusCode).toBe(200);

      clock.advance(60_000);
      const withoutCode = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json().code).toBe('auth.totp_required');
      const code = totpCode(secret, clock.now());
      const ok = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD, totp: code });
      expect(ok.statusCode).toBe(200);
      const replay = await post('/api/auth/login', {
        username: 'admin',
        password: ADMIN_PASSWORD,
        totp: code,
      });
      expect(replay.json().code).toBe('auth.totp_invalid');

      const disable = await post('/api/me/totp/disable', { password: ADMIN_PASSWORD }, first.cookie);
      expect(disable.json().code).toBe('auth.totp_required_by_policy');
    });

    it('locks an account after repeated failures, answers the same for unknown users, and unlocks after the lockout', async () => {
      const unknown = await post('/api/auth/login', { username: 'nobody', password: 'whatever-password' });
      const wrong = await post('/api/auth/login', { username: 'admin', password: 'wrong-password-1' });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().code).toBe(wrong.json().code);
      await post('/api/auth/login', { username: 'admin', password: 'wrong-password-2' });
      const third = await post('/api/auth/login', { username: 'admin', password: 'wrong-password-3' });
      expect(third.statusCode).toBe(423);
      const locked = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(locked.statusCode).toBe(423);
      expect(locked.json().code).toBe('auth.locked');
      clock.advance(16 * 60_000);
      const after = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(after.json().code).toBe('auth.totp_required');
    });

    it('ends sessions at sign-out and after the idle time', async () => {
      const signIn = async () => {
        clock.advance(31_000);
        const response = await post('/api/auth/login', {
          username: 'admin',
          password: ADMIN_PASSWORD,
          totp: totpCode(secret, clock.now()),
        });
        expect(response.statusCode).toBe(200);
        return String(response.headers['set-cookie']).split(';')[0]!;
      };
      const cookie = await signIn();
      expect((await get('/api/me', cookie)).statusCode).toBe(200);
      expect((await post('/api/auth/logout', {}, cookie)).statusCode).toBe(204);
      expect((await get('/api/me', cookie)).statusCode).toBe(401);
      const idle = await signIn();
      clock.advance(61 * 60_000);
      expect((await get('/api/me', idle)).statusCode).toBe(401);
      const anonymous = await get('/api/me');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.json().code).toBe('auth.required');
    });

    it('refuses bad input with problem+json and field errors', async () => {
      const bad = await post('/api/auth/login', { username: '', password: 42 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation.failed', status: 400 });
      expect(bad.json().errors.length).toBeGreaterThan(0);
      const notJson = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{not json',
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().code).toBe('validation.failed');
      const huge = await post('/api/auth/login', {
        username: 'admin',
        password: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().code).toBe('request.too_large');
    });
  });
}
