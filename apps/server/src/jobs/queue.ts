import { JobPayloads, type JobName, type JobPayload } from '@khien/contracts';
import type { Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { createPgBossAdapter, firstLine, transactionDb, type PgBossAdapter } from './pglite-adapter.js';

/** pg-boss's tables live in their own schema, created and migrated by pg-boss at start. */
export const JOB_SCHEMA = 'pgboss';

export const JOB_NAMES = Object.keys(JobPayloads) as JobName[];

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a handler learns about the job besides its payload. */
export interface JobContext<N extends JobName = JobName> {
  id: string;
  name: N;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: JobContext<N>) => Promise<void>;
export type JobHandlers = Partial<{ [N in JobName]: JobHandler<N> }>;

/**
 * A cron schedule (5 fields, or 6 with seconds; minute resolution in practice). pg-boss keeps one schedule
 * per job name. The payload defaults to `{}` and is validated at start; the time zone defaults to UTC.
 */
export type JobSchedule = {
  [N in JobName]: { name: N; cron: string; payload?: JobPayload<N>; timezone?: string };
}[JobName];

/**
 * pg-boss 10 queue policies. `singletonKey` only deduplicates on a queue whose policy is not `standard`:
 * `short` keeps at most one waiting job per key, `singleton` at most one active job per key, `stately` one
 * waiting and one active per key. Jobs sent without a key share the empty key under those policies.
 */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface RetryPolicy {
  /** Attempts after the first one. */
  limit: number;
  delaySeconds: number;
  /** Exponential backoff with jitter from delaySeconds (pg-boss's formula). */
  backoff: boolean;
}

export interface JobQueueOptions {
  database: Database;
  logger: JobLogger;
  handlers: JobHandlers;
  /**
   * The schedules of the deployment. At start, schedules of job names missing from the list are removed.
   * Leave undefined to keep the stored schedules as they are (a process that only sends jobs).
   */
  schedules?: JobSchedule[];
  /** How often each worker looks for jobs. At least 0.5; default 2. */
  pollingIntervalSeconds?: number;
  /** How often the scheduler checks the cron schedules, 1 to 45; default 30. */
  schedulerIntervalSeconds?: number;
  /** Applied to every queue at start; default 3 retries, 30 s apart with backoff. */
  retry?: Partial<RetryPolicy>;
  policies?: Partial<Record<JobName, QueuePolicy>>;
  /** How long stop() waits for running handlers; default 10. */
  stopTimeoutSeconds?: number;
}

export interface SendOptions {
  startAfterSeconds?: number;
  singletonKey?: string;
}

export interface JobQueue {
  /** Installs or migrates pg-boss's schema, creates a queue per job name, registers schedules, starts workers. */
  start(): Promise<void>;
  /** Stops polling, waits for running handlers (up to the stop timeout), then lets the database close. */
  stop(): Promise<void>;
  /** Enqueues a job now. Resolves to its id, or null when a queue policy deduplicated it. */
  send<N extends JobName>(name: N, payload: JobPayload<N>, options?: SendOptions): Promise<string | null>;
  /** Enqueues a job inside the caller's transaction: the job exists if and only if the transaction commits. */
  sendInTransaction<N extends JobName>(
    trx: Transaction<DB>,
    name: N,
    payload: JobPayload<N>,
    options?: SendOptions,
  ): Promise<string | null>;
  isRunning(): boolean;
}

/** A payload that does not match its job's schema in packages/contracts. */
export class JobPayloadError extends Error {
  constructor(
    readonly jobName: JobName,
    readonly issues: string[],
  ) {
    super(`Invalid payload for job ${jobName}: ${issues.join('; ')}`);
    this.name = 'JobPayloadError';
  }
}

const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true };
// A single process on PGlite shares one session with the HTTP API: pg-boss's own housekeeping (expiring
// jobs stuck in `active`, archiving, deleting) runs every 5 minutes instead of 2, and its state monitoring
// (a count over all jobs) is left off.
const MAINTENANCE_INTERVAL_SECONDS = 300;
const CLOCK_CHECK_INTERVAL_SECONDS = 600;

type State = 'idle' | 'starting' | 'running' | 'stopping';

