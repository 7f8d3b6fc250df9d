// What the benchmarks' command lines share: the usage from the script's header comment, number options, the log
// line, the build check, a fresh PostgreSQL database per run, and the clean-up (also on Ctrl-C) around main.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { killServers } from './server-process.js';
import { killWorkers } from './workers.js';

export const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

/** Prints the leading `//` comment of the script at scriptUrl (after the message, if any) and exits: 2 with a message, else 0. */
export function usageOf(name: string, scriptUrl: string): (message?: string) => never {
  return (message?: string): never => {
    if (message) process.stderr.write(`${name}: ${message}\n`);
    const header = fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n');
    const end = header.findIndex((line) => !line.startsWith('//'));
    process.stderr.write(
      header
        .slice(0, end)
        .map((line) => line.replace(/^\/\/ ?/, ''))
        .join('\n') + '\n',
    );
    process.exit(message ? 2 : 0);
  };
}

/** A number option's value within [min, max], or the usage with an error. */
export function numberOption(usage: (message: string) => never) {
  return (name: string, value: string | undefined, min: number, max: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min || n > max)
      usage(`${name} needs a number from ${min} to ${max}`);
    return n;
  };
}

/** The value of --postgres: a postgres:// URL, or the usage with an error. */
export function postgresOption(usage: (message: string) => never, url: string | undefined): string {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) usage('--postgres needs a postgres:// URL');
  return url;
}

/** Warns when sources changed after apps/server/dist/main.js was built; throws when there is no build. */
export function checkBuild(repoRoot: string) {
  const main = path.join(repoRoot, 'apps/server/dist/main.js');
  if (!fs.existsSync(main)) throw new Error('apps/server/dist/main.js is missing: run `npm run build` first');
  const built = fs.statSync(main).mtimeMs;
  const roots = ['apps/server/src', 'packages/core/src', 'packages/contracts/src'];
  const newer = roots.flatMap((root) =>
    (fs.readdirSync(path.join(repoRoot, root), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => fs.statSync(path.join(repoRoot, root, file)).mtimeMs > built)
      .map((file) => path.join(root, file)),
  );
  if (newer.length > 0)
    log(
      `warning: ${newer.length} source file(s) changed after the build (e.g. ${newer[0]}): run \`npm run build\``,
    );
}

// ── Clean-up, also on Ctrl-C ────────────────────────────────────────────────────────────────────────
const cleanups: Array<() => Promise<void> | void> = [];
let cleaningUp: Promise<void> | null = null;

/** Adds a step to the clean-up; the steps run last added first. */
export function onCleanUp(step: () => Promise<void> | void): void {
  cleanups.push(step);
}

/** Kills the workers and servers still running, then runs the clean-up steps (once). */
export function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    killWorkers();
    killServers();
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`clean-up step failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    const timer = setTimeout(() => process.exit(130), 15_000);
    timer.unref();
    void cleanUp().then(() => process.exit(130));
  });
}

/** Creates a fresh database named prefix + random on the server at adminUrl, dropped at clean-up; returns its URL. */
export async function freshPostgresDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  onCleanUp(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Runs main, logs a failure, cleans up, and exits: 1 when main failed, else 0. */
export async function runMain(main: () => Promise<void>): Promise<never> {
  let failed = false;
  try {
    await main();
  } catch (error) {
    failed = true;
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanUp();
  }
  process.exit(failed ? 1 : 0);
}
