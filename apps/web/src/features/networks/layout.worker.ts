/**
 * Lays a network out off the main thread, so that the page stays responsive while thousands of nodes
 * find their places. Loaded by Vite as a same-origin module worker (the CSP allows 'self' only).
 */
import { runLayout, type LayoutProgress, type LayoutRequest } from './layout';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutProgress, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  runLayout(event.data, (progress) => scope.postMessage(progress, [progress.positions.buffer]));
};
