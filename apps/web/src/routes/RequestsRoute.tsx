import { RequestListPage } from '../features/requests/RequestListPage';

/** The agency's inter-agency requests: received, sent, overdue first. */
export default function RequestsRoute() {
  return <RequestListPage />;
}
