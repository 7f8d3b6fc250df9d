import { useParams } from 'react-router';
import { useCan } from '../features/auth/me-context';
import { IndicatorDetailPage } from '../features/registry/IndicatorDetailPage';
import { Forbidden } from '../ui/Forbidden';

export default function IndicatorDetailRoute() {
  const can = useCan();
  const { indicatorId = '' } = useParams();
  if (!can('indicator.read')) return <Forbidden />;
  return <IndicatorDetailPage key={indicatorId} indicatorId={indicatorId} />;
}
