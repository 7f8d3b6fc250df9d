import { Alert, Box, Group, Loader, Text } from '@mantine/core';
import type { NetworkDetail } from '@khien/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { layerFill, sdfCircle, sdfSquare } from 'sigma/rendering';
import {
  applyPositions,
  buildNetworkGraph,
  layoutInput,
  layoutIterations,
  type NetworkGraph as Graph,
} from './graph';
import type { LayoutProgress, LayoutRequest } from './layout';

/** Pictures sent back by the worker per layout: often enough to watch it settle, rarely enough to stay smooth. */
const layoutPictures = 8;

type GraphState = 'layout' | 'done' | 'unavailable';
type Renderer = ReturnType<typeof createRenderer>;

/**
 * A network drawn with WebGL (sigma): thousands of nodes stay smooth to pan and zoom. The layout runs in a
 * worker; the nodes move into place as it goes. Clicking a node selects it (`onSelect`), clicking the
 * background clears the selection.
 */
export function NetworkGraph({
  detail,
  selected,
  onSelect,
}: {
  detail: NetworkDetail;
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Renderer | null>(null);
  const select = useRef(onSelect);
  const [state, setState] = useState<GraphState>('layout');

  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const graph = buildNetworkGraph(detail);
    let sigma: Renderer;
    try {
      sigma = createRenderer(graph, element);
    } catch {
      // No WebGL (old device, disabled by policy): the list below the graph still says everything.
      setState('unavailable');
      return;
    }
    renderer.current = sigma;
    setState('layout');
    sigma.on('clickNode', ({ node }) => select.current(node));
    sigma.on('clickStage', () => select.current(null));
    const stop = startLayout(graph, () => setState('done'));
    return () => {
      stop();
      renderer.current = null;
      sigma.kill();
    };
  }, [detail]);

  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma || !selected || !sigma.getGraph().hasNode(selected)) return;
    const graph = sigma.getGraph();
    const edges = graph.edges(selected);
    sigma.setNodeState(selected, { isHighlighted: true });
    sigma.setEdgesState(edges, { isHighlighted: true });
    return () => {
      if (renderer.current !== sigma || !graph.hasNode(selected)) return;
      sigma.setNodeState(selected, { isHighlighted: false });
      sigma.setEdgesState(
        edges.filter((edge) => graph.hasEdge(edge)),
        { isHighlighted: false },
      );
    };
  }, [selected, detail, state]);

  const reports = detail.nodes.filter((node) => node.type === 'report').length;
  return (
    <Box pos="relative">
      {state === 'unavailable' && (
        <Alert color="yellow" variant="light" mb="sm">
          {t('networks.graph.noWebgl')}
        </Alert>
      )}
      <Box
        ref={container}
        role="img"
        aria-label={t('networks.graph.label', { reports, identifiers: detail.nodes.length - reports })}
        data-testid="network-graph"
        data-layout={state}
        h={{ base: 420, md: 560 }}
        w="100%"
        bg="gray.0"
        style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', touchAction: 'none' }}
        display={state === 'unavailable' ? 'none' : undefined}
      />
      {state === 'layout' && (
        <Group gap="xs" pos="absolute" top={8} left={12} role="status" aria-live="polite">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('networks.graph.layingOut')}
          </Text>
        </Group>
      )}
    </Box>
  );
}

function createRenderer(graph: Graph, element: HTMLElement) {
  const large = graph.order > 2000;
  return new Sigma(graph, element, {
    primitives: { nodes: { shapes: [sdfCircle(), sdfSquare()], layers: [layerFill()] } },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          shape: { attribute: 'shape' },
          // The selected node and the one under the pointer always show their label.
          labelVisibility: (_attributes, state) =>
            state.isHovered || state.isHighlighted ? 'visible' : 'auto',
          backdropVisibility: (_attributes, state) =>
            state.isHovered || state.isHighlighted ? 'visible' : 'hidden',
          depth: (_attributes, state) => (state.isHovered || state.isHighlighted ? 'topNodes' : 'nodes'),
        },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        { color: { whenState: 'isHighlighted', then: '#495057', else: { attribute: 'color' } } },
        { size: { whenState: 'isHighlighted', then: 2, else: 1 } },
      ],
    },
    settings: {
      allowInvalidContainer: true,
      // With thousands of nodes, moving the camera draws the nodes alone: it stays fluid.
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      labelDensity: 0.5,
      labelRenderedSizeThreshold: 8,
    },
  });
}

/**
 * Starts the layout off the main thread and moves the nodes as positions arrive; answers how to stop it.
 * Where module workers are missing, the nodes keep their starting spiral, which is readable already.
 */
function startLayout(graph: Graph, onDone: () => void): () => void {
  const { nodes, positions, edges } = layoutInput(graph);
  if (typeof Worker === 'undefined' || nodes.length < 2) {
    onDone();
    return () => undefined;
  }
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    onDone();
    return () => undefined;
  }
  const iterations = layoutIterations(nodes.length);
  worker.onmessage = (event: MessageEvent<LayoutProgress>) => {
    applyPositions(graph, nodes, event.data.positions);
    if (event.data.done) {
      worker.terminate();
      onDone();
    }
  };
  worker.onerror = () => {
    worker.terminate();
    onDone();
  };
  const request: LayoutRequest = {
    positions,
    edges,
    iterations,
    step: Math.ceil(iterations / layoutPictures),
  };
  worker.postMessage(request, [positions.buffer, edges.buffer]);
  return () => worker.terminate();
}
