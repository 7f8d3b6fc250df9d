import { useParams } from 'react-router';
import { AgencyDetailPage } from '../features/agencies/AgencyDetailPage';

export default function AgencyDetailRoute() {
  const { agencyId = '' } = useParams();
  return <AgencyDetailPage key={agencyId} agencyId={agencyId} />;
}
