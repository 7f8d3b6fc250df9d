import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { CheckResponse, RuleSet } from '@khien/contracts';
import { createLineReader, type ImportFormat } from '@khien/core';
import { ConfigError, loadConfig } from './config.js';
import { DataDirectoryInUseError, lockDataDirectory } from './db/data-lock.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createAuditRepository, createAuditService } from './modules/audit/index.js';
import { DEFAULT_RULE_SET, backtest, readRuleSet } from './modules/screening/index.js';
import { createPlatform, type Platform } from './platform.js';
import { systemClock } from './shared/clock.js';
import { systemContext } from './shared/context.js';
import { DataKeyError } from './shared/data-cipher.js';

const USAGE = `usage: khien <command> [options]
  check [--json] [--server URL] <input…>   check numbers, accounts, links or whole messages
  check --stdin [--json] [--server URL]    one input per line in, one answer per line out
  import --format csv|list|hosts|adguard [--dry-run] [--sharing public|agencies|police] [--source NAME] <file>
                                           bulk import into the registry, with provenance
  backtest [--rules FILE.json] [--json] <transfers.csv>
                                           run a screening rule set (default: Khiên's) over past transfers
  audit-verify                             verify the audit log's hash chain (exit 1 at a broken link)
  migrate                                  apply pending database migrations

Without --server, commands open the local data folder (KHIEN_DATA_DIR, or DATABASE_URL): stop the server
first when it runs on the embedded database, or use --server http://localhost:8080.`;

const VERDICT_VI: Record<string, string> = {
  confirmed_scam: 'LỪA ĐẢO (đã xác minh)',
  suspicious: 'NGHI VẤN',
  no_data: 'chưa có thông tin',
  official: 'CHÍNH THỨC',
};

function printCheck(input: string, result: CheckResponse, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify({ input, ...result })}\n`);
    return;
  }
  process.stdout.write(`${input}\n  → ${VERDICT_VI[result.verdict] ?? result.verdict}\n`);
  for (const item of result.items) {
    process.stdout.write(`  · ${item.display} [${item.kind}]: ${VERDICT_VI[item.verdict] ?? item.verdict}\n`);
    for (const reason of item.reasons) process.stdout.write(`      ${reason.vi}\n`);
  }
  for (const problem of result.problems) process.stdout.write(`  ! ${problem.input}: ${problem.message}\n`);
}

async function localPlatform(): Promise<Platform> {
  const config = loadConfig();
  return createPlatform({ ...config, jobs: false, webDist: '', logLevel: 'warn' });
}

async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, stdin: { type: 'boolean' }, server: { type: 'string' } },
  });
  if (!values.stdin && positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const server = values.server?.replace(/\/$/, '');
  const platform = server ? null : await localPlatform();
  // Read standard input only once ready: lines arriving before the loop starts would be lost.
  const inputs: AsyncIterable<string> | string[] = values.stdin
    ? readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
    : positionals;
  let worst = 0;
  try {
    for await (const raw of inputs) {
      const input = raw.trim();
      if (!input) continue;
      let result: CheckResponse;
      if (platform) {
        result = platform.services.lookup.check(input);
      } else {
        const response = await fetch(`${server}/api/public/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ q: input }),
        });
        if (!response.ok) {
          const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
          process.stderr.write(
            `${input}: ${response.status} ${problem.code ?? ''} ${problem.detail ?? ''}\n`,
          );
          worst = Math.max(worst, 1);
          continue;
        }
        result = (await response.json()) as CheckResponse;
      }
      printCheck(input, result, values.json === true);
    }
  } finally {
    await platform?.close();
  }
  return worst;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      sharing: { type: 'string', default: 'public' },
      source: { type: 'string' },
    },
  });
  const format = values.format as ImportFormat | undefined;
  const file = positionals[0];
  const sharing = values.sharing as 'public' | 'agencies' | 'police';
  if (
    !file ||
    !format ||
    !['csv', 'list', 'hosts', 'adguard'].includes(format) ||
    !['public', 'agencies', 'police'].includes(sharing)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`No such file: ${file}\n`);
    return 2;
  }
  const platform = await localPlatform();
  try {
    const reader = createLineReader(format);
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    async function* parsed() {
      let n = 0;
      for await (const line of lines) yield reader(line, ++n);
    }
    const started = performance.now();
    const summary = await platform.services.importer.importLines(systemContext, parsed(), {
      sourceName: values.source ?? file.split('/').pop()!,
      sharing,
      dryRun: values['dry-run'] === true,
      onProgress: (s) =>
        process.stderr.write(`\r${s.lines} lines, ${s.accepted} accepted, ${s.invalid} invalid…`),
    });
    process.stderr.write('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${summary.dryRun ? 'dry run (nothing written): ' : ''}${summary.lines} lines in ${seconds} s: ${summary.created} new, ` +
        `${summary.updated} already listed, ${summary.skippedOfficial} official (skipped), ${summary.duplicates} repeated, ` +
        `${summary.invalid} not readable\n`,
    );
    for (const p of summary.problems.slice(0, 20))
      process.stdout.write(`  line ${p.line}: ${p.code} — ${p.message}\n`);
    return 0;
  } finally {
    await platform.close();
  }
}

