import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { assertBuilt, type RunningServer } from './server-process.js';
import { serverDatabases, type ServerDatabase, type ServerOnDatabase } from './server-databases.js';
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

/**
 * The built server on a fresh database (PGlite unless another of `serverDatabases()` is given), with the
 * given admin password, and Chromium with a phone-sized page.
 */
export async function openPublicPages(
  name: string,
  adminPassword: string,
  database: ServerDatabase = serverDatabases()[0]!,
): Promise<PublicPages> {
  assertBuilt();
  const started = performance.now();
  let running: ServerOnDatabase | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await running?.dispose();
    console.log(`${name}.e2e on ${database.name}: ${Math.round(performance.now() - started)} ms in all`);
  };
  try {
    running = await database.start({ KHIEN_ADMIN_PASSWORD: adminPassword, KHIEN_TOTP_REQUIRED: '' });
    const server = running.server;
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
