import { DelegationsPage } from '../features/registry/DelegationsPage';

/** Police leaders manage their grants here; any other staff member reads the grants made to their agency. */
export default function DelegationsRoute() {
  return <DelegationsPage />;
}
