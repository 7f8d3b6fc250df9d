import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './browser.js';
import { confirmedScam, openPublicPages, poll, type PublicPages } from './public-pages.js';
import { serverDatabases } from './server-databases.js';
import type { RunningServer } from './server-process.js';

if (chromiumMissing) console.log(chromiumMissing);

const ADMIN_PASSWORD = 'report-admin-password-1';
/** The number that called the victim, listed by the police. */
const NUMBER = '0905 777 888';
const STORY =
  'Một người gọi từ số này, xưng là nhân viên Vietcombank, nói tài khoản của tôi sắp bị khóa và hướng dẫn tôi chuyển 5 triệu đồng sang một tài khoản “an toàn”.';

/** A small real PNG: a screenshot stand-in that the server recognises by its content. */
function screenshotPng(): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  png.data.fill(180);
  return PNG.sync.write(png);
}

/** The province's police list the number as a confirmed scam. */
function listedNumber(url: string): Promise<void> {
  return confirmedScam(
    url,
    {
      adminPassword: ADMIN_PASSWORD,
      agencyName: 'Công an tỉnh Điện Biên',
      provinceCode: '11',
      username: 'db.tiepnhan',
      fullName: 'Quàng Văn Tiếp Nhận',
      password: 'report-officer-password-2',
    },
    {
      input: NUMBER,
      scamMethod: 'impersonate_bank',
      reason: 'Nhiều người dân trình báo số này giả danh ngân hàng',
    },
  );
}

