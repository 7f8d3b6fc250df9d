// The reports benchmark (npm run bench:reports), in one run:
//   - intake: citizens' reports sent to the built server (POST /api/public/reports, multipart/form-data,
//     each report with 3 identifiers, 2 transfers and a 200 KB PNG, every one different) by a load generator
//     in its own process (scripts/bench/reports-load-worker.ts) with 16 concurrent clients, on PostgreSQL
//     and on PGlite: reports/s, latency percentiles, errors; against a baseline measured in the same run on
//     the same database: the same upload over the same HTTP stack, read, checked and stored with one INSERT
//     into one table by a bench-only process (scripts/bench/reports-store-server.ts). The two alternate,
//     round after round, and the medians are reported. Afterwards every acknowledged report is looked for in
//     the database with its evidence (SHA-256 recomputed there), and a sample is followed over the API;
//   - networks: 1,000,000 synthetic reports with 3,000,000 identifier links (scripts/bench/reports-networks-
//     data.ts) grouped into networks by connectedNetworks (apps/server/src/modules/reports/networks.ts) and,
//     as the baseline, by graphology + graphology-components, each in a process of its own
//     (scripts/bench/reports-networks-worker.ts): time, memory, and the networks found (which must agree);
// against the targets of the issue: at least 200 reports/s on PostgreSQL on this machine, and networks
// grouped in at most 10 s. It informs: it exits 0 when a target is missed, and 1 when something failed
// (an error, or an acknowledged report missing from the database).
//
//   npm run build && npm run bench:reports [-- options]
//     --only LIST         parts to run, comma-separated: postgres, pglite, networks (default all three)
//     --postgres URL      PostgreSQL server (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres);
//                         a fresh database is created and dropped. Unreachable and not given: that part is skipped
//     --connections C     concurrent clients (default 16)
//     --seconds S         timed seconds per run (default 10)
//     --warmup S          untimed seconds before each run (default 2)
//     --rounds R          alternate Khiên and the baseline R times per database, report the medians (default 3)
//     --evidence-kb K     size of the evidence PNG (default 200)
//     --reports N         reports in the networks part (default 1000000; links are 3 per report)
//     --networks-module F the file exporting connectedNetworks (default apps/server/src/modules/reports/networks.ts)
//     --no-graphology     skip the graphology baseline of the networks part
//     --cpu-prof DIR      write a V8 CPU profile of the server's intake runs into DIR
//                         (summarise it with scripts/bench/profile-summary.ts)
//     --json              print the summary as JSON on stdout (the table goes to stderr)
//
// Everything listens on and connects to 127.0.0.1 only. The machine's other work (other people's test runs,
// the PostgreSQL server) shares its CPUs: the table says how busy it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
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
import { openDatabase } from '../apps/server/src/db/database.js';
import { evidencePng, SERIALS_PER_RUN, STORE_TABLE } from './bench/reports-data.js';
import type { IntakeLoadInput, IntakeResult, IntakeScenario, Receipt } from './bench/reports-load-worker.js';
import { DEFAULT_NETWORK_DATA, linkCountOf } from './bench/reports-networks-data.js';
import type {
  NetworksResult,
  NetworksWorkerInput,
  NetworksWorkerMessage,
} from './bench/reports-networks-worker.js';
import type { StoreServerInput } from './bench/reports-store-server.js';
import { freePort, startServer, type DatabaseTarget } from './bench/server-process.js';
import { fmt, table } from './bench/stats.js';
import { runWorker, startWorker } from './bench/workers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(repoRoot, 'scripts', 'bench');

const TARGETS = { postgresReportsPerSecond: 200, networksSeconds: 10 };
const POLICE_UNIT = 'Công an thành phố Hà Nội';
const REPORTS_ADMIN_PASSWORD = 'bench-reports-admin-password-1';

/**
 * The built server with the settings report intake needs: the public report limit off, and an administrator who can act
 * without a second factor (to create the police unit that reports are routed to).
 */
function startReportsServer(options: {
  repoRoot: string;
  database: DatabaseTarget;
  readyTimeoutMs: number;
  nodeArgs?: string[];
}) {
  return startServer({
    ...options,
    logLevel: 'warn',
    quote: 'output',
    env: {
      KHIEN_ADMIN_PASSWORD: REPORTS_ADMIN_PASSWORD,
      KHIEN_TOTP_REQUIRED: '',
      KHIEN_PUBLIC_REPORT_RATE: '0',
    },
  });
}

type Part = 'postgres' | 'pglite' | 'networks';

