import { NewRequestPage } from '../features/requests/NewRequestPage';

/** A new request, pre-filled from the address (a report's transfer, a hold). */
export default function RequestNewRoute() {
  return <NewRequestPage />;
}
