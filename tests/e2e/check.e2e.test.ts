import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './browser.js';
import { confirmedScam, openPublicPages, poll, type PublicPages } from './public-pages.js';
import { ROOT, type RunningServer } from './server-process.js';

if (chromiumMissing) console.log(chromiumMissing);

const ADMIN_PASSWORD = 'check-admin-password-1';
const OFFICER_PASSWORD = 'check-officer-password-2';
const QR_FIXTURES = path.join(ROOT, 'packages/core/src/identifiers/fixtures/qr');
/** The number in the pasted message, listed by the police half-way through. */
const NUMBER = '0912 345 678';
const MESSAGE = `Vietcombank thông báo: tài khoản của quý khách sẽ bị khóa trong 24 giờ. Xác minh ngay tại https://vietcombank-hotro.com/dang-nhap hoặc gọi ${NUMBER} để được hỗ trợ.`;

/** A police agency and an officer, as the admin sets them up. */
const OFFICER = {
  adminPassword: ADMIN_PASSWORD,
  agencyName: 'Công an tỉnh Thái Nguyên',
  provinceCode: '19',
  username: 'tn.canbo',
  fullName: 'Hà Văn Cán Bộ',
  password: OFFICER_PASSWORD,
};

describe.skipIf(chromiumMissing !== null)('the public check on a phone, in Chromium', () => {
  let run: PublicPages | undefined;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    run = await openPublicPages('check', ADMIN_PASSWORD);
    ({ server, page } = run);
  });
  afterAll(() => run?.close());

  const items = () => page.getByTestId('check-item');

  it('checks a pasted message: the number has no data, the lookalike link imitates Vietcombank', async () => {
    await page.goto(`${server.url}/kiem-tra`);
    await page.getByTestId('check-input').fill(MESSAGE);
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-verdict').waitFor();
    await expect.poll(() => items().count(), poll).toBe(2);
    const link = page.locator('[data-testid="check-item"][data-kind="url"]');
    expect(await link.getAttribute('data-verdict')).toBe('suspicious');
    expect(await link.innerText()).toContain('Vietcombank');
    const phone = page.locator('[data-testid="check-item"][data-kind="phone"]');
    expect(await phone.getAttribute('data-verdict')).toBe('no_data');
    // A lookalike is not a listing: there is nothing for its holder to appeal.
    expect(await page.getByTestId('check-appeal-link').count()).toBe(0);
    // Nothing is wider than the phone's screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('answers "official" for the bank’s own domain', async () => {
    await page.getByTestId('check-input').fill('vietcombank.com.vn');
    await page.getByTestId('check-submit').click();
    await page.waitForURL(/\?q=vietcombank\.com\.vn/);
    await expect
      .poll(() => page.getByTestId('check-verdict').getAttribute('data-verdict'), poll)
      .toBe('official');
    expect(await items().count()).toBe(1);
    expect(await items().first().getAttribute('data-verdict')).toBe('official');
  });

  it('reads the account in a payment QR image', async () => {
    await page.goto(`${server.url}/kiem-tra`);
    expect(await page.getByTestId('check-image').getAttribute('accept')).toBe('image/png,image/jpeg');
    expect(await page.getByTestId('check-image-camera').getAttribute('capture')).toBe('environment');
    await page.getByTestId('check-image').setInputFiles(path.join(QR_FIXTURES, 'vietqr-vcb.png'));
    const account = page.locator('[data-testid="check-item"][data-kind="bank_account"]');
    await account.waitFor();
    expect(await account.getAttribute('data-verdict')).toBe('no_data');
    expect(await page.getByTestId('check-verdict').innerText()).toContain('vietqr-vcb.png');
  });

  it('explains a picture without a QR code in plain words', async () => {
    await page.getByTestId('check-image').setInputFiles(path.join(QR_FIXTURES, 'no-qr.jpg'));
    const error = page.getByTestId('check-image-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('qr.not_found');
    const text = await error.innerText();
    expect(text).toContain('Không đọc được mã QR');
    expect(text).toContain('Không thấy mã QR nào trong ảnh');
    expect(await items().count()).toBe(0);
    // With a text beside it, the text is checked and the picture is named among what could not be read.
    await page.getByTestId('check-input').fill(NUMBER);
    await page.getByTestId('check-image').setInputFiles(path.join(QR_FIXTURES, 'no-qr.jpg'));
    const problem = page.locator('[data-testid="check-problem"][data-code="qr.not_found"]');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('ảnh mã QR');
    expect(await items().first().getAttribute('data-kind')).toBe('phone');
  });

  it('answers "scam" once the police have confirmed the number', async () => {
    await confirmedScam(server.url, OFFICER, {
      input: NUMBER,
      scamMethod: 'impersonate_bank',
      reason: 'Nhiều người bị lừa chuyển tiền qua số này',
    });
    await page.goto(`${server.url}/kiem-tra?q=${encodeURIComponent(NUMBER)}`);
    await expect
      .poll(() => page.getByTestId('check-verdict').getAttribute('data-verdict'), poll)
      .toBe('confirmed_scam');
    expect(await items().first().getAttribute('data-verdict')).toBe('confirmed_scam');
    // Its holder can appeal a listing they think wrong.
    expect(await page.getByTestId('check-appeal-link').getAttribute('href')).toBe(
      `/khieu-nai?q=${encodeURIComponent(NUMBER).replace(/%20/g, '+')}`,
    );
  });
});
