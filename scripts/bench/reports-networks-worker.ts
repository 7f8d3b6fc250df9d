// Child process of bench-reports (run with --expose-gc): groups the synthetic links of
// scripts/bench/reports-networks-data.ts into networks with one implementation, in a process of its own so
// that its memory is measured alone:
//   - `khien`: connectedNetworks from apps/server/src/modules/reports/networks.ts (imported by path at run
//     time, so that the rest of the benchmark runs while that file is missing or broken), timed `rounds`
//     times on the same links (the median is reported; memory is read on the first);
//   - `graphology`: the baseline, the same grouping with graphology (an undirected graph of reports and
//     identifiers built from the same arrays) and graphology-components' connectedComponents, once.
// Both answers are renumbered as connectedNetworks numbers networks (by smallest report index) and digested,
// so that the parent can check that they are the same grouping.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { networkData, shapeOf, type NetworkDataOptions, type NetworkShape } from './reports-networks-data.js';
import { processMemory } from './stats.js';

export interface NetworksWorkerInput {
  implementation: 'khien' | 'graphology';
  /** The file exporting connectedNetworks (for `khien`). */
  modulePath: string;
  data: NetworkDataOptions;
  rounds: number;
}

export interface NetworksResult {
  implementation: 'khien' | 'graphology';
  reportCount: number;
  indicatorCount: number;
  linkCount: number;
  reusedNamed: number;
  busiestIdentifierReports: number;
  dataMs: number;
  /** graphology only: building the graph from the arrays. */
  buildMs: number | null;
  /** The grouping itself: connectedNetworks, or connectedComponents on the built graph. */
  groupMs: number;
  /** From the arrays to the networks: build + group. */
  totalMs: number;
  /** Every timed round of connectedNetworks. */
  roundsMs: number[];
  memory: {
    /** JS heap + array buffers after a full GC, result (and graph) kept, minus the same before. */
    retainedBytes: number;
    /** Peak resident memory during the work above the resident memory before it (Linux). */
    peakRssGrowthBytes: number | null;
    rssBeforeBytes: number | null;
    /** The links' typed arrays, for scale. */
    linkBytes: number;
  };
  shape: NetworkShape;
}

export type NetworksWorkerMessage = { result: NetworksResult } | { unavailable: string } | { error: string };

interface Grouping {
  count: number;
  networkOfReport: Int32Array;
  networkOfIndicator: Int32Array;
}
/** The signature of apps/server/src/modules/reports/networks.ts, declared here: that file is loaded by path. */
type ConnectedNetworks = (links: {
  reportCount: number;
  indicatorCount: number;
  report: Int32Array;
  indicator: Int32Array;
}) => Grouping;

declare const gc: () => void;

function fullGc() {
  for (let k = 0; k < 4; k++) gc();
}

function heapAndBuffers() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Resets the kernel's peak-RSS mark of this process (Linux ≥ 4.0), so that VmHWM measures from now. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** What the memory reading must find still alive (module level, so that V8 cannot drop it early). */
const kept: unknown[] = [];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as NetworksWorkerInput;
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');

  let connectedNetworks: ConnectedNetworks | null = null;
  if (input.implementation === 'khien') {
    try {
      const module = (await import(pathToFileURL(input.modulePath).href)) as {
        connectedNetworks?: ConnectedNetworks;
      };
      if (typeof module.connectedNetworks !== 'function') throw new Error('it exports no connectedNetworks');
      connectedNetworks = module.connectedNetworks;
    } catch (error) {
      process.send!({ unavailable: `${input.modulePath}: ${(error as Error).message}` });
      return;
    }
  }

  const dataStart = performance.now();
  const data = networkData(input.data);
  const dataMs = performance.now() - dataStart;
  const links = {
    reportCount: data.reportCount,
    indicatorCount: data.indicatorCount,
    report: data.report,
    indicator: data.indicator,
  };

  fullGc();
  const heapBefore = heapAndBuffers();
  const rssBefore = processMemory(process.pid)?.rss ?? null;
  const peakReset = resetPeakRss();

  let grouping: Grouping;
  let buildMs: number | null = null;
  let groupMs: number;
  const roundsMs: number[] = [];
  if (connectedNetworks) {
    const start = performance.now();
    grouping = connectedNetworks(links);
    groupMs = performance.now() - start;
    roundsMs.push(groupMs);
  } else {
    const { default: Graph } = await import('graphology');
    const { connectedComponents } = await import('graphology-components');
    const start = performance.now();
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    const R = data.reportCount;
    for (let r = 0; r < R; r++) graph.addNode(String(r));
    for (let i = 0; i < data.indicatorCount; i++) graph.addNode(String(R + i));
    for (let k = 0; k < data.report.length; k++)
      graph.addEdge(String(data.report[k]!), String(R + data.indicator[k]!));
    const built = performance.now();
    const components = connectedComponents(graph);
    const done = performance.now();
    buildMs = built - start;
    groupMs = done - built;
    kept.push(graph, components);
    // Renumber as connectedNetworks does (untimed): component of each node, then networks by smallest report.
    const componentOf = new Int32Array(R + data.indicatorCount);
    components.forEach((nodes, c) => {
      for (const node of nodes) componentOf[Number(node)] = c;
    });
    const networkOfComponent = new Int32Array(components.length).fill(-1);
    const networkOfReport = new Int32Array(R);
    let count = 0;
    for (let r = 0; r < R; r++) {
      const c = componentOf[r]!;
      if (networkOfComponent[c]! < 0) networkOfComponent[c] = count++;
      networkOfReport[r] = networkOfComponent[c]!;
    }
    const networkOfIndicator = new Int32Array(data.indicatorCount);
    for (let i = 0; i < data.indicatorCount; i++)
      networkOfIndicator[i] = networkOfComponent[componentOf[R + i]!]!;
    grouping = { count, networkOfReport, networkOfIndicator };
  }
  const peakRss = peakReset ? (processMemory(process.pid)?.peakRss ?? null) : null;
  fullGc();
  const retainedBytes = heapAndBuffers() - heapBefore;
  kept.length = 0;

  // More rounds of connectedNetworks for a steadier time (the first one's memory is the one reported).
  if (connectedNetworks) {
    for (let round = 1; round < input.rounds; round++) {
      const start = performance.now();
      connectedNetworks(links);
      roundsMs.push(performance.now() - start);
    }
    groupMs = median(roundsMs);
  }

  const result: NetworksResult = {
    implementation: input.implementation,
    reportCount: data.reportCount,
    indicatorCount: data.indicatorCount,
    linkCount: data.report.length,
    reusedNamed: data.reusedNamed,
    busiestIdentifierReports: data.busiestIdentifierReports,
    dataMs,
    buildMs,
    groupMs,
    totalMs: (buildMs ?? 0) + groupMs,
    roundsMs,
    memory: {
      retainedBytes,
      peakRssGrowthBytes: peakRss !== null && rssBefore !== null ? peakRss - rssBefore : null,
      rssBeforeBytes: rssBefore,
      linkBytes: data.report.byteLength + data.indicator.byteLength,
    },
    shape: shapeOf(grouping),
  };
  await new Promise<void>((resolve) => process.send!({ result }, undefined, {}, () => resolve()));
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await new Promise<void>((resolve) => process.send!({ error: message }, undefined, {}, () => resolve()));
    process.exit(1);
  },
);
