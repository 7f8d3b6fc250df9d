// The public check's benchmark (npm run bench:lookup): a registry of 1,000,000 synthetic indicators
// (scripts/bench/dataset.ts), and in one run
//   - the public check over HTTP (GET /api/public/check?q=…, half listed identifiers, half not) and a
//     hello-world route of the same server (GET /healthz): requests/s and latency percentiles with 50
//     keep-alive connections, from a load generator in its own process (scripts/bench/load-worker.ts);
//   - the SQL path, twice: the same check answered from SQL over the same HTTP stack, by a bench-only
//     route (scripts/bench/sql-route-server.ts), and the bare query by key in-process, without HTTP;
//   - their ratios, the index build time the server logs at start, and the memory per indicator;
// against the targets of docs/architecture.md "Performance principles" (check ≥ 80 % of hello-world and
// ≥ 3× the SQL path, p99 ≤ 5 ms at 50 clients, ≤ 150 bytes per indicator). It informs: it exits 0 when
// a target is missed, and 1 only when something failed.
//
//   npm run build && npm run bench:lookup [-- options]
//     --count N           indicators (default 1000000)
//     --seconds S         timed seconds per HTTP scenario and for the SQL run (default 10)
//     --warmup S          untimed seconds before each (default 2)
//     --connections C     concurrent clients (default 50)
//     --rounds R          alternate hello-world and check R times, report the medians (default 3)
//     --client raw|http   load generator: raw sockets (default, cheapest) or node:http with an agent
//     --present SHARE     share of checked identifiers that are listed (default 0.5)
//     --postgres URL      a PostgreSQL server (postgres://…): a fresh database is created and dropped
//     --data DIR          PGlite data folder to fill once and keep (default: a temporary one, removed)
//     --pin               server on CPU 0, load generator on CPU 1 (taskset)
//     --cpu-prof DIR      write a V8 CPU profile of the server during the HTTP load into DIR
//                         (summarise it with scripts/bench/profile-summary.ts)
//     --source            run the server from apps/server/src with tsx instead of apps/server/dist
//     --json              print the summary as JSON on stdout (the table goes to stderr)
//
// The server is the build in apps/server/dist, started as its own process on 127.0.0.1 with the public
// check's rate limit off and jobs off, four times: on the empty registry (which applies the migrations),
// again on it (the memory baseline), on the filled registry at LOG_LEVEL=info (for its "lookup index
// built" line; the request log is at info too), and at LOG_LEVEL=warn for the load. The registry is
// filled and the in-process SQL run made by scripts/bench/database-worker.ts, and the memory per
// indicator measured by scripts/bench/memory-worker.ts, each in its own process; with PGlite only one
// process at a time opens the data folder. Everything listens on and connects to 127.0.0.1 only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkBuild,
  freshPostgresDatabase,
  log,
  numberOption,
  onCleanUp,
  postgresOption,
  runMain,
  usageOf,
} from './bench/cli.js';
import { expectedVerdict, keyOf, kindOf, MAX_COUNT, probes, queryOf } from './bench/dataset.js';
import type { DatabaseWorkerInput, DatabaseWorkerMessage, SqlRun } from './bench/database-worker.js';
import type { LoadWorkerInput, Scenario, ScenarioResult } from './bench/load-worker.js';
import type { MemoryResult, MemoryWorkerInput } from './bench/memory-worker.js';
import { freePort, hasTaskset, startServer, type DatabaseTarget } from './bench/server-process.js';
import type { SqlRouteInput } from './bench/sql-route-server.js';
import { fmt, table } from './bench/stats.js';
import { runWorker, startWorker } from './bench/workers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(repoRoot, 'scripts', 'bench');

const TARGETS = {
  checkOverHello: 0.8,
  checkOverSql: 3,
  p99Ms: 5,
  bytesPerIndicator: 150,
};

interface Options {
  count: number;
  seconds: number;
  warmup: number;
  connections: number;
  rounds: number;
  client: 'raw' | 'http';
  present: number;
  postgres: string | null;
  data: string | null;
  pin: boolean;
  cpuProf: string | null;
  source: boolean;
  json: boolean;
}

