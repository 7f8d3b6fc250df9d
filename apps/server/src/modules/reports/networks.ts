/**
 * Scam networks (mạng lưới, đường dây): reports joined by the identifiers they share. Two reports belong to
 * the same network when a chain of shared identifiers leads from one to the other, that is, networks are
 * the connected components of the bipartite graph of reports and identifiers.
 *
 * Pure and without I/O: the caller maps its ids to dense indexes (reports 0…reportCount−1, identifiers
 * 0…indicatorCount−1) and passes the links as two typed arrays, so that a million reports with three
 * million links fit in a few tens of megabytes and are grouped in well under a second.
 */

/** Link k joins report `report[k]` with identifier `indicator[k]` (dense indexes). */
export interface NetworkLinks {
  reportCount: number;
  indicatorCount: number;
  report: Int32Array;
  indicator: Int32Array;
}

/**
 * Networks numbered 0…count−1 in the order of their smallest report index. Every report is in a network
 * (a report sharing nothing is a network of its own); an identifier no report names is in none (−1).
 */
export interface Networks {
  count: number;
  networkOfReport: Int32Array;
  networkOfIndicator: Int32Array;
}

/**
 * Union-find over one typed array (reports first, then identifiers), with path halving and union by size:
 * near-linear in the number of links. Throws a RangeError on a link that names an index out of range.
 */
export function connectedNetworks(links: NetworkLinks): Networks {
  const { reportCount, indicatorCount, report, indicator } = links;
  if (!Number.isInteger(reportCount) || reportCount < 0) throw new RangeError('reportCount');
  if (!Number.isInteger(indicatorCount) || indicatorCount < 0) throw new RangeError('indicatorCount');
  if (report.length !== indicator.length) {
    throw new RangeError('report and indicator must have one entry per link');
  }
  const nodes = reportCount + indicatorCount;
  const parent = new Int32Array(nodes);
  for (let node = 0; node < nodes; node++) parent[node] = node;
  const size = new Int32Array(nodes).fill(1);

  const find = (start: number): number => {
    let node = start;
    while (parent[node] !== node) {
      // Path halving: every node on the way points to its grandparent, which flattens the tree as we go.
      const grandparent = parent[parent[node]!]!;
      parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  };

  for (let k = 0; k < report.length; k++) {
    const r = report[k]!;
    const i = indicator[k]!;
    if (r < 0 || r >= reportCount || i < 0 || i >= indicatorCount) {
      throw new RangeError(`link ${k} joins report ${r} and identifier ${i}, out of range`);
    }
    let a = find(r);
    let b = find(reportCount + i);
    if (a === b) continue;
    if (size[a]! < size[b]!) [a, b] = [b, a];
    parent[b] = a;
    size[a]! += size[b]!;
  }

  // Number the networks as their smallest report is met, so that network 0 holds report 0 and so on.
  const networkOfRoot = size; // no longer needed as sizes: reused to save memory
  networkOfRoot.fill(-1);
  const networkOfReport = new Int32Array(reportCount);
  let count = 0;
  for (let r = 0; r < reportCount; r++) {
    const root = find(r);
    let network = networkOfRoot[root]!;
    if (network < 0) {
      network = count++;
      networkOfRoot[root] = network;
    }
    networkOfReport[r] = network;
  }
  const networkOfIndicator = new Int32Array(indicatorCount);
  for (let i = 0; i < indicatorCount; i++) networkOfIndicator[i] = networkOfRoot[find(reportCount + i)]!;
  return { count, networkOfReport, networkOfIndicator };
}
