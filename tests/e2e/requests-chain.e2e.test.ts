import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBankClient, type BankClient } from '../../examples/bank-client/server.js';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt, type RunningServer } from './server-process.js';
import { serverDatabases, type ServerOnDatabase } from './server-databases.js';
import { call, policeOfficer, signIn } from './staff.js';

if (chromiumMissing) console.log(chromiumMissing);

/**
 * The money trail across three agencies (issue 6): a police officer asks bank A to hold the money a victim
 * reported; bank A's officer confirms a partial hold in the web app and names an onward transfer to bank
 * B; the officer forwards a hold to bank B in one action; bank B's machine client (examples/bank-client)
 * gets the signed webhook and answers by API; the ledger and the golden-hour figures follow.
 */

const poll = { timeout: 15_000 };
const ADMIN_PASSWORD = 'chain-admin-password-1';
const OFFICER = { username: 'hn.dieutra', password: 'chain-officer-password-2' };
const BANK_A = { username: 'vcb.xuly', password: 'chain-bank-password-3' };
const BANK_B_ADMIN = { username: 'tcb.quantri', password: 'chain-bank-password-4' };
const VICTIM_ACCOUNT = '0071000999888';
const NEXT_ACCOUNT = '19030000111';

/** A staff member created by the administrator, signed in once to change the first password. */
async function staff(
  url: string,
  admin: string,
  agencyId: string,
  who: { username: string; password: string },
  fullName: string,
  roles: string[],
) {
  const first = 'first-password-123';
  await call(
    url,
    admin,
    'POST',
    `/api/agencies/${agencyId}/users`,
    { username: who.username, fullName, roles, password: first },
    201,
  );
  const cookie = await signIn(url, who.username, first);
  await call(
    url,
    cookie,
    'POST',
    '/api/me/password',
    { currentPassword: first, newPassword: who.password },
    204,
  );
  return signIn(url, who.username, who.password);
}

