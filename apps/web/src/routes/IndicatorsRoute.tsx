import { useCan } from '../features/auth/me-context';
import { IndicatorListPage } from '../features/registry/IndicatorListPage';
import { Forbidden } from '../ui/Forbidden';

export default function IndicatorsRoute() {
  const can = useCan();
  return can('indicator.list') ? <IndicatorListPage /> : <Forbidden />;
}
