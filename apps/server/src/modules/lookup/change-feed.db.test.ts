import type { Agency, CheckResponse, Indicator } from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.js';
import type { Platform } from '../../platform.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform, type Session } from '../../testing/platform.js';

const postgres = databaseTargets().find((t) => t.name === 'postgres')!;
announceSkip(postgres);

describe.skipIf(postgres.skipReason !== null)('two server processes on one PostgreSQL database', () => {
  let testDb: TestDatabase;
  let second: Database;
  let a: Platform;
  let b: Platform;
  let police: Session;

  beforeAll(async () => {
    testDb = await postgres.open();
    second = await openDatabase({ kind: 'postgres', url: testDb.url! });
    a = await startTestPlatform(testDb.database);
    b = await startTestPlatform(second);
    const operator = await login(a, 'admin', ADMIN_PASSWORD);
    const headers = { cookie: operator.cookie };
    const agency = (
      await a.app.inject({
        method: 'POST',
        url: '/api/agencies',
        headers,
        payload: {
          name: 'Công an tỉnh Lai Châu',
          type: 'police_province',
          scopeLevel: 'province',
          provinceCode: '12',
        },
      })
    ).json() as Agency;
    await a.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/users`,
      headers,
      payload: {
        username: 'lc.police',
        fullName: 'Cán bộ',
        roles: ['officer'],
        password: 'officer-password-1',
      },
    });
    police = await login(a, 'lc.police', 'officer-password-1');
    await a.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: police.cookie },
      payload: { currentPassword: 'officer-password-1', newPassword: 'officer-password-2' },
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await second?.close();
    await testDb?.dispose();
  });

  const verdictOn = async (platform: Platform, q: string) =>
    (
      (
        await platform.app.inject({ method: 'POST', url: '/api/public/check', payload: { q } })
      ).json() as CheckResponse
    ).verdict;

  it('brings a confirmation and a clearing made in one process to the checks of the other within a second', async () => {
    const reported = (
      await a.app.inject({
        method: 'POST',
        url: '/api/indicators',
        headers: { cookie: police.cookie },
        payload: { input: '0944 555 666' },
      })
    ).json() as Indicator;
    await expect.poll(() => verdictOn(b, '0944555666'), { timeout: 1000, interval: 50 }).toBe('suspicious');

    await a.app.inject({
      method: 'POST',
      url: `/api/indicators/${reported.id}/status`,
      headers: { cookie: police.cookie },
      payload: { status: 'confirmed_scam', reason: 'Đã xác minh' },
    });
    const confirmedAt = performance.now();
    await expect
      .poll(() => verdictOn(b, '0944555666'), { timeout: 1000, interval: 20 })
      .toBe('confirmed_scam');
    const lag = performance.now() - confirmedAt;

    await a.app.inject({
      method: 'POST',
      url: `/api/indicators/${reported.id}/status`,
      headers: { cookie: police.cookie },
      payload: { status: 'cleared', reason: 'Chủ thuê bao chứng minh bị giả mạo' },
    });
    await expect.poll(() => verdictOn(b, '0944555666'), { timeout: 1000, interval: 20 }).toBe('no_data');
    console.log(`confirmation reached the other process's checks in ${Math.round(lag)} ms`);
  });

  it('brings a merge to the other process', async () => {
    const post = (url: string, payload: object) =>
      a.app.inject({ method: 'POST', url, headers: { cookie: police.cookie }, payload });
    const alias = (await post('/api/indicators', { input: '0944 777 888' })).json() as Indicator;
    const target = (await post('/api/indicators', { input: '0944 777 889' })).json() as Indicator;
    await post(`/api/indicators/${target.id}/status`, { status: 'confirmed_scam', reason: 'Đã xác minh' });
    await expect.poll(() => verdictOn(b, '0944777888'), { timeout: 1000, interval: 20 }).toBe('suspicious');
    await post(`/api/indicators/${alias.id}/merge`, { intoId: target.id, reason: 'Cùng một người dùng' });
    await expect
      .poll(() => verdictOn(b, '0944777888'), { timeout: 1000, interval: 20 })
      .toBe('confirmed_scam');
  });

  it('shares allowlist changes too', async () => {
    const operator = await login(a, 'admin', ADMIN_PASSWORD);
    const added = await a.app.inject({
      method: 'POST',
      url: '/api/allowlist',
      headers: { cookie: operator.cookie },
      payload: { input: '1900 545 413', organisation: 'Vietcombank', category: 'bank' },
    });
    expect(added.statusCode).toBe(201);
    await expect.poll(() => verdictOn(b, '1900545413'), { timeout: 1000, interval: 20 }).toBe('official');
  });
});

const NATS_URL = 'nats://127.0.0.1:4222';
async function natsReachable(): Promise<boolean> {
  try {
    const { connect } = await import('nats');
    const nc = await connect({ servers: NATS_URL, timeout: 1000 });
    await nc.jetstreamManager();
    await nc.close();
    return true;
  } catch {
    return false;
  }
}
const natsSkip =
  postgres.skipReason ??
  ((await natsReachable())
    ? null
    : `NATS with JetStream is not reachable at ${NATS_URL}: NATS change feed test skipped`);
if (natsSkip) console.log(natsSkip);

describe.skipIf(natsSkip !== null)('two server processes telling each other through NATS JetStream', () => {
  // A stream of the test's own, removed afterwards.
  const stream = `KHIEN_TEST_${Date.now()}_${process.pid}`;
  let testDb: TestDatabase;
  let second: Database;
  let a: Platform;
  let b: Platform;

  beforeAll(async () => {
    testDb = await postgres.open();
    second = await openDatabase({ kind: 'postgres', url: testDb.url! });
    a = await startTestPlatform(testDb.database, {
      changeFeed: 'nats',
      natsUrl: NATS_URL,
      natsStream: stream,
    });
    b = await startTestPlatform(second, { changeFeed: 'nats', natsUrl: NATS_URL, natsStream: stream });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await second?.close();
    await testDb?.dispose();
    const { connect } = await import('nats');
    const nc = await connect({ servers: NATS_URL });
    await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  it('brings an allowlist change made in one process to the checks of the other within a second', async () => {
    const operator = await login(a, 'admin', ADMIN_PASSWORD);
    const key = `1900 ${String(Date.now()).slice(-4)}`;
    const added = await a.app.inject({
      method: 'POST',
      url: '/api/allowlist',
      headers: { cookie: operator.cookie },
      payload: { input: key, organisation: 'Tổng đài thử', category: 'hotline' },
    });
    expect(added.statusCode).toBe(201);
    const verdict = async () =>
      (
        (
          await b.app.inject({ method: 'POST', url: '/api/public/check', payload: { q: key } })
        ).json() as CheckResponse
      ).verdict;
    await expect.poll(verdict, { timeout: 1000, interval: 20 }).toBe('official');
  });
});
