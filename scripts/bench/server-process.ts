// Starts the built server (apps/server/dist/main.js, or src/main.ts with tsx) as its own process on 127.0.0.1, waits until it
// answers /healthz, reads its JSON log lines, and stops it. Its environment is the caller's without any KHIEN_* setting,
// DATABASE_URL or PORT, plus the bench settings below and the caller's `env` (e.g. bench:reports turns the public report
// limit off with KHIEN_PUBLIC_REPORT_RATE=0, and the second factor with KHIEN_TOTP_REQUIRED empty).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { processMemory } from './stats.js';

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface ServerOptions {
  repoRoot: string;
  database: DatabaseTarget;
  logLevel: 'info' | 'warn';
  /** Pin the server to these CPUs (taskset list, e.g. "0"), when taskset exists. */
  cpus?: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Run apps/server/src/main.ts with tsx instead of the build in apps/server/dist. */
  fromSource?: boolean;
  readyTimeoutMs: number;
  /** More environment variables for the server (KHIEN_PUBLIC_REPORT_RATE, …); they override the defaults here. */
  env?: Record<string, string>;
  /** What exitState and the start-up errors quote: the end of standard error (default), or of both outputs. */
  quote?: 'stderr' | 'output';
}

export interface ServerHandle {
  pid: number;
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  /** From spawning the process to the first 200 from /healthz. */
  readyAfterMs: number;
  /** The fields of the first log line with this message, if the log level let it through. */
  logged(message: string): Record<string, unknown> | undefined;
  memory(): { rss: number; peakRss: number } | null;
  /** Null while it runs; otherwise its exit code and the end of its standard error. */
  exitState(): string | null;
  stop(): Promise<void>;
}

export const ADMIN_PASSWORD = 'bench-admin-password-1';
/** The key for encrypted columns, which the server requires on PostgreSQL; one per bench run. */
const DATA_KEYS = `k1:${crypto.randomBytes(32).toString('base64')}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
}

const running = new Set<ChildProcess>();

/** Kills every server this module started and that is still running (for an interrupted run). */
export function killServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export async function startServer(options: ServerOptions): Promise<ServerHandle> {
  const port = await freePort();
  // The server reads its configuration from the environment: start from a clean one for it.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('KHIEN_') && name !== 'DATABASE_URL' && name !== 'PORT')
      env[name] = value;
  }
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    KHIEN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    KHIEN_PUBLIC_CHECK_RATE: '0',
    KHIEN_JOBS: 'off',
    LOG_LEVEL: options.logLevel,
    ...(options.database.kind === 'pglite'
      ? { KHIEN_DATA_DIR: options.database.dataDir }
      : { DATABASE_URL: options.database.url, KHIEN_DATA_KEYS: DATA_KEYS }),
    ...options.env,
  });
  const node = options.fromSource
    ? [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(options.repoRoot, 'apps/server/src/main.ts')]
    : [...(options.nodeArgs ?? []), path.join(options.repoRoot, 'apps/server/dist/main.js')];
  const child =
    options.cpus !== undefined
      ? spawn('taskset', ['-c', options.cpus, process.execPath, ...node], { cwd: options.repoRoot, env })
      : spawn(process.execPath, node, { cwd: options.repoRoot, env });
  running.add(child);
  const spawnedAt = performance.now();
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  let output = '';
  let pending = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    output = (output + chunk).slice(-4000);
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (lines.length < 1000) lines.push(parsed);
      } catch {
        // not a log line (the first start prints a banner when it creates the administrator)
      }
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    output = (output + chunk).slice(-4000);
  });
  const quoted = options.quote ?? 'stderr';
  const tail = () => (quoted === 'output' ? output : stderr).trim();
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

  // Wait for /healthz, bounded in time; give up at once if the process ends.
  const deadline = spawnedAt + options.readyTimeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`the server exited (code ${exitCode}) before it was ready:\n${tail()}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready after ${options.readyTimeoutMs / 1000} s:\n${tail()}`);
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
  const readyAfterMs = performance.now() - spawnedAt;
  // Log lines written just before listening may still be in the pipe.
  await new Promise((resolve) => setTimeout(resolve, 100));

  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    readyAfterMs,
    logged: (message) => lines.find((line) => line.msg === message),
    memory: () => processMemory(child.pid!),
    exitState: () =>
      exitCode === undefined ? null : `exit code ${exitCode}; ${quoted}: ${tail() || '(empty)'}`,
    stop,
  };
}
