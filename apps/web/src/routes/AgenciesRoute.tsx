import { AgencyListPage } from '../features/agencies/AgencyListPage';
import { useCan } from '../features/auth/me-context';
import { Forbidden } from '../ui/Forbidden';

export default function AgenciesRoute() {
  const can = useCan();
  return can('agency.list') ? <AgencyListPage /> : <Forbidden />;
}
