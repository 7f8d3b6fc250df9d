// Starts the built server (apps/server/dist/main.js) for bench-reports as its own process on 127.0.0.1, with
// the settings report intake needs, and stops it. scripts/bench/server-process.ts does the same for the
// lookup benchmark but passes no KHIEN_* settings of the caller's: here the public report limit must be off
// (KHIEN_PUBLIC_REPORT_RATE=0) and the administrator must be able to act without a second factor
// (KHIEN_TOTP_REQUIRED empty) to create the police unit that reports are routed to.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { freePort, type DatabaseTarget } from './server-process.js';
import { processMemory } from './stats.js';

export const REPORTS_ADMIN_PASSWORD = 'bench-reports-admin-password-1';
/** The key for encrypted columns (contacts, victims' accounts), which the server requires on PostgreSQL. */
const DATA_KEYS = `k1:${crypto.randomBytes(32).toString('base64')}`;

export interface ReportsServer {
  pid: number;
  port: number;
  url: string;
  readyAfterMs: number;
  memory(): { rss: number; peakRss: number } | null;
  /** Null while it runs; otherwise its exit code and the end of its output. */
  exitState(): string | null;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every server this module started that still runs (for an interrupted run). */
export function killReportsServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export async function startReportsServer(options: {
  repoRoot: string;
  database: DatabaseTarget;
  readyTimeoutMs: number;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<ReportsServer> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('KHIEN_') && name !== 'DATABASE_URL' && name !== 'PORT')
      env[name] = value;
  }
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KHIEN_ADMIN_PASSWORD: REPORTS_ADMIN_PASSWORD,
    KHIEN_TOTP_REQUIRED: '',
    KHIEN_PUBLIC_REPORT_RATE: '0',
    KHIEN_PUBLIC_CHECK_RATE: '0',
    KHIEN_JOBS: 'off',
    ...(options.database.kind === 'pglite'
      ? { KHIEN_DATA_DIR: options.database.dataDir }
      : { DATABASE_URL: options.database.url, KHIEN_DATA_KEYS: DATA_KEYS }),
  });
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(options.repoRoot, 'apps/server/dist/main.js')],
    {
      cwd: options.repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  const spawnedAt = performance.now();
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      running.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = spawnedAt + options.readyTimeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`the server exited (code ${exitCode}) before it was ready:\n${output.trim()}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready after ${options.readyTimeoutMs / 1000} s:\n${output.trim()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    readyAfterMs: performance.now() - spawnedAt,
    memory: () => processMemory(child.pid!),
    exitState: () =>
      exitCode === undefined ? null : `exit code ${exitCode}; output: ${output.trim() || '(empty)'}`,
    stop,
  };
}
