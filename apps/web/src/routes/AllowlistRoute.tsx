import { AllowlistPage } from '../features/registry/AllowlistPage';

/** Every staff member may read the official list. */
export default function AllowlistRoute() {
  return <AllowlistPage />;
}