const usage: (message?: string) => never = usageOf('bench-lookup', import.meta.url);

function parseOptions(argv: string[]): Options {
  const options: Options = {
    count: 1_000_000,
    seconds: 10,
    warmup: 2,
    connections: 50,
    rounds: 3,
    client: 'raw',
    present: 0.5,
    postgres: null,
    data: null,
    pin: false,
    cpuProf: null,
    source: false,
    json: false,
  };
  const number = numberOption(usage);
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = () => argv[++k];
    switch (arg) {
      case '--count':
        options.count = Math.round(number(arg, value(), 1000, MAX_COUNT / 2));
        break;
      case '--seconds':
        options.seconds = number(arg, value(), 1, 600);
        break;
      case '--warmup':
        options.warmup = number(arg, value(), 0, 60);
        break;
      case '--connections':
        options.connections = Math.round(number(arg, value(), 1, 1000));
        break;
      case '--rounds':
        options.rounds = Math.round(number(arg, value(), 1, 10));
        break;
      case '--present':
        options.present = number(arg, value(), 0, 1);
        break;
      case '--client': {
        const client = value();
        if (client !== 'raw' && client !== 'http') usage('--client is raw or http');
        options.client = client;
        break;
      }
      case '--postgres': {
        options.postgres = postgresOption(usage, value());
        break;
      }
      case '--data':
        options.data = path.resolve(value() ?? usage('--data needs a folder'));
        break;
      case '--cpu-prof':
        options.cpuProf = path.resolve(value() ?? usage('--cpu-prof needs a folder'));
        break;
      case '--pin':
        options.pin = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--source':
        options.source = true;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  if (options.postgres && options.data)
    usage('--data is for PGlite; with --postgres a fresh database is used');
  return options;
}

const options = parseOptions(process.argv.slice(2));
// ── Steps ───────────────────────────────────────────────────────────────────────────────────────────
function checkBuildUnlessSource() {
  if (options.source) return;
  checkBuild(repoRoot);
}
async function prepareDatabase(): Promise<{ target: DatabaseTarget; label: string }> {
  if (options.postgres) {
    const { name, url } = await freshPostgresDatabase(options.postgres, 'khien_bench_');
    return { target: { kind: 'postgres', url }, label: `PostgreSQL (database ${name})` };
  }
  if (options.data) {
    fs.mkdirSync(options.data, { recursive: true });
    return { target: { kind: 'pglite', dataDir: options.data }, label: `PGlite (${options.data}, kept)` };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-bench-'));
  onCleanUp(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { target: { kind: 'pglite', dataDir: dir }, label: 'PGlite (temporary folder)' };
}

interface StartFigures {
  indicators: number | null;
  official: number | null;
  indexBuildMs: number | null;
  serverStartupMs: number | null;
  readyAfterMs: number;
  rssBytes: number | null;
  peakRssBytes: number | null;
}

/** Starts the server at LOG_LEVEL=info, reads its start-up figures, and stops it. */
async function measuredStart(target: DatabaseTarget): Promise<StartFigures> {
  const server = await startServer({
    repoRoot,
    database: target,
    logLevel: 'info',
    readyTimeoutMs: 600_000,
    fromSource: options.source,
  });
  try {
    // Let start-up garbage settle before reading the resident memory.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const index = server.logged('lookup index built');
    const ready = server.logged('Khiên is ready');
    const memory = server.memory();
    return {
      indicators: typeof index?.indicators === 'number' ? index.indicators : null,
      official: typeof index?.official === 'number' ? index.official : null,
      indexBuildMs: typeof index?.ms === 'number' ? index.ms : null,
      serverStartupMs: typeof ready?.startupMs === 'number' ? ready.startupMs : null,
      readyAfterMs: server.readyAfterMs,
      rssBytes: memory?.rss ?? null,
      peakRssBytes: memory?.peakRss ?? null,
    };
  } finally {
    await server.stop();
  }
}

async function fillAndQuery(target: DatabaseTarget) {
  const input: DatabaseWorkerInput = {
    target,
    count: options.count,
    batch: 50_000,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
    concurrency: options.connections,
    probeCount: 100_000,
    presentShare: options.present,
    seed: 7,
  };
  let seeded: { rows: number; inserted: number; ms: number } | null = null;
  let sqlRun: SqlRun | null = null;
  let failure: string | null = null;
  const { code } = await runWorker<DatabaseWorkerMessage>(path.join(benchDir, 'database-worker.ts'), input, {
    onMessage(message) {
      if (message.type === 'progress') log(message.text);
      if (message.type === 'seeded') {
        seeded = message;
        log(
          message.inserted > 0
            ? `registry filled: ${fmt.int(message.rows)} indicators in ${(message.ms / 1000).toFixed(1)} s`
            : `registry already holds ${fmt.int(message.rows)} indicators`,
        );
        log(
          `SQL path: ${options.connections} concurrent lookups for ${options.warmup} + ${options.seconds} s`,
        );
      }
      if (message.type === 'sql') sqlRun = message.run;
      if (message.type === 'error') failure = message.message;
    },
  });
  if (failure || code !== 0 || !seeded || !sqlRun)
    throw new Error(`the database worker failed (exit ${code}): ${failure ?? 'no result'}`);
  return { seeded: seeded as { rows: number; inserted: number; ms: number }, sql: sqlRun as SqlRun };
}

async function measureMemory(): Promise<MemoryResult> {
  const input: MemoryWorkerInput = {
    count: options.count,
    probeCount: 100_000,
    presentShare: options.present,
    seed: 7,
  };
  let result: MemoryResult | null = null;
  let failure: string | null = null;
  const { code } = await runWorker<MemoryResult | { error: string }>(
    path.join(benchDir, 'memory-worker.ts'),
    input,
    {
      nodeArgs: ['--expose-gc'],
      onMessage: (message) => ('error' in message ? (failure = message.error) : (result = message)),
    },
  );
  if (failure || code !== 0 || !result)
    throw new Error(`the memory worker failed (exit ${code}): ${failure}`);
  return result;
}

/** Asks the running server about a sample of identifiers and compares the verdicts with the data's. */
async function validate(port: number) {
  const sample = probes(options.count, 300, 0.5, 11);
  const mismatches: string[] = [];
  for (const probe of sample) {
    const q = queryOf(probe.i);
    const response = await fetch(`http://127.0.0.1:${port}/api/public/check?q=${encodeURIComponent(q)}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { verdict?: string; items?: Array<{ key: string }> };
    const expected = expectedVerdict(probe.i, probe.exists);
    const keyOk = kindOf(probe.i) === 'domain' || body.items?.[0]?.key === keyOf(probe.i);
    if (response.status !== 200 || body.verdict !== expected || !keyOk)
      mismatches.push(
        `${q}: ${response.status} ${body.verdict} (expected ${expected}), key ${body.items?.[0]?.key}`,
      );
  }
  return { checked: sample.length, mismatches: mismatches.length, examples: mismatches.slice(0, 5) };
}

const helloScenario = (name: string, seconds: number, warmupSeconds = 0): Scenario => ({
  name,
  target: { path: '/healthz' },
  seconds,
  warmupSeconds,
});
const checkScenario = (name: string, seconds: number, warmupSeconds = 0): Scenario => ({
  name,
  target: { check: { count: options.count, probeCount: 100_000, presentShare: options.present, seed: 7 } },
  seconds,
  warmupSeconds,
});

/** Runs the load generator against a server; returns the timed scenarios (not the warm-ups). */
async function runLoad(port: number, serverPid: number, scenarios: Scenario[], pin: boolean) {
  const input: LoadWorkerInput = {
    port,
    connections: options.connections,
    client: options.client,
    serverPid,
    timeoutMs: 10_000,
    scenarios,
  };
  const results: ScenarioResult[] = [];
  let failure: string | null = null;
  const { code } = await runWorker<{ result: ScenarioResult } | { error: string }>(
    path.join(benchDir, 'load-worker.ts'),
    input,
    {
      ...(pin ? { cpus: '1' } : {}),
      onMessage(message) {
        if ('error' in message) {
          failure = message.error;
          return;
        }
        const r = message.result;
        if (!r.name.startsWith('warm-up')) results.push(r);
        log(
          `  ${r.name}: ${fmt.int(r.perSecond)} req/s, p50 ${fmt.ms(r.latencyMs.p50)} ms, ` +
            `p99 ${fmt.ms(r.latencyMs.p99)} ms, server CPU ${r.serverCpuPct === null ? '–' : fmt.pct(r.serverCpuPct)}, ` +
            `machine busy ${r.machineBusyPct === null ? '–' : fmt.pct(r.machineBusyPct)}`,
        );
      },
    },
  );
  if (failure || code !== 0) throw new Error(`the load worker failed (exit ${code}): ${failure}`);
  return results;
}

/** The server's V8 heap from its /metrics (prom-client's default metrics), to tell live data from slack. */
async function heapOf(port: number): Promise<{ usedBytes: number; totalBytes: number } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await response.text();
    const metric = (name: string) => Number(new RegExp(`^khien_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    const usedBytes = metric('nodejs_heap_size_used_bytes');
    const totalBytes = metric('nodejs_heap_size_total_bytes');
    return Number.isFinite(usedBytes) && Number.isFinite(totalBytes) ? { usedBytes, totalBytes } : null;
  } catch {
    return null;
  }
}

/** Hello-world and the check on the real server, alternating, after an untimed warm-up of both. */
async function httpLoad(target: DatabaseTarget, pin: boolean) {
  if (options.cpuProf) fs.mkdirSync(options.cpuProf, { recursive: true });
  const server = await startServer({
    repoRoot,
    database: target,
    logLevel: 'warn',
    readyTimeoutMs: 600_000,
    fromSource: options.source,
    ...(pin ? { cpus: '0' } : {}),
    ...(options.cpuProf ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] } : {}),
  });
  try {
    log(`server ready on 127.0.0.1:${server.port} after ${(server.readyAfterMs / 1000).toFixed(1)} s`);
    const validation = await validate(server.port);
    log(
      `validation: ${validation.checked - validation.mismatches}/${validation.checked} answers as expected`,
    );
    // Neither route pays alone for the JIT or for collecting the start-up garbage (the index build
    // leaves hundreds of MB of it).
    const scenarios = [
      helloScenario('warm-up hello', options.warmup + 1),
      checkScenario('warm-up check', options.warmup + 1),
    ];
    for (let r = 0; r < options.rounds; r++)
      scenarios.push(
        helloScenario('hello', options.seconds, options.warmup),
        checkScenario('check', options.seconds, options.warmup),
      );
    log(
      `HTTP load on the server: ${scenarios.length} scenarios, ${options.connections} connections, ` +
        `${options.client} client${pin ? ', server on CPU 0 and load on CPU 1' : ''}`,
    );
    let results: ScenarioResult[];
    try {
      results = await runLoad(server.port, server.pid, scenarios, pin);
    } catch (error) {
      const state = server.exitState();
      throw state ? new Error(`${(error as Error).message}\nthe server had stopped: ${state}`) : error;
    }
    const memory = server.memory();
    return { results, validation, rssAfterLoadBytes: memory?.rss ?? null, heap: await heapOf(server.port) };
  } finally {
    await server.stop();
    if (options.cpuProf) log(`CPU profile written into ${options.cpuProf}`);
  }
}

/** The check answered from SQL over the same HTTP stack (scripts/bench/sql-route-server.ts). */
async function sqlRouteLoad(target: DatabaseTarget, pin: boolean) {
  const port = await freePort();
  const input: SqlRouteInput = { database: target, port };
  const worker = startWorker<{ ready: true } | { error: string }>(
    path.join(benchDir, 'sql-route-server.ts'),
    input,
    {
      ...(pin ? { cpus: '0' } : {}),
    },
  );
  try {
    const first = await worker.waitFor(() => true, 120_000);
    if ('error' in first) throw new Error(`the SQL route server failed: ${first.error}`);
    const validation = await validate(port);
    log(
      `SQL route: validation ${validation.checked - validation.mismatches}/${validation.checked} answers as expected`,
    );
    const scenarios = [checkScenario('warm-up SQL check', options.warmup + 1)];
    for (let r = 0; r < options.rounds; r++)
      scenarios.push(checkScenario('sql-check', options.seconds, options.warmup));
    log(`HTTP load on the SQL route: ${scenarios.length} scenarios`);
    const results = await runLoad(port, worker.child.pid!, scenarios, pin);
    return { results, validation };
  } finally {
    worker.child.kill('SIGTERM');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
    await worker.exited;
    clearTimeout(timer);
  }
}

/** The round with the median throughput of a scenario. */
function median(results: ScenarioResult[], name: string): ScenarioResult {
  const runs = results.filter((r) => r.name === name).sort((a, b) => a.perSecond - b.perSecond);
  if (runs.length === 0) throw new Error(`no ${name} result`);
  return runs[Math.floor((runs.length - 1) / 2)]!;
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  checkBuildUnlessSource();
  const startedAt = performance.now();
  const taskset = hasTaskset();
  if (options.pin && !taskset) log('warning: --pin needs taskset (util-linux); running unpinned');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageAtStart: os.loadavg()[0]!,
  };
  log(
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverageAtStart.toFixed(2)}`,
  );

  const { target, label } = await prepareDatabase();
  log(`database: ${label}; first start (applies the migrations, creates the administrator)`);
  let empty = await measuredStart(target);
  if ((empty.indicators ?? 0) > 0) log(`the registry already holds ${fmt.int(empty.indicators!)} indicators`);
  else {
    // The first start also ran initdb (PGlite), the migrations and the password hashing: start again for
    // a baseline that is an ordinary start on an empty registry.
    log('second start on the empty registry (memory baseline)');
    empty = await measuredStart(target);
  }

  const { seeded, sql } = await fillAndQuery(target);
  log(`SQL path: ${fmt.int(sql.perSecond)} lookups/s, p99 ${fmt.ms(sql.latencyMs.p99)} ms`);

  log(
    `memory per indicator: building the lookup state for ${fmt.int(options.count)} indicators in a child process`,
  );
  const memory = await measureMemory();

  log('start on the filled registry (LOG_LEVEL=info, for the index build time)');
  const full = await measuredStart(target);
  log(
    `lookup index built: ${fmt.int(full.indicators ?? NaN)} indicators in ${fmt.int(full.indexBuildMs ?? NaN)} ms`,
  );

  const pin = options.pin && taskset;
  const load = await httpLoad(target, pin);
  log('the same check answered from SQL, over the same HTTP stack');
  const sqlRoute = await sqlRouteLoad(target, pin);
  const summary = buildSummary({
    target,
    machine,
    empty,
    full,
    seeded,
    sql,
    memory,
    load,
    sqlRoute,
    pin,
    startedAt,
  });
  const report = render(summary, label);
  if (options.json) {
    process.stderr.write(report + '\n');
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } else {
    process.stdout.write(report + '\n');
  }
}

function buildSummary(input: {
  target: DatabaseTarget;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number };
  empty: StartFigures;
  full: StartFigures;
  seeded: { rows: number; inserted: number; ms: number };
  sql: SqlRun;
  memory: MemoryResult;
  load: Awaited<ReturnType<typeof httpLoad>>;
  sqlRoute: Awaited<ReturnType<typeof sqlRouteLoad>>;
  pin: boolean;
  startedAt: number;
}) {
  const { target, machine, empty, full, seeded, sql, memory, load, sqlRoute, pin, startedAt } = input;
  const hello = median(load.results, 'hello');
  const check = median(load.results, 'check');
  const sqlCheck = median(sqlRoute.results, 'sql-check');
  const emptyBaseline = (empty.indicators ?? 0) === 0 && empty.rssBytes !== null && full.rssBytes !== null;
  return {
    setup: {
      indicators: options.count,
      database: target.kind,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      rounds: options.rounds,
      client: options.client,
      presentShare: options.present,
      pinned: pin,
      server: options.source ? 'apps/server/src/main.ts (tsx)' : 'apps/server/dist/main.js',
      machine,
    },
    http: {
      hello,
      check,
      sqlCheck,
      rounds: [...load.results, ...sqlRoute.results],
      validation: load.validation,
      sqlCheckValidation: sqlRoute.validation,
    },
    sql: {
      what: `Kysely select by key on the server's database layer (${target.kind}), in-process, ${options.connections} concurrent, no HTTP`,
      ...sql,
    },
    ratios: {
      checkOverHello: check.perSecond / hello.perSecond,
      /** Both over HTTP on the same stack: the index route against the same route reading SQL. */
      checkOverSqlCheck: check.perSecond / sqlCheck.perSecond,
      /** The HTTP route against bare in-process queries (no HTTP, no parsing on the SQL side). */
      checkOverSqlInProcess: check.perSecond / sql.perSecond,
    },
    index: {
      indicators: full.indicators,
      official: full.official,
      buildMs: full.indexBuildMs,
      indexBuildOnlyMs: memory.indexBuildMs,
      serverStartupMs: full.serverStartupMs,
      readyAfterMs: full.readyAfterMs,
      registryFillMs: seeded.ms,
    },
    memory: {
      bytesPerIndicator: memory.bytesPerIndicator,
      columnBytesPerIndicator: memory.columnBytes / options.count,
      peakRssGrowthDuringBuildBytes: memory.peakRssGrowthBytes,
      serverRssEmptyBytes: empty.rssBytes,
      serverRssFullBytes: full.rssBytes,
      serverPeakRssFullBytes: full.peakRssBytes,
      serverRssAfterLoadBytes: load.rssAfterLoadBytes,
      serverHeapAfterLoad: load.heap,
      serverRssBytesPerIndicator: emptyBaseline ? (full.rssBytes! - empty.rssBytes!) / options.count : null,
    },
    inProcess: {
      indexGetPerSecond: memory.indexGetPerSecond,
      checkPerSecond: memory.checkPerSecond,
      checkError: memory.checkError,
    },
    targets: {
      checkOverHello: {
        target: `>= ${TARGETS.checkOverHello}`,
        pass: check.perSecond / hello.perSecond >= TARGETS.checkOverHello,
      },
      checkOverSql: {
        target: `>= ${TARGETS.checkOverSql} (index route / SQL route, both over HTTP)`,
        pass: check.perSecond / sqlCheck.perSecond >= TARGETS.checkOverSql,
      },
      checkP99Ms: { target: `<= ${TARGETS.p99Ms}`, pass: check.latencyMs.p99 <= TARGETS.p99Ms },
      bytesPerIndicator: {
        target: `<= ${TARGETS.bytesPerIndicator}`,
        pass: memory.bytesPerIndicator <= TARGETS.bytesPerIndicator,
      },
    },
    totalSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
}

