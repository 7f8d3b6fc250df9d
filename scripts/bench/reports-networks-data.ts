// The synthetic links of the networks benchmark (bench-reports): `reports` reports naming `links` identifiers
// in all, as the dense typed arrays connectedNetworks takes (apps/server/src/modules/reports/networks.ts).
//
// Shape, meant to look like real reports:
//   - a report names 2, 3, 3 or 4 identifiers (by report index mod 4; 3 on average, so 1,000,000 reports
//     give exactly 3,000,000 links), never the same one twice;
//   - `lone` of the reports (default 30 %) are lone scams: they name only identifiers no other report names;
//   - the others come from one of `rings` scam rings (default 50,000), picked with a Zipf law of exponent
//     `zipf` (default 1.0), so a few rings have tens of thousands of victims and most have a handful. A ring
//     owns about `idsPerReport` (default 0.2) identifiers per report it gets (at least 2); each link of its
//     reports names, with probability `reuse` (default 0.5), one of the ring's identifiers (skewed towards
//     its first ones: the main account and hotline), with probability `bridge` (default 0.0005) an
//     identifier of another ring (a mule account sold on, which joins two rings into one network), and
//     otherwise an identifier no other report names;
//   - identifier indexes are given in the order they are first named, so every identifier is linked; ring
//     identifiers and fresh ones are interleaved as reports come.
// Deterministic for a given seed (mulberry32, scripts/bench/dataset.ts).
import { random } from './dataset.js';

export interface NetworkDataOptions {
  reports: number;
  rings: number;
  zipf: number;
  lone: number;
  idsPerReport: number;
  reuse: number;
  bridge: number;
  seed: number;
}

export const DEFAULT_NETWORK_DATA: NetworkDataOptions = {
  reports: 1_000_000,
  rings: 50_000,
  zipf: 1.0,
  lone: 0.3,
  idsPerReport: 0.2,
  reuse: 0.5,
  bridge: 0.0005,
  seed: 29,
};

export interface NetworkData {
  reportCount: number;
  indicatorCount: number;
  report: Int32Array;
  indicator: Int32Array;
  /** Ring identifiers named at least once, and the most reports naming one identifier. */
  reusedNamed: number;
  busiestIdentifierReports: number;
}

const PATTERN = [2, 3, 3, 4];

export function linkCountOf(reports: number): number {
  let total = 0;
  for (let r = 0; r < reports; r++) total += PATTERN[r % 4]!;
  return total;
}

