import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './browser.js';
import { confirmedScam, openPublicPages, poll, type PublicPages } from './public-pages.js';
import type { RunningServer } from './server-process.js';

if (chromiumMissing) console.log(chromiumMissing);

const ADMIN_PASSWORD = 'appeal-admin-password-1';
const OFFICER = { username: 'db.canbo', password: 'appeal-officer-password-2' };
/** A shop's number, listed by mistake. */
const NUMBER = '0905 333 444';

/** A police agency and an officer, who lists the number and confirms it. */
function confirmedListing(url: string): Promise<void> {
  return confirmedScam(
    url,
    {
      adminPassword: ADMIN_PASSWORD,
      agencyName: 'Công an tỉnh Điện Biên',
      provinceCode: '11',
      username: OFFICER.username,
      fullName: 'Lò Văn Cán Bộ',
      password: OFFICER.password,
    },
    { input: NUMBER, scamMethod: 'loans', reason: 'Nhiều vụ cho vay lừa đảo dùng số này' },
  );
}

describe.skipIf(chromiumMissing !== null)('an appeal against a wrong listing, in Chromium', () => {
  let run: PublicPages | undefined;
  let server: RunningServer;
  let browser: Browser;
  /** The citizen's phone. */
  let page: Page;
  let trackingCode = '';
  let secret = '';

  beforeAll(async () => {
    run = await openPublicPages('appeal', ADMIN_PASSWORD);
    ({ server, browser, page } = run);
    await confirmedListing(server.url);
  });
  afterAll(() => run?.close());

  /** Follows the appeal by typing its codes, as someone coming back later would. */
  async function follow(code: string, withSecret: string) {
    await page.goto(`${server.url}/khieu-nai/theo-doi`);
    await page.getByTestId('follow-code').fill(code.toLowerCase());
    await page.getByTestId('follow-secret').fill(withSecret);
    await page.getByTestId('follow-submit').click();
  }

  it('goes from the check result to the appeal form with the number filled in', async () => {
    await page.goto(`${server.url}/kiem-tra?q=${encodeURIComponent(NUMBER)}`);
    await expect
      .poll(() => page.getByTestId('check-verdict').getAttribute('data-verdict'), poll)
      .toBe('confirmed_scam');
    await page.getByTestId('check-appeal-link').click();
    await page.waitForURL(/\/khieu-nai\?q=/);
    expect(await page.getByTestId('appeal-identifier').inputValue()).toBe(NUMBER);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Ai được khiếu nại/);
    expect(text).toMatch(/trước hạn ghi trên biên nhận/);
  });

  it('explains what is missing, then sends the appeal and shows the codes once', async () => {
    await page.getByTestId('appeal-fullname').fill('Trần Văn Chủ');
    await page.getByTestId('appeal-reasons').fill('Số của cửa hàng');
    await page.getByTestId('appeal-submit').click();
    // Neither phone nor e-mail, and too short a reason: said beside the fields, nothing sent.
    const form = await page.locator('form').innerText();
    expect(form).toContain('Cần ít nhất số điện thoại hoặc email');
    expect(form).toContain('Lý do khiếu nại cần ít nhất 20 ký tự');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'appeal-phone',
    );

    await page.getByTestId('appeal-phone').fill('0905 111 222');
    await page.getByTestId('appeal-relation-holder').check();
    await page
      .getByTestId('appeal-reasons')
      .fill('Đây là số điện thoại tôi dùng 10 năm nay cho cửa hàng tạp hóa, tôi chưa từng cho vay.');
    await page.getByTestId('appeal-submit').click();
    await page.getByTestId('appeal-receipt').waitFor();
    trackingCode = (await page.getByTestId('appeal-tracking-code').innerText()).trim();
    secret = (await page.getByTestId('appeal-secret').innerText()).trim();
    expect(trackingCode).toMatch(/^KN-[A-Z2-9]{8}$/);
    expect(secret.length).toBeGreaterThanOrEqual(12);
    const receipt = await page.getByTestId('appeal-receipt').innerText();
    expect(receipt).toMatch(/chỉ hiện một lần/);
    expect(receipt).toMatch(/Công an sẽ trả lời trước ngày \d{2}\/\d{2}\/\d{4}\./);
    // The secret is never put in an address.
    expect(await page.getByTestId('appeal-follow-link').getAttribute('href')).toBe(
      `/khieu-nai/theo-doi?ma=${trackingCode}`,
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('follows the appeal: at once from the receipt, later with the two codes', async () => {
    await page.getByTestId('appeal-follow-link').click();
    const status = page.getByTestId('follow-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('submitted');
    expect(page.url()).not.toContain(secret);

    await follow(trackingCode, 'a-wrong-secret');
    await page.getByText('Không tìm thấy khiếu nại với mã theo dõi và mã bí mật này').waitFor();
    expect(await status.count()).toBe(0);

    await follow(trackingCode, secret);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('submitted');
    expect(await status.innerText()).toContain(NUMBER);
  });

  it('refuses a second appeal on the same listing while one is open', async () => {
    await page.goto(`${server.url}/khieu-nai?q=${encodeURIComponent(NUMBER)}`);
    await page.getByTestId('appeal-fullname').fill('Trần Văn Chủ');
    await page.getByTestId('appeal-email').fill('chu.cuahang@example.vn');
    await page.getByTestId('appeal-reasons').fill('Tôi gửi lại khiếu nại vì chưa thấy trả lời, xin xem xét.');
    await page.getByTestId('appeal-submit').click();
    await page.getByText('Đã có một khiếu nại về thông tin này đang được xem xét').waitFor();
  });

  it('lets the police officer uphold it with a reason', async () => {
    const staff = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    staff.setDefaultTimeout(10_000);
    try {
      await staff.goto(`${server.url}/dang-nhap`);
      await staff.getByTestId('login-username').fill(OFFICER.username);
      await staff.getByTestId('login-password').fill(OFFICER.password);
      await staff.getByTestId('login-submit').click();
      await staff.getByTestId('nav-appeals').click();
      const row = staff.getByTestId('appeal-row');
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect(await row.getAttribute('data-status')).toBe('submitted');
      expect(await row.getAttribute('data-overdue')).toBe('false');
      expect(await row.innerText()).toContain(trackingCode);
      await row.getByTestId('appeal-open').click();

      const status = staff.getByTestId('appeal-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('submitted');
      expect(await staff.getByTestId('appeal-contact').innerText()).toContain('Trần Văn Chủ');
      expect(await staff.getByTestId('appeal-contact-notice').innerText()).toMatch(/nhật ký kiểm tra/);
      expect(await staff.getByTestId('appeal-reasons-text').innerText()).toContain('cửa hàng tạp hóa');

      await staff.getByTestId('appeal-decision-upheld').check();
      await staff.getByTestId('appeal-decision-reason').fill('Số của cửa hàng, bị kẻ gian giả mạo hiển thị');
      await staff.getByTestId('appeal-decision-submit').click();
      await expect.poll(() => status.getAttribute('data-status'), poll).toBe('upheld');
      expect(await staff.getByTestId('appeal-decision-submit').count()).toBe(0);
      // The listing itself is cleared.
      await staff.getByTestId('appeal-indicator-link').click();
      await expect
        .poll(() => staff.getByTestId('indicator-status').getAttribute('data-status'), poll)
        .toBe('cleared');
    } finally {
      await staff.close();
    }
  });

  it('shows the decision to the appellant, and the number is no longer listed', async () => {
    await follow(trackingCode, secret);
    const status = page.getByTestId('follow-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('upheld');
    expect(await status.innerText()).toContain('bị kẻ gian giả mạo hiển thị');

    await page.goto(`${server.url}/kiem-tra?q=${encodeURIComponent(NUMBER)}`);
    await expect
      .poll(() => page.getByTestId('check-verdict').getAttribute('data-verdict'), poll)
      .toBe('no_data');
    expect(await page.getByTestId('check-appeal-link').count()).toBe(0);
  });
});
