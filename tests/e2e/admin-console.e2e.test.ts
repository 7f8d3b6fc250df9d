import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../apps/server/src/modules/auth/index.js';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt, startServer, type RunningServer } from './server-process.js';

if (chromiumMissing) console.log(chromiumMissing);

const ADMIN_PASSWORD = 'browser-admin-password-1';

describe.skipIf(chromiumMissing !== null)('the staff console in Chromium', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let totpSecret = '';
  const shots = path.join(os.tmpdir(), 'khien-e2e-shots');

  beforeAll(async () => {
    assertBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-browser-'));
    fs.mkdirSync(shots, { recursive: true });
    server = await startServer({ KHIEN_DATA_DIR: dataDir, KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * A code not used before: the server accepts one step of clock skew either way and refuses steps at or
   * before the last one used, so the next step's code is fresh without waiting 30 seconds.
   */
  function freshCode(): string {
    return totpCode(totpSecret, new Date(Date.now() + 30_000));
  }

  it('shows the public landing page in Vietnamese with a way to sign in', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/OTP/);
    await page.screenshot({ path: path.join(shots, 'landing.png'), fullPage: true });
  });

  it('signs in, enrols TOTP as required and reaches the console', async () => {
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('totp-enrol').click();
    totpSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    expect(totpSecret).toMatch(/^[A-Z2-7]+$/);
    await page.getByTestId('totp-code').fill(totpCode(totpSecret, new Date()));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('nav-agencies').waitFor();
    await page.screenshot({ path: path.join(shots, 'after-totp.png'), fullPage: true });
  });

  it('creates an agency and a staff account', async () => {
    await page.getByTestId('nav-agencies').click();
    await page.getByTestId('agency-create-open').click();
    await page.getByTestId('agency-name').fill('Công an tỉnh Lai Châu');
    await page.getByTestId('agency-type').click();
    await page.getByRole('option', { name: 'Công an tỉnh', exact: true }).click();
    await page.getByTestId('agency-scope').click();
    await page.getByRole('option', { name: /Tỉnh, thành phố/ }).click();
    await page.getByTestId('agency-province').click();
    await page.getByTestId('agency-province').fill('Lai Chau');
    await page
      .getByRole('option', { name: /Lai Châu/ })
      .first()
      .click();
    await page.getByTestId('agency-submit').click();
    await page.getByText('Công an tỉnh Lai Châu').first().waitFor();
    await page.getByText('Công an tỉnh Lai Châu').first().click();

    await page.getByTestId('user-create-open').click();
    await page.getByTestId('user-username').fill('lc.canbo');
    await page.getByTestId('user-fullname').fill('Lò Thị Cán Bộ');
    await page.getByTestId('user-password').fill('first-password-123');
    await page.getByTestId('user-roles').click();
    await page.getByRole('option', { name: 'Cán bộ nghiệp vụ' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-submit').click();
    await page.getByText('lc.canbo').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'agency-users.png'), fullPage: true });
  });

  it('shows the writes in the audit log', async () => {
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await expect.poll(async () => table.innerText()).toMatch(/agency\.create|Tạo cơ quan/);
    const text = await table.innerText();
    expect(text).toMatch(/user\.create|Tạo tài khoản/);
    await page.screenshot({ path: path.join(shots, 'audit.png'), fullPage: true });
  });

  it('signs out and back in with a TOTP code', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/app'));
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp').fill(freshCode());
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-agencies').waitFor();
  });
});
