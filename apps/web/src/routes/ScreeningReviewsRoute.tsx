import { ReviewQueuePage } from '../features/screening/ReviewQueuePage';

/** The transfers screening held or blocked, waiting for a bank analyst's review. */
export default function ScreeningReviewsRoute() {
  return <ReviewQueuePage />;
}
