import { NetworksPage } from '../features/networks/NetworksPage';

/** Scam networks: reports and the identifiers they share, grouped into connected networks and drawn. */
export default function NetworksRoute() {
  return <NetworksPage />;
}
