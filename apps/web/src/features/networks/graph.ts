import type { NetworkDetail, NetworkNode } from '@khien/contracts';
import Graph from 'graphology';

/**
 * The look of a network's nodes. Reports are circles and identifiers squares, so the kind of a node never
 * rests on colour alone; the legend names both, and every node has its label.
 */
export const nodeColors = {
  reportInReach: '#1864ab',
  reportOutside: '#868e96',
  identifier: '#e8590c',
  confirmed: '#c92a2a',
} as const;
export const edgeColor = '#adb5bd';

export type NodeShape = 'circle' | 'square';

export interface NetworkNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  shape: NodeShape;
  nodeType: NetworkNode['type'];
}

export interface NetworkEdgeAttributes {
  size: number;
  color: string;
}

export type NetworkGraph = Graph<NetworkNodeAttributes, NetworkEdgeAttributes>;

/** Shape, colour and size of a node: larger as it has more links, within limits a screen can show. */
export function nodeStyle(node: Pick<NetworkNode, 'type' | 'inReach' | 'status' | 'degree'>) {
  const size = Math.min(22, 4 + 3 * Math.log2(1 + Math.max(0, node.degree)));
  if (node.type === 'report') {
    return {
      shape: 'circle' as const,
      color: node.inReach ? nodeColors.reportInReach : nodeColors.reportOutside,
      size,
    };
  }
  return {
    shape: 'square' as const,
    color: node.status === 'confirmed_scam' ? nodeColors.confirmed : nodeColors.identifier,
    size,
  };
}

/**
 * Starting places on a sunflower spiral (golden angle): spread evenly, the same every time, so the layout
 * that follows starts from an untangled state and a network is drawn alike on every visit.
 */
export function spiralPositions(count: number): Float32Array {
  const positions = new Float32Array(count * 2);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < count; i++) {
    const radius = 10 * Math.sqrt(i + 0.5);
    positions[2 * i] = radius * Math.cos(i * golden);
    positions[2 * i + 1] = radius * Math.sin(i * golden);
  }
  return positions;
}

/** The graph to draw: one node per report and identifier, placed on the spiral, one edge per link. */
export function buildNetworkGraph(detail: Pick<NetworkDetail, 'nodes' | 'edges'>): NetworkGraph {
  const graph: NetworkGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const positions = spiralPositions(detail.nodes.length);
  detail.nodes.forEach((node, index) => {
    if (graph.hasNode(node.id)) return;
    graph.addNode(node.id, {
      x: positions[2 * index]!,
      y: positions[2 * index + 1]!,
      label: node.label,
      nodeType: node.type,
      ...nodeStyle(node),
    });
  });
  for (const edge of detail.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    if (edge.source === edge.target || graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { size: 1, color: edgeColor });
  }
  return graph;
}

/** What the layout worker needs: positions and edges over node indexes, in typed arrays it can take over. */
export function layoutInput(graph: NetworkGraph) {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const positions = new Float32Array(nodes.length * 2);
  nodes.forEach((node, i) => {
    positions[2 * i] = graph.getNodeAttribute(node, 'x');
    positions[2 * i + 1] = graph.getNodeAttribute(node, 'y');
  });
  const edges = new Int32Array(graph.size * 2);
  let k = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    edges[k++] = index.get(source)!;
    edges[k++] = index.get(target)!;
  });
  return { nodes, positions, edges };
}

/** Writes positions computed off the main thread back onto the graph, in the order of `nodes`. */
export function applyPositions(graph: NetworkGraph, nodes: readonly string[], positions: Float32Array) {
  const index = new Map(nodes.map((node, i) => [node, i]));
  // One update for the whole graph: the renderer hears a single event, not one per node.
  graph.updateEachNodeAttributes(
    (node, attributes) => {
      const i = index.get(node);
      if (i === undefined || 2 * i + 1 >= positions.length) return attributes;
      return { ...attributes, x: positions[2 * i]!, y: positions[2 * i + 1]! };
    },
    { attributes: ['x', 'y'] },
  );
}

/** Fewer layout rounds for larger graphs: each round costs more, and the picture settles sooner. */
export function layoutIterations(nodeCount: number): number {
  if (nodeCount <= 200) return 400;
  if (nodeCount <= 1000) return 250;
  if (nodeCount <= 3000) return 150;
  return 100;
}

/** The members of a network for the list beside the graph: reports by code, identifiers most linked first. */
export function membersOf(nodes: readonly NetworkNode[]) {
  const reports = nodes
    .filter((node) => node.type === 'report')
    .sort(
      (a, b) => Number(b.inReach ?? false) - Number(a.inReach ?? false) || a.label.localeCompare(b.label),
    );
  const identifiers = nodes
    .filter((node) => node.type === 'identifier')
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label));
  return { reports, identifiers };
}
