import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from './browser.js';
import { assertBuilt, type RunningServer } from './server-process.js';
import { serverDatabases, type ServerOnDatabase } from './server-databases.js';
import { policeOfficer } from './staff.js';

if (chromiumMissing) console.log(chromiumMissing);

/** Answers come from the server: wait for them as long as for an element. */
const poll = { timeout: 10_000 };

const ADMIN_PASSWORD = 'report-admin-password-1';
const OFFICER = { username: 'db.thuly', password: 'report-officer-password-2' };
/** The scammer's number, named in two reports from two provinces. */
const SCAMMER = '0905 111 222';

interface Receipt {
  trackingCode: string;
}

/** A citizen's report through the public form's API (JSON, no evidence). */
async function publicReport(url: string, body: Record<string, unknown>): Promise<Receipt> {
  const response = await fetch(`${url}/api/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return JSON.parse(text) as Receipt;
}

for (const database of serverDatabases()) {
  if (database.skipReason) console.log(database.skipReason);
  describe.skipIf(chromiumMissing !== null || database.skipReason !== null)(
    `a police officer handles a scam report, in Chromium, on ${database.name}`,
    () => {
      let running: ServerOnDatabase;
      let server: RunningServer;
      let browser: Browser;
      let page: Page;
      let main: Receipt;
      let linked: Receipt;
      const started = performance.now();

      beforeAll(async () => {
        assertBuilt();
        running = await database.start({ KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD, KHIEN_TOTP_REQUIRED: '' });
        server = running.server;
        await policeOfficer(server.url, {
          adminPassword: ADMIN_PASSWORD,
          agencyName: 'Công an tỉnh Điện Biên',
          provinceCode: '11',
          username: OFFICER.username,
          fullName: 'Lò Văn Thụ Lý',
          password: OFFICER.password,
        });
        // In Điện Biên, so routed to the officer's unit; with the reporter's contact details.
        main = await publicReport(server.url, {
          scamMethod: 'impersonate_police_procuracy_court',
          channels: ['phone_call', 'zalo'],
          identifiers: [SCAMMER],
          transfers: [{ toBank: 'Vietcombank', toAccount: '0011001234567', amountVnd: 25_000_000 }],
          story:
            'Người gọi xưng là cán bộ công an, nói tôi liên quan đường dây rửa tiền và bắt chuyển tiền để xác minh.',
          provinceCode: '11',
          contact: { fullName: 'Nguyễn Thị Lan', phone: '0912 345 678' },
        });
        // In Lai Châu, where no police unit is set up: outside the officer's inbox, but linked by the number
        // and by the account the money went to (written differently: the same registry entry).
        linked = await publicReport(server.url, {
          transfers: [{ toBank: 'VCB', toAccount: '0011 0012 34567', amountVnd: 8_000_000 }],
          scamMethod: 'impersonate_police_procuracy_court',
          identifiers: [SCAMMER],
          story: 'Có người gọi tự xưng công an, đe dọa bắt giam nếu không chuyển tiền vào tài khoản tạm giữ.',
          provinceCode: '12',
        });
        browser = await launchChromium();
        page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
        // A missing element fails in seconds, not after Playwright's 30 s.
        page.setDefaultTimeout(10_000);
      });
      afterAll(async () => {
        await browser?.close();
        await running?.dispose();
        console.log(`report-handling.e2e: ${Math.round(performance.now() - started)} ms in all`);
      });

      it('signs in and finds the report in the inbox with its deadline and loss', async () => {
        await page.goto(`${server.url}/dang-nhap`);
        await page.getByTestId('login-username').fill(OFFICER.username);
        await page.getByTestId('login-password').fill(OFFICER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('nav-reports').click();
        const row = page.getByTestId('report-row');
        await row.first().waitFor();
        expect(await row.count()).toBe(1);
        expect(await row.getAttribute('data-status')).toBe('received');
        expect(await row.getAttribute('data-deadline')).toBe('ok');
        const text = await row.innerText();
        expect(text).toContain(main.trackingCode);
        expect(text).not.toContain(linked.trackingCode);
        expect(text).toMatch(/Còn \d+ ngày/);
        expect(text).toMatch(/25\.000\.000\s₫/);
        expect(text).toMatch(/\d+ thông tin/);
        expect(text).toContain('1 liên quan');
        expect(text).toContain('Giả danh công an, viện kiểm sát, tòa án');
      });

      it('keeps the filters in the address', async () => {
        await page.getByText('Chỉ tố giác quá hạn').click();
        await page.waitForURL(/overdue=true/);
        await page.getByText('Không có tố giác nào khớp bộ lọc.').waitFor();
        await page.reload();
        expect(await page.getByTestId('report-filter-overdue').isChecked()).toBe(true);
        await page.getByText('Chỉ tố giác quá hạn').click();
        await page.getByTestId('report-row').first().waitFor();
        expect(page.url()).not.toContain('overdue');
      });

      it('opens the report: identifiers, transfers, the linked report, and the contact only on request', async () => {
        await page.getByTestId('report-open').first().click();
        const status = page.getByTestId('report-status');
        await status.waitFor();
        expect(await status.getAttribute('data-status')).toBe('received');
        expect(await page.getByTestId('report-story').innerText()).toContain('rửa tiền');
        expect(await page.getByTestId('report-identifiers').innerText()).toContain(SCAMMER);
        expect(await page.getByTestId('report-transfers').innerText()).toContain('0011001234567');

        const linkedRows = page.getByTestId('report-linked-row');
        await linkedRows.first().waitFor();
        expect(await linkedRows.count()).toBe(1);
        const linkedText = await linkedRows.innerText();
        expect(linkedText).toContain(linked.trackingCode);
        expect(linkedText).toContain('Lai Châu');
        expect(linkedText).toContain(SCAMMER);
        // The shared account, in the registry's display form (bank and grouped digits).
        expect(linkedText).toMatch(/Vietcombank/);

        expect(await page.getByTestId('report-contact').count()).toBe(0);
        expect(await page.getByTestId('report-contact-notice').innerText()).toMatch(/nhật ký kiểm tra/);
        await page.getByTestId('report-contact-reveal').click();
        await page.getByTestId('report-contact').waitFor();
        expect(await page.getByTestId('report-contact').innerText()).toContain('Nguyễn Thị Lan');
        await page.getByTestId('report-contact-logged').waitFor();
      });

      it('moves the report to verifying, then decides it with a reason and a message to the reporter', async () => {
        const status = page.getByTestId('report-status');
        await page.getByTestId('report-move-verifying').click();
        await page.getByTestId('report-status-submit').click();
        // No reason: said beside the field, nothing sent.
        await page.getByText('Lý do cần ít nhất 5 ký tự.').waitFor();
        await page
          .getByTestId('report-status-reason')
          .fill('Đủ thông tin ban đầu, tiến hành xác minh số điện thoại');
        await page.getByTestId('report-status-submit').click();
        await expect.poll(() => status.getAttribute('data-status'), poll).toBe('verifying');

        await page.getByTestId('report-move-decided').click();
        await page.getByTestId('report-status-reason').fill('Có dấu hiệu tội lừa đảo chiếm đoạt tài sản');
        await page.getByTestId('report-status-submit').click();
        await page.getByText('Hãy chọn quyết định giải quyết.').waitFor();
        await page.getByTestId('report-decision-initiate_case').check();
        await page
          .getByTestId('report-status-message')
          .fill('Cơ quan điều tra đã khởi tố vụ án, sẽ liên hệ với bạn.');
        await page.getByTestId('report-status-submit').click();
        await expect.poll(() => status.getAttribute('data-status'), poll).toBe('decided');
        expect(await page.getByTestId('report-decision').getAttribute('data-decision')).toBe('initiate_case');
        expect(await page.getByTestId('report-deadline').first().getAttribute('data-deadline')).toBe('done');

        const events = page.getByTestId('report-event');
        expect(await events.count()).toBeGreaterThanOrEqual(3);
        const timeline = await page.getByTestId('report-timeline').innerText();
        expect(timeline).toContain('Đang kiểm tra, xác minh → Đã có quyết định');
        expect(timeline).toContain('Khởi tố vụ án hình sự');
        expect(timeline).toContain('Lò Văn Thụ Lý');
        expect(await page.getByTestId('report-event-message').last().innerText()).toContain(
          'đã khởi tố vụ án',
        );
      });

      it('groups the report into a case from the inbox, and finds the case', async () => {
        await page.getByTestId('nav-reports').click();
        await page.getByTestId('report-row').first().waitFor();
        await page.getByTestId('report-select').first().check();
        await page.getByTestId('report-selection').waitFor();
        await page.getByTestId('report-group-open').click();
        expect(await page.getByTestId('group-report-codes').innerText()).toBe(main.trackingCode);
        await page.getByTestId('group-title').fill('Đường dây giả danh công an gọi qua Zalo');
        await page.getByTestId('group-reason').fill('Cùng số điện thoại 0905 111 222');
        await page.getByTestId('group-submit').click();
        await page.waitForURL(/\/app\/vu-viec\/[0-9a-f-]{36}$/);
        await expect.poll(() => page.getByTestId('case-report-count').textContent(), poll).toBe('1');
        expect(await page.getByTestId('case-reports').innerText()).toContain(main.trackingCode);

        await page.getByTestId('nav-cases').click();
        const row = page.getByTestId('case-row');
        await row.first().waitFor();
        expect(await row.innerText()).toContain('Đường dây giả danh công an gọi qua Zalo');
        expect(await row.innerText()).toMatch(/25\.000\.000\s₫/);
      });

      it('takes a hotline report: explains what is missing, keeps what was typed, then opens the new report', async () => {
        await page.getByTestId('nav-reports').click();
        await page.getByTestId('report-intake-open').click();
        await page.getByTestId('intake-story').fill('Gọi');
        await page.getByTestId('intake-submit').click();
        const form = page.locator('form');
        await page.getByText('Hãy ghi diễn biến, ít nhất 5 ký tự.').waitFor();
        expect(await page.getByTestId('intake-story').inputValue()).toBe('Gọi');

        await page.getByTestId('intake-channel-hotline').check();
        await page.getByTestId('intake-method').click();
        await page.getByTestId('intake-method').fill('cho vay');
        await page.keyboard.press('Enter');
        await page.getByTestId('intake-identifiers').fill(`${SCAMMER}\nhttps://vay-nhanh-24h.example`);
        await page
          .getByTestId('intake-story')
          .fill('Người dân gọi đường dây nóng: bị lừa vay tiền qua ứng dụng, bị đòi phí.');
        await page.getByTestId('intake-add-transfer').click();
        await page.getByTestId('intake-transfer-0-to-account').fill('190312345678');
        await page.getByTestId('intake-transfer-0-amount').fill('3000000');
        await page.getByTestId('intake-submit').click();

        const status = page.getByTestId('report-status');
        await status.waitFor();
        expect(await status.getAttribute('data-status')).toBe('received');
        expect(await form.count()).toBe(0);
        expect(await page.locator('main').innerText()).toContain('Gọi đường dây nóng');
        expect(await page.getByTestId('report-loss').innerText()).toMatch(/3\.000\.000\s₫/);
        // It names the same number, so both reports show up as linked.
        expect(await page.getByTestId('report-linked-row').count()).toBe(2);
      });
    },
  );
}
