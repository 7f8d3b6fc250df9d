import { useParams } from 'react-router';
import { AppealDetailPage } from '../features/appeals/AppealDetailPage';
import { useCan } from '../features/auth/me-context';
import { Forbidden } from '../ui/Forbidden';

export default function AppealDetailRoute() {
  const can = useCan();
  const { appealId = '' } = useParams();
  if (!can('appeal.decide')) return <Forbidden />;
  return <AppealDetailPage key={appealId} appealId={appealId} />;
}
