import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshPostgres, type TestDatabase } from '../../apps/server/src/testing/databases.js';
import { CLI, MAIN, assertBuilt, runToEnd, startServer, type RunningServer } from './server-process.js';

describe('the platform as a process on its embedded database', () => {
  let dataDir: string;
  let first: RunningServer | null = null;
  let password = '';

  beforeAll(() => {
    assertBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-e2e-'));
  });
  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a new data folder, applies migrations and prints the one-time admin password once', async () => {
    first = await startServer({ KHIEN_DATA_DIR: dataDir });
    const match = /one-time password: (\S+)/.exec(first.output());
    expect(match).not.toBeNull();
    password = match![1]!;
    const ready = await (await fetch(`${first.url}/readyz`)).json();
    expect(ready).toMatchObject({
      status: 'ready',
      database: 'pglite',
      migrationsPending: 0,
      jobs: 'running',
    });
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    // The security headers are on every kind of answer: the API, an error, the web app's page.
    for (const [path, status] of [
      ['/healthz', 200],
      ['/api/nothing-here', 404],
      ['/', 200],
    ] as const) {
      const answer = await fetch(`${first.url}${path}`);
      expect(answer.status, path).toBe(status);
      expect(answer.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const metrics = await (await fetch(`${first.url}/metrics`)).text();
    expect(metrics).toContain('khien_http_request_duration_seconds');
    const openapi = (await (await fetch(`${first.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain('/api/auth/login');
    expect((await fetch(`${first.url}/api/docs/`)).status).toBe(200);
    console.log(
      `start-up to ready, first start (migrations, reference data): ${Math.round(first.startupMs)} ms`,
    );
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    const second = await runToEnd([MAIN], { KHIEN_DATA_DIR: dataDir });
    expect(second.code).toBe(2);
    expect(second.output).toMatch(/in use by another Khiên process/);
  });

  it('reuses the data on the next start and does not print a password again', async () => {
    expect(await first!.stop()).toBe(0);
    first = await startServer({ KHIEN_DATA_DIR: dataDir });
    expect(first.output()).not.toContain('one-time password');
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { totpEnrolmentRequired: boolean }).totpEnrolmentRequired).toBe(true);
    console.log(`start-up to ready, later start: ${Math.round(first.startupMs)} ms`);
    expect(await first.stop()).toBe(0);
    first = null;
  });

  it('verifies the audit chain from the command line', async () => {
    const result = await runToEnd([CLI, 'audit-verify'], { KHIEN_DATA_DIR: dataDir });
    expect(result.output).toMatch(/audit chain intact: \d+ entries verified/);
    expect(result.code).toBe(0);
  });

  it('stops at the first bad configuration value', async () => {
    const result = await runToEnd([MAIN], { KHIEN_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/Invalid configuration PORT/);
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) console.log('TEST_DATABASE_URL is not set: the PostgreSQL start-up test is skipped');

describe.skipIf(!postgresUrl)('the same build on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    database = await openFreshPostgres(postgresUrl!);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('starts with DATABASE_URL, runs the same migrations and serves', async () => {
    const url = database.url!;
    const server = await startServer({
      DATABASE_URL: url,
      KHIEN_ADMIN_PASSWORD: 'postgres-admin-password',
      KHIEN_DATA_KEYS: `ci:${Buffer.alloc(32, 3).toString('base64')}`,
    });
    try {
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ready', database: 'postgres', migrationsPending: 0 });
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'postgres-admin-password' }),
      });
      expect(login.status).toBe(200);
      const verify = await runToEnd([CLI, 'audit-verify'], { DATABASE_URL: url });
      expect(verify.code).toBe(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
