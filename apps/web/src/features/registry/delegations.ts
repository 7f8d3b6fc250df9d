import { IndicatorKind, type Delegation, type Me } from '@khien/contracts';
import { can } from '../auth/me-context';

/**
 * Whether this identity grants and revokes delegations (the server lists `delegation.manage` only for
 * police leaders and administrators). Anyone else reads the grants made to their agency.
 */
export function managesDelegations(me: Me): boolean {
  return can(me, 'delegation.manage');
}

/** A grant's kinds in the taxonomy's order, whatever order they were picked in. */
export function orderedKinds(kinds: readonly IndicatorKind[]): IndicatorKind[] {
  return IndicatorKind.options.filter((kind) => kinds.includes(kind));
}

/** The agency on the other side of a grant: the delegate for the police, the granting police otherwise. */
export function counterpartOf(delegation: Delegation, manages: boolean): string {
  return manages ? delegation.delegateAgencyId : delegation.policeAgencyId;
}
