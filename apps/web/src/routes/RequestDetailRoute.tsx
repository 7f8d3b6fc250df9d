import { RequestDetailPage } from '../features/requests/RequestDetailPage';

/** One request: what was asked, the answer, the actions, the money trail and the history. */
export default function RequestDetailRoute() {
  return <RequestDetailPage />;
}
