import { AppealListPage } from '../features/appeals/AppealListPage';
import { useCan } from '../features/auth/me-context';
import { Forbidden } from '../ui/Forbidden';

/** The police decide appeals: the same action as deciding an entry's status. */
export default function AppealsRoute() {
  const can = useCan();
  return can('appeal.decide') ? <AppealListPage /> : <Forbidden />;
}