interface Options {
  only: Set<Part>;
  postgres: string;
  postgresGiven: boolean;
  connections: number;
  seconds: number;
  warmup: number;
  rounds: number;
  evidenceKb: number;
  reports: number;
  networksModule: string;
  graphology: boolean;
  cpuProf: string | null;
  json: boolean;
}

const usage: (message?: string) => never = usageOf('bench-reports', import.meta.url);

function parseOptions(argv: string[]): Options {
  const fromEnv = process.env.TEST_DATABASE_URL;
  const options: Options = {
    only: new Set<Part>(['postgres', 'pglite', 'networks']),
    postgres: fromEnv || 'postgres://postgres@127.0.0.1:5432/postgres',
    postgresGiven: Boolean(fromEnv),
    connections: 16,
    seconds: 10,
    warmup: 2,
    rounds: 3,
    evidenceKb: 200,
    reports: 1_000_000,
    networksModule: path.join(repoRoot, 'apps/server/src/modules/reports/networks.ts'),
    graphology: true,
    cpuProf: null,
    json: false,
  };
  const number = numberOption(usage);
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = () => argv[++k];
    switch (arg) {
      case '--only': {
        const parts = (value() ?? '').split(',').map((p) => p.trim());
        if (parts.length === 0 || parts.some((p) => !['postgres', 'pglite', 'networks'].includes(p)))
          usage('--only takes postgres, pglite and networks, comma-separated');
        options.only = new Set(parts as Part[]);
        break;
      }
      case '--postgres': {
        options.postgres = postgresOption(usage, value());
        options.postgresGiven = true;
        break;
      }
      case '--connections':
        options.connections = Math.round(number(arg, value(), 1, 256));
        break;
      case '--seconds':
        options.seconds = number(arg, value(), 1, 600);
        break;
      case '--warmup':
        options.warmup = number(arg, value(), 0, 60);
        break;
      case '--rounds':
        options.rounds = Math.round(number(arg, value(), 1, 10));
        break;
      case '--evidence-kb':
        options.evidenceKb = number(arg, value(), 1, 10 * 1024 - 1);
        break;
      case '--reports':
        options.reports = Math.round(number(arg, value(), 1000, 20_000_000));
        break;
      case '--networks-module':
        options.networksModule = path.resolve(value() ?? usage('--networks-module needs a file'));
        break;
      case '--no-graphology':
        options.graphology = false;
        break;
      case '--cpu-prof':
        options.cpuProf = path.resolve(value() ?? usage('--cpu-prof needs a folder'));
        break;
      case '--json':
        options.json = true;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  return options;
}

const options = parseOptions(process.argv.slice(2));
// ── Intake ──────────────────────────────────────────────────────────────────────────────────────────
async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function prepareDatabase(
  kind: 'postgres' | 'pglite',
): Promise<{ target: DatabaseTarget; label: string }> {
  if (kind === 'postgres') {
    const { name, url } = await freshPostgresDatabase(options.postgres, 'khien_bench_reports_');
    const version = await serverVersion(url);
    return {
      target: { kind: 'postgres', url },
      label: `PostgreSQL ${version} (fresh database ${name})`,
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-bench-reports-'));
  onCleanUp(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { target: { kind: 'pglite', dataDir: dir }, label: `PGlite (temporary folder ${dir})` };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit')`,
    );
    const of = (name: string) => settings.rows.find((row) => row.name === name)?.setting ?? '?';
    return `${of('server_version')}, fsync=${of('fsync')}, synchronous_commit=${of('synchronous_commit')}`;
  } finally {
    await client.end();
  }
}

/** The administrator creates the province's police, so that reports from province 01 are routed to it. */
async function createPoliceUnit(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: REPORTS_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`admin sign-in answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const agency = await fetch(`${url}/api/agencies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      name: POLICE_UNIT,
      type: 'police_province',
      scopeLevel: 'province',
      provinceCode: '01',
    }),
  });
  if (agency.status !== 201)
    throw new Error(`creating the police unit answered ${agency.status}: ${await agency.text()}`);
}

