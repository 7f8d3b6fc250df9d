import { FlagsPage } from '../features/screening/FlagsPage';

/** The accounts the mule detector flagged, waiting for a bank analyst's review. */
export default function ScreeningFlagsRoute() {
  return <FlagsPage />;
}
