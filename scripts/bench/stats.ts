// Latency summaries, process and machine readings from /proc, and the report's formatting.
import fs from 'node:fs';

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Percentiles (nearest rank) of latencies in milliseconds; sorts `samples` in place. */
export function summarise(samples: Float64Array): LatencySummary {
  const n = samples.length;
  if (n === 0) return { count: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  samples.sort();
  const at = (q: number) => samples[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += samples[k]!;
  return { count: n, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: samples[n - 1]!, mean: sum / n };
}

/** A growable list of latencies with a hard cap (the rest are counted, not kept). */
export class Samples {
  private data: Float64Array;
  length = 0;
  dropped = 0;

  constructor(
    initial = 1 << 16,
    private readonly cap = 8_000_000,
  ) {
    this.data = new Float64Array(initial);
  }

  push(ms: number): void {
    if (this.length === this.data.length) {
      if (this.length >= this.cap) {
        this.dropped++;
        return;
      }
      const bigger = new Float64Array(Math.min(this.cap, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = ms;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–'),
  pct: (n: number) => (Number.isFinite(n) ? `${Math.round(n)}%` : '–'),
  mb: (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(0)} MB` : '–'),
};

/** A plain text table: the first row is the header. */
export function table(rows: string[][], alignRight: boolean[] = []): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat; null elsewhere. */
export function machineCpuSeconds(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return null;
  }
}

/** Resident and peak resident memory of a process in bytes, from /proc (Linux); null elsewhere. */
export function processMemory(pid: number): { rss: number; peakRss: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') * 1024, peakRss: kb('VmHWM') * 1024 };
  } catch {
    return null;
  }
}