/** Runs the load generator against one server for one scenario. */
async function runLoad(port: number, serverPid: number, scenario: IntakeScenario): Promise<IntakeResult> {
  const input: IntakeLoadInput = {
    port,
    path: '/api/public/reports',
    connections: options.connections,
    serverPid,
    timeoutMs: 30_000,
    evidenceBytes: options.evidenceKb * 1024,
    scenarios: [scenario],
  };
  let result: IntakeResult | null = null;
  let failure: string | null = null;
  const { code } = await runWorker<{ result: IntakeResult } | { error: string }>(
    path.join(benchDir, 'reports-load-worker.ts'),
    input,
    { onMessage: (message) => ('error' in message ? (failure = message.error) : (result = message.result)) },
  );
  if (failure || code !== 0 || !result) throw new Error(`the load worker failed (exit ${code}): ${failure}`);
  const r = result as IntakeResult;
  const errors = errorCount(r);
  log(
    `  ${scenario.name}: ${r.perSecond.toFixed(1)} reports/s, p50 ${fmt.ms(r.latencyMs.p50)} ms, p99 ${fmt.ms(r.latencyMs.p99)} ms, ` +
      `${errors} errors, server CPU ${r.serverCpuPct === null ? '–' : fmt.pct(r.serverCpuPct)}, ` +
      `machine busy ${r.machineBusyPct === null ? '–' : fmt.pct(r.machineBusyPct)}, load average ${r.loadAverage.toFixed(2)}` +
      (r.errorExamples.length > 0 ? `; e.g. ${r.errorExamples[0]}` : ''),
  );
  return r;
}

const errorCount = (r: IntakeResult) =>
  Object.values(r.errors.status).reduce((a, b) => a + b, 0) + r.errors.socket + r.errors.timeout;

