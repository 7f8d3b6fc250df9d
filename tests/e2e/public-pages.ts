import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { assertBuilt, startServer, type RunningServer } from './server-process.js';
import { call, policeOfficer } from './staff.js';

/** What the tests of the public pages (check, report, appeal) share. */

/** Answers come from the server: wait for them as long as for an element. */
export const poll = { timeout: 10_000 };

export interface PublicPages {
  server: RunningServer;
  browser: Browser;
  /** A page the size of a phone's screen, in Vietnamese: the public pages are used on one. */
  page: Page;
  /** Closes the browser, stops the server, removes its data and says how long the file took. */
  close(): Promise<void>;
}

/** The built server on a fresh data folder, with the given admin password, and Chromium with a phone-sized page. */
export async function openPublicPages(name: string, adminPassword: string): Promise<PublicPages> {
  assertBuilt();
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `khien-${name}-`));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`${name}.e2e: ${Math.round(performance.now() - started)} ms in all`);
  };
  try {
    server = await startServer({
      KHIEN_DATA_DIR: dataDir,
      KHIEN_ADMIN_PASSWORD: adminPassword,
      KHIEN_TOTP_REQUIRED: '',
    });
    browser = await launchChromium();
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 800 } });
    // A missing element fails in seconds, not after Playwright's 30 s.
    phone.setDefaultTimeout(10_000);
    return { server, browser, page: await phone.newPage(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The admin sets up a provincial police agency and an officer; the officer lists an identifier and
 * confirms it as a scam, through the same routes as the staff pages.
 */
export async function confirmedScam(
  url: string,
  officer: Parameters<typeof policeOfficer>[1],
  listing: { input: string; scamMethod: string; reason: string },
): Promise<void> {
  const session = await policeOfficer(url, officer);
  const indicator = await call<{ id: string }>(
    url,
    session,
    'POST',
    '/api/indicators',
    { input: listing.input, scamMethod: listing.scamMethod },
    201,
  );
  await call(
    url,
    session,
    'POST',
    `/api/indicators/${indicator.id}/status`,
    { status: 'confirmed_scam', reason: listing.reason },
    200,
  );
}
