import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** What the page sends the layout worker. */
export interface LayoutRequest {
  positions: Float32Array;
  /** Pairs of node indexes. */
  edges: Int32Array;
  iterations: number;
  /** Rounds between two pictures sent back. */
  step: number;
}

/** What the worker sends back: positions after some rounds, and whether it is done. */
export interface LayoutProgress {
  positions: Float32Array;
  done: boolean;
}

/**
 * ForceAtlas2 over node indexes, in steps: after each step the positions so far are handed to `report`,
 * so that the picture settles before the eyes instead of appearing at the end. Pure (no DOM), so that it
 * runs in a worker and in tests alike.
 */
export function runLayout(request: LayoutRequest, report: (progress: LayoutProgress) => void) {
  const { positions, edges } = request;
  const count = positions.length / 2;
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (let i = 0; i < count; i++) graph.addNode(String(i), { x: positions[2 * i], y: positions[2 * i + 1] });
  for (let k = 0; k + 1 < edges.length; k += 2) {
    if (edges[k] !== edges[k + 1]) graph.addEdge(String(edges[k]), String(edges[k + 1]));
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: count > 800 };
  const step = Math.max(1, request.step);
  for (let done = 0; done < request.iterations;) {
    const rounds = Math.min(step, request.iterations - done);
    if (graph.size > 0) forceAtlas2.assign(graph, { iterations: rounds, settings });
    done += rounds;
    const next = new Float32Array(count * 2);
    graph.forEachNode((node, attributes) => {
      const i = Number(node);
      next[2 * i] = attributes.x as number;
      next[2 * i + 1] = attributes.y as number;
    });
    report({ positions: next, done: done >= request.iterations });
  }
  if (request.iterations <= 0) report({ positions: positions.slice(), done: true });
}
