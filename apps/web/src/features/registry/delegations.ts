import { IndicatorKind, type AgencyType, type Delegation, type Me } from '@khien/contracts';
import { can } from '../auth/me-context';

/**
 * The agencies whose leaders grant delegations (apps/server shared/policy: POLICE_AGENCY_TYPES). The
 * action `delegation.manage` is listed for any administrator or supervisor, but reaches only these.
 */
export const policeAgencyTypes: readonly AgencyType[] = [
  'police_province',
  'police_commune',
  'platform_operator',
];

/**
 * Whether this identity grants and revokes delegations: the police agency's own grants are listed for it.
 * Anyone else reads the grants made to their agency.
 */
export function managesDelegations(me: Me): boolean {
  return can(me, 'delegation.manage') && policeAgencyTypes.includes(me.agency.type);
}

/** A grant's kinds in the taxonomy's order, whatever order they were picked in. */
export function orderedKinds(kinds: readonly IndicatorKind[]): IndicatorKind[] {
  return IndicatorKind.options.filter((kind) => kinds.includes(kind));
}

/** The agency on the other side of a grant: the delegate for the police, the granting police otherwise. */
export function counterpartOf(delegation: Delegation, manages: boolean): string {
  return manages ? delegation.delegateAgencyId : delegation.policeAgencyId;
}
