import { LandingPage } from '../features/landing/LandingPage';

export function LandingRoute() {
  return <LandingPage />;
}
