// Summarises a V8 CPU profile (.cpuprofile, e.g. from `bench-lookup --cpu-prof DIR`): where the process
// spent its time, by package or file and by function, self and inclusive.
//
//   node --import tsx scripts/bench/profile-summary.ts FILE.cpuprofile [--last S] [--skip-last S] [--top N]
//
// --last keeps the samples of the profile's last S seconds, less the final --skip-last seconds: the
// scenarios run in a known order (bench-lookup: warm-ups, then hello, check per round, then the stop),
// so `--last 10.5` is about the last check scenario and `--last 21 --skip-last 10.5` the hello before it.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && !/^\d+(\.\d+)?$/.test(arg));
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
if (!file) {
  process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [--last S] [--skip-last S] [--top N]\n');
  process.exit(2);
}
const last = option('--last', Infinity);
const skipLast = option('--skip-last', 0);
const top = option('--top', 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Sample times (µs from the profile's start) and the window kept.
const times: number[] = [];
let t = 0;
for (const delta of profile.timeDeltas) times.push((t += delta));
const end = times[times.length - 1] ?? 0;
const from = Number.isFinite(last) ? end - last * 1e6 : -Infinity;
const to = end - skipLast * 1e6;

function where(url: string): string {
  if (!url) return '(native/V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(/^.*\/(apps|packages)\//, '$1/');
}
const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const selfByPlace = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
for (let k = 0; k < profile.samples.length; k++) {
  if (times[k]! < from || times[k]! > to) continue;
  const dt = profile.timeDeltas[k + 1] ?? 0;
  const node = byId.get(profile.samples[k]!)!;
  const name = node.callFrame.functionName;
  total += dt;
  if (name === '(idle)') {
    idle += dt;
    continue;
  }
  const key = label(node);
  self.set(key, (self.get(key) ?? 0) + dt);
  const place = name === '(garbage collector)' ? '(garbage collector)' : where(node.callFrame.url);
  selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + dt);
  // Inclusive: every distinct frame on the stack once.
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const frame = label(byId.get(id)!);
    if (seen.has(frame)) continue;
    seen.add(frame);
    inclusive.set(frame, (inclusive.get(frame) ?? 0) + dt);
  }
}

const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const list = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
};
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled${Number.isFinite(last) ? ` (last ${last} s)` : ''}, ` +
    `${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)} %); shares below are of busy time`,
);
list('self time by package or file', selfByPlace, 15);
list('self time by function', self, top);
list('inclusive time by function', inclusive, top);
