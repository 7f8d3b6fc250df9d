import type { Agency, CreatedApiKey, FlagPage } from '@khien/contracts';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { databaseTargets, type TestDatabase } from '../../testing/databases.js';
import {
  ADMIN_PASSWORD,
  login,
  staffSession,
  startTestPlatform,
  type Session,
} from '../../testing/platform.js';
import { createAgency } from '../../testing/reports.js';
import { completedSubject } from './completed-feed.js';

const NATS_URL = 'nats://127.0.0.1:4222';
async function natsReachable(): Promise<boolean> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 1000 });
    await nc.jetstreamManager();
    await nc.close();
    return true;
  } catch {
    return false;
  }
}
const natsSkip = (await natsReachable())
  ? null
  : `NATS with JetStream is not reachable at ${NATS_URL}: the completed-transfer feed test is skipped`;
if (natsSkip) console.log(natsSkip);
const [pglite] = databaseTargets();

describe.skipIf(natsSkip !== null)('completed transfers streamed by a bank through NATS JetStream', () => {
  const stream = `KHIEN_TEST_TRANSFERS_${process.pid}_${Date.now()}`;
  let testDb: TestDatabase;
  let platform: Platform;
  let analyst: Session;
  let bank: Agency;

  beforeAll(async () => {
    testDb = await pglite!.open();
    platform = await startTestPlatform(testDb.database, { natsUrl: NATS_URL, transfersStream: stream });
    const operator = await login(platform, 'admin', ADMIN_PASSWORD);
    bank = await createAgency(platform, operator, {
      name: 'Ngân hàng TMCP Á Châu',
      shortName: 'ACB',
      type: 'commercial_bank',
      scopeLevel: 'national',
    });
    analyst = await staffSession(platform, operator, bank, 'acb.analyst', ['analyst']);
    // Unused here, but a bank streams with the same rights it posts with.
    const key = await platform.app.inject({
      method: 'POST',
      url: `/api/agencies/${bank.id}/api-keys`,
      headers: { cookie: operator.cookie },
      payload: { name: 'Core', scopes: ['screening:write'] },
    });
    expect((key.json() as CreatedApiKey).secret).toBeTruthy();
  });
  afterAll(async () => {
    await platform?.close();
    await testDb?.dispose();
    const nc = await connect({ servers: NATS_URL });
    await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  it('flags a pass-through account from streamed transfers, and drops what is not a transfer', async () => {
    const nc = await connect({ servers: NATS_URL });
    const js = nc.jetstream();
    const subject = completedSubject(stream, bank.id);
    const base = Date.parse('2026-03-02T08:00:00Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const mule = { bank: 'ACB', account: '1357924680' };
    await js.publish(subject, 'not json at all');
    for (const i of [1, 2, 3, 4])
      await js.publish(
        subject,
        JSON.stringify({
          transferId: `IN-${i}`,
          payer: { bank: 'VCB', account: `00220000${i}${i}${i}` },
          payee: mule,
          amountVnd: 2_000_000,
          at: at(i * 5),
        }),
      );
    await js.publish(
      subject,
      JSON.stringify({
        transfers: [1, 2].map((i) => ({
          transferId: `OUT-${i}`,
          payer: mule,
          payee: { bank: 'BIDV', account: `3200000${i}${i}${i}${i}` },
          amountVnd: 3_900_000,
          at: at(60 + i * 5),
        })),
      }),
    );
    await nc.close();
    await expect
      .poll(
        async () => {
          const page = (
            await platform.app.inject({
              method: 'GET',
              url: '/api/screening/flags',
              headers: { cookie: analyst.cookie },
            })
          ).json() as FlagPage;
          return page.items.find((item) => item.typology === 'pass_through')?.account;
        },
        { timeout: 10_000 },
      )
      .toEqual(mule);
  });
});