/** Follows sampled receipts over the API: each must answer 200, routed to the police unit. */
async function follow(url: string, receipts: Receipt[]) {
  let ok = 0;
  const problems: string[] = [];
  for (const receipt of receipts) {
    const response = await fetch(`${url}/api/public/reports/${receipt.trackingCode}`, {
      headers: { 'x-khien-secret': receipt.secret },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { status?: string; handlingUnit?: string | null };
    if (
      response.status === 200 &&
      body.status === 'received' &&
      body.handlingUnit === POLICE_UNIT &&
      receipt.handlingUnit === POLICE_UNIT &&
      receipt.evidenceCount === 1
    )
      ok++;
    else if (problems.length < 3)
      problems.push(`${receipt.trackingCode}: ${response.status} ${JSON.stringify(body)}`);
  }
  return { checked: receipts.length, ok, problems };
}

/** The baseline process on the same database (it holds the PGlite folder's lock while it runs). */
async function withStoreServer<T>(target: DatabaseTarget, work: (port: number, pid: number) => Promise<T>) {
  const port = await freePort();
  const input: StoreServerInput = { database: target, port };
  const worker = startWorker<{ ready: true } | { error: string }>(
    path.join(benchDir, 'reports-store-server.ts'),
    input,
  );
  try {
    const first = await worker.waitFor(() => true, 120_000);
    if ('error' in first) throw new Error(`the baseline server failed: ${first.error}`);
    return await work(port, worker.child.pid!);
  } finally {
    worker.child.kill('SIGTERM');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
    await worker.exited;
    clearTimeout(timer);
  }
}

interface StoredCheck {
  reports: number;
  evidence: number;
  evidenceBytes: number;
  /** Evidence rows whose content's SHA-256, recomputed by the database, is not the expected one. */
  badEvidence: number;
  /** Acknowledged reports missing (sampled receipts' tracking codes not found). */
  missingSampled: number;
  indicators: number;
  reportIdentifiers: number;
  /** Reports whose identifiers never entered the registry (still marked, or with fewer than 5 links). */
  unlinked: number;
  baselineRows: number;
  baselineBad: number;
  databaseBytes: number | null;
  ms: number;
}

/** After the runs, with the servers stopped: what the database holds, against what was acknowledged. */
async function checkStored(target: DatabaseTarget, sha256: string, sampled: Receipt[]): Promise<StoredCheck> {
  const started = performance.now();
  const database = await openDatabase(
    target.kind === 'pglite'
      ? { kind: 'pglite', dataDir: target.dataDir }
      : { kind: 'postgres', url: target.url },
  );
  try {
    const one = async (text: string, values: unknown[] = []) => {
      const result = await database.executeSql(text, values.length > 0 ? values : undefined);
      return (Array.isArray(result) ? result[0]! : result).rows[0] as Record<string, unknown>;
    };
    const reports = await one(`select count(*) as n from reports where channel = 'online'`);
    const evidence = await one(
      `select count(*) as n, coalesce(sum(size_bytes), 0) as bytes,
              count(*) filter (where sha256 <> $1 or encode(sha256(content), 'hex') <> $1
                               or octet_length(content) <> size_bytes) as bad
         from report_evidence`,
      [sha256],
    );
    const codes = sampled.map((r) => r.trackingCode);
    const found =
      codes.length === 0
        ? { n: 0 }
        : await one(`select count(*) as n from reports where tracking_code = any($1::text[])`, [codes]);
    const indicators = await one(`select count(*) as n from indicators`);
    const links = await one(`select count(*) as n from report_identifiers`);
    // Each bench report names 5 distinct registry entries (3 identifiers and 2 receiving accounts).
    const unlinked = await one(
      `select count(*) as n from reports r
        where r.channel = 'online'
          and (r.registry_pending is not null
               or (select count(*) from report_identifiers l where l.report_id = r.id) <> 5)`,
    );
    const baseline = await one(
      `select count(*) filter (where report is not null) as n,
              count(*) filter (where sha256 <> $1 or encode(sha256(content), 'hex') <> $1) as bad
         from ${STORE_TABLE}`,
      [sha256],
    ).catch(() => ({ n: 0, bad: 0 }));
    const size = await one(`select pg_database_size(current_database()) as n`);
    return {
      reports: Number(reports.n),
      evidence: Number(evidence.n),
      evidenceBytes: Number(evidence.bytes),
      badEvidence: Number(evidence.bad),
      missingSampled: codes.length - Number(found.n),
      indicators: Number(indicators.n),
      reportIdentifiers: Number(links.n),
      unlinked: Number(unlinked.n),
      baselineRows: Number(baseline.n),
      baselineBad: Number(baseline.bad),
      databaseBytes: Number.isFinite(Number(size.n)) ? Number(size.n) : null,
      ms: performance.now() - started,
    };
  } finally {
    await database.close();
  }
}

interface IntakeSummary {
  database: 'postgres' | 'pglite';
  label: string;
  khien: IntakeResult;
  baseline: IntakeResult;
  rounds: { khien: number[]; baseline: number[] };
  acknowledged: { khien: number; baseline: number };
  followed: { checked: number; ok: number; problems: string[] };
  stored: StoredCheck;
  serverRssBytes: number | null;
  serverStartMs: number;
  lost: number;
}

function median(results: IntakeResult[]): IntakeResult {
  const sorted = [...results].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function intake(kind: 'postgres' | 'pglite', sha256: string): Promise<IntakeSummary> {
  const { target, label } = await prepareDatabase(kind);
  log(`${label}: first start (migrations, administrator), then the police unit for province 01`);
  let server = await startReportsServer({ repoRoot, database: target, readyTimeoutMs: 300_000 });
  const serverStartMs = server.readyAfterMs;
  await createPoliceUnit(server.url);
  const khien: IntakeResult[] = [];
  const baseline: IntakeResult[] = [];
  const sampled: Receipt[] = [];
  let followed = { checked: 0, ok: 0, problems: [] as string[] };
  let serverRssBytes: number | null = null;
  const profiled = () => {
    if (!options.cpuProf) return {};
    fs.mkdirSync(options.cpuProf, { recursive: true });
    return { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] };
  };
  for (let round = 0; round < options.rounds; round++) {
    if (round > 0 || options.cpuProf) {
      await server.stop();
      server = await startReportsServer({
        repoRoot,
        database: target,
        readyTimeoutMs: 300_000,
        ...profiled(),
      });
    }
    try {
      const result = await runLoad(server.port, server.pid, {
        name: `Khiên, round ${round + 1}`,
        seconds: options.seconds,
        warmupSeconds: options.warmup,
        serialBase: 2 * round * SERIALS_PER_RUN,
      });
      khien.push(result);
      sampled.push(...result.receipts);
      const f = await follow(server.url, result.receipts);
      followed = {
        checked: followed.checked + f.checked,
        ok: followed.ok + f.ok,
        problems: [...followed.problems, ...f.problems],
      };
      serverRssBytes = server.memory()?.rss ?? serverRssBytes;
    } catch (error) {
      const state = server.exitState();
      throw state ? new Error(`${(error as Error).message}\nthe server had stopped: ${state}`) : error;
    } finally {
      await server.stop();
    }
    baseline.push(
      await withStoreServer(target, (port, pid) =>
        runLoad(port, pid, {
          name: `baseline, round ${round + 1}`,
          seconds: options.seconds,
          warmupSeconds: options.warmup,
          serialBase: (2 * round + 1) * SERIALS_PER_RUN,
        }),
      ),
    );
  }
  log(
    `${kind}: checking what the database holds (SHA-256 of every evidence file recomputed by the database)`,
  );
  const stored = await checkStored(target, sha256, sampled);
  const acknowledged = {
    khien: khien.reduce((a, r) => a + r.acknowledged, 0),
    baseline: baseline.reduce((a, r) => a + r.acknowledged, 0),
  };
  const lost =
    Math.max(0, acknowledged.khien - stored.reports) +
    Math.max(0, acknowledged.khien - stored.evidence) +
    stored.badEvidence +
    stored.missingSampled +
    stored.unlinked +
    Math.max(0, acknowledged.baseline - stored.baselineRows) +
    stored.baselineBad;
  log(
    `${kind}: ${fmt.int(acknowledged.khien)} reports acknowledged, ${fmt.int(stored.reports)} stored with ${fmt.int(stored.evidence)} ` +
      `evidence files (${stored.badEvidence} wrong), ${fmt.int(stored.unlinked)} not linked to the registry; ` +
      `baseline ${fmt.int(acknowledged.baseline)} acknowledged, ` +
      `${fmt.int(stored.baselineRows)} stored; ${followed.ok}/${followed.checked} sampled receipts followed`,
  );
  return {
    database: kind,
    label,
    khien: median(khien),
    baseline: median(baseline),
    rounds: { khien: khien.map((r) => r.perSecond), baseline: baseline.map((r) => r.perSecond) },
    acknowledged,
    followed,
    stored,
    serverRssBytes,
    serverStartMs,
    lost,
  };
}

// ── Networks ────────────────────────────────────────────────────────────────────────────────────────
async function networksRun(implementation: 'khien' | 'graphology') {
  const input: NetworksWorkerInput = {
    implementation,
    modulePath: options.networksModule,
    data: { ...DEFAULT_NETWORK_DATA, reports: options.reports },
    rounds: 5,
  };
  let message: NetworksWorkerMessage | null = null;
  const { code } = await runWorker<NetworksWorkerMessage>(
    path.join(benchDir, 'reports-networks-worker.ts'),
    input,
    {
      nodeArgs: ['--expose-gc', '--max-old-space-size=16384'],
      onMessage: (m) => (message = m),
    },
  );
  const m = message as NetworksWorkerMessage | null;
  if (m && 'unavailable' in m) return { unavailable: m.unavailable };
  if (!m || 'error' in m || code !== 0)
    throw new Error(
      `the networks worker (${implementation}) failed (exit ${code}): ${m && 'error' in m ? m.error : 'no result'}`,
    );
  return { result: m.result };
}

interface NetworksSummary {
  khien: NetworksResult | null;
  unavailable: string | null;
  graphology: NetworksResult | null;
  agree: boolean | null;
}

async function networks(): Promise<NetworksSummary> {
  log(
    `networks: ${fmt.int(options.reports)} reports, ${fmt.int(linkCountOf(options.reports))} links; connectedNetworks ` +
      `(${path.relative(repoRoot, options.networksModule)}) in its own process`,
  );
  const own = await networksRun('khien');
  if ('unavailable' in own) log(`networks: connectedNetworks is not available: ${own.unavailable}`);
  else
    log(
      `  connectedNetworks: ${fmt.int(own.result.groupMs)} ms (median of ${own.result.roundsMs.length}), ` +
        `${fmt.int(own.result.shape.count)} networks`,
    );
  let graphology: NetworksResult | null = null;
  if (options.graphology) {
    log('networks: the same grouping with graphology + graphology-components, in its own process');
    const other = await networksRun('graphology');
    if ('result' in other && other.result) {
      graphology = other.result;
      log(
        `  graphology: build ${fmt.int(graphology.buildMs ?? NaN)} ms + connectedComponents ${fmt.int(graphology.groupMs)} ms`,
      );
    }
  }
  const khien = 'result' in own ? own.result! : null;
  return {
    khien,
    unavailable: 'unavailable' in own ? own.unavailable! : null,
    graphology,
    agree:
      khien && graphology
        ? khien.shape.digest === graphology.shape.digest && khien.shape.count === graphology.shape.count
        : null,
  };
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  const startedAt = performance.now();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageAtStart: os.loadavg()[0]!,
    memoryBytes: os.totalmem(),
  };
  log(
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverageAtStart.toFixed(2)} ` +
      `(${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} over 1, 5, 15 min)`,
  );
  const png = evidencePng(options.evidenceKb * 1024);
  const sha256 = crypto.createHash('sha256').update(png).digest('hex');

  const intakes: IntakeSummary[] = [];
  const skipped: string[] = [];
  if (options.only.has('postgres') || options.only.has('pglite')) checkBuild(repoRoot);
  if (options.only.has('postgres')) {
    const problem = await postgresReachable(options.postgres);
    if (problem && options.postgresGiven)
      throw new Error(`PostgreSQL at ${options.postgres} is not reachable: ${problem}`);
    if (problem) {
      skipped.push(
        `PostgreSQL intake skipped: ${options.postgres} is not reachable (${problem}); give --postgres URL`,
      );
      log(skipped.at(-1)!);
    } else intakes.push(await intake('postgres', sha256));
  }
  if (options.only.has('pglite')) intakes.push(await intake('pglite', sha256));
  const networkSummary = options.only.has('networks') ? await networks() : null;

  const summary = {
    setup: {
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      rounds: options.rounds,
      evidenceBytes: png.length,
      requestBytes: intakes[0]?.khien.requestBytes ?? null,
      postgresRequested: options.only.has('postgres'),
      machine: { ...machine, loadAverageAtEnd: os.loadavg()[0]! },
    },
    intakes,
    skipped,
    networks: networkSummary,
    targets: {
      postgresReportsPerSecond: (() => {
        const p = intakes.find((i) => i.database === 'postgres');
        return {
          target: `>= ${TARGETS.postgresReportsPerSecond} reports/s`,
          measured: p ? p.khien.perSecond : null,
          pass: p ? p.khien.perSecond >= TARGETS.postgresReportsPerSecond : null,
        };
      })(),
      networksSeconds: {
        target: `<= ${TARGETS.networksSeconds} s`,
        measured: networkSummary?.khien ? networkSummary.khien.groupMs / 1000 : null,
        pass: networkSummary?.khien ? networkSummary.khien.groupMs / 1000 <= TARGETS.networksSeconds : null,
      },
    },
    totalSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  const report = render(summary);
  if (options.json) {
    process.stderr.write(report + '\n');
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } else process.stdout.write(report + '\n');

  const lost = intakes.reduce((a, i) => a + i.lost, 0);
  const unfollowed = intakes.reduce((a, i) => a + (i.followed.checked - i.followed.ok), 0);
  if (lost > 0 || unfollowed > 0)
    throw new Error(
      `${lost} acknowledged report(s) or evidence files missing, wrong or not linked to the registry, ` +
        `${unfollowed} receipt(s) not followed`,
    );
  if (networkSummary?.agree === false)
    throw new Error('connectedNetworks and graphology found different networks');
}

type Summary = {
  setup: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    rounds: number;
    evidenceBytes: number;
    requestBytes: number | null;
    postgresRequested: boolean;
    machine: {
      cpus: number;
      cpuModel: string;
      node: string;
      loadAverageAtStart: number;
      loadAverageAtEnd: number;
    };
  };
  intakes: IntakeSummary[];
  skipped: string[];
  networks: NetworksSummary | null;
  targets: {
    postgresReportsPerSecond: { target: string; measured: number | null; pass: boolean | null };
    networksSeconds: { target: string; measured: number | null; pass: boolean | null };
  };
  totalSeconds: number;
};

function render(s: Summary): string {
  const cpus = s.setup.machine.cpus;
  const cpu = (n: number | null) => (n === null ? '–' : fmt.pct(n));
  const others = (r: IntakeResult) =>
    r.machineBusyPct === null
      ? null
      : Math.max(0, r.machineBusyPct * cpus - (r.serverCpuPct ?? NaN) - r.loadCpuPct);
  const mark = (pass: boolean | null) => (pass === null ? 'not measured' : pass ? 'PASS' : 'MISS');
  const name = (d: 'postgres' | 'pglite') => (d === 'postgres' ? 'PostgreSQL' : 'PGlite');
  const row = (title: string, r: IntakeResult) => [
    title,
    r.perSecond.toFixed(1),
    fmt.ms(r.latencyMs.p50),
    fmt.ms(r.latencyMs.p90),
    fmt.ms(r.latencyMs.p99),
    fmt.ms(r.latencyMs.max),
    fmt.int(errorCount(r)),
    (r.evidenceBytesPerSecond / 1048576).toFixed(1),
    cpu(r.serverCpuPct),
    cpu(r.loadCpuPct),
    cpu(others(r)),
    r.loadAverage.toFixed(2),
  ];
  const lines: string[] = [
    '',
    `Khiên reports benchmark; ${cpus} CPUs (${s.setup.machine.cpuModel}) shared by server, load generator, database ` +
      `and other people's work; load average ${s.setup.machine.loadAverageAtStart.toFixed(2)} at start, ` +
      `${s.setup.machine.loadAverageAtEnd.toFixed(2)} at end; Node ${s.setup.machine.node}; whole run ${s.totalSeconds} s`,
  ];
  if (s.intakes.length > 0) {
    lines.push(
      `Intake: POST /api/public/reports, multipart/form-data, each report different: 3 identifiers (phone, link, bank account), ` +
        `2 transfers, a story, province 01, a contact, and one PNG of ${fmt.int(s.setup.evidenceBytes)} B ` +
        `(request ${fmt.int(s.setup.requestBytes ?? NaN)} B); ${s.setup.connections} concurrent clients, closed loop, ` +
        `${s.setup.warmupSeconds} s warm-up + ${s.setup.seconds} s timed per run, Khiên and the baseline alternating, ` +
        `median of ${s.setup.rounds} round(s); the built server with KHIEN_PUBLIC_REPORT_RATE=0, KHIEN_JOBS=off`,
      ...s.intakes.map((i) => `  ${name(i.database)}: ${i.label}`),
      '',
      table(
        [
          [
            '',
            'reports/s',
            'p50 ms',
            'p90 ms',
            'p99 ms',
            'max ms',
            'errors',
            'MB/s',
            'server CPU',
            'load CPU',
            'others',
            'load avg',
          ],
          ...s.intakes.flatMap((i) => [
            row(`${name(i.database)}: Khiên intake (the server)`, i.khien),
            row(`${name(i.database)}: baseline, one INSERT (bench process)`, i.baseline),
          ]),
        ],
        [false, true, true, true, true, true, true, true, true, true, true, true],
      ),
      '  Khiên intake: parse the multipart, check the contract and the file (type by content, SHA-256), parse the identifiers,',
      '  then, with the reports that arrived meanwhile, in one transaction (ADR 0007): route each to its police unit, refuse',
      '  duplicates, store the reports, transfers, evidence, timeline, outbox and audit entries; then answer. Their registry',
      '  entries and sources (5 per report, about 1 in 8 already listed) and links follow within 250 ms, in shared runs of the',
      '  same server, counted afterwards (every acknowledged report linked).',
      '  Baseline: the same upload over the same HTTP stack (buildHttpApp, same multipart reading, same contract, same file',
      '  check), stored with one INSERT into one table (report JSON + file) and answered: the floor an intake that stores the',
      '  evidence durably before answering can reach here. MB/s: evidence acknowledged per second.',
      "  CPU: % of one core over the timed window; others: the rest of the machine (the database server's backends with",
      "  PostgreSQL, and other people's processes). Latency is closed-loop at saturation: mean ≈ clients / throughput.",
      ...s.intakes.map(
        (i) =>
          `  ${name(i.database)} rounds, reports/s: Khiên ${i.rounds.khien.map((v) => v.toFixed(1)).join(' / ')}; ` +
          `baseline ${i.rounds.baseline.map((v) => v.toFixed(1)).join(' / ')}`,
      ),
      ...s.intakes.map(
        (i) =>
          `  ${name(i.database)} afterwards: ${fmt.int(i.acknowledged.khien)} reports acknowledged, ${fmt.int(i.stored.reports)} in ` +
          `the database with ${fmt.int(i.stored.evidence)} evidence files (${fmt.mb(i.stored.evidenceBytes)}; ` +
          `${i.stored.badEvidence} whose SHA-256 recomputed by the database differs), ${fmt.int(i.stored.indicators)} registry ` +
          `entries, ${fmt.int(i.stored.reportIdentifiers)} report–identifier links (${fmt.int(i.stored.unlinked)} reports not ` +
          `linked); ${i.followed.ok}/${i.followed.checked} sampled ` +
          `receipts followed (200, routed to "${POLICE_UNIT}"); baseline ${fmt.int(i.acknowledged.baseline)} acknowledged, ` +
          `${fmt.int(i.stored.baselineRows)} stored; database ${fmt.mb(i.stored.databaseBytes ?? NaN)}; server RSS ` +
          `${fmt.mb(i.serverRssBytes ?? NaN)} after a run` +
          (i.followed.problems.length > 0 ? `; not followed: ${i.followed.problems.join('; ')}` : ''),
      ),
    );
  }
  for (const reason of s.skipped) lines.push(`  ${reason}`);

  const n = s.networks;
  if (n) {
    const k = n.khien;
    const g = n.graphology;
    const any = k ?? g;
    lines.push('');
    if (any) {
      lines.push(
        `Networks: ${fmt.int(any.reportCount)} synthetic reports, ${fmt.int(any.linkCount)} links to ${fmt.int(any.indicatorCount)} ` +
          `identifiers (2–4 per report; 30 % lone scams; the rest from 50,000 rings of Zipf-distributed size, ` +
          `${fmt.int(any.reusedNamed)} ring identifiers, the busiest named by ${fmt.int(any.busiestIdentifierReports)} reports; ` +
          `generated in ${fmt.int(any.dataMs)} ms); each implementation in its own process, from the same typed arrays`,
        '',
        table(
          [
            ['', 'build ms', 'group ms', 'total ms', 'peak RSS +', 'retained', 'networks'],
            ...(k
              ? [
                  [
                    'connectedNetworks (networks.ts)',
                    '–',
                    fmt.int(k.groupMs),
                    fmt.int(k.totalMs),
                    fmt.mb(k.memory.peakRssGrowthBytes ?? NaN),
                    fmt.mb(k.memory.retainedBytes),
                    fmt.int(k.shape.count),
                  ],
                ]
              : [['connectedNetworks (networks.ts)', 'not available', '', '', '', '', '']]),
            ...(g
              ? [
                  [
                    'baseline: graphology + connectedComponents',
                    fmt.int(g.buildMs ?? NaN),
                    fmt.int(g.groupMs),
                    fmt.int(g.totalMs),
                    fmt.mb(g.memory.peakRssGrowthBytes ?? NaN),
                    fmt.mb(g.memory.retainedBytes),
                    fmt.int(g.shape.count),
                  ],
                ]
              : []),
          ],
          [false, true, true, true, true, true, true],
        ),
        `  connectedNetworks: median of ${k?.roundsMs.length ?? 0} runs (${(k?.roundsMs ?? []).map((v) => fmt.int(v)).join(', ')} ms); ` +
          "graphology: one run (building the graph from the arrays, then connectedComponents). Peak RSS +: the process's peak",
        '  resident memory during the work above its resident memory before (links already generated); retained: JS heap +',
        `  array buffers kept afterwards with the result (and the graph), after a full GC; the links themselves take ${fmt.mb(any.memory.linkBytes)}.`,
      );
      if (k && g)
        lines.push(
          `  graphology / connectedNetworks: ${fmt.ratio(g.totalMs / k.totalMs)} the time (${fmt.ratio(g.groupMs / k.groupMs)} ` +
            `connectedComponents alone), ${fmt.ratio((g.memory.peakRssGrowthBytes ?? NaN) / (k.memory.peakRssGrowthBytes ?? NaN))} ` +
            `the peak memory; same networks: ${n.agree ? 'yes' : 'NO'} (digest ${k.shape.digest}${n.agree ? '' : ` vs ${g.shape.digest}`})`,
        );
      const shape = any.shape;
      lines.push(
        `  networks by reports: ${shape.bySize
          .filter(([, count]) => count > 0)
          .map(([label, count, reports]) => `${label}: ${fmt.int(count)} (${fmt.int(reports)} reports)`)
          .join(
            '; ',
          )}; largest: ${fmt.int(shape.largestReports)} reports, ${fmt.int(shape.largestIdentifiers)} identifiers`,
      );
    }
    if (n.unavailable) lines.push(`  connectedNetworks not measured: ${n.unavailable}`);
  }

  const t = s.targets;
  const pg = s.intakes.find((i) => i.database === 'postgres');
  const lite = s.intakes.find((i) => i.database === 'pglite');
  const targetRows: string[][] = [['', 'measured', 'target', '']];
  if (s.setup.postgresRequested)
    targetRows.push([
      'intake on PostgreSQL, reports/s',
      t.postgresReportsPerSecond.measured === null ? '–' : t.postgresReportsPerSecond.measured.toFixed(1),
      `≥ ${TARGETS.postgresReportsPerSecond}`,
      mark(t.postgresReportsPerSecond.pass),
    ]);
  for (const i of [pg, lite])
    if (i)
      targetRows.push([
        `  ${name(i.database)}: Khiên / baseline (reports/s), p99`,
        `${fmt.ratio(i.khien.perSecond / i.baseline.perSecond)}, ${fmt.ms(i.khien.latencyMs.p99)} ms`,
        '',
        '',
      ]);
  if (n)
    targetRows.push([
      `networks: ${fmt.int(n.khien?.reportCount ?? options.reports)} reports, ${fmt.int(n.khien?.linkCount ?? linkCountOf(options.reports))} links grouped, s`,
      t.networksSeconds.measured === null ? '–' : t.networksSeconds.measured.toFixed(2),
      `≤ ${TARGETS.networksSeconds}`,
      mark(t.networksSeconds.pass),
    ]);
  if (n?.khien && n.graphology)
    targetRows.push([
      '  graphology / connectedNetworks (time)',
      fmt.ratio(n.graphology.totalMs / n.khien.totalMs),
      '',
      '',
    ]);
  lines.push('', table(targetRows, [false, true, true, false]));
  return lines.join('\n');
}

await runMain(main);
