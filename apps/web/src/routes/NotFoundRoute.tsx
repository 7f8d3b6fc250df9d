import { useLocation } from 'react-router';
import { NotFound } from '../ui/NotFound';

export default function NotFoundRoute() {
  const { pathname } = useLocation();
  return <NotFound home={pathname.startsWith('/app') ? '/app' : '/'} />;
}