interface Running {
  boss: PgBoss;
  adapter: PgBossAdapter;
  workerIds: Map<JobName, string>;
}

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { database, logger, handlers } = options;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const schedulerIntervalSeconds = options.schedulerIntervalSeconds ?? 30;
  const stopTimeoutMs = (options.stopTimeoutSeconds ?? 10) * 1000;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  checkOptions({ pollingIntervalSeconds, schedulerIntervalSeconds, stopTimeoutMs, retry });
  for (const name of Object.keys(handlers)) {
    if (!Object.hasOwn(JobPayloads, name))
      throw new Error(`A handler is given for ${name}, which is not a job in contracts`);
  }

  let state: State = 'idle';
  let running: Running | null = null;
  let starting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;
  let activeHandlers = 0;

  async function runJob<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    job: PgBoss.Job<unknown>,
    adapter: PgBossAdapter,
  ) {
    activeHandlers += 1;
    const started = Date.now();
    try {
      const parsed = schemaOf(name).safeParse(job.data);
      if (!parsed.success) {
        const error = new JobPayloadError(name, describeIssues(parsed.error));
        // Retrying cannot repair a payload: the job fails now instead of after every retry.
        await adapter.executeSql(
          `update ${JOB_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`,
          [name, job.id],
        );
        throw error;
      }
      await handler(parsed.data, { id: job.id, name });
      logger.info({ job: name, jobId: job.id, durationMs: Date.now() - started }, 'Job completed');
    } catch (error) {
      logger.warn({ job: name, jobId: job.id, durationMs: Date.now() - started, err: error }, 'Job failed');
      throw error;
    } finally {
      activeHandlers -= 1;
    }
  }

  async function startWorkers(boss: PgBoss, adapter: PgBossAdapter): Promise<Map<JobName, string>> {
    const workerIds = new Map<JobName, string>();
    for (const name of JOB_NAMES) {
      const handler = handlers[name] as JobHandler<typeof name> | undefined;
      if (!handler) continue;
      const id = await boss.work<unknown>(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await runJob(name, handler, job, adapter);
      });
      workerIds.set(name, id);
    }
    return workerIds;
  }

  async function createQueues(boss: PgBoss) {
    for (const name of JOB_NAMES) {
      const queue: PgBoss.Queue = {
        name,
        policy: options.policies?.[name] ?? 'standard',
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: retry.backoff,
      };
      // createQueue leaves an existing queue as it was; updateQueue applies this start's settings.
      await boss.createQueue(name, queue);
      await boss.updateQueue(name, queue);
    }
  }

  async function registerSchedules(boss: PgBoss, schedules: JobSchedule[]) {
    const wanted = new Map<JobName, JobSchedule>();
    for (const schedule of schedules) {
      if (wanted.has(schedule.name)) {
        throw new Error(`Job ${schedule.name} is scheduled twice; pg-boss keeps one schedule per job name`);
      }
      wanted.set(schedule.name, schedule);
    }
    for (const stored of await boss.getSchedules()) {
      if (!wanted.has(stored.name as JobName)) {
        await boss.unschedule(stored.name);
        logger.info({ job: stored.name, cron: stored.cron }, 'Job schedule removed');
      }
    }
    for (const schedule of wanted.values()) {
      const payload = parsePayload(schedule.name, schedule.payload ?? {});
      try {
        await boss.schedule(schedule.name, schedule.cron, payload, { tz: schedule.timezone ?? 'UTC' });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Cannot schedule job ${schedule.name} with cron "${schedule.cron}": ${reason}`, {
          cause: error,
        });
      }
      if (!handlers[schedule.name]) {
        logger.warn({ job: schedule.name }, 'Job is scheduled but this process has no handler for it');
      }
    }
  }

  async function doStart() {
    const adapter = createPgBossAdapter(database, (text) =>
      logger.warn({ sql: firstLine(text) }, 'Job queue SQL after stop was not run'),
    );
    const boss = new PgBoss({
      db: adapter,
      schema: JOB_SCHEMA,
      migrate: true,
      supervise: true,
      schedule: true,
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
      clockMonitorIntervalSeconds: CLOCK_CHECK_INTERVAL_SECONDS,
      cronMonitorIntervalSeconds: schedulerIntervalSeconds,
      // Scheduled jobs go through pg-boss's internal queue first; it is polled as often as the others.
      cronWorkerIntervalSeconds: Math.min(45, Math.max(1, Math.ceil(pollingIntervalSeconds))),
      pollingIntervalSeconds,
    });
    // pg-boss reports background failures (polling, maintenance, cron) as 'error' events; an EventEmitter
    // without a listener would throw them and end the process.
    boss.on('error', (error) => logger.error({ err: error }, 'Job queue error'));

    await boss.start();
    try {
      await createQueues(boss);
      if (options.schedules) await registerSchedules(boss, options.schedules);
      const workerIds = await startWorkers(boss, adapter);
      running = { boss, adapter, workerIds };
      logger.info(
        {
          queues: JOB_NAMES.length,
          handlers: [...workerIds.keys()],
          schedules: options.schedules?.map((s) => `${s.name} ${s.cron}`),
          pollingIntervalSeconds,
        },
        'Job queue started',
      );
    } catch (error) {
      try {
        await boss.stop({ graceful: false, wait: true });
      } finally {
        adapter.close();
      }
      throw error;
    }
  }

  async function doStop(current: Running) {
    const { boss, adapter } = current;
    const deadline = Date.now() + stopTimeoutMs;
    try {
      await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs });
      // pg-boss's stop() can resolve while a worker is still finishing a fetch that began before it, whose
      // job then runs, and it completes or fails jobs without awaiting the call: wait until nothing of the
      // queue is left in flight, so the database can close under no one.
      let idleChecks = 0;
      while (idleChecks < 2 && Date.now() < deadline) {
        idleChecks = adapter.pending === 0 && activeHandlers === 0 ? idleChecks + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (idleChecks < 2) {
        logger.warn(
          { activeHandlers, pendingSql: adapter.pending, stopTimeoutMs },
          'Job queue stopped before its handlers finished; their jobs are retried after they expire',
        );
      }
    } finally {
      adapter.close();
      running = null;
      logger.info({}, 'Job queue stopped');
    }
  }

  // Sending needs the queues start() creates. It stays possible while stopping, so that requests still
  // being answered during a shutdown can enqueue: their jobs wait in the database for the next start.
  function requireStarted(): Running {
    if ((state !== 'running' && state !== 'stopping') || !running) {
      throw new Error(`The job queue is ${state}: start() it before sending jobs`);
    }
    return running;
  }

  function toSendOptions(sendOptions: SendOptions | undefined): PgBoss.SendOptions {
    const result: PgBoss.SendOptions = {};
    const after = sendOptions?.startAfterSeconds;
    if (after !== undefined) {
      if (!Number.isInteger(after) || after < 0)
        throw new Error('startAfterSeconds must be a whole number >= 0');
      if (after > 0) result.startAfter = after;
    }
    if (sendOptions?.singletonKey !== undefined) result.singletonKey = sendOptions.singletonKey;
    return result;
  }

  return {
    async start() {
      if (state === 'running') return;
      if (state === 'starting' && starting) return starting;
      if (state === 'stopping') throw new Error('The job queue is stopping');
      state = 'starting';
      starting = doStart().then(
        () => {
          state = 'running';
        },
        (error: unknown) => {
          state = 'idle';
          throw error;
        },
      );
      try {
        await starting;
      } finally {
        starting = null;
      }
    },

    async stop() {
      if (state === 'starting' && starting) await starting.catch(() => undefined);
      if (state === 'stopping' && stopping) return stopping;
      if (state !== 'running' || !running) return;
      state = 'stopping';
      stopping = doStop(running).finally(() => {
        state = 'idle';
        stopping = null;
      });
      return stopping;
    },

    async send(name, payload, sendOptions) {
      const { boss, workerIds } = requireStarted();
      const data = parsePayload(name, payload);
      const id = await boss.send(name, data, toSendOptions(sendOptions));
      // A worker of this process can take the job now instead of at its next poll.
      const workerId = workerIds.get(name);
      if (id && workerId && !sendOptions?.startAfterSeconds) boss.notifyWorker(workerId);
      return id;
    },

    async sendInTransaction(trx, name, payload, sendOptions) {
      const { boss } = requireStarted();
      const data = parsePayload(name, payload);
      return boss.send(name, data, { ...toSendOptions(sendOptions), db: transactionDb(trx) });
    },

    isRunning() {
      return state === 'running';
    },
  };
}

function schemaOf<N extends JobName>(name: N): z.ZodType<JobPayload<N>> {
  return JobPayloads[name] as unknown as z.ZodType<JobPayload<N>>;
}

function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  if (!Object.hasOwn(JobPayloads, name)) throw new Error(`Unknown job ${String(name)}`);
  const parsed = schemaOf(name).safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(name, describeIssues(parsed.error));
  return parsed.data;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`,
  );
}

function checkOptions(values: {
  pollingIntervalSeconds: number;
  schedulerIntervalSeconds: number;
  stopTimeoutMs: number;
  retry: RetryPolicy;
}) {
  const { pollingIntervalSeconds, schedulerIntervalSeconds, stopTimeoutMs, retry } = values;
  if (!(pollingIntervalSeconds >= 0.5)) throw new Error('pollingIntervalSeconds must be at least 0.5');
  if (
    !Number.isInteger(schedulerIntervalSeconds) ||
    schedulerIntervalSeconds < 1 ||
    schedulerIntervalSeconds > 45
  ) {
    throw new Error('schedulerIntervalSeconds must be a whole number from 1 to 45');
  }
  if (!(stopTimeoutMs >= 1000)) throw new Error('stopTimeoutSeconds must be at least 1');
  if (!Number.isInteger(retry.limit) || retry.limit < 0)
    throw new Error('retry.limit must be a whole number >= 0');
  if (!Number.isInteger(retry.delaySeconds) || retry.delaySeconds < 0) {
    throw new Error('retry.delaySeconds must be a whole number >= 0');
  }
}
