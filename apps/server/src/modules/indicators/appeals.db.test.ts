import type {
  Agency,
  AppealDetail,
  AppealPage,
  AppealReceipt,
  AuditPage,
  CheckResponse,
  Indicator,
} from '@khien/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform, type Session } from '../../testing/platform.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`appeals against listings on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    let operator: Session;
    let police: Session;
    let indicator: Indicator;
    let receipt: AppealReceipt;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));

    const as = (
      session: Session | null,
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
      headers: Record<string, string> = {},
    ) =>
      platform.app.inject({
        method,
        url,
        headers: { ...(session ? { cookie: session.cookie } : {}), ...headers },
        ...(payload ? { payload } : {}),
      });
    const appeal = (identifier: string) => ({
      identifier,
      fullName: 'Trần Văn Chủ',
      phone: '0905 111 222',
      relation: 'holder',
      reasons: 'Đây là số điện thoại tôi dùng 10 năm nay cho cửa hàng, tôi chưa từng lừa ai.',
    });

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      const agency = (
        await as(operator, 'POST', '/api/agencies', {
          name: 'Công an tỉnh Điện Biên',
          type: 'police_province',
          scopeLevel: 'province',
          provinceCode: '11',
        })
      ).json() as Agency;
      await as(operator, 'POST', `/api/agencies/${agency.id}/users`, {
        username: 'db.officer',
        fullName: 'Cán bộ',
        roles: ['officer'],
        password: 'officer-password-1',
      });
      police = await login(platform, 'db.officer', 'officer-password-1');
      await as(police, 'POST', '/api/me/password', {
        currentPassword: 'officer-password-1',
        newPassword: 'officer-password-2',
      });
      indicator = (
        await as(police, 'POST', '/api/indicators', { input: '0905 333 444', scamMethod: 'loans' })
      ).json() as Indicator;
      await as(police, 'POST', `/api/indicators/${indicator.id}/status`, {
        status: 'confirmed_scam',
        reason: 'Nhiều vụ việc cho vay lừa đảo',
      });
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('takes an appeal against a listed identifier and answers the same for anything not listed', async () => {
      const created = await as(null, 'POST', '/api/public/appeals', appeal('0905.333.444'));
      expect(created.statusCode).toBe(201);
      receipt = created.json() as AppealReceipt;
      expect(receipt.trackingCode).toMatch(/^KN-[A-Z2-9]{8}$/);
      expect(new Date(receipt.dueAt).getTime() - clock.now().getTime()).toBe(15 * 86_400_000);
      const twice = await as(null, 'POST', '/api/public/appeals', appeal('0905333444'));
      expect(twice.json().code).toBe('appeal.already_open');
      const unlisted = await as(null, 'POST', '/api/public/appeals', appeal('0905 999 888'));
      expect(unlisted.statusCode).toBe(422);
      expect(unlisted.json().code).toBe('appeal.not_listed');
      const noContact = await as(null, 'POST', '/api/public/appeals', {
        ...appeal('0905333444'),
        phone: undefined,
      });
      expect(noContact.statusCode).toBe(400);
    });

    it('keeps the contact details encrypted and shows them only to the police, audited', async () => {
      const stored = await sql<{ contact_encrypted: string }>`select contact_encrypted from appeals`.execute(
        platform.database.db,
      );
      expect(stored.rows[0]!.contact_encrypted).not.toContain('0905');
      expect(stored.rows[0]!.contact_encrypted).not.toContain('Trần');
      const page = (await as(police, 'GET', '/api/appeals?status=submitted')).json() as AppealPage;
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).not.toHaveProperty('contact');
      const detail = (await as(police, 'GET', `/api/appeals/${page.items[0]!.id}`)).json() as AppealDetail;
      expect(detail.contact).toEqual({
        fullName: 'Trần Văn Chủ',
        phone: '0905 111 222',
        email: null,
        relation: 'holder',
      });
      const audit = (await as(operator, 'GET', '/api/audit?action=appeal.read')).json() as AuditPage;
      expect(audit.items[0]).toMatchObject({ personalData: true, targetId: page.items[0]!.id });
      expect((await as(operator, 'GET', '/api/appeals')).statusCode).toBe(403);
    });

    it('lets the appellant follow the appeal with the secret only', async () => {
      const wrong = await as(null, 'GET', `/api/public/appeals/${receipt.trackingCode}`, undefined, {
        'x-khien-secret': 'guess',
      });
      expect(wrong.statusCode).toBe(404);
      const none = await as(null, 'GET', `/api/public/appeals/${receipt.trackingCode}`);
      expect(none.statusCode).toBe(404);
      const right = await as(null, 'GET', `/api/public/appeals/${receipt.trackingCode}`, undefined, {
        'x-khien-secret': receipt.secret,
      });
      expect(right.json()).toMatchObject({
        status: 'submitted',
        identifier: '0905 333 444',
        decidedAt: null,
      });
    });

    it('marks appeals past their time limit as overdue', async () => {
      clock.advance(16 * 86_400_000);
      // Sessions do not outlive sixteen days: sign in again.
      police = await login(platform, 'db.officer', 'officer-password-2');
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      const page = (await as(police, 'GET', '/api/appeals')).json() as AppealPage;
      expect(page.items[0]?.overdue).toBe(true);
    });

    it('clears the listing everywhere at once when the appeal is upheld, and keeps the history', async () => {
      expect(
        ((await as(null, 'POST', '/api/public/check', { q: '0905333444' })).json() as CheckResponse).verdict,
      ).toBe('confirmed_scam');
      const page = (await as(police, 'GET', '/api/appeals')).json() as AppealPage;
      const decided = await as(police, 'POST', `/api/appeals/${page.items[0]!.id}/decision`, {
        decision: 'upheld',
        reason: 'Số đã bị giả mạo hiển thị',
      });
      expect(decided.statusCode).toBe(200);
      expect(
        ((await as(null, 'POST', '/api/public/check', { q: '0905333444' })).json() as CheckResponse).verdict,
      ).toBe('no_data');
      const again = await as(police, 'POST', `/api/appeals/${page.items[0]!.id}/decision`, {
        decision: 'rejected',
        reason: 'đổi ý',
      });
      expect(again.json().code).toBe('appeal.already_decided');
      const followed = await as(null, 'GET', `/api/public/appeals/${receipt.trackingCode}`, undefined, {
        'x-khien-secret': receipt.secret,
      });
      expect(followed.json()).toMatchObject({
        status: 'upheld',
        decisionReason: 'Số đã bị giả mạo hiển thị',
      });
      const detail = (await as(police, 'GET', `/api/indicators/${indicator.id}`)).json() as {
        history: Array<{ event: string; toStatus: string }>;
      };
      expect(detail.history.map((h) => h.event)).toEqual([
        'created',
        'status_changed',
        'appeal_submitted',
        'status_changed',
        'appeal_upheld',
      ]);
      expect(detail.history.at(-2)?.toStatus).toBe('cleared');
    });

    it('lets unconfirmed entries lapse after 180 days without new reports, everywhere at once', async () => {
      police = await login(platform, 'db.officer', 'officer-password-2');
      await as(police, 'POST', '/api/indicators', { input: '0905 777 000', scamMethod: 'prizes' });
      const verdict = async () =>
        ((await as(null, 'POST', '/api/public/check', { q: '0905777000' })).json() as CheckResponse).verdict;
      expect(await verdict()).toBe('suspicious');
      clock.advance(179 * 86_400_000);
      expect(await platform.services.indicators.expire()).toBe(0);
      clock.advance(2 * 86_400_000);
      expect(await platform.services.indicators.expire()).toBeGreaterThanOrEqual(1);
      expect(await verdict()).toBe('no_data');
    });
  });
}
