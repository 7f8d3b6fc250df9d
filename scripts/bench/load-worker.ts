// Child process of bench-lookup: the HTTP load generator, in its own process so that it does not share
// an event loop with the server. Closed loop: `connections` keep-alive connections, each sending its next
// request when the previous answer has fully arrived (no pipelining), for warm-up plus the timed window.
//
// Two clients: `raw` (default) writes prepared request bytes on node:net sockets and reads just the
// status line and Content-Length (or chunked framing), which costs the load process far less CPU per
// request than node:http, so that on a small machine the server, not the client, is the bottleneck;
// `http` uses node:http with a keep-alive agent, as a cross-check.
import http from 'node:http';
import net from 'node:net';
import { probes, queryOf } from './dataset.js';
import { machineCpuSeconds, processCpuSeconds, Samples, summarise, type LatencySummary } from './stats.js';

export interface Scenario {
  name: string;
  /** A fixed path, or the public check over the benchmark's probes. */
  target:
    { path: string } | { check: { count: number; probeCount: number; presentShare: number; seed: number } };
  seconds: number;
  warmupSeconds: number;
}

export interface LoadWorkerInput {
  port: number;
  connections: number;
  client: 'raw' | 'http';
  serverPid: number;
  timeoutMs: number;
  scenarios: Scenario[];
}

export interface ScenarioResult {
  name: string;
  client: 'raw' | 'http';
  connections: number;
  seconds: number;
  /** Answers with status 200 completed inside the timed window, per second. */
  perSecond: number;
  completed: number;
  /** Answers other than 200, by status; failed connections and timeouts. */
  errors: { status: Record<string, number>; socket: number; timeout: number };
  latencyMs: LatencySummary;
  meanResponseBytes: number;
  /** CPU over the timed window, in % of one core, and the whole machine's busy share. */
  serverCpuPct: number | null;
  loadCpuPct: number;
  machineBusyPct: number | null;
}

const HOST = '127.0.0.1';

function requestsFor(scenario: Scenario, port: number): { raw: Buffer[]; paths: string[] } {
  const paths =
    'path' in scenario.target
      ? [scenario.target.path]
      : probes(
          scenario.target.check.count,
          scenario.target.check.probeCount,
          scenario.target.check.presentShare,
          scenario.target.check.seed,
        ).map((p) => `/api/public/check?q=${encodeURIComponent(queryOf(p.i))}`);
  const raw = paths.map((path) =>
    Buffer.from(
      `GET ${path} HTTP/1.1\r\nHost: ${HOST}:${port}\r\nUser-Agent: khien-bench\r\nAccept: application/json\r\n\r\n`,
      'latin1',
    ),
  );
  return { raw, paths };
}

/** The timed window and what was seen in it. */
class Window {
  readonly from: number;
  readonly to: number;
  readonly samples = new Samples();
  completed = 0;
  bytes = 0;
  errors = { status: {} as Record<string, number>, socket: 0, timeout: 0 };
  private cpuStart: {
    load: NodeJS.CpuUsage;
    server: number | null;
    machine: ReturnType<typeof machineCpuSeconds>;
  } | null = null;
  cpu: { server: number | null; load: number; machine: number | null } | null = null;

  constructor(
    warmupSeconds: number,
    readonly seconds: number,
    private readonly serverPid: number,
  ) {
    this.from = performance.now() + warmupSeconds * 1000;
    this.to = this.from + seconds * 1000;
    setTimeout(() => this.startCpu(), Math.max(0, this.from - performance.now())).unref();
    setTimeout(() => this.stopCpu(), Math.max(0, this.to - performance.now())).unref();
  }

  private startCpu() {
    this.cpuStart = {
      load: process.cpuUsage(),
      server: processCpuSeconds(this.serverPid),
      machine: machineCpuSeconds(),
    };
  }

  private stopCpu() {
    if (!this.cpuStart) return;
    const load = process.cpuUsage(this.cpuStart.load);
    const server = processCpuSeconds(this.serverPid);
    const machine = machineCpuSeconds();
    const start = this.cpuStart;
    this.cpu = {
      load: (100 * (load.user + load.system)) / 1e6 / this.seconds,
      server:
        server !== null && start.server !== null ? (100 * (server - start.server)) / this.seconds : null,
      machine:
        machine && start.machine
          ? (100 * (machine.busy - start.machine.busy)) / (machine.total - start.machine.total)
          : null,
    };
  }

  record(sentAt: number, doneAt: number, status: number, bytes: number) {
    if (sentAt < this.from || doneAt > this.to) return;
    if (status === 200) {
      this.completed++;
      this.bytes += bytes;
      this.samples.push(doneAt - sentAt);
    } else {
      this.errors.status[status] = (this.errors.status[status] ?? 0) + 1;
    }
  }

  failed(kind: 'socket' | 'timeout') {
    this.errors[kind]++;
  }
}

