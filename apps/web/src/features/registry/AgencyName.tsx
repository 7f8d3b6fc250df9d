import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgency } from '../agencies/api';

/** The name of the agency behind a source or a decision (every staff member may read agencies). */
export function AgencyName({ agencyId }: { agencyId: string | null }) {
  const { t } = useTranslation();
  if (!agencyId) return <>{t('common.none')}</>;
  return <KnownAgencyName agencyId={agencyId} />;
}

function KnownAgencyName({ agencyId }: { agencyId: string }) {
  const agency = useAgency(agencyId);
  if (agency.data) return <>{agency.data.name}</>;
  return (
    <Text span size="sm" c="dimmed" className="khien-mono">
      {agencyId.slice(0, 8)}…
    </Text>
  );
}