async function databaseCommand(command: 'audit-verify' | 'migrate'): Promise<number> {
  const config = loadConfig();
  const unlock = config.databaseUrl ? null : lockDataDirectory(config.dataDir);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrate(database);
    if (command === 'migrate') {
      process.stdout.write('migrations applied\n');
      return 0;
    }
    const audit = createAuditService({
      db: database.db,
      repository: createAuditRepository(),
      clock: systemClock,
    });
    const result = await audit.verify(null);
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} entries verified\n`);
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at entry ${result.firstBrokenSeq}: ${result.problem} (${result.checked} entries before it are intact)\n`,
    );
    return 1;
  } finally {
    await database.close();
    unlock?.();
  }
}

async function backtestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, rules: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let ruleSet = DEFAULT_RULE_SET as RuleSet;
  if (values.rules) {
    const read = readRuleSet(fs.readFileSync(values.rules, 'utf8'));
    if (!read.ok) {
      process.stderr.write(`${values.rules}: ${read.message}\n`);
      return 2;
    }
    ruleSet = read.ruleSet;
  }
  const summary = backtest(ruleSet, fs.readFileSync(positionals[0]!, 'utf8'), (row) => {
    if (values.json)
      process.stdout.write(`${JSON.stringify({ line: row.line, ...row.decision, fraud: row.fraud })}\n`);
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
    return summary.problems.length > 0 ? 1 : 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`rule set ${summary.ruleSet}: ${summary.transfers} transfers decided`);
  out(
    `  ${Object.entries(summary.byAction)
      .map(([action, n]) => `${action} ${n}`)
      .join(', ')}`,
  );
  for (const [rule, tally] of Object.entries(summary.byRule))
    if (tally.hits + tally.errors > 0)
      out(`  ${rule}: ${tally.hits} hits${tally.errors ? `, ${tally.errors} errors` : ''}`);
  if (summary.labelled) {
    const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
    out(
      `  labelled frauds ${summary.labelled.frauds}: held or blocked ${summary.labelled.caught} (recall ${pct(summary.labelled.recall)}), false alarms ${summary.labelled.falseAlarms} (precision ${pct(summary.labelled.precision)})`,
    );
  }
  const t = summary.timing;
  out(
    `  time: ${t.totalMs.toFixed(1)} ms in all, ${Math.round(t.perSecond).toLocaleString('en')} decisions/s, p50 ${t.p50Us.toFixed(1)} µs, p99 ${t.p99Us.toFixed(1)} µs, max ${t.maxUs.toFixed(1)} µs`,
  );
  for (const problem of summary.problems.slice(0, 20)) out(`  line ${problem.line}: ${problem.message}`);
  return summary.problems.length > 0 ? 1 : 0;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return checkCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'backtest':
      return backtestCommand(rest);
    case 'audit-verify':
    case 'migrate':
      return databaseCommand(command);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirectoryInUseError ||
      error instanceof DataKeyError
    ) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof TypeError && /parseArgs|Unknown option/i.test(String(error))) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
