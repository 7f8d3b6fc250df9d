import { CaseDetailPage } from '../features/reports/CaseDetailPage';

/** One case and its reports. */
export default function CaseDetailRoute() {
  return <CaseDetailPage />;
}
