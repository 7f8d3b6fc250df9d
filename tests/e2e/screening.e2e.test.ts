import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt, type RunningServer } from './server-process.js';
import { serverDatabases, type ServerOnDatabase } from './server-databases.js';
import { call, policeOfficer, signIn } from './staff.js';

if (chromiumMissing) console.log(chromiumMissing);

/**
 * A bank screens transfers by API (issue 7); its analyst, in Chromium, drafts a stricter rule set, runs
 * it in shadow and sees where it differs, publishes it, and reviews a held transfer: confirmed fraud, with
 * a suspicious-account notice to the police.
 */

const poll = { timeout: 15_000 };
const ADMIN_PASSWORD = 'screening-admin-password-1';
const ANALYST = { username: 'vcb.phantich', password: 'screening-analyst-password-2' };

for (const database of serverDatabases()) {
  if (database.skipReason) console.log(database.skipReason);
  describe.skipIf(chromiumMissing !== null || database.skipReason !== null)(
    `a bank analyst screens transfers, in Chromium, on ${database.name}`,
    () => {
      let running: ServerOnDatabase;
      let server: RunningServer;
      let browser: Browser;
      let page: Page;
      let key: string;
      let n = 0;
      const started = performance.now();

      /** A transfer sent by the bank's core system; answers the decision. */
      const screen = async (changes: Record<string, unknown> = {}) => {
        const response = await fetch(`${server.url}/api/screening/transfers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            transferId: `FT-E2E-${++n}`,
            payer: { bank: 'VCB', account: '0011002233445', name: 'NGUYEN THI LAN' },
            payee: { bank: 'TCB', account: '19030000111', nameShown: 'TRAN VAN BINH' },
            amountVnd: 3_000_000,
            channel: 'mobile_app',
            at: new Date().toISOString(),
            ...changes,
          }),
        });
        const text = await response.text();
        expect(response.status, text).toBe(200);
        return JSON.parse(text) as { transferId: string; action: string };
      };

      beforeAll(async () => {
        assertBuilt();
        running = await database.start({ KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD, KHIEN_TOTP_REQUIRED: '' });
        server = running.server;
        const url = server.url;
        await policeOfficer(url, {
          adminPassword: ADMIN_PASSWORD,
          agencyName: 'Công an thành phố Hà Nội',
          provinceCode: '01',
          username: 'hn.canbo',
          fullName: 'Trần Cán Bộ',
          password: 'screening-officer-password-3',
        });
        const admin = await signIn(url, 'admin', ADMIN_PASSWORD);
        const bank = await call<{ id: string }>(
          url,
          admin,
          'POST',
          '/api/agencies',
          {
            name: 'Ngân hàng TMCP Ngoại thương Việt Nam',
            shortName: 'Vietcombank',
            type: 'commercial_bank',
            scopeLevel: 'national',
          },
          201,
        );
        const first = 'first-password-123';
        await call(
          url,
          admin,
          'POST',
          `/api/agencies/${bank.id}/users`,
          { username: ANALYST.username, fullName: 'Lê Phân Tích', roles: ['analyst'], password: first },
          201,
        );
        const cookie = await signIn(url, ANALYST.username, first);
        await call(
          url,
          cookie,
          'POST',
          '/api/me/password',
          { currentPassword: first, newPassword: ANALYST.password },
          204,
        );
        key = (
          await call<{ secret: string }>(
            url,
            admin,
            'POST',
            `/api/agencies/${bank.id}/api-keys`,
            { name: 'Core banking', scopes: ['screening:write'] },
            201,
          )
        ).secret;
        browser = await launchChromium();
        page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
        page.setDefaultTimeout(10_000);
        await page.goto(`${url}/dang-nhap`);
        await page.getByTestId('login-username').fill(ANALYST.username);
        await page.getByTestId('login-password').fill(ANALYST.password);
        await page.getByTestId('login-submit').click();
        await page.waitForURL(/\/app/);
      });
      afterAll(async () => {
        await browser?.close();
        await running?.dispose();
        console.log(`screening.e2e: ${Math.round(performance.now() - started)} ms in all`);
      });

      it('drafts a stricter rule set, runs it in shadow and sees where it would decide otherwise', async () => {
        await page.getByTestId('nav-screening').click();
        await page.getByTestId('screening-nav-rule-sets').click();
        await page.getByTestId('screening-draft-create-open').click();
        await page.getByTestId('screening-draft-create-submit').click();
        const version = page.getByTestId('screening-version-row').first();
        await expect.poll(() => version.getAttribute('data-status'), poll).toBe('draft');

        await page.getByTestId('screening-draft-edit').click();
        const editor = page.getByTestId('screening-draft-json');
        const draft = JSON.parse(await editor.inputValue()) as {
          rules: unknown[];
          reasonTexts: Record<string, unknown>;
        };
        draft.rules.push({
          id: 'large_amount_hold',
          description: {
            vi: 'Giữ lại giao dịch trên 2 triệu đồng',
            en: 'Hold transfers above 2 million VND',
          },
          when: { fact: 'amountVnd', op: 'gt', value: 2_000_000 },
          action: 'hold',
          score: 10,
          reasons: ['large_amount'],
        });
        draft.reasonTexts.large_amount = {
          vi: 'Giao dịch có giá trị lớn cần được xem xét.',
          en: 'A large transfer is reviewed.',
        };
        await editor.fill(JSON.stringify(draft, null, 2));
        await page.getByTestId('screening-draft-save').click();
        await page.getByTestId('screening-draft-shadow-start').click();
        await expect.poll(() => version.getAttribute('data-shadow'), poll).toBe('true');

        // The published (default) set allows it; the shadow draft would hold it.
        expect((await screen()).action).toBe('allow');
        await page.getByTestId('screening-nav-decisions').click();
        const row = page.getByTestId('screening-decision-row').first();
        await expect.poll(() => row.getAttribute('data-shadow-differs'), poll).toBe('true');
        expect(await row.getByTestId('screening-shadow-diff').getAttribute('data-shadow-action')).toBe(
          'hold',
        );
      });

      it('publishes the draft: the next large transfer is held', async () => {
        await page.getByTestId('screening-nav-rule-sets').click();
        await page.getByTestId('screening-draft-publish').click();
        await page.getByTestId('confirm-submit').click();
        const version = page.getByTestId('screening-version-row').first();
        await expect.poll(() => version.getAttribute('data-status'), poll).toBe('published');
        expect((await screen()).action).toBe('hold');
      });

      it('reviews the held transfer: confirmed fraud, with a notice to the police', async () => {
        await page.getByTestId('screening-nav-reviews').click();
        const row = page.getByTestId('screening-review-row').first();
        await expect.poll(() => row.getAttribute('data-status'), poll).toBe('pending');
        await row.getByTestId('screening-review-confirm').click();
        await page
          .getByTestId('screening-review-note')
          .fill('Khách hàng xác nhận bị lừa chuyển tiền theo hướng dẫn qua điện thoại');
        await page.getByTestId('screening-review-send-notice').check();
        await page.getByTestId('screening-review-police').click();
        await page.getByRole('option', { name: /Công an thành phố Hà Nội/ }).click();
        await page.getByTestId('screening-review-holder-name').fill('Trần Văn Bình');
        await page.getByTestId('screening-review-id-number').fill('001099123456');
        await page.getByTestId('screening-review-reason-code').fill('R02');
        await page.getByTestId('screening-review-submit').click();
        const result = page.getByTestId('screening-review-result');
        await expect.poll(() => result.getAttribute('data-status'), poll).toBe('confirmed_fraud');
        expect(await page.getByTestId('screening-review-notice-link').getAttribute('href')).toMatch(
          /^\/app\/yeu-cau\/[0-9a-f-]{36}$/,
        );
        await page.getByTestId('screening-review-close').click();
      });

      it('backtests the published set over past transfers pasted as CSV', async () => {
        await page.getByTestId('screening-nav-rule-sets').click();
        await page.getByTestId('screening-backtest-open').first().click();
        await page
          .getByTestId('screening-backtest-csv')
          .fill(
            [
              'transfer_id,at,amount_vnd,channel,payer_bank,payer_account,payee_bank,payee_account,payee_name_shown,label',
              'P1,2026-03-01T08:00:00+07:00,800000,mobile_app,VCB,0011001111111,TCB,19030000111,TRAN VAN BINH,0',
              'P2,2026-03-01T09:00:00+07:00,4000000,mobile_app,VCB,0011001111111,TCB,19030000222,TRAN VAN AN,1',
            ].join('\n'),
          );
        await page.getByTestId('screening-backtest-submit').click();
        const result = page.getByTestId('screening-backtest-result');
        await expect.poll(() => result.getAttribute('data-transfers'), poll).toBe('2');
        expect(await page.getByTestId('screening-backtest-action-hold').getAttribute('data-count')).toBe('1');
        expect(await page.getByTestId('screening-backtest-recall').innerText()).toMatch(/100/);
        // The panel is a dialog: Escape closes it.
        await page.keyboard.press('Escape');
        await result.waitFor({ state: 'detached' });
      });

      it('shows an account the mule detector flagged from completed transfers, and dismisses it', async () => {
        const at = (minutes: number) => new Date(Date.now() - (120 - minutes) * 60_000).toISOString();
        const mule = { bank: 'ACB', account: '2468013579' };
        const transfers = [
          ...[1, 2, 3, 4].map((i) => ({
            transferId: `IN-${i}`,
            payer: { bank: 'VCB', account: `00110000${i}${i}${i}` },
            payee: mule,
            amountVnd: 2_000_000,
            at: at(i * 5),
          })),
          ...[1, 2].map((i) => ({
            transferId: `OUT-${i}`,
            payer: mule,
            payee: { bank: 'BIDV', account: `3100000${i}${i}${i}${i}` },
            amountVnd: 3_900_000,
            at: at(60 + i * 5),
          })),
        ];
        const fed = await fetch(`${server.url}/api/screening/completed`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ transfers }),
        });
        expect(fed.status, await fed.clone().text()).toBe(200);
        await page.getByTestId('screening-nav-flags').click();
        const row = page.getByTestId('screening-flag-row').first();
        await expect.poll(() => row.getAttribute('data-typology'), poll).toBe('pass_through');
        expect(await row.getByTestId('screening-flag-account').innerText()).toContain('2468013579');
        await row.getByTestId('screening-flag-dismiss').click();
        await page
          .getByTestId('screening-review-note')
          .fill('Tài khoản thu hộ của cửa hàng, đã xác minh với khách hàng');
        await page.getByTestId('screening-review-submit').click();
        await expect
          .poll(() => page.getByTestId('screening-review-result').getAttribute('data-status'), poll)
          .toBe('dismissed');
      });
    },
  );
}
