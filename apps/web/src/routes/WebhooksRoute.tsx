import { WebhooksPage } from '../features/webhooks/WebhooksPage';

/** The agency's webhooks: where request events are posted, and the log of each delivery. */
export default function WebhooksRoute() {
  return <WebhooksPage />;
}
