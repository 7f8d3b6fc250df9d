import type { Me } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { isActive, navItems } from './navigation';

function me(overrides: Partial<Me>): Me {
  return {
    kind: 'user',
    userId: '0197a2b4-7c1e-7d3a-9f00-000000000001',
    apiKeyId: null,
    username: 'canbo',
    fullName: 'Nguyễn Văn A',
    roles: ['officer'],
    scopes: [],
    agency: {
      id: '0197a2b4-7c1e-7d3a-9f00-000000000002',
      name: 'Công an tỉnh Thái Nguyên',
      type: 'police_province',
      scopeLevel: 'province',
      provinceCode: '19',
      communeCode: null,
    },
    totpEnabled: false,
    totpEnrolmentRequired: false,
    mustChangePassword: false,
    allowedActions: [],
    sessionExpiresAt: null,
    ...overrides,
  };
}

const ids = (m: Me) => navItems(m).map((item) => item.testId);

describe('navItems', () => {
  it('shows only what the allowed actions permit', () => {
    expect(ids(me({ allowedActions: [] }))).toEqual(['nav-home', 'nav-allowlist', 'nav-profile']);
    expect(ids(me({ allowedActions: ['agency.list', 'audit.read'] }))).toEqual([
      'nav-home',
      'nav-allowlist',
      'nav-agencies',
      'nav-audit',
      'nav-profile',
    ]);
  });

  it('offers the own agency to an agency administrator who cannot list agencies', () => {
    const items = navItems(me({ allowedActions: ['user.list'] }));
    expect(items.map((i) => i.testId)).toEqual(['nav-home', 'nav-allowlist', 'nav-my-agency', 'nav-profile']);
    expect(items[2]?.to).toBe('/app/co-quan/0197a2b4-7c1e-7d3a-9f00-000000000002');
  });

  it('shows the suspicious list to those who may list it, and the official list to every staff member', () => {
    const items = navItems(me({ allowedActions: ['indicator.list', 'indicator.read'] }));
    expect(items.map((i) => i.testId)).toEqual(['nav-home', 'nav-registry', 'nav-allowlist', 'nav-profile']);
    expect(items[1]?.to).toBe('/app/nghi-van');
    expect(items[2]?.to).toBe('/app/danh-sach-chinh-thuc');
  });

  it('shows the appeals to those who decide them (the police), after the suspicious list', () => {
    const items = navItems(
      me({ allowedActions: ['indicator.list', 'indicator.read', 'indicator.decide', 'appeal.decide'] }),
    );
    expect(items.map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-registry',
      'nav-appeals',
      'nav-allowlist',
      'nav-profile',
    ]);
    expect(items[2]?.to).toBe('/app/khieu-nai');
    expect(items[2]?.label).toBe('appeals');
    expect(ids(me({ allowedActions: ['indicator.list', 'indicator.report'] }))).not.toContain('nav-appeals');
    // An agency the police delegated registry decisions to does not decide appeals.
    expect(ids(me({ allowedActions: ['indicator.list', 'indicator.decide'] }))).not.toContain('nav-appeals');
    expect(isActive(items[2]!, '/app/khieu-nai/0197a2b4-7c1e-7d3a-9f00-000000000009')).toBe(true);
  });

  it('shows the delegations to those who manage them, after the official list', () => {
    const items = navItems(
      me({
        roles: ['supervisor'],
        allowedActions: ['indicator.list', 'indicator.decide', 'appeal.decide', 'delegation.manage'],
      }),
    );
    expect(items.map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-registry',
      'nav-appeals',
      'nav-allowlist',
      'nav-delegations',
      'nav-profile',
    ]);
    expect(items[4]?.to).toBe('/app/uy-quyen');
    expect(items[4]?.label).toBe('delegations');
    expect(ids(me({ allowedActions: ['indicator.list', 'indicator.decide'] }))).not.toContain(
      'nav-delegations',
    );
  });

  it('shows the requests and the recovery after the networks, and the webhooks to those who manage them', () => {
    const police = navItems(
      me({
        allowedActions: ['report.list', 'request.read', 'request.send', 'recovery.read', 'indicator.list'],
      }),
    );
    expect(police.map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-reports',
      'nav-networks',
      'nav-requests',
      'nav-recovery',
      'nav-registry',
      'nav-allowlist',
      'nav-profile',
    ]);
    expect(police[3]?.to).toBe('/app/yeu-cau');
    expect(police[3]?.label).toBe('requests');
    expect(police[4]?.to).toBe('/app/thu-hoi');
    expect(isActive(police[3]!, '/app/yeu-cau/moi')).toBe(true);
    const bank = navItems(
      me({ allowedActions: ['request.read', 'request.answer', 'webhook.manage', 'user.list'] }),
    );
    expect(bank.map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-requests',
      'nav-allowlist',
      'nav-my-agency',
      'nav-webhooks',
      'nav-profile',
    ]);
    expect(bank[4]?.to).toBe('/app/webhooks');
    expect(ids(me({ allowedActions: ['request.answer'] }))).not.toContain('nav-requests');
  });

  it('shows the transfer screening to a bank’s analysts, after the requests', () => {
    const analyst = navItems(
      me({ roles: ['analyst'], allowedActions: ['request.read', 'screening.review', 'screening.manage'] }),
    );
    expect(analyst.map((i) => i.testId)).toEqual([
      'nav-home',
      'nav-requests',
      'nav-screening',
      'nav-allowlist',
      'nav-profile',
    ]);
    expect(analyst[2]?.to).toBe('/app/sang-loc');
    expect(analyst[2]?.label).toBe('screening');
    expect(isActive(analyst[2]!, '/app/sang-loc/bo-quy-tac')).toBe(true);
    expect(isActive(analyst[2]!, '/app/sang-loc/quyet-dinh')).toBe(true);
    // Managing rule sets alone, without the review, shows nothing: the pages need the review.
    expect(ids(me({ allowedActions: ['screening.manage'] }))).not.toContain('nav-screening');
  });

  it('shows only the profile while TOTP enrolment is required', () => {
    expect(ids(me({ allowedActions: ['agency.list'], totpEnrolmentRequired: true }))).toEqual([
      'nav-profile',
    ]);
  });
});

describe('isActive', () => {
  it('matches the overview exactly and sections by prefix', () => {
    const items = navItems(me({ allowedActions: ['agency.list'] }));
    const home = items.find((item) => item.testId === 'nav-home');
    const agencies = items.find((item) => item.testId === 'nav-agencies');
    expect(isActive(home!, '/app')).toBe(true);
    expect(isActive(home!, '/app/co-quan')).toBe(false);
    expect(isActive(agencies!, '/app/co-quan/abc')).toBe(true);
    expect(isActive(agencies!, '/app/co-quan-khac')).toBe(false);
    const registry = navItems(me({ allowedActions: ['indicator.list'] }))[1]!;
    expect(isActive(registry, '/app/nghi-van/0197a2b4-7c1e-7d3a-9f00-000000000009')).toBe(true);
  });
});
