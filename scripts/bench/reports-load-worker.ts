// Child process of bench-reports: the load generator for report intake, in its own process so that it does
// not share an event loop with the server. Closed loop: `connections` clients (node:http, keep-alive), each
// sending its next POST when the previous answer has fully arrived, for warm-up plus the timed window; then
// it waits for the answers still on their way, so that every acknowledged report is counted.
//
// Each request is a multipart/form-data body (scripts/bench/reports-data.ts): the `report` field with the
// JSON of report number `serialBase + n` (every one different, so duplicate detection is not hit), and one
// `evidence` file, the same 200 KB PNG for all. An answer 201 is an acknowledged report.
import http from 'node:http';
import os from 'node:os';
import { evidencePng, multipartFor, reportFor, BOUNDARY } from './reports-data.js';
import { machineCpuSeconds, processCpuSeconds, Samples, summarise, type LatencySummary } from './stats.js';

export interface IntakeScenario {
  name: string;
  seconds: number;
  warmupSeconds: number;
  /** The first report number of this scenario; numbers must not repeat within a database. */
  serialBase: number;
}

export interface IntakeLoadInput {
  port: number;
  path: string;
  connections: number;
  serverPid: number;
  timeoutMs: number;
  evidenceBytes: number;
  scenarios: IntakeScenario[];
}

export interface Receipt {
  serial: number;
  trackingCode: string;
  secret: string;
  handlingUnit: string | null;
  evidenceCount: number;
}

export interface IntakeResult {
  name: string;
  connections: number;
  seconds: number;
  /** Answers 201 completed inside the timed window, per second. */
  perSecond: number;
  completed: number;
  /** Evidence bytes acknowledged per second in the timed window. */
  evidenceBytesPerSecond: number;
  /** Answers other than 201 in the timed window, by status; failed connections and timeouts. */
  errors: { status: Record<string, number>; socket: number; timeout: number };
  /** First few error answers' bodies, to say what went wrong. */
  errorExamples: string[];
  latencyMs: LatencySummary;
  serverCpuPct: number | null;
  loadCpuPct: number;
  machineBusyPct: number | null;
  /** Whole scenario, warm-up and tail included: requests sent, answers 201, and the numbers used. */
  sent: number;
  acknowledged: number;
  serialsUsed: number;
  /** A sample of receipts (about one in 25), to follow them afterwards. */
  receipts: Receipt[];
  loadAverage: number;
  requestBytes: number;
}

const HOST = '127.0.0.1';

async function runScenario(
  input: IntakeLoadInput,
  scenario: IntakeScenario,
  png: Buffer,
): Promise<IntakeResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections });
  const from = performance.now() + scenario.warmupSeconds * 1000;
  const to = from + scenario.seconds * 1000;
  const samples = new Samples(1 << 14);
  const errors = { status: {} as Record<string, number>, socket: 0, timeout: 0 };
  const errorExamples: string[] = [];
  const receipts: Receipt[] = [];
  let completed = 0;
  let sent = 0;
  let acknowledged = 0;
  let next = 0;
  let requestBytes = 0;
  let cpuStart: {
    load: NodeJS.CpuUsage;
    server: number | null;
    machine: ReturnType<typeof machineCpuSeconds>;
  } | null = null;
  let cpu: { server: number | null; load: number; machine: number | null } | null = null;
  const startTimer = setTimeout(
    () => {
      cpuStart = {
        load: process.cpuUsage(),
        server: processCpuSeconds(input.serverPid),
        machine: machineCpuSeconds(),
      };
    },
    Math.max(0, from - performance.now()),
  );
  const stopTimer = setTimeout(
    () => {
      if (!cpuStart) return;
      const load = process.cpuUsage(cpuStart.load);
      const server = processCpuSeconds(input.serverPid);
      const machine = machineCpuSeconds();
      cpu = {
        load: (100 * (load.user + load.system)) / 1e6 / scenario.seconds,
        server:
          server !== null && cpuStart.server !== null
            ? (100 * (server - cpuStart.server)) / scenario.seconds
            : null,
        machine:
          machine && cpuStart.machine
            ? (100 * (machine.busy - cpuStart.machine.busy)) / (machine.total - cpuStart.machine.total)
            : null,
      };
    },
    Math.max(0, to - performance.now()),
  );

  const post = (serial: number) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const [before, after] = multipartFor(reportFor(serial));
      const length = before.length + png.length + after.length;
      requestBytes = length;
      const request = http.request(
        {
          agent,
          host: HOST,
          port: input.port,
          method: 'POST',
          path: input.path,
          headers: {
            'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
            'content-length': String(length),
            'user-agent': 'khien-bench',
            accept: 'application/json',
          },
          timeout: input.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.write(before);
      request.write(png);
      request.end(after);
    });

  const client = async () => {
    while (performance.now() < to) {
      const serial = scenario.serialBase + next++;
      const sentAt = performance.now();
      sent++;
      try {
        const { status, body } = await post(serial);
        const doneAt = performance.now();
        const timed = sentAt >= from && doneAt <= to;
        if (status === 201) {
          acknowledged++;
          if (receipts.length < 400 && serial % 25 === 0) {
            const receipt = JSON.parse(body) as Omit<Receipt, 'serial'>;
            receipts.push({ serial, ...receipt });
          }
          if (timed) {
            completed++;
            samples.push(doneAt - sentAt);
          }
        } else {
          if (timed) errors.status[status] = (errors.status[status] ?? 0) + 1;
          if (errorExamples.length < 3) errorExamples.push(`${status} ${body.slice(0, 300)}`);
        }
      } catch (error) {
        const now = performance.now();
        if (now >= from && now <= to) errors[(error as Error).message === 'timeout' ? 'timeout' : 'socket']++;
        if (errorExamples.length < 3) errorExamples.push((error as Error).message);
        if (errors.socket + errors.timeout > input.connections * 20)
          throw new Error('too many failed requests');
      }
    }
  };
  const loadAverage = os.loadavg()[0]!;
  try {
    await Promise.all(Array.from({ length: input.connections }, client));
  } finally {
    agent.destroy();
    clearTimeout(startTimer);
  }
  // Let the CPU reading at the window's end happen.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, to - performance.now()) + 20));
  clearTimeout(stopTimer);
  const reading = cpu as { server: number | null; load: number; machine: number | null } | null;
  return {
    name: scenario.name,
    connections: input.connections,
    seconds: scenario.seconds,
    perSecond: completed / scenario.seconds,
    completed,
    evidenceBytesPerSecond: (completed * png.length) / scenario.seconds,
    errors,
    errorExamples,
    latencyMs: summarise(samples.view()),
    serverCpuPct: reading?.server ?? null,
    loadCpuPct: reading?.load ?? NaN,
    machineBusyPct: reading?.machine ?? null,
    sent,
    acknowledged,
    serialsUsed: next,
    receipts,
    loadAverage,
    requestBytes,
  };
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as IntakeLoadInput;
  const png = evidencePng(input.evidenceBytes);
  for (const scenario of input.scenarios) {
    const result = await runScenario(input, scenario, png);
    await new Promise<void>((resolve) => process.send!({ result }, undefined, {}, () => resolve()));
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
