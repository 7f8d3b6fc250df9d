import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  POLICY,
  allowedActions,
  areaContains,
  decide,
  reachOf,
  type Actor,
  type ActorAgency,
} from './policy.js';

const operator: ActorAgency = {
  id: 'op',
  type: 'platform_operator',
  level: 'national',
  provinceCode: null,
  communeCode: null,
};
const provincePolice: ActorAgency = {
  id: 'pp',
  type: 'police_province',
  level: 'province',
  provinceCode: '11',
  communeCode: null,
};
const bank: ActorAgency = {
  id: 'bank',
  type: 'commercial_bank',
  level: 'national',
  provinceCode: null,
  communeCode: null,
};
const user = (
  agency: ActorAgency,
  ...roles: Actor extends infer A ? (A extends { roles: infer R } ? R : never) : never
): Actor => ({
  kind: 'user',
  userId: `u-${agency.id}`,
  username: 'x',
  roles,
  agency,
});

const inProvince = {
  agencyId: 'commune-police',
  level: 'commune' as const,
  provinceCode: '11',
  communeCode: '03199',
};
const elsewhere = { agencyId: 'other', level: 'province' as const, provinceCode: '01', communeCode: null };

describe('areaContains', () => {
  it('nests communes in provinces and everything in the nation', () => {
    expect(areaContains(operator, elsewhere)).toBe(true);
    expect(areaContains(provincePolice, inProvince)).toBe(true);
    expect(areaContains(provincePolice, elsewhere)).toBe(false);
    expect(areaContains({ level: 'commune', provinceCode: '11', communeCode: '03199' }, provincePolice)).toBe(
      false,
    );
  });
});

describe('decide', () => {
  it('lets a provincial administrator manage agencies and users of its province only', () => {
    const admin = user(provincePolice, 'admin');
    expect(decide(admin, 'agency.create', inProvince)).toBe('allow');
    expect(decide(admin, 'agency.create', elsewhere)).toBe('deny_target');
    expect(decide(admin, 'user.create', inProvince)).toBe('allow');
    expect(decide(admin, 'user.create', elsewhere)).toBe('deny_target');
  });

  it('keeps a bank administrator, though national, to its own agency', () => {
    const admin = user(bank, 'admin');
    expect(decide(admin, 'agency.create', elsewhere)).toBe('deny_target');
    expect(decide(admin, 'user.create', elsewhere)).toBe('deny_target');
    expect(decide(admin, 'user.create', { ...elsewhere, agencyId: 'bank' })).toBe('allow');
  });

  it('refuses actions a role never has', () => {
    expect(decide(user(provincePolice, 'officer'), 'user.create', inProvince)).toBe('deny_action');
    expect(decide(user(provincePolice, 'viewer'), 'audit.read', inProvince)).toBe('deny_action');
  });

  it('lets auditors read their own agency, and the operator everything', () => {
    expect(decide(user(provincePolice, 'auditor'), 'audit.read', { ...inProvince, agencyId: 'pp' })).toBe(
      'allow',
    );
    expect(decide(user(provincePolice, 'auditor'), 'audit.read', inProvince)).toBe('deny_target');
    expect(decide(user(operator, 'auditor'), 'audit.read', inProvince)).toBe('allow');
    expect(decide(user(provincePolice, 'auditor'), 'audit.verify', inProvince)).toBe('deny_target');
  });

  it('grants API keys only what their scopes name', () => {
    const key: Actor = { kind: 'api_key', apiKeyId: 'k', scopes: ['identity:read'], agency: bank };
    expect(decide(key, 'identity.read', { ...elsewhere, principalId: 'k' })).toBe('allow');
    expect(decide(key, 'agency.list', elsewhere)).toBe('deny_action');
    expect(decide({ ...key, scopes: [] }, 'identity.read', { ...elsewhere, principalId: 'k' })).toBe(
      'deny_action',
    );
  });
});

describe('reachOf', () => {
  it('turns grants into list filters', () => {
    expect(reachOf(user(operator, 'admin'), 'user.list')).toEqual({ kind: 'all' });
    expect(reachOf(user(provincePolice, 'admin'), 'user.list')).toMatchObject({
      kind: 'scoped',
      agencyIds: ['pp'],
      area: provincePolice,
    });
    expect(reachOf(user(bank, 'admin'), 'user.list')).toMatchObject({
      kind: 'scoped',
      agencyIds: ['bank'],
      area: null,
    });
    expect(reachOf(user(bank, 'officer'), 'user.list')).toEqual({ kind: 'none' });
  });
});

describe('the table', () => {
  it('names every action once and every grant is known', () => {
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
  });
  it('gives a viewer only reading actions', () => {
    expect(allowedActions(user(bank, 'viewer'))).toEqual([
      'identity.read',
      'agency.list',
      'agency.read',
      'indicator.list',
      'indicator.read',
      'request.read',
    ]);
  });
});

describe('inter-agency requests', () => {
  it('lets officers send and answer for their own agency only, and keys by their scopes', () => {
    const own = { agencyId: bank.id, level: 'national' as const, provinceCode: null, communeCode: null };
    const other = { ...own, agencyId: 'another-bank' };
    expect(decide(user(bank, 'officer'), 'request.answer', own)).toBe('allow');
    expect(decide(user(bank, 'officer'), 'request.answer', other)).toBe('deny_target');
    expect(decide(user(bank, 'viewer'), 'request.answer', own)).toBe('deny_action');
    expect(decide(user(bank, 'admin'), 'webhook.manage', own)).toBe('allow');
    expect(decide(user(bank, 'officer'), 'webhook.manage', own)).toBe('deny_action');
    const key = {
      kind: 'api_key' as const,
      apiKeyId: 'k',
      scopes: ['requests:write' as const],
      agency: bank,
    };
    expect(decide(key, 'request.answer', own)).toBe('allow');
    expect(decide(key, 'request.read', own)).toBe('deny_action');
  });
});

describe('the registry', () => {
  it('lets only police (and the platform operator) decide on entries', () => {
    const anywhere = { agencyId: 'x', level: 'national' as const, provinceCode: null, communeCode: null };
    expect(decide(user(provincePolice, 'officer'), 'indicator.decide', anywhere)).toBe('allow');
    expect(decide(user(bank, 'officer'), 'indicator.decide', anywhere)).toBe('deny_target');
    expect(decide(user(bank, 'officer'), 'indicator.report', anywhere)).toBe('allow');
    expect(decide(user(bank, 'viewer'), 'indicator.report', anywhere)).toBe('deny_action');
    expect(reachOf(user(bank, 'officer'), 'indicator.decide')).toEqual({ kind: 'none' });
  });
});
