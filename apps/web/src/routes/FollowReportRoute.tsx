import { FollowReportPage } from '../features/report-form/FollowReportPage';

/** Following a report with its tracking code and secret (`/to-giac/theo-doi`). No sign-in. */
export default function FollowReportRoute() {
  return <FollowReportPage />;
}
