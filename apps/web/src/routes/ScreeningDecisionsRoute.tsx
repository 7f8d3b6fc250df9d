import { DecisionListPage } from '../features/screening/DecisionListPage';

/** The bank's latest screening decisions, with where the shadow draft differed. */
export default function ScreeningDecisionsRoute() {
  return <DecisionListPage />;
}
