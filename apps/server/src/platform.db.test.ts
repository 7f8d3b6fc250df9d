import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from './platform.js';
import { forEachDatabase } from './testing/databases.js';
import { startTestPlatform } from './testing/platform.js';

forEachDatabase('the platform runs its jobs and scheduler in the same process', (target) => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startTestPlatform(await target.open(), { jobs: true });
  });
  afterAll(async () => {
    await platform?.close();
    await target.cleanup();
  });

  it('registers the schedules and runs a job through its handler', async () => {
    expect(platform.jobs.isRunning()).toBe(true);
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from pgboss.schedule order by name`.execute(platform.database.db);
    expect(schedules.rows).toEqual([
      { name: 'audit.verify-chain', cron: '41 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'indicators.expire', cron: '7 3 * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'notifications.deliver', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'reports.link-registry', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'reports.remind-deadlines', cron: '0 7 * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'requests.deliver-webhooks', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'requests.escalate', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'requests.expire-holds', cron: '* * * * *', timezone: 'Asia/Ho_Chi_Minh' },
      { name: 'sessions.purge-expired', cron: '17 * * * *', timezone: 'Asia/Ho_Chi_Minh' },
    ]);
    const id = await platform.jobs.send('audit.verify-chain', {});
    expect(id).toBeTruthy();
    await expect
      .poll(
        async () =>
          (
            await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(
              platform.database.db,
            )
          ).rows[0]?.state,
        { timeout: 20_000, interval: 250 },
      )
      .toBe('completed');
    const metrics = await platform.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/khien_audit_chain_ok 1/);
    const ready = await platform.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toMatchObject({ status: 'ready', jobs: 'running' });
  });
});