export function networkData(options: NetworkDataOptions): NetworkData {
  const next = random(options.seed);
  // Zipf cumulative weights over the rings.
  const cumulative = new Float64Array(options.rings);
  let sum = 0;
  for (let g = 0; g < options.rings; g++) {
    sum += 1 / Math.pow(g + 1, options.zipf);
    cumulative[g] = sum;
  }
  const drawRing = () => {
    const x = next() * sum;
    let lo = 0;
    let hi = options.rings - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Each ring's identifier slots: [firstSlot[g], firstSlot[g + 1]).
  const ringReports = options.reports * (1 - options.lone);
  const firstSlot = new Int32Array(options.rings + 1);
  for (let g = 0; g < options.rings; g++) {
    const share = (cumulative[g]! - (g > 0 ? cumulative[g - 1]! : 0)) / sum;
    firstSlot[g + 1] = firstSlot[g]! + Math.max(2, Math.round(share * ringReports * options.idsPerReport));
  }
  const slots = firstSlot[options.rings]!;
  const drawSlot = (g: number) => {
    const size = firstSlot[g + 1]! - firstSlot[g]!;
    const u = next();
    return firstSlot[g]! + Math.floor(size * u * u);
  };

  const total = linkCountOf(options.reports);
  const report = new Int32Array(total);
  const indicator = new Int32Array(total);
  // Dense identifier index of each ring slot, given when first named (−1: not yet).
  const indexOfSlot = new Int32Array(slots).fill(-1);
  const namedBy = new Int32Array(slots);
  let indicatorCount = 0;
  let k = 0;
  /** The ring slots the current report names. */
  const chosen: number[] = [];
  for (let r = 0; r < options.reports; r++) {
    const count = PATTERN[r % 4]!;
    const ring = next() < options.lone ? -1 : drawRing();
    chosen.length = 0;
    for (let n = 0; n < count; n++) {
      const x = next();
      let slot = -1;
      if (ring >= 0 && x < options.reuse + options.bridge) {
        const from = x < options.reuse ? ring : drawRing();
        // A report names an identifier once: a few redraws, then a fresh identifier instead.
        for (let guard = 0; guard < 8 && (slot < 0 || chosen.includes(slot)); guard++) slot = drawSlot(from);
        if (chosen.includes(slot)) slot = -1;
      }
      let index: number;
      if (slot >= 0) {
        chosen.push(slot);
        if (indexOfSlot[slot]! < 0) indexOfSlot[slot] = indicatorCount++;
        namedBy[slot]!++;
        index = indexOfSlot[slot]!;
      } else {
        index = indicatorCount++;
      }
      report[k] = r;
      indicator[k] = index;
      k++;
    }
  }
  let reusedNamed = 0;
  let busiest = 1;
  for (let s = 0; s < slots; s++) {
    if (namedBy[s]! > 0) reusedNamed++;
    if (namedBy[s]! > busiest) busiest = namedBy[s]!;
  }
  return {
    reportCount: options.reports,
    indicatorCount,
    report,
    indicator,
    reusedNamed,
    busiestIdentifierReports: busiest,
  };
}

/** Networks as connectedNetworks numbers them: by their smallest report index, from 0. */
export interface NetworkShape {
  count: number;
  /** Networks by how many reports they hold: [label, networks, reports in them]. */
  bySize: Array<[string, number, number]>;
  largestReports: number;
  largestIdentifiers: number;
  /** FNV-1a over networkOfReport and networkOfIndicator, to compare two groupings exactly. */
  digest: string;
}

const BUCKETS: Array<[string, number, number]> = [
  ['1 report', 1, 1],
  ['2', 2, 2],
  ['3–9', 3, 9],
  ['10–99', 10, 99],
  ['100–999', 100, 999],
  ['1,000–99,999', 1000, 99_999],
  ['≥ 100,000', 100_000, Infinity],
];

export function shapeOf(networks: {
  count: number;
  networkOfReport: Int32Array;
  networkOfIndicator: Int32Array;
}): NetworkShape {
  const reports = new Int32Array(networks.count);
  const identifiers = new Int32Array(networks.count);
  for (const n of networks.networkOfReport) reports[n]!++;
  for (const n of networks.networkOfIndicator) if (n >= 0) identifiers[n]!++;
  const bySize = BUCKETS.map(([label]) => [label, 0, 0] as [string, number, number]);
  let largest = 0;
  for (let n = 0; n < networks.count; n++) {
    const size = reports[n]!;
    const bucket = BUCKETS.findIndex(([, lo, hi]) => size >= lo && size <= hi);
    bySize[bucket]![1]++;
    bySize[bucket]![2] += size;
    if (size > reports[largest]!) largest = n;
  }
  let hash = 0x811c9dc5;
  const mix = (values: Int32Array) => {
    for (const v of values) {
      hash ^= v & 0xffff;
      hash = Math.imul(hash, 0x01000193);
      hash ^= v >>> 16;
      hash = Math.imul(hash, 0x01000193);
    }
  };
  mix(networks.networkOfReport);
  mix(networks.networkOfIndicator);
  return {
    count: networks.count,
    bySize,
    largestReports: networks.count > 0 ? reports[largest]! : 0,
    largestIdentifiers: networks.count > 0 ? identifiers[largest]! : 0,
    digest: (hash >>> 0).toString(16).padStart(8, '0'),
  };
}