for (const database of serverDatabases()) {
  if (database.skipReason) console.log(database.skipReason);
  describe.skipIf(chromiumMissing !== null || database.skipReason !== null)(
    `a citizen reports a scam on a phone, in Chromium, on ${database.name}`,
    () => {
      let run: PublicPages | undefined;
      let server: RunningServer;
      let page: Page;
      let trackingCode = '';
      let secret = '';

      beforeAll(async () => {
        run = await openPublicPages('report', ADMIN_PASSWORD, database);
        ({ server, page } = run);
        await listedNumber(server.url);
      });
      afterAll(() => run?.close());

      const summary = () => page.getByTestId('report-error-summary');
      const files = () => page.getByTestId('report-evidence-file');

      it('goes from the check result to the report form with the number filled in', async () => {
        await page.goto(`${server.url}/kiem-tra?q=${encodeURIComponent(NUMBER)}`);
        await expect
          .poll(() => page.getByTestId('check-verdict').getAttribute('data-verdict'), poll)
          .toBe('confirmed_scam');
        const report = page.getByTestId('check-report-link').first();
        expect(await report.innerText()).toBe('Tố giác ngay');
        await report.click();
        await page.waitForURL(/\/to-giac\?q=/);
        expect(await page.getByTestId('report-identifier').first().inputValue()).toBe(NUMBER);
        expect(await page.locator('main').innerText()).toContain('Đã điền sẵn từ kết quả kiểm tra');
      });

      it('lists what is missing, beside each field and at the top, and keeps what was typed', async () => {
        await page.getByTestId('report-story').fill('Bị lừa mất tiền');
        await page.getByTestId('report-evidence-input').setInputFiles({
          name: 'tin-nhan.png',
          mimeType: 'image/png',
          buffer: screenshotPng(),
        });
        expect(await files().count()).toBe(1);
        await page.getByTestId('report-submit').click();

        await summary().waitFor();
        const listed = await summary().innerText();
        expect(listed).toContain('Hãy kể lại sự việc, ít nhất 20 ký tự.');
        expect(listed).toContain('Hình thức lừa đảo');
        expect(listed).toContain('Tỉnh, thành phố');
        expect(listed).toContain('Cần ít nhất số điện thoại hoặc email');
        // The focus is taken to the list, which links to each field.
        expect(
          await page.evaluate(
            () => document.activeElement?.querySelector('[data-testid="report-error-summary"]') !== null,
          ),
        ).toBe(true);
        expect(await page.getByTestId('report-story').getAttribute('aria-invalid')).toBe('true');
        await summary()
          .getByText(/^Kể lại sự việc:/)
          .click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), poll).toBe('report-story');
        // Nothing was lost.
        expect(await page.getByTestId('report-identifier').first().inputValue()).toBe(NUMBER);
        expect(await page.getByTestId('report-story').inputValue()).toBe('Bị lừa mất tiền');
        expect(await files().count()).toBe(1);
      });

      it('keeps every field and file when the server refuses a file, and says why beside the files', async () => {
        await page.getByTestId('report-method').click();
        await page.getByTestId('report-method').fill('ngan hang');
        await page.getByRole('option', { name: 'Giả danh ngân hàng' }).click();
        await page.locator('label', { hasText: 'Gọi điện thoại' }).click();
        await page.getByTestId('report-add-transfer').click();
        await page.getByTestId('report-transfer-to-bank').fill('MB Bank');
        await page.getByTestId('report-transfer-to-account').fill('0801234567899');
        await page.getByTestId('report-transfer-amount').fill('5000000');
        expect(await page.getByTestId('report-transfer-amount').inputValue()).toBe('5.000.000');
        expect(await page.getByTestId('report-total-loss').inputValue()).toBe('5.000.000');
        await page.getByTestId('report-story').fill(STORY);
        await page.getByTestId('report-province').click();
        await page.getByTestId('report-province').fill('Dien Bien');
        await page
          .getByRole('option', { name: /Điện Biên/ })
          .first()
          .click();
        await page.getByTestId('report-fullName').fill('Lò Thị Hoa');
        await page.getByTestId('report-phone').fill('0912 000 111');
        // Named like a picture, but not one: the server judges files by their content.
        await page.getByTestId('report-evidence-input').setInputFiles({
          name: 'anh-gia.png',
          mimeType: 'image/png',
          buffer: Buffer.from('this is not a picture at all'),
        });
        expect(await files().count()).toBe(2);
        await page.getByTestId('report-submit').click();

        await page.getByTestId('report-evidence-problem').waitFor();
        expect(await page.getByTestId('report-evidence-problem').innerText()).toContain('Chỉ nhận ảnh');
        expect(await page.getByTestId('report-receipt').count()).toBe(0);
        expect(await page.getByTestId('report-story').inputValue()).toBe(STORY);
        expect(await page.getByTestId('report-transfer-amount').inputValue()).toBe('5.000.000');
        expect(await page.getByTestId('report-fullName').inputValue()).toBe('Lò Thị Hoa');
        expect(await files().count()).toBe(2);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(360);
      });

      it('sends the report with its evidence and shows the codes once', async () => {
        await page.getByRole('button', { name: 'Bỏ tệp anh-gia.png' }).click();
        expect(await files().count()).toBe(1);
        await page.getByTestId('report-submit').click();

        const receipt = page.getByTestId('report-receipt');
        await receipt.waitFor({ timeout: 20_000 });
        trackingCode = (await page.getByTestId('report-tracking-code').innerText()).trim();
        secret = (await page.getByTestId('report-secret').innerText()).trim();
        expect(trackingCode).toMatch(/^TG-[A-Z0-9]{8}$/);
        expect(secret.length).toBeGreaterThanOrEqual(12);
        const text = await receipt.innerText();
        expect(text).toMatch(/chỉ hiện một lần/);
        expect(text).toContain('Số tệp chứng cứ đã nhận: 1');
        // The secret is never put in an address.
        expect(await page.getByTestId('report-follow-link').getAttribute('href')).toBe(
          `/to-giac/theo-doi?code=${trackingCode}`,
        );
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(360);
      });

      it('follows the report: at once from the receipt, later with the two codes', async () => {
        await page.getByTestId('report-follow-link').click();
        const status = page.getByTestId('follow-report-status');
        await status.waitFor();
        expect(await status.getAttribute('data-status')).toBe('received');
        expect(await status.innerText()).toContain('Đã tiếp nhận');
        expect(page.url()).not.toContain(secret);

        // Coming back later: the page no longer knows the secret.
        await page.goto(`${server.url}/to-giac/theo-doi`);
        await page.getByTestId('follow-report-code').fill(trackingCode.toLowerCase().replace('-', ' '));
        await page.getByTestId('follow-report-secret').fill('a-wrong-secret');
        await page.getByTestId('follow-report-submit').click();
        await page.getByText('Không tìm thấy tố giác với mã theo dõi và mã bí mật này').waitFor();
        expect(await status.count()).toBe(0);

        await page.getByTestId('follow-report-secret').fill(secret);
        await page.getByTestId('follow-report-submit').click();
        await status.waitFor();
        expect(await status.getAttribute('data-status')).toBe('received');
        const steps = page.getByTestId('follow-report-steps');
        expect(await steps.locator('[aria-current="step"]').innerText()).toContain('Đã tiếp nhận');
        expect(await page.getByTestId('follow-report-code').inputValue()).toBe(trackingCode);
        expect(page.url()).toContain(`code=${trackingCode}`);
      });
    },
  );
}
