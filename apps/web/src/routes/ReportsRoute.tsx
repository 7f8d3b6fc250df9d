import { ReportListPage } from '../features/reports/ReportListPage';

/** The handling unit's inbox of reports, with the art. 147 deadlines. */
export default function ReportsRoute() {
  return <ReportListPage />;
}
