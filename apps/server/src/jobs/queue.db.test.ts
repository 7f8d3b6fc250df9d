import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.js';
import { createPgBossAdapter } from './pglite-adapter.js';
import {
  createJobQueue,
  JobPayloadError,
  type JobLogger,
  type JobQueue,
  type JobQueueOptions,
} from './queue.js';
import { forEachDatabase } from '../testing/databases.js';

const POLLING_SECONDS = 0.5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WAIT = { timeout: 15_000, interval: 50 };

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string | undefined;
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  data: unknown;
  output: { message?: string } | null;
  delay_seconds: number;
}

forEachDatabase('job queue', (target) => {
  let database: Database;
  let queue: JobQueue | null = null;
  let log: LogEntry[] = [];

  const logger: JobLogger = {
    info: (obj, msg) => log.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => log.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => log.push({ level: 'error', obj, msg }),
  };

  beforeAll(async () => {
    database = await target.open();
    await database.executeSql('create table job_test_changes (id text primary key)');
  });

  afterEach(async () => {
    await queue?.stop();
    queue = null;
    // pg-boss reports its own failures (polling, maintenance, cron) as errors: none is expected.
    expect(log.filter((entry) => entry.level === 'error')).toEqual([]);
    log = [];
  });

  afterAll(async () => {
    await target.cleanup();
  });

  async function startQueue(options: Omit<JobQueueOptions, 'database' | 'logger'>): Promise<JobQueue> {
    queue = createJobQueue({ database, logger, pollingIntervalSeconds: POLLING_SECONDS, ...options });
    await queue.start();
    return queue;
  }

  async function query<T>(text: string, values?: unknown[]): Promise<T[]> {
    const result = await database.executeSql(text, values);
    return (Array.isArray(result) ? result[result.length - 1]!.rows : result.rows) as T[];
  }

  async function job(id: string): Promise<JobRow | null> {
    const rows = await query<JobRow>(
      `select id, name, state::text as state, retry_count, data, output,
              extract(epoch from start_after - created_on)::int as delay_seconds
         from pgboss.job where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  it('hands a sent job to its handler with the validated payload, then records it completed', async () => {
    const handled: Array<{ id: string; name: string; payload: unknown }> = [];
    const jobs = await startQueue({
      handlers: {
        'audit.verify-chain': async (payload, context) => {
          handled.push({ id: context.id, name: context.name, payload });
        },
      },
    });
    expect(jobs.isRunning()).toBe(true);

    // Unknown keys are stripped by the contract's schema before the job is stored.
    const id = await jobs.send('audit.verify-chain', { unexpected: 'dropped' } as never);
    expect(id).toMatch(UUID);

    await vi.waitFor(() => expect(handled.map((h) => h.id)).toContain(id), WAIT);
    expect(handled).toEqual([{ id, name: 'audit.verify-chain', payload: {} }]);
    await vi.waitFor(async () => expect((await job(id!))?.state).toBe('completed'), WAIT);
    expect((await job(id!))?.data).toEqual({});
    expect(log).toContainEqual(expect.objectContaining({ level: 'info', msg: 'Job completed' }));
  });

  it('rejects an invalid payload at send, in or out of a transaction, and stores nothing', async () => {
    const jobs = await startQueue({ handlers: {} });
    const before = await query<{ count: number }>('select count(*)::int as count from pgboss.job');

    await expect(jobs.send('audit.verify-chain', 42 as never)).rejects.toThrow(JobPayloadError);
    await expect(jobs.send('audit.verify-chain', null as never)).rejects.toThrow(
      /^Invalid payload for job audit\.verify-chain: \(payload\): /,
    );
    await expect(
      database.db
        .transaction()
        .execute((trx) => jobs.sendInTransaction(trx, 'sessions.purge-expired', 'x' as never)),
    ).rejects.toThrow(/Invalid payload for job sessions\.purge-expired/);

    expect(await query<{ count: number }>('select count(*)::int as count from pgboss.job')).toEqual(before);
  });

  it('fails a stored job whose payload is invalid at once, without calling the handler', async () => {
    const handled: string[] = [];
    await startQueue({
      handlers: {
        'audit.verify-chain': async (_payload, context) => {
          handled.push(context.id);
        },
      },
    });
    // Another producer (an older release, a hand-written row) stored a payload the contract refuses.
    const [inserted] = await query<{ id: string }>(
      `insert into pgboss.job (name, data, retry_limit) values ('audit.verify-chain', '42'::jsonb, 5) returning id`,
    );
    const id = inserted!.id;

    await vi.waitFor(async () => expect((await job(id))?.state).toBe('failed'), WAIT);
    const row = await job(id);
    expect(row?.retry_count).toBe(0);
    expect(row?.output?.message).toMatch(/^Invalid payload for job audit\.verify-chain: \(payload\): /);
    expect(handled).not.toContain(id);
  });

  // A deadlock on PGlite's session (the job insert waiting for the mutex the transaction holds) ends in a timeout.
  it(
    'enqueues in the caller transaction: a rolled-back job never exists nor runs, a committed one runs',
    { timeout: 20_000 },
    async () => {
      const handled: string[] = [];
      const jobs = await startQueue({
        handlers: {
          'sessions.purge-expired': async (_payload, context) => {
            handled.push(context.id);
          },
        },
      });

      const sent: { rolledBack?: string | null } = {};
      await expect(
        database.db.transaction().execute(async (trx) => {
          await sql`insert into job_test_changes (id) values ('rolled-back')`.execute(trx);
          sent.rolledBack = await jobs.sendInTransaction(trx, 'sessions.purge-expired', {});
          const inside = await sql<{ count: number }>`
          select count(*)::int as count from pgboss.job where id = ${sent.rolledBack}`.execute(trx);
          expect(inside.rows[0]?.count).toBe(1);
          // Workers poll meanwhile: on PGlite they wait for the session, on PostgreSQL they see nothing.
          await sleep(POLLING_SECONDS * 2000);
          throw new Error('the change fails');
        }),
      ).rejects.toThrow('the change fails');
      const rolledBack = sent.rolledBack!;
      expect(rolledBack).toMatch(UUID);

      const committed = await database.db.transaction().execute(async (trx) => {
        await sql`insert into job_test_changes (id) values ('committed')`.execute(trx);
        const id = await jobs.sendInTransaction(trx, 'sessions.purge-expired', {});
        await sleep(POLLING_SECONDS * 2000);
        return id;
      });
      expect(committed).toMatch(UUID);

      await vi.waitFor(() => expect(handled).toContain(committed), WAIT);
      await sleep(POLLING_SECONDS * 3000);
      expect(handled).not.toContain(rolledBack);
      expect(await job(rolledBack)).toBeNull();
      expect(await query<{ id: string }>('select id from job_test_changes order by id')).toEqual([
        { id: 'committed' },
      ]);
    },
  );

  it('retries a failing handler, then records the job failed with the error', async () => {
    const attempts: string[] = [];
    const jobs = await startQueue({
      retry: { limit: 1, delaySeconds: 0, backoff: false },
      handlers: {
        'audit.verify-chain': async (_payload, context) => {
          attempts.push(context.id);
          throw new Error('chain broken at entry 7');
        },
      },
    });
    const id = await jobs.send('audit.verify-chain', {});

    await vi.waitFor(async () => expect((await job(id!))?.state).toBe('failed'), WAIT);
    const row = await job(id!);
    expect(row?.retry_count).toBe(1);
    expect(row?.output?.message).toBe('chain broken at entry 7');
    expect(attempts.filter((attempt) => attempt === id)).toHaveLength(2);
    expect(log.filter((entry) => entry.msg === 'Job failed')).toHaveLength(2);
  });

  it('registers the schedules with pg-boss and runs a due one', async () => {
    const [{ now: since }] = (await query<{ now: Date }>('select now() as now')) as [{ now: Date }];
    const handled: string[] = [];
    await startQueue({
      // Every minute is always due: pg-boss sends a schedule whose last time is less than 60 s old.
      schedules: [{ name: 'audit.verify-chain', cron: '* * * * *' }],
      schedulerIntervalSeconds: 1,
      handlers: {
        'audit.verify-chain': async (_payload, context) => {
          handled.push(context.id);
        },
      },
    });

    expect(await query('select name, cron, timezone, data from pgboss.schedule')).toEqual([
      { name: 'audit.verify-chain', cron: '* * * * *', timezone: 'UTC', data: {} },
    ]);
    // Nothing in this test sends a job: one created since it began and handled came from the schedule.
    await vi.waitFor(async () => {
      const created = await query<{ id: string }>(
        `select id from pgboss.job where name = 'audit.verify-chain' and created_on >= $1 and id = any($2::uuid[])`,
        [since, handled],
      );
      expect(created).toHaveLength(1);
    }, WAIT);

    // The scheduler checks every schedulerIntervalSeconds (1 s here), not every 30 s (the default).
    const lastCheck = async () =>
      (await query<{ cron_on: Date }>('select cron_on from pgboss.version'))[0]!.cron_on.getTime();
    const checked = await lastCheck();
    await vi.waitFor(async () => expect(await lastCheck()).toBeGreaterThan(checked), {
      timeout: 5000,
      interval: 100,
    });
  });

  it('keeps stored schedules when none are given and removes those no longer listed', async () => {
    const schedules = () => query<{ name: string; cron: string }>('select name, cron from pgboss.schedule');
    await startQueue({ handlers: {}, schedules: [{ name: 'sessions.purge-expired', cron: '*/5 * * * *' }] });
    await queue!.stop();
    expect(await schedules()).toEqual(
      expect.arrayContaining([{ name: 'sessions.purge-expired', cron: '*/5 * * * *' }]),
    );

    await startQueue({ handlers: {} });
    await queue!.stop();
    expect(await schedules()).toContainEqual({ name: 'sessions.purge-expired', cron: '*/5 * * * *' });

    await startQueue({ handlers: {}, schedules: [] });
    expect(await schedules()).toEqual([]);
    expect(log).toContainEqual(expect.objectContaining({ msg: 'Job schedule removed' }));
  });

  it('refuses a bad cron or a payload the contract rejects at start', async () => {
    const bad = createJobQueue({
      database,
      logger,
      handlers: {},
      schedules: [{ name: 'audit.verify-chain', cron: 'every day' }],
    });
    await expect(bad.start()).rejects.toThrow(
      /^Cannot schedule job audit\.verify-chain with cron "every day": /,
    );
    expect(bad.isRunning()).toBe(false);

    const badPayload = createJobQueue({
      database,
      logger,
      handlers: {},
      schedules: [{ name: 'audit.verify-chain', cron: '0 3 * * *', payload: 7 as never }],
    });
    await expect(badPayload.start()).rejects.toThrow(JobPayloadError);
  });

  it('delays a job by startAfterSeconds', async () => {
    const handled: string[] = [];
    const jobs = await startQueue({
      handlers: {
        'sessions.purge-expired': async (_payload, context) => {
          handled.push(context.id);
        },
      },
    });
    const id = await jobs.send('sessions.purge-expired', {}, { startAfterSeconds: 30 });
    expect((await job(id!))?.delay_seconds).toBe(30);
    await sleep(POLLING_SECONDS * 3000);
    expect(handled).not.toContain(id);
    await expect(jobs.send('sessions.purge-expired', {}, { startAfterSeconds: -1 })).rejects.toThrow(
      /startAfterSeconds/,
    );
    await query('delete from pgboss.job where id = $1', [id]);
  });

  it('deduplicates by singletonKey on a short-policy queue, not on a standard one', async () => {
    const jobs = await startQueue({ handlers: {}, policies: { 'sessions.purge-expired': 'short' } });
    const first = await jobs.send('sessions.purge-expired', {}, { singletonKey: 'agency-1' });
    const again = await jobs.send('sessions.purge-expired', {}, { singletonKey: 'agency-1' });
    const other = await jobs.send('sessions.purge-expired', {}, { singletonKey: 'agency-2' });
    expect(first).toMatch(UUID);
    expect(again).toBeNull();
    expect(other).toMatch(UUID);

    const standardOne = await jobs.send('audit.verify-chain', {}, { singletonKey: 'agency-1' });
    const standardTwo = await jobs.send('audit.verify-chain', {}, { singletonKey: 'agency-1' });
    expect(standardOne).toMatch(UUID);
    expect(standardTwo).toMatch(UUID);

    await query('delete from pgboss.job where id = any($1::uuid[])', [
      [first, other, standardOne, standardTwo],
    ]);
  });

  it('stops gracefully: waits for a running handler and its completion, then refuses to send', async () => {
    let started = false;
    let finished = false;
    const jobs = await startQueue({
      handlers: {
        'sessions.purge-expired': async () => {
          started = true;
          await sleep(1000);
          finished = true;
        },
      },
    });
    const id = await jobs.send('sessions.purge-expired', {});
    await vi.waitFor(() => expect(started).toBe(true), WAIT);

    const stopped = jobs.stop();
    expect(jobs.isRunning()).toBe(false);
    // A request still being answered during shutdown can enqueue; the job waits for the next start.
    const sentWhileStopping = await jobs.send('sessions.purge-expired', {});
    await stopped;
    expect(finished).toBe(true);
    expect((await job(id!))?.state).toBe('completed');
    expect((await job(sentWhileStopping!))?.state).toBe('created');
    await query('delete from pgboss.job where id = $1', [sentWhileStopping]);
    await expect(jobs.send('sessions.purge-expired', {})).rejects.toThrow(/start\(\) it before sending/);
    // The database is still usable after the queue let go of it.
    expect(await query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('stops only when nothing of the queue is in flight, even a fetch begun before stop()', async () => {
    let stopResolved = false;
    const lateHandlers: string[] = [];
    const handled: string[] = [];
    const jobs = await startQueue({
      handlers: {
        'sessions.purge-expired': async (_payload, context) => {
          if (stopResolved) lateHandlers.push(context.id);
          await sleep(200);
          if (stopResolved) lateHandlers.push(context.id);
          handled.push(context.id);
        },
      },
    });
    let stopped: Promise<void> | null = null;
    const id = await database.db.transaction().execute(async (trx) => {
      const sent = await jobs.sendInTransaction(trx, 'sessions.purge-expired', {});
      // On PGlite the workers' next fetch now waits for the session this transaction holds; stop() begins
      // while it waits, and the fetch returns the job once the transaction commits.
      await sleep(POLLING_SECONDS * 2000);
      stopped = jobs.stop().then(() => {
        stopResolved = true;
      });
      // pg-boss's own stop() finds no job in hand meanwhile and is done; the fetch is still waiting.
      await sleep(500);
      return sent;
    });
    await stopped;
    expect(jobs.isRunning()).toBe(false);
    const row = await job(id!);
    if (handled.includes(id!)) expect(row?.state).toBe('completed');
    else expect(row?.state).toBe('created');
    await sleep(POLLING_SECONDS * 3000);
    expect(lateHandlers).toEqual([]);
  });

  it('refuses to send before start', async () => {
    const jobs = createJobQueue({ database, logger, handlers: {} });
    await expect(jobs.send('sessions.purge-expired', {})).rejects.toThrow(/idle: start\(\) it/);
    await expect(
      database.db.transaction().execute((trx) => jobs.sendInTransaction(trx, 'sessions.purge-expired', {})),
    ).rejects.toThrow(/idle: start\(\) it/);
  });

  it("runs pg-boss's explicit transactions so that a failure leaves the session usable", async () => {
    const adapter = createPgBossAdapter(database, () => undefined);
    await expect(
      adapter.executeSql(`
        BEGIN;
        SET LOCAL lock_timeout = '30s';
        CREATE TABLE job_test_half_done (id int);
        SELECT 1/0;
        COMMIT;
      `),
    ).rejects.toThrow(/division by zero/);
    // Atomic: the first statement was rolled back; and the session is not left inside an aborted transaction.
    expect(await query(`select to_regclass('job_test_half_done') as name`)).toEqual([{ name: null }]);
    expect(await sql<{ one: number }>`select 1 as one`.execute(database.db)).toMatchObject({
      rows: [{ one: 1 }],
    });
    expect(await query(`show lock_timeout`)).toEqual([{ lock_timeout: '0' }]);
  });
});
