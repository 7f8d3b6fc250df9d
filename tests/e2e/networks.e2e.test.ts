import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt, type RunningServer } from './server-process.js';
import { serverDatabases, type ServerOnDatabase } from './server-databases.js';
import { policeOfficer } from './staff.js';

if (chromiumMissing) console.log(chromiumMissing);

const ADMIN_PASSWORD = 'network-admin-password-1';
const OFFICER = { username: 'mangluoi.db', password: 'network-officer-password-2' };
/** The account both victims sent money to, written two ways: one registry entry. */
const ACCOUNT = { toBank: 'Vietcombank', toAccount: '0011001234567' };

async function publicReport(url: string, body: Record<string, unknown>): Promise<{ trackingCode: string }> {
  const response = await fetch(`${url}/api/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return JSON.parse(text) as { trackingCode: string };
}

for (const database of serverDatabases()) {
  if (database.skipReason) console.log(database.skipReason);
  describe.skipIf(chromiumMissing !== null || database.skipReason !== null)(
    `a police officer opens a scam network, in Chromium, on ${database.name}`,
    () => {
      let running: ServerOnDatabase;
      let server: RunningServer;
      let browser: Browser;
      let page: Page;
      let own: { trackingCode: string };
      let other: { trackingCode: string };
      const errors: string[] = [];

      beforeAll(async () => {
        assertBuilt();
        running = await database.start({ KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD, KHIEN_TOTP_REQUIRED: '' });
        server = running.server;
        await policeOfficer(server.url, {
          adminPassword: ADMIN_PASSWORD,
          agencyName: 'Công an tỉnh Điện Biên',
          provinceCode: '11',
          username: OFFICER.username,
          fullName: 'Lò Văn Mạng',
          password: OFFICER.password,
        });
        own = await publicReport(server.url, {
          scamMethod: 'online_task_jobs',
          channels: ['telegram'],
          identifiers: ['https://t.me/viecnhe_luongcao'],
          transfers: [{ ...ACCOUNT, amountVnd: 12_000_000 }],
          story:
            'Tôi được mời làm nhiệm vụ thả tim trên mạng, phải nạp tiền để nhận hoa hồng rồi bị chiếm đoạt.',
          provinceCode: '11',
        });
        other = await publicReport(server.url, {
          scamMethod: 'online_task_jobs',
          identifiers: [],
          transfers: [{ toBank: 'VCB', toAccount: '0011 0012 34567', amountVnd: 21_000_000 }],
          story:
            'Một nhóm trên Telegram giao nhiệm vụ đánh giá sản phẩm, bắt chuyển tiền trước rồi không trả lại.',
          provinceCode: '12',
        });
        browser = await launchChromium();
        page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1366, height: 1000 } });
        page.setDefaultTimeout(15_000);
        page.on('pageerror', (error) => errors.push(error.message));
      });
      afterAll(async () => {
        await browser?.close();
        await running?.dispose();
      });

      it('finds the network of two linked reports from two provinces in the list', async () => {
        await page.goto(`${server.url}/dang-nhap`);
        await page.getByTestId('login-username').fill(OFFICER.username);
        await page.getByTestId('login-password').fill(OFFICER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('nav-networks').click();
        await page.waitForURL(/\/app\/mang-luoi/);
        const item = page.getByTestId('network-open');
        await item.first().waitFor();
        expect(await item.count()).toBe(1);
        const text = await item.innerText();
        expect(text).toContain('Mạng lưới 2 tố giác');
        expect(text).toMatch(/33\.000\.000\s₫/);
        expect(text).toContain('Điện Biên');
        expect(text).toContain('Lai Châu');
      });

      it('opens it: the totals, the graph drawn on a canvas with its legend, and the members', async () => {
        await page.getByTestId('network-open').click();
        await page.waitForURL(/network=/);
        const view = page.getByTestId('network-view');
        await view.waitFor();
        expect(await page.getByTestId('network-victims').innerText()).toBe('2');
        expect(await page.getByTestId('network-loss').innerText()).toMatch(/33\.000\.000\s₫/);
        expect(await page.getByTestId('network-provinces').innerText()).toMatch(/Điện Biên.*Lai Châu/);
        const graph = page.getByTestId('network-graph');
        await graph.locator('canvas').first().waitFor();
        expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
        const box = await graph.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(300);
        expect(await graph.getAttribute('aria-label')).toContain('2 tố giác và 2 định danh');
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="network-graph"]')?.getAttribute('data-layout') !== 'layout',
          undefined,
          { timeout: 20_000 },
        );
        expect(await graph.getAttribute('data-layout')).toBe('done');
        const legend = await page.getByTestId('network-legend').innerText();
        expect(legend).toContain('hình tròn xanh');
        expect(legend).toContain('hình vuông cam');

        const rows = page.getByTestId('network-report-row');
        expect(await rows.count()).toBe(2);
        expect(await rows.first().getAttribute('data-in-reach')).toBe('yes');
        expect(await rows.first().innerText()).toContain(own.trackingCode);
        expect(await rows.nth(1).innerText()).toContain(other.trackingCode);
        expect(await page.getByTestId('network-identifier-row').count()).toBe(2);
        expect(await page.getByTestId('network-identifiers').innerText()).toContain('Vietcombank');
      });

      it('shows another unit’s report as a summary, and leads to the officer’s own report', async () => {
        await page.getByTestId('network-report-row').nth(1).getByRole('button').click();
        const panel = page.getByTestId('network-node');
        await panel.waitFor();
        expect(await panel.innerText()).toContain('đơn vị khác thụ lý');
        expect(await panel.getByTestId('network-node-open').count()).toBe(0);
        await page.getByTestId('network-report-row').first().getByRole('link').click();
        await page.waitForURL(/\/app\/to-giac\/[0-9a-f-]{36}$/);
        await page.getByTestId('report-status').waitFor();
        expect(errors).toEqual([]);
      });
    },
  );
}
