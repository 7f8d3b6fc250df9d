import { FollowAppealPage } from '../features/appeals/FollowAppealPage';

/** Following an appeal with its tracking code and secret (`/khieu-nai/theo-doi`). No sign-in. */
export default function FollowAppealRoute() {
  return <FollowAppealPage />;
}
