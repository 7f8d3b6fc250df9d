import type { Agency, AgencyPage, CreatedApiKey, Me, User } from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform, type Session } from '../../testing/platform.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`agencies, staff and API keys on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    let operator: Session;
    let province: Agency;
    let provinceAdmin: Session;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));

    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      session: Session | null,
      payload?: object,
    ) =>
      platform.app.inject({
        method,
        url,
        headers: session ? { cookie: session.cookie } : {},
        ...(payload ? { payload } : {}),
      });

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('ships the 34 provinces and 3,321 communes and finds communes without diacritics', async () => {
      const provinces = (await call('GET', '/api/reference/provinces', null)).json() as {
        items: Array<{ code: string; communeCount: number }>;
      };
      expect(provinces.items).toHaveLength(34);
      expect(provinces.items.reduce((sum, p) => sum + p.communeCount, 0)).toBe(3321);
      const found = (
        await call('GET', '/api/reference/provinces/12/communes?q=sin suoi ho', null)
      ).json() as { items: Array<{ fullName: string }> };
      expect(found.items.map((c) => c.fullName)).toEqual(['Xã Sin Suối Hồ']);
      expect((await call('GET', '/api/reference/provinces/99/communes', null)).statusCode).toBe(404);
    });

    it('creates an agency with a checked scope and refuses duplicates and bad areas', async () => {
      const created = await call('POST', '/api/agencies', operator, {
        name: 'Công an tỉnh Lai Châu',
        type: 'police_province',
        scopeLevel: 'province',
        provinceCode: '12',
      });
      expect(created.statusCode).toBe(201);
      province = created.json() as Agency;
      expect(province).toMatchObject({
        scopeLevel: 'province',
        provinceCode: '12',
        communeCode: null,
        active: true,
      });

      const duplicate = await call('POST', '/api/agencies', operator, {
        name: 'công an tỉnh lai châu',
        type: 'police_province',
        scopeLevel: 'province',
        provinceCode: '12',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('conflict.agency_exists');

      const unknownProvince = await call('POST', '/api/agencies', operator, {
        name: 'Sở X',
        type: 'dept_culture',
        scopeLevel: 'province',
        provinceCode: '99',
      });
      expect(unknownProvince.json().code).toBe('reference.unknown_province');
      const wrongCommune = await call('POST', '/api/agencies', operator, {
        name: 'Công an xã Y',
        type: 'police_commune',
        scopeLevel: 'commune',
        provinceCode: '11',
        communeCode: '03388',
      });
      expect(wrongCommune.json().code).toBe('reference.unknown_commune');
      const mismatch = await call('POST', '/api/agencies', operator, {
        name: 'Công an Z',
        type: 'police_commune',
        scopeLevel: 'province',
        provinceCode: '12',
      });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().code).toBe('agency.scope_invalid');
      const badType = await call('POST', '/api/agencies', operator, {
        name: 'Cơ quan',
        type: 'spaceship',
        scopeLevel: 'national',
      });
      expect(badType.statusCode).toBe(400);
      expect(badType.json().errors[0].path).toBe('body.type');
    });

    it('lets a provincial administrator create agencies and staff in the province, and nowhere else', async () => {
      const admin = await call('POST', `/api/agencies/${province.id}/users`, operator, {
        username: 'lc.admin',
        fullName: 'Lò Văn Quản',
        email: 'quan@example.vn',
        roles: ['admin'],
        password: 'first-password-01',
      });
      expect(admin.statusCode).toBe(201);
      expect((admin.json() as User).totpEnabled).toBe(false);
      const first = await login(platform, 'lc.admin', 'first-password-01');
      expect(first.me.mustChangePassword).toBe(true);
      expect((await call('GET', '/api/agencies', first)).json().code).toBe('auth.password_change_required');
      expect(
        (
          await call('POST', '/api/me/password', first, {
            currentPassword: 'first-password-01',
            newPassword: 'first-password-01',
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await call('POST', '/api/me/password', first, {
            currentPassword: 'first-password-01',
            newPassword: 'second-password-02',
          })
        ).statusCode,
      ).toBe(204);
      provinceAdmin = first;

      const commune = await call('POST', '/api/agencies', provinceAdmin, {
        name: 'Công an xã Sin Suối Hồ',
        type: 'police_commune',
        scopeLevel: 'commune',
        provinceCode: '12',
        communeCode: '03394',
        parentId: province.id,
      });
      expect(commune.statusCode).toBe(201);
      const outside = await call('POST', '/api/agencies', provinceAdmin, {
        name: 'Sở VH Điện Biên',
        type: 'dept_culture',
        scopeLevel: 'province',
        provinceCode: '11',
      });
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('agency.outside_jurisdiction');
      const national = await call('POST', '/api/agencies', provinceAdmin, {
        name: 'Ngân hàng A',
        type: 'commercial_bank',
        scopeLevel: 'national',
      });
      expect(national.json().code).toBe('agency.outside_jurisdiction');

      const taken = await call(
        'POST',
        `/api/agencies/${(commune.json() as Agency).id}/users`,
        provinceAdmin,
        {
          username: 'LC.Admin',
          fullName: 'Người khác',
          roles: ['officer'],
          password: 'another-password-1',
        },
      );
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('conflict.username_taken');

      const list = (await call('GET', '/api/agencies?q=SIN SUOI', provinceAdmin)).json() as AgencyPage;
      expect(list.items.map((a) => a.name)).toEqual(['Công an xã Sin Suối Hồ']);
    });

    it('stops administrators from removing their own access and lets them unlock and reset others', async () => {
      const me = (await call('GET', '/api/me', provinceAdmin)).json() as Me;
      const self = await call('PATCH', `/api/agencies/${province.id}/users/${me.userId}`, provinceAdmin, {
        roles: ['viewer'],
      });
      expect(self.json().code).toBe('user.cannot_modify_self');
      const officer = (
        await call('POST', `/api/agencies/${province.id}/users`, provinceAdmin, {
          username: 'lc.officer',
          fullName: 'Vàng A Sử',
          roles: ['officer'],
          password: 'officer-password-1',
        })
      ).json() as User;
      for (let i = 0; i < 5; i++)
        await platform.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'lc.officer', password: 'nope-nope-nope' },
        });
      const locked = (
        await call('GET', `/api/agencies/${province.id}/users/${officer.id}`, provinceAdmin)
      ).json() as User;
      expect(locked.lockedUntil).not.toBeNull();
      const unlocked = (
        await call('PATCH', `/api/agencies/${province.id}/users/${officer.id}`, provinceAdmin, {
          unlock: true,
          active: false,
        })
      ).json() as User;
      expect(unlocked).toMatchObject({ lockedUntil: null, active: false });
      const disabled = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lc.officer', password: 'officer-password-1' },
      });
      expect(disabled.statusCode).toBe(403);
    });

    it("ends a person's open sessions when an administrator resets their password", async () => {
      const analyst = (
        await call('POST', `/api/agencies/${province.id}/users`, provinceAdmin, {
          username: 'lc.analyst',
          fullName: 'Giàng Thị Phân',
          roles: ['analyst'],
          password: 'analyst-password-1',
        })
      ).json() as User;
      const session = await login(platform, 'lc.analyst', 'analyst-password-1');
      expect((await call('GET', '/api/me', session)).statusCode).toBe(200);
      clock.advance(1000);
      await call('PATCH', `/api/agencies/${province.id}/users/${analyst.id}`, provinceAdmin, {
        newPassword: 'analyst-password-2',
      });
      expect((await call('GET', '/api/me', session)).statusCode).toBe(401);
      clock.advance(1000);
      const again = await login(platform, 'lc.analyst', 'analyst-password-2');
      expect(again.me.mustChangePassword).toBe(true);
    });

    it('issues API keys shown once, stored hashed, usable as Bearer until revoked', async () => {
      const created = await call('POST', `/api/agencies/${province.id}/api-keys`, provinceAdmin, {
        name: 'Hệ thống ngân hàng',
        scopes: ['identity:read'],
        expiresInDays: 30,
      });
      expect(created.statusCode).toBe(201);
      const key = created.json() as CreatedApiKey;
      expect(key.secret).toMatch(/^khien_[0-9a-f]{12}_/);
      const listed = (await call('GET', `/api/agencies/${province.id}/api-keys`, provinceAdmin)).json() as {
        items: Array<Record<string, unknown>>;
      };
      expect(listed.items[0]).not.toHaveProperty('secret');
      const stored = await platform.database.db
        .selectFrom('api_keys')
        .select('secret_hash')
        .where('id', '=', key.id)
        .executeTakeFirstOrThrow();
      expect(stored.secret_hash).not.toContain(key.secret.slice(19));

      const asMachine = await platform.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${key.secret}` },
      });
      expect(asMachine.statusCode).toBe(200);
      expect(asMachine.json()).toMatchObject({
        kind: 'api_key',
        scopes: ['identity:read'],
        agency: { id: province.id },
      });
      const forged = await platform.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${key.secret.slice(0, -2)}xx` },
      });
      expect(forged.statusCode).toBe(401);
      expect(
        (await call('DELETE', `/api/agencies/${province.id}/api-keys/${key.id}`, provinceAdmin)).statusCode,
      ).toBe(204);
      const revoked = await platform.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${key.secret}` },
      });
      expect(revoked.statusCode).toBe(401);
    });
  });
}
