import { AuditPage } from '../features/audit/AuditPage';
import { useCan } from '../features/auth/me-context';
import { Forbidden } from '../ui/Forbidden';

export default function AuditRoute() {
  const can = useCan();
  return can('audit.read') ? <AuditPage /> : <Forbidden />;
}
