import { ReportDetailPage } from '../features/reports/ReportDetailPage';

/** One report: its facts, timeline, linked reports and the handling actions. */
export default function ReportDetailRoute() {
  return <ReportDetailPage />;
}