type Summary = ReturnType<typeof buildSummary>;

function render(s: Summary, label: string): string {
  const errors = (r: ScenarioResult) =>
    Object.values(r.errors.status).reduce((a, b) => a + b, 0) + r.errors.socket + r.errors.timeout;
  const cpu = (n: number | null) => (n === null ? '–' : fmt.pct(n));
  // What the rest of the machine used meanwhile (other processes; the database server's with PostgreSQL).
  const others = (machineBusyPct: number | null, ours: number) =>
    machineBusyPct === null ? null : Math.max(0, machineBusyPct * s.setup.machine.cpus - ours);
  const httpRow = (title: string, r: ScenarioResult) => [
    title,
    fmt.int(r.perSecond),
    fmt.ms(r.latencyMs.p50),
    fmt.ms(r.latencyMs.p90),
    fmt.ms(r.latencyMs.p99),
    fmt.ms(r.latencyMs.max),
    fmt.int(errors(r)),
    cpu(r.serverCpuPct),
    cpu(r.loadCpuPct),
    cpu(others(r.machineBusyPct, (r.serverCpuPct ?? NaN) + r.loadCpuPct)),
  ];
  const sqlRow = [
    `SQL lookup by key, in-process (${s.setup.database})`,
    fmt.int(s.sql.perSecond),
    fmt.ms(s.sql.latencyMs.p50),
    fmt.ms(s.sql.latencyMs.p90),
    fmt.ms(s.sql.latencyMs.p99),
    fmt.ms(s.sql.latencyMs.max),
    fmt.int(s.sql.errors),
    '–',
    cpu(s.sql.workerCpuPct),
    cpu(others(s.sql.machineBusyPct, s.sql.workerCpuPct)),
  ];
  const mark = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  const t = s.targets;
  const m = s.memory;
  const lines = [
    '',
    `Khiên lookup benchmark: ${fmt.int(s.setup.indicators)} indicators, ${label}, server ${s.setup.server}`,
    `${s.setup.connections} keep-alive connections, ${s.setup.warmupSeconds} s warm-up + ${s.setup.seconds} s timed per scenario` +
      `${s.setup.rounds > 1 ? `, median of ${s.setup.rounds} rounds` : ''}, ${s.setup.client} client` +
      `${s.setup.pinned ? ', server pinned to CPU 0 and load generator to CPU 1' : ''}; ` +
      `${s.setup.machine.cpus} CPUs shared by server, load generator and database, load average ${s.setup.machine.loadAverageAtStart.toFixed(2)} at start`,
    `checked identifiers: ${Math.round(s.setup.presentShare * 100)} % listed, 90 % phones, 5 % bank accounts, 5 % domains; ` +
      `answers as expected: ${s.http.validation.checked - s.http.validation.mismatches}/${s.http.validation.checked} ` +
      `(server), ${s.http.sqlCheckValidation.checked - s.http.sqlCheckValidation.mismatches}/${s.http.sqlCheckValidation.checked} (SQL route)`,
    '',
    table(
      [
        ['', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'server CPU', 'load CPU', 'others'],
        httpRow('GET /healthz: hello-world of the same server', s.http.hello),
        httpRow('GET /api/public/check?q=…: index (the server)', s.http.check),
        httpRow('GET /api/public/check?q=…: SQL (bench route)', s.http.sqlCheck),
        sqlRow,
      ],
      [false, true, true, true, true, true, true, true, true, true],
    ),
    '  CPU: % of one core over the timed window: the server process, the load process (or the SQL worker), and everything',
    '  else on the machine (other processes, and the database server with PostgreSQL); 100 % is one whole core.',
    '  SQL (bench route): the same check on the same HTTP stack (buildHttpApp, same schemas, same judging code), reading',
    '  the registry rows of the parsed keys with one query instead of the index; a bench-only process, not the server.',
    '  SQL lookup in-process: the bare query by key on the database layer, no HTTP and no parsing; it runs in the',
    '  worker process, so the load generator is not competing for the CPU. PGlite has one session: queries queue.',
    '  Latency is closed-loop at saturation: each client sends its next request when the answer arrives, so the mean',
    '  latency is about connections / throughput, and p99 at 50 clients falls only as throughput rises.',
    ...(s.setup.rounds > 1
      ? [
          `  rounds, req/s: hello ${s.http.rounds
            .filter((r) => r.name === 'hello')
            .map((r) => fmt.int(r.perSecond))
            .join(' / ')}; ` +
            `check ${s.http.rounds
              .filter((r) => r.name === 'check')
              .map((r) => fmt.int(r.perSecond))
              .join(' / ')}; ` +
            `SQL route ${s.http.rounds
              .filter((r) => r.name === 'sql-check')
              .map((r) => fmt.int(r.perSecond))
              .join(' / ')} (the table shows each median round)`,
        ]
      : []),
    '',
    table(
      [
        ['', 'measured', 'target', ''],
        [
          'check / hello-world (req/s)',
          fmt.ratio(s.ratios.checkOverHello),
          `≥ ${TARGETS.checkOverHello}×`,
          mark(t.checkOverHello.pass),
        ],
        [
          'check: index / SQL, both routes over HTTP',
          fmt.ratio(s.ratios.checkOverSqlCheck),
          `≥ ${TARGETS.checkOverSql}×`,
          mark(t.checkOverSql.pass),
        ],
        ['  (index over HTTP / SQL lookup in-process)', fmt.ratio(s.ratios.checkOverSqlInProcess), '', ''],
        [
          `check p99 at ${s.setup.connections} clients`,
          `${fmt.ms(s.http.check.latencyMs.p99)} ms`,
          `≤ ${TARGETS.p99Ms} ms`,
          mark(t.checkP99Ms.pass),
        ],
        [
          'memory per indicator',
          `${m.bytesPerIndicator.toFixed(1)} B`,
          `≤ ${TARGETS.bytesPerIndicator} B`,
          mark(t.bytesPerIndicator.pass),
        ],
      ],
      [false, true, true, false],
    ),
    '',
    `index build at start (server log "lookup index built"): ${fmt.int(s.index.buildMs ?? NaN)} ms for ` +
      `${fmt.int(s.index.indicators ?? NaN)} indicators, reading them from the database included; ` +
      `IndicatorIndex.build alone (hash, sort, columns; child process): ${fmt.int(s.index.indexBuildOnlyMs)} ms; ` +
      `server answering ${((s.index.readyAfterMs ?? NaN) / 1000).toFixed(1)} s after spawn`,
    `memory per indicator: ${m.bytesPerIndicator.toFixed(1)} B kept by the lookup state after a full GC (JS heap + external, ` +
      `child process), of which ${m.columnBytesPerIndicator.toFixed(1)} B the index columns; loading it raised that process's ` +
      `peak RSS by ${fmt.mb(m.peakRssGrowthDuringBuildBytes)}`,
    `server RSS: ${fmt.mb(m.serverRssEmptyBytes ?? NaN)} after an empty-registry start, ${fmt.mb(m.serverRssFullBytes ?? NaN)} ` +
      `after the start with ${fmt.int(s.setup.indicators)} (peak ${fmt.mb(m.serverPeakRssFullBytes ?? NaN)}), ` +
      `${fmt.mb(m.serverRssAfterLoadBytes ?? NaN)} after the HTTP load` +
      (m.serverHeapAfterLoad
        ? ` (V8 heap then: ${fmt.mb(m.serverHeapAfterLoad.usedBytes)} used of ${fmt.mb(m.serverHeapAfterLoad.totalBytes)})`
        : '') +
      (m.serverRssBytesPerIndicator !== null
        ? ` (difference after start: ${m.serverRssBytesPerIndicator.toFixed(0)} B per indicator, an upper bound: the build's ` +
          `garbage not yet collected${s.setup.database === 'pglite' ? " and PGlite's grown memory" : ''} included)`
        : ''),
    `in-process, without HTTP: IndicatorIndex.get ${fmt.int(s.inProcess.indexGetPerSecond)}/s; whole check (parse, look up, word) ` +
      (s.inProcess.checkPerSecond !== null
        ? `${fmt.int(s.inProcess.checkPerSecond)}/s on one core`
        : `failed: ${s.inProcess.checkError}`),
    `registry filled in ${((s.index.registryFillMs ?? 0) / 1000).toFixed(1)} s; whole run ${s.totalSeconds} s`,
  ];
  for (const [who, v] of [
    ['server', s.http.validation],
    ['SQL route', s.http.sqlCheckValidation],
  ] as const)
    if (v.mismatches > 0)
      lines.push(
        `unexpected answers from the ${who} (first ${v.examples.length}):`,
        ...v.examples.map((e) => `  ${e}`),
      );
  return lines.join('\n');
}

await runMain(main);
