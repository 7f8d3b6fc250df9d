import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedNetworks, type NetworkLinks } from './networks.js';

interface SmallGraph {
  reportCount: number;
  indicatorCount: number;
  links: Array<[number, number]>;
}

const linksOf = (graph: SmallGraph): NetworkLinks => ({
  reportCount: graph.reportCount,
  indicatorCount: graph.indicatorCount,
  report: Int32Array.from(graph.links.map(([r]) => r)),
  indicator: Int32Array.from(graph.links.map(([, i]) => i)),
});

/** Small random graphs: up to 12 reports, 10 identifiers and 25 links (repeated links included). */
const smallGraph: fc.Arbitrary<SmallGraph> = fc
  .record({ reportCount: fc.nat(12), indicatorCount: fc.nat(10) })
  .chain(({ reportCount, indicatorCount }) =>
    fc.record({
      reportCount: fc.constant(reportCount),
      indicatorCount: fc.constant(indicatorCount),
      links:
        reportCount === 0 || indicatorCount === 0
          ? fc.constant<Array<[number, number]>>([])
          : fc.array(fc.tuple(fc.nat(reportCount - 1), fc.nat(indicatorCount - 1)), { maxLength: 25 }),
    }),
  );

/**
 * The model: a breadth-first search from each report over the same bipartite graph, numbering components
 * in the order their smallest report is met.
 */
function bfsModel(graph: SmallGraph) {
  const { reportCount, indicatorCount, links } = graph;
  const neighbours = Array.from({ length: reportCount + indicatorCount }, () => [] as number[]);
  for (const [r, i] of links) {
    neighbours[r]!.push(reportCount + i);
    neighbours[reportCount + i]!.push(r);
  }
  const component = new Array<number>(reportCount + indicatorCount).fill(-1);
  let count = 0;
  for (let start = 0; start < reportCount; start++) {
    if (component[start] !== -1) continue;
    const queue = [start];
    component[start] = count;
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of neighbours[node]!) {
        if (component[next] === -1) {
          component[next] = count;
          queue.push(next);
        }
      }
    }
    count++;
  }
  return {
    count,
    networkOfReport: component.slice(0, reportCount),
    networkOfIndicator: component.slice(reportCount),
  };
}

describe('connectedNetworks', () => {
  it('numbers the networks exactly as a breadth-first search does', () => {
    fc.assert(
      fc.property(smallGraph, (graph) => {
        const networks = connectedNetworks(linksOf(graph));
        const model = bfsModel(graph);
        expect(networks.count).toBe(model.count);
        expect([...networks.networkOfReport]).toEqual(model.networkOfReport);
        expect([...networks.networkOfIndicator]).toEqual(model.networkOfIndicator);
      }),
      { numRuns: 500 },
    );
  });

  it('puts two reports in the same network if and only if a chain of shared identifiers joins them', () => {
    fc.assert(
      fc.property(smallGraph, fc.nat(), fc.nat(), (graph, a, b) => {
        fc.pre(graph.reportCount > 0);
        const x = a % graph.reportCount;
        const y = b % graph.reportCount;
        const { networkOfReport } = connectedNetworks(linksOf(graph));
        // Reachability by repeated relaxation over the links, independent of both implementations above.
        const reached = new Set([x]);
        let grew = true;
        while (grew) {
          grew = false;
          for (const [r, i] of graph.links) {
            if (!reached.has(r)) continue;
            for (const [s, j] of graph.links) {
              if (j === i && !reached.has(s)) {
                reached.add(s);
                grew = true;
              }
            }
          }
        }
        expect(networkOfReport[x] === networkOfReport[y]).toBe(reached.has(y));
      }),
      { numRuns: 500 },
    );
  });

  it('numbers networks 0…count−1 by their smallest report, and every linked identifier joins its reports', () => {
    fc.assert(
      fc.property(smallGraph, (graph) => {
        const networks = connectedNetworks(linksOf(graph));
        let next = 0;
        for (const network of networks.networkOfReport) {
          expect(network).toBeLessThanOrEqual(next);
          if (network === next) next++;
        }
        expect(next).toBe(networks.count);
        for (const [r, i] of graph.links) {
          expect(networks.networkOfIndicator[i]).toBe(networks.networkOfReport[r]);
        }
      }),
    );
  });

  it('does not depend on the order of the links', () => {
    fc.assert(
      fc.property(smallGraph, fc.infiniteStream(fc.nat()), (graph, randoms) => {
        const shuffled = [...graph.links];
        for (let k = shuffled.length - 1; k > 0; k--) {
          const j = randoms.next().value % (k + 1);
          [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
        }
        const one = connectedNetworks(linksOf(graph));
        const other = connectedNetworks(linksOf({ ...graph, links: shuffled }));
        expect(other).toEqual(one);
      }),
    );
  });

  it('handles the empty cases: nothing, reports alone, identifiers alone', () => {
    expect(connectedNetworks(linksOf({ reportCount: 0, indicatorCount: 0, links: [] }))).toEqual({
      count: 0,
      networkOfReport: new Int32Array(0),
      networkOfIndicator: new Int32Array(0),
    });
    const alone = connectedNetworks(linksOf({ reportCount: 3, indicatorCount: 2, links: [] }));
    expect(alone.count).toBe(3);
    expect([...alone.networkOfReport]).toEqual([0, 1, 2]);
    expect([...alone.networkOfIndicator]).toEqual([-1, -1]);
  });

  it('joins reports through a shared identifier and keeps an unrelated one apart', () => {
    // Reports 0 and 2 share identifier 1; report 1 names identifier 0 alone; identifier 2 is named by nobody.
    const networks = connectedNetworks(
      linksOf({
        reportCount: 4,
        indicatorCount: 3,
        links: [
          [2, 1],
          [0, 1],
          [1, 0],
          [1, 0],
        ],
      }),
    );
    expect(networks.count).toBe(3);
    expect([...networks.networkOfReport]).toEqual([0, 1, 0, 2]);
    expect([...networks.networkOfIndicator]).toEqual([1, 0, -1]);
  });

  it('follows a long chain, and a star, into one network', () => {
    const n = 10_000;
    const chain = { reportCount: n, indicatorCount: n - 1, links: [] as Array<[number, number]> };
    for (let i = 0; i < n - 1; i++) chain.links.push([i, i], [i + 1, i]);
    const joined = connectedNetworks(linksOf(chain));
    expect(joined.count).toBe(1);
    expect(joined.networkOfReport.every((network) => network === 0)).toBe(true);
    const star = connectedNetworks(
      linksOf({ reportCount: n, indicatorCount: 1, links: Array.from({ length: n }, (_, r) => [r, 0]) }),
    );
    expect(star.count).toBe(1);
    expect(star.networkOfIndicator[0]).toBe(0);
  });

  it('refuses links out of range or of unequal lengths', () => {
    const base = { reportCount: 2, indicatorCount: 2 };
    expect(() =>
      connectedNetworks({ ...base, report: Int32Array.of(2), indicator: Int32Array.of(0) }),
    ).toThrow(RangeError);
    expect(() =>
      connectedNetworks({ ...base, report: Int32Array.of(0), indicator: Int32Array.of(-1) }),
    ).toThrow(RangeError);
    expect(() =>
      connectedNetworks({ ...base, report: Int32Array.of(0, 1), indicator: Int32Array.of(0) }),
    ).toThrow(RangeError);
    expect(() =>
      connectedNetworks({
        reportCount: -1,
        indicatorCount: 0,
        report: new Int32Array(0),
        indicator: new Int32Array(0),
      }),
    ).toThrow(RangeError);
  });
});
