import { ReportIntakePage } from '../features/reports/ReportIntakePage';

/** A report taken by police staff: a hotline call, a walk-in, a letter, a bank's or telco's notice. */
export default function ReportIntakeRoute() {
  return <ReportIntakePage />;
}
