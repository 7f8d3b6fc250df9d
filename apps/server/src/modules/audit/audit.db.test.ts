import type { Agency, AuditPage, User } from '@khien/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform, type Session } from '../../testing/platform.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`audit log on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    let operator: Session;
    const agencies: Agency[] = [];
    const auditors: Session[] = [];

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      for (const [name, provinceCode] of [
        ['Công an tỉnh Lai Châu', '12'],
        ['Công an tỉnh Điện Biên', '11'],
      ] as const) {
        const agency = (
          await platform.app.inject({
            method: 'POST',
            url: '/api/agencies',
            headers: { cookie: operator.cookie },
            payload: { name, type: 'police_province', scopeLevel: 'province', provinceCode },
          })
        ).json() as Agency;
        agencies.push(agency);
        const username = `auditor-${provinceCode}`;
        const created = await platform.app.inject({
          method: 'POST',
          url: `/api/agencies/${agency.id}/users`,
          headers: { cookie: operator.cookie },
          payload: { username, fullName: 'Kiểm tra viên', roles: ['auditor'], password: 'audit-password-01' },
        });
        expect(created.statusCode).toBe(201);
        const session = await login(platform, username, 'audit-password-01');
        await platform.app.inject({
          method: 'POST',
          url: '/api/me/password',
          headers: { cookie: session.cookie },
          payload: { currentPassword: 'audit-password-01', newPassword: 'audit-password-02' },
        });
        auditors.push(session);
      }
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('records writes and reads of personal data with who, what, where and why', async () => {
      const users = await platform.app.inject({
        method: 'GET',
        url: `/api/agencies/${agencies[0]!.id}/users`,
        headers: { cookie: operator.cookie, 'x-khien-reason': encodeURIComponent('Kiểm tra định kỳ') },
      });
      expect(users.statusCode).toBe(200);
      const user = (users.json() as { items: User[] }).items[0]!;
      const page = (
        await platform.app.inject({
          method: 'GET',
          url: '/api/audit?action=user.list',
          headers: { cookie: operator.cookie },
        })
      ).json() as AuditPage;
      const entry = page.items[0]!;
      expect(entry).toMatchObject({
        action: 'user.list',
        actorUsername: 'admin',
        actorKind: 'user',
        personalData: true,
        reason: 'Kiểm tra định kỳ',
        targetAgencyId: agencies[0]!.id,
        ip: '127.0.0.1',
      });
      expect(user.username).toBe('auditor-12');
      const writes = (
        await platform.app.inject({
          method: 'GET',
          url: '/api/audit?action=user.create',
          headers: { cookie: operator.cookie },
        })
      ).json() as AuditPage;
      expect(writes.total).toBe(2);
    });

    it("shows an agency's auditors their agency's entries only", async () => {
      const [lai, dien] = agencies;
      const seen = (
        await platform.app.inject({
          method: 'GET',
          url: '/api/audit?limit=200',
          headers: { cookie: auditors[0]!.cookie },
        })
      ).json() as AuditPage;
      expect(seen.total).toBeGreaterThan(0);
      for (const item of seen.items) {
        expect([item.actorAgencyId, item.targetAgencyId]).toContain(lai!.id);
        expect(item.targetAgencyId).not.toBe(dien!.id);
      }
      const filtered = (
        await platform.app.inject({
          method: 'GET',
          url: `/api/audit?personalData=true&agencyId=${dien!.id}`,
          headers: { cookie: auditors[0]!.cookie },
        })
      ).json() as AuditPage;
      expect(
        filtered.items.filter((i) => i.targetAgencyId === dien!.id && i.actorAgencyId !== lai!.id),
      ).toEqual([]);
      const verify = await platform.app.inject({
        method: 'GET',
        url: '/api/audit/verify',
        headers: { cookie: auditors[0]!.cookie },
      });
      expect(verify.statusCode).toBe(403);
    });

    it('refuses to change or delete entries', async () => {
      const db = platform.database.db;
      await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    });

    it('verifies the chain and finds the first broken link after tampering', async () => {
      const intact = await platform.services.audit.verify(null);
      expect(intact.ok).toBe(true);
      expect(intact.checked).toBeGreaterThan(10);
      const db = platform.database.db;
      // Someone with database superuser rights edits history behind the application's back.
      await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
      await sql`update audit_log set reason = 'edited' where seq = 5`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
      const broken = await platform.services.audit.verify(null);
      expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 5, checked: 4 });
      const viaApi = await platform.app.inject({
        method: 'GET',
        url: '/api/audit/verify',
        headers: { cookie: operator.cookie },
      });
      expect(viaApi.json()).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    });
  });
}
