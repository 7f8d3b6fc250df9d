import { PublicAppealPage } from '../features/appeals/PublicAppealPage';

/** The public appeal against a listing (`/khieu-nai?q=…`). No sign-in. */
export default function AppealRoute() {
  return <PublicAppealPage />;
}
