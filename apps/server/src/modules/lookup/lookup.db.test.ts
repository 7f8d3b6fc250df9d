import {
  CheckResponse as CheckResponseSchema,
  type Agency,
  type CheckResponse,
  type Indicator,
  type IndicatorDetail,
} from '@khien/contracts';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform, type Session } from '../../testing/platform.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`the registry and the public check on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    let operator: Session;
    let police: Session;
    let bank: Session;

    const check = async (q: string) => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/public/check',
        payload: { q },
      });
      expect(response.statusCode).toBe(200);
      // Check answers are written without per-response validation: every one is held to the contract here.
      return CheckResponseSchema.parse(response.json());
    };
    const as = (session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      platform.app.inject({
        method,
        url,
        headers: { cookie: session.cookie },
        ...(payload ? { payload } : {}),
      });

    async function staff(agency: Agency, username: string, roles: string[]): Promise<Session> {
      const created = await as(operator, 'POST', `/api/agencies/${agency.id}/users`, {
        username,
        fullName: 'Cán bộ thử',
        roles,
        password: 'first-password-1',
      });
      expect(created.statusCode).toBe(201);
      const first = await login(platform, username, 'first-password-1');
      await as(first, 'POST', '/api/me/password', {
        currentPassword: 'first-password-1',
        newPassword: 'second-password-2',
      });
      return first;
    }

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      const policeAgency = (
        await as(operator, 'POST', '/api/agencies', {
          name: 'Công an tỉnh Quảng Trị',
          type: 'police_province',
          scopeLevel: 'province',
          provinceCode: '44',
        })
      ).json() as Agency;
      const bankAgency = (
        await as(operator, 'POST', '/api/agencies', {
          name: 'Ngân hàng thử',
          type: 'commercial_bank',
          scopeLevel: 'national',
        })
      ).json() as Agency;
      police = await staff(policeAgency, 'qt.officer', ['officer']);
      bank = await staff(bankAgency, 'bank.officer', ['officer']);
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('answers no_data for what nobody reported, and official for allowlisted identifiers', async () => {
      const unknown = await check('0912 345 678');
      expect(unknown.verdict).toBe('no_data');
      expect(unknown.items[0]).toMatchObject({
        kind: 'phone',
        key: 'phone:+84912345678',
        verdict: 'no_data',
        reportCount: null,
      });
      const emergency = await check('113');
      expect(emergency.items[0]?.verdict).toBe('official');
      const government = await check('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
      expect(government.items[0]?.verdict).toBe('official');
    });

    it('flags a reported number as suspicious, then confirmed, then clears it everywhere at once', async () => {
      const reported = await as(bank, 'POST', '/api/indicators', {
        input: '+84 912 345 678',
        scamMethod: 'impersonate_bank',
        lossVnd: 25_000_000,
      });
      expect(reported.statusCode).toBe(201);
      const indicator = reported.json() as Indicator;
      expect(indicator).toMatchObject({ status: 'reported', reportCount: 0, key: 'phone:+84912345678' });

      const suspicious = await check('Có người gọi từ số 0912.345.678 bảo tôi chuyển tiền');
      expect(suspicious.verdict).toBe('suspicious');
      expect(suspicious.items[0]?.scamMethods).toEqual(['impersonate_bank']);
      expect(JSON.stringify(suspicious)).not.toContain(reported.json().id);

      const bankCannotDecide = await as(bank, 'POST', `/api/indicators/${indicator.id}/status`, {
        status: 'confirmed_scam',
        reason: 'Ngân hàng tự xác nhận',
      });
      expect(bankCannotDecide.statusCode).toBe(403);
      const confirmed = await as(police, 'POST', `/api/indicators/${indicator.id}/status`, {
        status: 'confirmed_scam',
        reason: 'Đã xác minh qua 3 vụ việc',
      });
      expect(confirmed.statusCode).toBe(200);
      expect((await check('0912345678')).verdict).toBe('confirmed_scam');

      const cleared = await as(police, 'POST', `/api/indicators/${indicator.id}/status`, {
        status: 'cleared',
        reason: 'Chủ thuê bao đã chứng minh bị giả mạo',
      });
      expect(cleared.statusCode).toBe(200);
      expect((await check('0912345678')).verdict).toBe('no_data');
      const again = await as(police, 'POST', `/api/indicators/${indicator.id}/status`, {
        status: 'cleared',
        reason: 'lần nữa',
      });
      expect(again.json().code).toBe('indicator.invalid_transition');

      const detail = (await as(police, 'GET', `/api/indicators/${indicator.id}`)).json() as IndicatorDetail;
      expect(detail.history.map((h) => h.toStatus)).toEqual(['reported', 'confirmed_scam', 'cleared']);
      expect(detail.history[2]?.reason).toBe('Chủ thuê bao đã chứng minh bị giả mạo');
      const bankView = (await as(bank, 'GET', `/api/indicators/${indicator.id}`)).json() as IndicatorDetail;
      expect(bankView.sources[0]?.agencyId).toBeNull();
    });

    it('merges an entry into another: checks of either key then follow the merged entry', async () => {
      const social = (
        await as(police, 'POST', '/api/indicators', {
          input: 'https://t.me/vay_nhanh_24h',
          scamMethod: 'loans',
        })
      ).json() as Indicator;
      const site = (
        await as(police, 'POST', '/api/indicators', { input: 'vaynhanh24h.online', scamMethod: 'loans' })
      ).json() as Indicator;
      await as(police, 'POST', `/api/indicators/${site.id}/status`, {
        status: 'confirmed_scam',
        reason: 'Đường dây cho vay lừa đảo',
      });
      expect((await check('https://t.me/vay_nhanh_24h')).verdict).toBe('suspicious');
      const merged = await as(police, 'POST', `/api/indicators/${social.id}/merge`, {
        intoId: site.id,
        reason: 'Cùng một đường dây',
      });
      expect(merged.statusCode).toBe(200);
      expect(merged.json()).toMatchObject({ id: site.id, status: 'confirmed_scam' });
      expect((await check('https://t.me/vay_nhanh_24h')).verdict).toBe('confirmed_scam');
      const again = await as(police, 'POST', `/api/indicators/${social.id}/merge`, {
        intoId: site.id,
        reason: 'lần nữa',
      });
      expect(again.json().code).toBe('indicator.merge_invalid');
      await as(police, 'POST', `/api/indicators/${site.id}/status`, {
        status: 'cleared',
        reason: 'Nhầm lẫn',
      });
      expect((await check('https://t.me/vay_nhanh_24h')).verdict).toBe('no_data');
      const list = (await as(police, 'GET', '/api/indicators?q=https://t.me/vay_nhanh_24h')).json() as {
        total: number;
      };
      expect(list.total).toBe(0);
    });

    it('lets a police agency delegate decisions on accounts to a bank, and take it back', async () => {
      const account = (
        await as(police, 'POST', '/api/indicators', {
          input: 'VCB 0011009988776',
          scamMethod: 'account_rental_sale',
        })
      ).json() as Indicator;
      const phone = (
        await as(police, 'POST', '/api/indicators', { input: '0966 123 123' })
      ).json() as Indicator;
      const confirm = (session: Session, id: string) =>
        as(session, 'POST', `/api/indicators/${id}/status`, {
          status: 'verifying',
          reason: 'Ngân hàng đang xác minh',
        });
      expect((await confirm(bank, account.id)).statusCode).toBe(403);
      const me = (await as(bank, 'GET', '/api/me')).json() as {
        agency: { id: string };
        allowedActions: string[];
      };
      expect(me.allowedActions).not.toContain('indicator.decide');
      const refused = await as(bank, 'POST', '/api/registry/delegations', {
        delegateAgencyId: me.agency.id,
        kinds: ['bank_account'],
        reason: 'Tự cấp quyền',
      });
      expect(refused.statusCode).toBe(403);
      const supervisorAgency = (await as(police, 'GET', '/api/me')).json() as { agency: Agency };
      const supervisor = await staff(supervisorAgency.agency, 'qt.leader', ['supervisor']);
      const granted = await as(supervisor, 'POST', '/api/registry/delegations', {
        delegateAgencyId: me.agency.id,
        kinds: ['bank_account'],
        reason: 'Ngân hàng xác minh tài khoản nhận tiền',
      });
      expect(granted.statusCode).toBe(201);
      expect((await confirm(bank, account.id)).statusCode).toBe(200);
      const bankMe = (await as(bank, 'GET', '/api/me')).json() as { allowedActions: string[] };
      expect(bankMe.allowedActions).toContain('indicator.decide');
      expect(bankMe.allowedActions).not.toContain('appeal.decide');
      expect((await as(bank, 'GET', '/api/appeals')).statusCode).toBe(403);
      expect((await confirm(bank, phone.id)).statusCode).toBe(403);
      const mine = (await as(bank, 'GET', '/api/registry/delegations')).json() as {
        items: Array<{ kinds: string[] }>;
      };
      expect(mine.items[0]?.kinds).toEqual(['bank_account']);
      expect(
        (await as(supervisor, 'DELETE', `/api/registry/delegations/${(granted.json() as { id: string }).id}`))
          .statusCode,
      ).toBe(204);
      const after = await as(bank, 'POST', `/api/indicators/${account.id}/status`, {
        status: 'reported',
        reason: 'Trả lại',
      });
      expect(after.statusCode).toBe(403);
    });

    it('keeps police-only entries out of public answers and out of other agencies’ view', async () => {
      const secret = (
        await as(police, 'POST', '/api/indicators', { input: '0388 111 222', sharing: 'police' })
      ).json() as Indicator;
      expect((await check('0388111222')).verdict).toBe('no_data');
      expect((await as(bank, 'GET', `/api/indicators/${secret.id}`)).statusCode).toBe(404);
      expect((await as(police, 'GET', `/api/indicators/${secret.id}`)).statusCode).toBe(200);
    });

    it('keeps a shipped official identifier an administrator removed out of the list after a restart', async () => {
      const page = (await as(operator, 'GET', '/api/allowlist?q=MobiFone')).json() as {
        items: Array<{ id: string; key: string }>;
      };
      const mobifone = page.items.find((i) => i.key === 'phone:18001090')!;
      expect((await as(operator, 'DELETE', `/api/allowlist/${mobifone.id}`)).statusCode).toBe(204);
      expect((await check('18001090')).verdict).toBe('no_data');
      const restarted = await startTestPlatform(testDb.database);
      try {
        const answer = (
          await restarted.app.inject({ method: 'POST', url: '/api/public/check', payload: { q: '18001090' } })
        ).json() as CheckResponse;
        expect(answer.verdict).toBe('no_data');
      } finally {
        await restarted.close();
      }
      const back = await as(operator, 'POST', '/api/allowlist', {
        input: '1800 1090',
        organisation: 'MobiFone',
        category: 'telco',
      });
      expect(back.statusCode).toBe(201);
      expect((await check('18001090')).verdict).toBe('official');
      const twice = await as(operator, 'POST', '/api/allowlist', {
        input: '18001090',
        organisation: 'MobiFone',
        category: 'telco',
      });
      expect(twice.json().code).toBe('allowlist.exists');
    });

    it('refuses to list an official identifier, and finds lookalikes nobody reported', async () => {
      const official = await as(police, 'POST', '/api/indicators', { input: '113' });
      expect(official.statusCode).toBe(409);
      expect(official.json().code).toBe('indicator.allowlisted');
      const fake = await check('https://vietcombank-hotro.com/dang-nhap');
      expect(fake.verdict).toBe('suspicious');
      expect(fake.items[0]?.imitates?.brand).toMatch(/Vietcombank/i);
      const shared = await check('https://sites.google.com/view/vietcombank-khuyen-mai');
      expect(shared.verdict).toBe('no_data');
      expect(shared.items[0]?.reasons.map((r) => r.code)).toContain('shared_host');
    });

    it('finds every identifier in a pasted message and explains what it cannot read', async () => {
      const result = await check(
        'Chuyển khoản vào STK Vietcombank 0011004455667, liên hệ 0388111999 hoặc zalo, xem http://bit.ly/abc',
      );
      const kinds = result.items.map((i) => i.kind);
      expect(kinds).toContain('bank_account');
      expect(kinds).toContain('phone');
      expect(kinds).toContain('url');
      const empty = await platform.app.inject({ method: 'GET', url: '/api/public/check?q=' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().code).toBe('validation.failed');
    });

    it('reads a payment QR code from an uploaded photo, and says so when there is none', async () => {
      const upload = (file: string, type: string, text?: string) => {
        const boundary = 'khien-test-boundary';
        const parts: Buffer[] = [];
        if (text !== undefined) {
          parts.push(
            Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="q"\r\n\r\n${text}\r\n`),
          );
        }
        parts.push(
          Buffer.from(
            `--${boundary}\r\ncontent-disposition: form-data; name="image"; filename="qr"\r\ncontent-type: ${type}\r\n\r\n`,
          ),
          fs.readFileSync(
            new URL(`../../../../../packages/core/src/identifiers/fixtures/qr/${file}`, import.meta.url),
          ),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        );
        return platform.app.inject({
          method: 'POST',
          url: '/api/public/check',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.concat(parts),
        });
      };
      const png = await upload('vietqr-vcb.png', 'image/png');
      expect(png.statusCode).toBe(200);
      expect((png.json() as CheckResponse).items[0]).toMatchObject({ kind: 'bank_account' });
      expect((png.json() as CheckResponse).items[0]?.key).toMatch(/^bank_account:970436:/);
      const jpeg = await upload('vietqr-vcb.jpg', 'image/jpeg');
      expect((jpeg.json() as CheckResponse).items[0]?.kind).toBe('bank_account');
      const none = await upload('no-qr.jpg', 'image/jpeg');
      expect(none.statusCode).toBe(422);
      expect(none.json()).toMatchObject({
        code: 'check.image_unreadable',
        errors: [{ path: 'body.image', message: 'qr.not_found' }],
      });
      const withText = await upload('no-qr.jpg', 'image/jpeg', 'số 0912345678');
      expect(withText.statusCode).toBe(200);
      expect((withText.json() as CheckResponse).problems[0]?.code).toBe('qr.not_found');
    });

    it('exports what an agency may see as CSV, audited, without police-only entries', async () => {
      const response = await as(bank, 'GET', '/api/indicators/export');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.body.trim().split('\n');
      expect(lines[0]).toBe(
        'key,kind,display,status,confidence,scam_methods,report_count,reported_loss_vnd,sharing,first_seen_at,last_seen_at,status_reason',
      );
      expect(lines.some((l) => l.startsWith('phone:+84912345678,'))).toBe(true);
      expect(lines.some((l) => l.includes('+84388111222'))).toBe(false);
      const policeView = await as(police, 'GET', '/api/indicators/export?status=reported');
      expect(policeView.body).toContain('+84388111222');
      expect((await platform.app.inject({ method: 'GET', url: '/api/indicators/export' })).statusCode).toBe(
        401,
      );
    });

    it('checks up to 10,000 identifiers in one call for a bank holding an API key', async () => {
      const agencies = (await as(operator, 'GET', '/api/agencies?q=ngan hang thu')).json() as {
        items: Agency[];
      };
      const key = (
        await as(operator, 'POST', `/api/agencies/${agencies.items[0]!.id}/api-keys`, {
          name: 'Hệ thống ngân hàng',
          scopes: ['lookup:read'],
        })
      ).json() as { secret: string };
      const items = Array.from({ length: 10_000 }, (_, i) => `09${String(10_000_000 + i).slice(0, 8)}`);
      const started = performance.now();
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/check/batch',
        headers: { authorization: `Bearer ${key.secret}` },
        payload: { items },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { results: Array<{ input: string; verdict: string }> };
      expect(body.results).toHaveLength(10_000);
      expect(body.results[0]!.input).toBe(items[0]);
      console.log(`batch of 10,000 checked in ${Math.round(performance.now() - started)} ms`);
      const tooMany = await platform.app.inject({
        method: 'POST',
        url: '/api/check/batch',
        headers: { authorization: `Bearer ${key.secret}` },
        payload: { items: [...items, '0912345678'] },
      });
      expect(tooMany.statusCode).toBe(400);
      const noKey = await platform.app.inject({
        method: 'POST',
        url: '/api/check/batch',
        payload: { items: ['113'] },
      });
      expect(noKey.statusCode).toBe(401);
    });

    it('rate-limits the public check per client', async () => {
      const limited = await startTestPlatform(testDb.database, { publicCheckRatePerMinute: 3 });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++)
          codes.push(
            (await limited.app.inject({ method: 'GET', url: '/api/public/check?q=113' })).statusCode,
          );
        expect(codes).toEqual([200, 200, 200, 429, 429]);
        const over = await limited.app.inject({ method: 'GET', url: '/api/public/check?q=113' });
        expect(over.headers['retry-after']).toBeDefined();
        expect(over.json().code).toBe('rate_limited');
        expect(over.json().retryAfterSeconds).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });
  });
}
