import { RecoverySummaryPage } from '../features/recovery/RecoverySummaryPage';

/** Money lost, held, released and returned, and the golden-hour measures, for the country or a province. */
export default function RecoveryRoute() {
  return <RecoverySummaryPage />;
}
