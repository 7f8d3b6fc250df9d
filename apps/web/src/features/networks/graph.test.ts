import type { NetworkDetail, NetworkNode } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyPositions,
  buildNetworkGraph,
  layoutInput,
  layoutIterations,
  membersOf,
  nodeColors,
  nodeStyle,
  spiralPositions,
} from './graph';
import { runLayout, type LayoutProgress } from './layout';

const uuid = (n: number) => `0190a1b2-c3d4-7e5f-8a6b-${String(n).padStart(12, '0')}`;

const report = (n: number, inReach: boolean, degree = 1): NetworkNode => ({
  id: uuid(n),
  type: 'report',
  label: `TG-${String(n).padStart(8, 'A')}`,
  degree,
  provinceCode: inReach ? '01' : '79',
  status: 'received',
  inReach,
});
const identifier = (n: number, degree: number, status: NetworkNode['status'] = 'reported'): NetworkNode => ({
  id: uuid(n),
  type: 'identifier',
  label: `0901 234 ${n}`,
  degree,
  kind: 'phone',
  status,
});

const detail: Pick<NetworkDetail, 'nodes' | 'edges'> = {
  nodes: [identifier(10, 2, 'confirmed_scam'), identifier(11, 1), report(1, true, 2), report(2, false)],
  edges: [
    { source: uuid(1), target: uuid(10) },
    { source: uuid(2), target: uuid(10) },
    { source: uuid(1), target: uuid(11) },
    // the same link twice, and one to a node left out of a truncated graph: both ignored
    { source: uuid(1), target: uuid(10) },
    { source: uuid(2), target: uuid(99) },
  ],
};

describe('nodeStyle', () => {
  it('draws reports as circles and identifiers as squares, coloured by reach and by status', () => {
    expect(nodeStyle(report(1, true))).toMatchObject({ shape: 'circle', color: nodeColors.reportInReach });
    expect(nodeStyle(report(1, false))).toMatchObject({ shape: 'circle', color: nodeColors.reportOutside });
    expect(nodeStyle(identifier(1, 3))).toMatchObject({ shape: 'square', color: nodeColors.identifier });
    expect(nodeStyle(identifier(1, 3, 'confirmed_scam'))).toMatchObject({ color: nodeColors.confirmed });
  });

  it('grows with the links, within limits', () => {
    const sizes = [0, 1, 2, 10, 1000, 1_000_000].map((degree) => nodeStyle(identifier(1, degree)).size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(22);
  });
});

describe('buildNetworkGraph', () => {
  it('makes one node per report and identifier and one edge per distinct link between shown nodes', () => {
    const graph = buildNetworkGraph(detail);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes(uuid(10))).toMatchObject({
      shape: 'square',
      nodeType: 'identifier',
      label: '0901 234 10',
      color: nodeColors.confirmed,
    });
    expect(graph.getNodeAttributes(uuid(2))).toMatchObject({
      shape: 'circle',
      color: nodeColors.reportOutside,
    });
    expect(graph.hasEdge(uuid(2), uuid(10))).toBe(true);
    expect(graph.degree(uuid(1))).toBe(2);
  });

  it('places the nodes apart, the same way every time', () => {
    const positions = spiralPositions(500);
    const again = spiralPositions(500);
    expect(again).toEqual(positions);
    let closest = Infinity;
    for (let i = 0; i < 500; i++) {
      for (let j = i + 1; j < 500; j++) {
        const dx = positions[2 * i]! - positions[2 * j]!;
        const dy = positions[2 * i + 1]! - positions[2 * j + 1]!;
        closest = Math.min(closest, Math.hypot(dx, dy));
      }
    }
    expect(closest).toBeGreaterThan(5);
  });

  it('hands the layout indexes and typed arrays, and takes positions back by the same order', () => {
    const graph = buildNetworkGraph(detail);
    const input = layoutInput(graph);
    expect(input.nodes).toEqual(graph.nodes());
    expect(input.positions).toHaveLength(8);
    expect(input.edges).toHaveLength(6);
    const pairs = [];
    for (let k = 0; k < input.edges.length; k += 2) {
      pairs.push([input.nodes[input.edges[k]!], input.nodes[input.edges[k + 1]!]].sort());
    }
    expect(pairs).toContainEqual([uuid(1), uuid(10)].sort());
    applyPositions(graph, input.nodes, Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    expect(graph.getNodeAttributes(input.nodes[2]!)).toMatchObject({ x: 5, y: 6 });
    expect(graph.getNodeAttribute(input.nodes[2]!, 'shape')).toBeDefined();
  });
});

describe('runLayout', () => {
  it('sends pictures as it goes, ends with one marked done, and keeps every position finite', () => {
    const graph = buildNetworkGraph(detail);
    const { positions, edges } = layoutInput(graph);
    const pictures: LayoutProgress[] = [];
    runLayout({ positions: positions.slice(), edges, iterations: 50, step: 20 }, (p) => pictures.push(p));
    expect(pictures.map((p) => p.done)).toEqual([false, false, true]);
    const last = pictures.at(-1)!.positions;
    expect(last).toHaveLength(positions.length);
    expect([...last].every(Number.isFinite)).toBe(true);
    expect([...last]).not.toEqual([...positions]);
  });

  it('draws linked nodes closer together than unlinked ones', () => {
    // Two separate stars of ten reports around one identifier each.
    const nodes: NetworkNode[] = [identifier(100, 10), identifier(200, 10)];
    const links = [];
    for (let i = 1; i <= 10; i++) {
      nodes.push(report(100 + i, true), report(200 + i, true));
      links.push({ source: uuid(100 + i), target: uuid(100) }, { source: uuid(200 + i), target: uuid(200) });
    }
    const graph = buildNetworkGraph({ nodes, edges: links });
    const input = layoutInput(graph);
    let final: Float32Array = input.positions;
    runLayout({ positions: input.positions.slice(), edges: input.edges, iterations: 300, step: 300 }, (p) => {
      final = p.positions;
    });
    applyPositions(graph, input.nodes, final);
    const at = (n: number) => graph.getNodeAttributes(uuid(n));
    const distance = (a: number, b: number) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(distance(101, 100)).toBeLessThan(distance(101, 200));
    expect(distance(201, 200)).toBeLessThan(distance(201, 100));
  });

  it('lays out fewer rounds for larger graphs', () => {
    const rounds = [10, 500, 2000, 10_000].map(layoutIterations);
    expect(rounds).toEqual([...rounds].sort((a, b) => b - a));
  });
});

describe('membersOf', () => {
  it('lists the reports the unit reaches first, and the most linked identifiers first', () => {
    const { reports, identifiers } = membersOf(detail.nodes);
    expect(reports.map((n) => n.inReach)).toEqual([true, false]);
    expect(identifiers.map((n) => n.degree)).toEqual([2, 1]);
  });
});