async function signedInPage(browser: Browser, url: string, who: { username: string; password: string }) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/dang-nhap`);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/app/);
  return { context, page };
}

/** `YYYY-MM-DDTHH:mm` in the browser's local time, as a datetime-local field takes it. */
function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

for (const database of serverDatabases()) {
  if (database.skipReason) console.log(database.skipReason);
  describe.skipIf(chromiumMissing !== null || database.skipReason !== null)(
    `a hold follows the money across three agencies, in Chromium, on ${database.name}`,
    () => {
      let running: ServerOnDatabase;
      let server: RunningServer;
      let browser: Browser;
      let officer: { context: BrowserContext; page: Page };
      let bankA: { context: BrowserContext; page: Page };
      let bankB: BankClient;
      let bankBId: string;
      let officerCookie: string;
      let reportId: string;
      let holdUrl: string;
      let webhookSecret = '';
      const started = performance.now();

      beforeAll(async () => {
        assertBuilt();
        running = await database.start({ KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD, KHIEN_TOTP_REQUIRED: '' });
        server = running.server;
        const url = server.url;
        officerCookie = await policeOfficer(url, {
          adminPassword: ADMIN_PASSWORD,
          agencyName: 'Công an thành phố Hà Nội',
          provinceCode: '01',
          username: OFFICER.username,
          fullName: 'Trần Điều Tra',
          password: OFFICER.password,
        });
        const admin = await signIn(url, 'admin', ADMIN_PASSWORD);
        const bank = (name: string, shortName: string) =>
          call<{ id: string }>(
            url,
            admin,
            'POST',
            '/api/agencies',
            { name, shortName, type: 'commercial_bank', scopeLevel: 'national' },
            201,
          );
        const bankAAgency = await bank('Ngân hàng TMCP Ngoại thương Việt Nam', 'Vietcombank');
        const bankBAgency = await bank('Ngân hàng TMCP Kỹ thương Việt Nam', 'Techcombank');
        bankBId = bankBAgency.id;
        await staff(url, admin, bankAAgency.id, BANK_A, 'Lê Xử Lý', ['officer']);
        const bankBAdmin = await staff(url, admin, bankBAgency.id, BANK_B_ADMIN, 'Phạm Quản Trị', ['admin']);
        const key = await call<{ secret: string }>(
          url,
          admin,
          'POST',
          `/api/agencies/${bankBAgency.id}/api-keys`,
          { name: 'Core banking', scopes: ['requests:read', 'requests:write'] },
          201,
        );
        // Bank B's integration: the money came in at 07:40 today and is still there.
        bankB = await startBankClient({
          baseUrl: url,
          apiKey: key.secret,
          webhookSecret: () => webhookSecret,
          pollIntervalMs: 0,
          agencyId: bankBAgency.id,
          accounts: {
            [NEXT_ACCOUNT]: {
              balanceVnd: 52_000_000,
              credits: [{ amountVnd: 45_000_000, at: new Date(Date.now() - 30 * 60_000).toISOString() }],
            },
          },
        });
        const hook = await call<{ secret: string }>(
          url,
          bankBAdmin,
          'POST',
          '/api/webhooks',
          { url: `${bankB.url}/webhooks`, events: ['request.created'] },
          201,
        );
        webhookSecret = hook.secret;
        const submitted = await fetch(`${url}/api/public/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            scamMethod: 'impersonate_bank',
            channels: ['phone_call'],
            identifiers: ['0987 111 222'],
            transfers: [{ toBank: 'Vietcombank', toAccount: VICTIM_ACCOUNT, amountVnd: 80_000_000 }],
            story: 'Người gọi xưng là nhân viên ngân hàng, bảo tôi chuyển 80 triệu sang tài khoản an toàn.',
            provinceCode: '01',
          }),
        });
        expect(submitted.status, await submitted.clone().text()).toBe(201);
        browser = await launchChromium();
        officer = await signedInPage(browser, url, OFFICER);
        bankA = await signedInPage(browser, url, BANK_A);
      });
      afterAll(async () => {
        await browser?.close();
        await bankB?.stop();
        await running?.dispose();
        console.log(`requests-chain.e2e: ${Math.round(performance.now() - started)} ms in all`);
      });

      it('lets the officer ask bank A to hold the money, from the report, in one click', async () => {
        const { page } = officer;
        await expect
          .poll(async () => {
            const list = await call<{ items: Array<{ id: string }> }>(
              server.url,
              officerCookie,
              'GET',
              '/api/reports',
              undefined,
              200,
            );
            return list.items.length;
          }, poll)
          .toBe(1);
        const list = await call<{ items: Array<{ id: string }> }>(
          server.url,
          officerCookie,
          'GET',
          '/api/reports',
          undefined,
          200,
        );
        reportId = list.items[0]!.id;
        await page.goto(`${server.url}/app/to-giac/${reportId}`);
        await page.getByTestId('report-transfer-hold').first().click();
        await page.waitForURL(/\/app\/yeu-cau\/moi/);
        expect(await page.getByTestId('new-request-account').inputValue()).toBe(VICTIM_ACCOUNT);
        await expect
          .poll(() => page.getByTestId('new-request-recipient').inputValue(), poll)
          .toContain('Ngoại thương');
        await page
          .getByTestId('new-request-reason')
          .fill('Bị hại chuyển 80 triệu đồng vào tài khoản này; đề nghị phong tỏa ngay số tiền tranh chấp.');
        await page.getByTestId('new-request-submit').click();
        await page.waitForURL(/\/app\/yeu-cau\/[0-9a-f-]{36}$/);
        holdUrl = page.url();
        await expect
          .poll(() => page.getByTestId('request-status').getAttribute('data-status'), poll)
          .toBe('sent');
      });

      it('lets bank A confirm a partial hold and name where the rest went', async () => {
        const { page } = bankA;
        await page.goto(`${server.url}/app/yeu-cau`);
        const row = page.getByTestId('request-row');
        await row.first().waitFor();
        expect(await row.count()).toBe(1);
        expect(await row.first().innerText()).toContain(VICTIM_ACCOUNT);
        await page.getByTestId('request-open').first().click();
        await page.getByTestId('request-action-acknowledge').click();
        await expect
          .poll(() => page.getByTestId('request-status').getAttribute('data-status'), poll)
          .toBe('acknowledged');
        await page.getByTestId('request-action-answer').click();
        await page.getByTestId('answer-held').fill('30000000');
        await page.getByTestId('answer-balance').fill('30000000');
        await page.getByTestId('answer-confirmation').fill('VCB-PT-20261126-001');
        await page.getByTestId('answer-partial').waitFor();
        await page.getByTestId('answer-onward-add').click();
        await page.getByTestId('answer-onward-0-bank').fill('Techcombank');
        await page.getByTestId('answer-onward-0-account').fill(NEXT_ACCOUNT);
        await page.getByTestId('answer-onward-0-amount').fill('45000000');
        await page.getByTestId('answer-onward-0-at').fill(localMinute(new Date(Date.now() - 20 * 60_000)));
        await page.getByTestId('answer-submit').click();
        await expect
          .poll(() => page.getByTestId('request-status').getAttribute('data-status'), poll)
          .toBe('answered');
        await page.getByTestId('request-hold-partial').waitFor();
        expect(await page.getByTestId('request-held').innerText()).toMatch(/30\.000\.000/);
      });

      it('lets the officer forward a hold to bank B in one action; bank B’s client answers by API', async () => {
        const { page } = officer;
        await page.goto(holdUrl);
        const row = page.getByTestId('forward-row').first();
        await row.waitFor();
        expect(await row.getAttribute('data-forwarded')).toBe('false');
        await page.getByTestId('forward-select').first().check();
        await page.getByTestId('forward-submit').click();
        await page.getByTestId('forward-done').waitFor();
        await expect.poll(() => row.getAttribute('data-forwarded'), poll).toBe('true');
        expect(await page.getByTestId('request-children').innerText()).toContain('Kỹ thương');

        // Bank B learns of it by the signed webhook, holds in its ledger and answers by API.
        const answered = await bankB.waitFor((event) => event.kind === 'answered', 20_000);
        expect(answered).toMatchObject({ kind: 'answered', heldVnd: 45_000_000 });
        expect(bankB.events.some((event) => event.kind === 'received' && event.via === 'webhook')).toBe(true);
        expect(bankB.events.some((event) => event.kind === 'rejected')).toBe(false);
        const next = await call<{
          items: Array<{ status: string; heldVnd: number; recipientAgencyId: string }>;
        }>(server.url, officerCookie, 'GET', '/api/requests?box=outbox&type=hold', undefined, 200);
        expect(next.items.find((item) => item.recipientAgencyId === bankBId)).toMatchObject({
          status: 'answered',
          heldVnd: 45_000_000,
        });
      });

      it('shows the ledger and the golden hour on the report', async () => {
        const { page } = officer;
        await page.goto(`${server.url}/app/to-giac/${reportId}`);
        await page.getByTestId('report-recovery').waitFor();
        await expect
          .poll(() => page.getByTestId('recovery-total-held').innerText(), poll)
          .toMatch(/75\.000\.000/);
        expect(await page.getByTestId('recovery-total-lost').innerText()).toMatch(/80\.000\.000/);
        expect(await page.getByTestId('golden-held-share').innerText()).toMatch(/93,8\s?%/);
        const entries = page.getByTestId('recovery-entry');
        expect(await entries.count()).toBe(3);
        const recovery = await call<{
          totals: Record<string, number>;
          goldenHour: {
            reportToFirstHoldMinutes: number;
            requestToFirstHeldMinutes: number;
            heldShare: number;
          };
        }>(server.url, officerCookie, 'GET', `/api/reports/${reportId}/recovery`, undefined, 200);
        expect(recovery.totals).toEqual({
          lostVnd: 80_000_000,
          heldVnd: 75_000_000,
          releasedVnd: 0,
          returnedVnd: 0,
          stillHeldVnd: 75_000_000,
        });
        expect(recovery.goldenHour.heldShare).toBe(0.9375);
        // The whole chain ran within this test's minutes.
        expect(recovery.goldenHour.reportToFirstHoldMinutes).toBeLessThan(5);
        expect(recovery.goldenHour.requestToFirstHeldMinutes).toBeLessThan(5);
      });
    },
  );
}
