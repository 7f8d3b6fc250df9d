import { AgencyType, type Delegation, type Me } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { counterpartOf, managesDelegations, orderedKinds, policeAgencyTypes } from './delegations';

function me(type: AgencyType, allowedActions: string[]): Me {
  return {
    kind: 'user',
    userId: '0197a2b4-7c1e-7d3a-9f00-000000000001',
    apiKeyId: null,
    username: 'lanhdao',
    fullName: 'Trần Thị B',
    roles: ['supervisor'],
    scopes: [],
    agency: {
      id: '0197a2b4-7c1e-7d3a-9f00-000000000002',
      name: 'Đơn vị',
      type,
      scopeLevel: 'province',
      provinceCode: '19',
      communeCode: null,
    },
    totpEnabled: false,
    totpEnrolmentRequired: false,
    mustChangePassword: false,
    allowedActions,
    sessionExpiresAt: null,
  };
}

describe('managesDelegations', () => {
  it('is for police leaders only: the action is listed for any supervisor, but reaches only the police', () => {
    expect(managesDelegations(me('police_province', ['delegation.manage']))).toBe(true);
    expect(managesDelegations(me('police_commune', ['delegation.manage']))).toBe(true);
    expect(managesDelegations(me('platform_operator', ['delegation.manage']))).toBe(true);
    expect(managesDelegations(me('commercial_bank', ['delegation.manage']))).toBe(false);
    expect(managesDelegations(me('police_province', ['indicator.decide']))).toBe(false);
  });

  it('names only agency types that exist', () => {
    for (const type of policeAgencyTypes) expect(AgencyType.safeParse(type).success).toBe(true);
  });
});

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