/** Where a complete response ends in `buffer`, its status; null while incomplete. */
function parseResponse(buffer: Buffer): { end: number; status: number } | null {
  const headerEnd = buffer.indexOf('\r\n\r\n', 0, 'latin1');
  if (headerEnd < 0) return null;
  const status = (buffer[9]! - 48) * 100 + (buffer[10]! - 48) * 10 + (buffer[11]! - 48);
  const head = buffer.toString('latin1', 0, headerEnd).toLowerCase();
  const cl = head.indexOf('\r\ncontent-length:');
  if (cl >= 0) {
    // parseInt skips the blank after the colon and stops at the line's end.
    const length = Number.parseInt(head.slice(cl + 17, cl + 40), 10);
    const end = headerEnd + 4 + length;
    return buffer.length >= end ? { end, status } : null;
  }
  if (head.includes('\r\ntransfer-encoding: chunked')) {
    // Walk the chunks: size line, data, CRLF; a zero-size chunk and an empty trailer end the body.
    let at = headerEnd + 4;
    for (let guard = 0; guard < 100_000; guard++) {
      const lineEnd = buffer.indexOf('\r\n', at, 'latin1');
      if (lineEnd < 0) return null;
      const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
      if (size === 0) {
        const end = buffer.indexOf('\r\n\r\n', lineEnd - 2, 'latin1');
        return end < 0 ? null : { end: end + 4, status };
      }
      at = lineEnd + 2 + size + 2;
      if (at > buffer.length) return null;
    }
    throw new Error('malformed chunked response');
  }
  // No length and no chunks: a body-less answer (e.g. 204/304).
  return { end: headerEnd + 4, status };
}

async function runRaw(input: LoadWorkerInput, scenario: Scenario): Promise<Window> {
  const { raw } = requestsFor(scenario, input.port);
  const window = new Window(scenario.warmupSeconds, scenario.seconds, input.serverPid);
  let next = 0;
  let reconnects = 0;
  let lastError = 'none: closed by the server';
  const maxReconnects = input.connections * 20;

  return new Promise<Window>((resolve, reject) => {
    let open = 0;
    let finished = false;
    const conns = new Set<{ socket: net.Socket; sentAt: number; busy: boolean }>();
    const done = () => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      for (const c of conns) c.socket.destroy();
      resolve(window);
    };
    const watchdog = setInterval(() => {
      const now = performance.now();
      for (const c of conns) {
        if (c.busy && now - c.sentAt > input.timeoutMs) {
          window.failed('timeout');
          c.busy = false;
          c.socket.destroy();
        }
      }
      // Hard stop: the timed window is long over and some answers never came.
      if (now > window.to + input.timeoutMs + 1000) done();
    }, 250);

    const connect = () => {
      const socket = net.connect({ host: HOST, port: input.port, noDelay: true });
      const c = { socket, sentAt: 0, busy: false };
      conns.add(c);
      open++;
      let acc: Buffer | null = null;
      const send = () => {
        if (performance.now() >= window.to) {
          socket.end();
          return;
        }
        const request = raw[next++ % raw.length]!;
        c.busy = true;
        c.sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        acc = acc ? Buffer.concat([acc, chunk]) : chunk;
        const parsed = parseResponse(acc);
        if (!parsed) return;
        const now = performance.now();
        c.busy = false;
        window.record(c.sentAt, now, parsed.status, parsed.end);
        if (acc.length > parsed.end) {
          reject(new Error('bytes after a complete response (pipelining is not used)'));
          return;
        }
        acc = null;
        send();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        lastError = error.code ?? error.message;
        if (c.busy && performance.now() < window.to) window.failed('socket');
        c.busy = false;
      });
      socket.on('close', () => {
        conns.delete(c);
        open--;
        if (!finished && performance.now() < window.to) {
          if (++reconnects > maxReconnects) {
            reject(new Error(`more than ${maxReconnects} connections failed (last error: ${lastError})`));
            return;
          }
          connect();
        } else if (open === 0) done();
      });
    };
    for (let k = 0; k < input.connections; k++) connect();
  });
}

async function runHttp(input: LoadWorkerInput, scenario: Scenario): Promise<Window> {
  const { paths } = requestsFor(scenario, input.port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections });
  const window = new Window(scenario.warmupSeconds, scenario.seconds, input.serverPid);
  let next = 0;
  const one = (path: string) =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: HOST,
          port: input.port,
          path,
          headers: { 'user-agent': 'khien-bench', accept: 'application/json' },
          timeout: input.timeoutMs,
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end();
    });
  const client = async () => {
    for (let n = 0; n < 1e8 && performance.now() < window.to; n++) {
      const sentAt = performance.now();
      try {
        const { status, bytes } = await one(paths[next++ % paths.length]!);
        window.record(sentAt, performance.now(), status, bytes);
      } catch (error) {
        if (performance.now() < window.to)
          window.failed((error as Error).message === 'timeout' ? 'timeout' : 'socket');
        if (window.errors.socket + window.errors.timeout > input.connections * 20)
          throw new Error('too many failed requests');
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: input.connections }, client));
  } finally {
    agent.destroy();
  }
  return window;
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as LoadWorkerInput;
  for (const scenario of input.scenarios) {
    const window = input.client === 'http' ? await runHttp(input, scenario) : await runRaw(input, scenario);
    // Let the CPU reading at the window's end happen before reporting.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, window.to - performance.now()) + 20));
    const result: ScenarioResult = {
      name: scenario.name,
      client: input.client,
      connections: input.connections,
      seconds: scenario.seconds,
      perSecond: window.completed / scenario.seconds,
      completed: window.completed,
      errors: window.errors,
      latencyMs: summarise(window.samples.view()),
      meanResponseBytes: window.completed ? window.bytes / window.completed : NaN,
      serverCpuPct: window.cpu?.server ?? null,
      loadCpuPct: window.cpu?.load ?? NaN,
      machineBusyPct: window.cpu?.machine ?? null,
    };
    await new Promise<void>((resolve) => process.send!({ result }, undefined, {}, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

process.on('disconnect', () => process.exit(1));
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await new Promise<void>((resolve) => process.send!({ error: message }, undefined, {}, () => resolve()));
    process.exit(1);
  },
);
