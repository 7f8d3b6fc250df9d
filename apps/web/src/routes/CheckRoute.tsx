import { CheckPage } from '../features/check/CheckPage';

export default function CheckRoute() {
  return <CheckPage />;
}
