import { RuleSetsPage } from '../features/screening/RuleSetsPage';

/** The bank's screening rule sets: drafts, shadow runs, publishing. */
export default function ScreeningRuleSetsRoute() {
  return <RuleSetsPage />;
}
