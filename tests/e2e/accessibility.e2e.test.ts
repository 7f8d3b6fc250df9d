import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt } from './server-process.js';
import { call, policeOfficer, signIn } from './staff.js';
import { serverDatabases, type ServerOnDatabase } from './server-databases.js';

/**
 * The public pages against WCAG 2.1 A and AA, as axe-core (the rules engine most accessibility audits use)
 * judges them in Chromium, on a phone-sized screen and on a desktop one. What axe cannot judge (plain
 * words, a sensible focus order) the page tests check by hand.
 */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function violations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
}

const PAGES = [
  { path: '/', ready: 'main' },
  { path: '/kiem-tra', ready: 'main' },
  { path: '/to-giac', ready: 'form' },
  { path: '/to-giac/theo-doi', ready: 'form' },
  { path: '/khieu-nai', ready: 'form' },
  { path: '/dang-nhap', ready: 'form' },
];

/** The police officer's pages, signed in, with one report in the inbox. */
const STAFF_PAGES = [
  { path: '/app', ready: 'main' },
  { path: '/app/to-giac', ready: 'table' },
  { path: '/app/to-giac/moi', ready: 'form' },
  { path: '/app/vu-viec', ready: 'main :text("Chưa có vụ việc"), [data-testid="case-table"]' },
  { path: '/app/nghi-van', ready: 'table' },
  { path: '/app/ho-so', ready: 'main' },
  {
    path: '/app/yeu-cau',
    ready: 'main :text("Không có yêu cầu nào khớp bộ lọc"), [data-testid="request-row"]',
  },
  { path: '/app/yeu-cau/moi', ready: 'form' },
  { path: '/app/thu-hoi', ready: '[data-testid="recovery-summary"]' },
  // Filled in once the report and the hold request exist (beforeAll).
  { path: '/app/to-giac/:report', ready: '[data-testid="report-recovery"]' },
  { path: '/app/yeu-cau/:request', ready: '[data-testid="request-status"]' },
];

const [pglite] = serverDatabases();
describe.skipIf(chromiumMissing !== null)('the public pages meet WCAG 2.1 AA (axe-core)', () => {
  let running: ServerOnDatabase;
  let browser: Browser;
  let officerCookie = '';
  const ids = { report: '', request: '' };

  beforeAll(async () => {
    assertBuilt();
    running = await pglite!.start({ KHIEN_ADMIN_PASSWORD: 'a11y-admin-password-1', KHIEN_TOTP_REQUIRED: '' });
    officerCookie = await policeOfficer(running.server.url, {
      adminPassword: 'a11y-admin-password-1',
      agencyName: 'Công an tỉnh Thử nghiệm',
      provinceCode: '01',
      username: 'a11y.officer',
      fullName: 'Cán bộ Kiểm thử',
      password: 'a11y-officer-password-2',
    });
    const report = await fetch(`${running.server.url}/api/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scamMethod: 'impersonate_bank',
        identifiers: ['0905 222 333'],
        transfers: [{ toBank: 'MB', toAccount: '0901234567890', amountVnd: 3_000_000 }],
        story: 'Người gọi xưng là nhân viên ngân hàng, yêu cầu cung cấp mã OTP để mở khóa tài khoản.',
        provinceCode: '01',
      }),
    });
    expect(report.status).toBe(201);
    // A hold request to a bank from the report, for the request pages.
    const url = running.server.url;
    const admin = await signIn(url, 'admin', 'a11y-admin-password-1');
    const bank = await call<{ id: string }>(
      url,
      admin,
      'POST',
      '/api/agencies',
      { name: 'Ngân hàng Thử nghiệm', shortName: 'MB', type: 'commercial_bank', scopeLevel: 'national' },
      201,
    );
    const reports = await call<{ items: Array<{ id: string }> }>(
      url,
      officerCookie,
      'GET',
      '/api/reports',
      undefined,
      200,
    );
    ids.report = reports.items[0]!.id;
    const hold = await call<{ id: string }>(
      url,
      officerCookie,
      'POST',
      '/api/requests',
      {
        type: 'hold',
        recipientAgencyId: bank.id,
        legalBasis: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
        reason: 'Đề nghị phong tỏa số tiền bị hại đã chuyển',
        reportId: ids.report,
        details: { account: { bank: 'MB', account: '0901234567890' }, amountVnd: 3_000_000 },
      },
      201,
    );
    ids.request = hold.id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.dispose();
  });

  for (const viewport of [
    { name: 'phone', width: 360, height: 740 },
    { name: 'desktop', width: 1280, height: 900 },
  ]) {
    for (const { path, ready } of PAGES) {
      it(`${path} on a ${viewport.name}`, async () => {
        // The strict CSP refuses injected scripts; axe is the test's own, not the page's.
        const page = await browser.newPage({ locale: 'vi-VN', viewport, bypassCSP: true });
        try {
          await page.goto(`${running.server.url}${path}`);
          await page.locator(ready).first().waitFor({ timeout: 10_000 });
          const found = await violations(page);
          expect(found, JSON.stringify(found, null, 1)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
    for (const { path: pattern, ready } of STAFF_PAGES) {
      it(`${pattern} (police officer) on a ${viewport.name}`, async () => {
        const path = pattern.replace(':report', ids.report).replace(':request', ids.request);
        const context = await browser.newContext({ locale: 'vi-VN', viewport, bypassCSP: true });
        const [name, value] = officerCookie.split(';')[0]!.split('=') as [string, string];
        await context.addCookies([{ name, value, url: running.server.url }]);
        const page = await context.newPage();
        try {
          await page.goto(`${running.server.url}${path}`);
          await page.locator(ready).first().waitFor({ timeout: 10_000 });
          // Still on the page asked for: signed in, not sent to the sign-in page.
          expect(new URL(page.url()).pathname).toBe(path);
          await page.getByTestId('nav-reports').first().waitFor();
          const found = await violations(page);
          expect(found, JSON.stringify(found, null, 1)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
    it(`a page still loading its data, on a ${viewport.name}`, async () => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport, bypassCSP: true });
      const [name, value] = officerCookie.split(';')[0]!.split('=') as [string, string];
      await context.addCookies([{ name, value, url: running.server.url }]);
      const page = await context.newPage();
      // The cases list is held back so the spinner is what axe sees.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/cases?**', async (route) => {
        await held;
        await route.continue().catch(() => undefined);
      });
      try {
        await page.goto(`${running.server.url}/app/vu-viec`);
        await page.getByRole('status').filter({ hasText: 'Đang tải' }).waitFor({ timeout: 10_000 });
        const found = await violations(page);
        expect(found, JSON.stringify(found, null, 1)).toEqual([]);
      } finally {
        release();
        await context.close();
      }
    });
  }
});
