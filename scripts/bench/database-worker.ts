// Child process of bench-lookup: fills the registry with the synthetic rows (scripts/bench/dataset.ts)
// through the server's own database layer, then times the SQL path: the lookup the public check would
// make without the in-memory index, as a Kysely query on that layer, with the same concurrency as the
// HTTP load. With PGlite it holds the data folder's lock, so the server cannot run at the same time.
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../apps/server/src/db/database.js';
import { lockDataDirectory } from '../../apps/server/src/db/data-lock.js';
import { INSERT_SQL, keyOf, probes } from './dataset.js';
import { machineCpuSeconds, Samples, summarise, type LatencySummary } from './stats.js';

export interface DatabaseWorkerInput {
  target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  count: number;
  batch: number;
  /** Timed part of the SQL run, after `warmupSeconds`; 0 skips the SQL run. */
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  probeCount: number;
  presentShare: number;
  seed: number;
}

export interface SqlRun {
  /** Completed lookups per second over the timed part. */
  perSecond: number;
  completed: number;
  found: number;
  errors: number;
  seconds: number;
  latencyMs: LatencySummary;
  /** Share of the machine's CPU that was busy (all processes), and this process's CPU in core-%. */
  machineBusyPct: number | null;
  workerCpuPct: number;
}

export type DatabaseWorkerMessage =
  | { type: 'progress'; text: string }
  | { type: 'seeded'; rows: number; inserted: number; ms: number }
  | { type: 'sql'; run: SqlRun }
  | { type: 'error'; message: string };

const send = (message: DatabaseWorkerMessage) =>
  new Promise<void>((resolve) =>
    process.send ? process.send(message, undefined, {}, () => resolve()) : resolve(),
  );

async function seed(database: Database, input: DatabaseWorkerInput) {
  const started = performance.now();
  const existing = await sql<{ n: number }>`select count(*)::int as n from indicators`.execute(database.db);
  const have = existing.rows[0]?.n ?? 0;
  if (have === input.count) return { rows: have, inserted: 0, ms: 0 };
  if (have !== 0)
    throw new Error(
      `the registry already holds ${have} indicators, not 0 or ${input.count}: use a fresh one`,
    );
  let lastReport = 0;
  for (let from = 1; from <= input.count; from += input.batch) {
    const to = Math.min(input.count, from + input.batch - 1);
    await database.executeSql(INSERT_SQL, [from, to]);
    if (performance.now() - lastReport > 5000 || to === input.count) {
      lastReport = performance.now();
      void send({
        type: 'progress',
        text: `inserted ${to.toLocaleString('en-US')} / ${input.count.toLocaleString('en-US')} indicators (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      });
    }
  }
  await database.executeSql('analyze indicators');
  return { rows: input.count, inserted: input.count, ms: Math.round(performance.now() - started) };
}

async function sqlRun(database: Database, input: DatabaseWorkerInput): Promise<SqlRun> {
  const keys = probes(input.count, input.probeCount, input.presentShare, input.seed).map((p) => keyOf(p.i));
  const db = database.db;
  const lookup = (key: string) =>
    db
      .selectFrom('indicators')
      .select(['status', 'sharing', 'confidence', 'report_count', 'scam_methods', 'last_seen_at'])
      .where('key', '=', key)
      .executeTakeFirst();

  const samples = new Samples();
  let next = 0;
  let completed = 0;
  let found = 0;
  let errors = 0;
  const startedAt = performance.now();
  const measureFrom = startedAt + input.warmupSeconds * 1000;
  const measureTo = measureFrom + input.seconds * 1000;
  let cpuAtStart = process.cpuUsage();
  let machineAtStart = machineCpuSeconds();
  let measuring = false;

  async function client() {
    // Bounded by time, and by count as a backstop (no lookup answers in under 100 ns).
    for (let n = 0; n < 1e8; n++) {
      const now = performance.now();
      if (now >= measureTo) return;
      if (!measuring && now >= measureFrom) {
        measuring = true;
        cpuAtStart = process.cpuUsage();
        machineAtStart = machineCpuSeconds();
      }
      const key = keys[next++ % keys.length]!;
      const t0 = performance.now();
      try {
        const row = await lookup(key);
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= measureTo) {
          completed++;
          if (row) found++;
          samples.push(t1 - t0);
        }
      } catch {
        errors++;
        if (errors > 1000) throw new Error('more than 1000 SQL errors');
      }
    }
  }
  await Promise.all(Array.from({ length: input.concurrency }, client));
  const cpu = process.cpuUsage(cpuAtStart);
  const machineAtEnd = machineCpuSeconds();
  const machineBusyPct =
    machineAtStart && machineAtEnd
      ? (100 * (machineAtEnd.busy - machineAtStart.busy)) / (machineAtEnd.total - machineAtStart.total)
      : null;
  return {
    perSecond: completed / input.seconds,
    completed,
    found,
    errors,
    seconds: input.seconds,
    latencyMs: summarise(samples.view()),
    machineBusyPct,
    workerCpuPct: (100 * (cpu.user + cpu.system)) / 1e6 / input.seconds,
  };
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as DatabaseWorkerInput;
  let unlock: (() => void) | null = null;
  let database: Database;
  if (input.target.kind === 'pglite') {
    unlock = lockDataDirectory(input.target.dataDir);
    database = await openDatabase({ kind: 'pglite', dataDir: input.target.dataDir });
  } else {
    database = await openDatabase({ kind: 'postgres', url: input.target.url });
  }
  try {
    const seeded = await seed(database, input);
    await send({ type: 'seeded', ...seeded });
    if (input.seconds > 0) await send({ type: 'sql', run: await sqlRun(database, input) });
  } finally {
    await database.close();
    unlock?.();
  }
}

// The parent owns this process: if it goes away, stop.
process.on('disconnect', () => process.exit(1));
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exit(1);
  },
);
