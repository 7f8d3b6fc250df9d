import type { Delegation } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { counterpartOf, orderedKinds } from './delegations';

describe('delegations', () => {
  const delegation: Delegation = {
    id: '0197a2b4-7c1e-7d3a-9f00-000000000010',
    policeAgencyId: '0197a2b4-7c1e-7d3a-9f00-000000000011',
    delegateAgencyId: '0197a2b4-7c1e-7d3a-9f00-000000000012',
    kinds: ['url', 'bank_account', 'domain'],
    reason: 'Phối hợp xác minh',
    createdAt: '2026-11-25T00:00:00.000Z',
    revokedAt: null,
  };

  it('lists the kinds in the taxonomy order', () => {
    expect(orderedKinds(delegation.kinds)).toEqual(['bank_account', 'url', 'domain']);
  });

  it('shows the delegate to the police and the granting police to the delegate', () => {
    expect(counterpartOf(delegation, true)).toBe(delegation.delegateAgencyId);
    expect(counterpartOf(delegation, false)).toBe(delegation.policeAgencyId);
  });
});
