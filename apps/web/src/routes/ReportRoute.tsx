import { ReportFormPage } from '../features/report-form/ReportFormPage';

/** The public report form (`/to-giac`, pre-filled from a check with `?q=…`). No sign-in. */
export default function ReportRoute() {
  return <ReportFormPage />;
}
