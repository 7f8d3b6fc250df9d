import type { Agency, CreatedApiKey, Role, User } from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../platform.js';
import { decide, reachOf, type Action, type Actor, type ActorAgency } from '../shared/policy.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform } from '../testing/platform.js';

/**
 * Calls every route as every role of two tenants (two provincial police agencies), as the platform
 * operator, as each tenant's API key and anonymously, against records of the caller's own tenant and of
 * the other one, and checks each answer against what the policy table says.
 */

const ROLES: Role[] = ['admin', 'supervisor', 'officer', 'analyst', 'auditor', 'viewer'];
const PASSWORD = 'matrix-password-0001';
const NEW_PASSWORD = 'matrix-password-0002';

interface Tenant {
  key: 'A' | 'B';
  agency: Agency;
  viewer: User;
  spareKeyId: string;
}

interface Identity {
  name: string;
  tenant: 'A' | 'B' | 'operator' | null;
  actor: Actor | null;
  headers: Record<string, string>;
}

type Expectation =
  | { kind: 'public' }
  | { kind: 'record'; action: Action }
  | { kind: 'collection'; action: Action }
  | { kind: 'whole'; action: Action }
  | { kind: 'self_user' }
  | { kind: 'any_identity' }
  | { kind: 'self'; action: Action };

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As OpenAPI writes it, to compare with the routes the server has. */
  path: string;
  expect: Expectation;
  /** Codes that mean the request passed authorization and was judged on its content. */
  reachedCodes?: string[];
  build(target: Tenant, n: number): { url: string; payload?: object };
}

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/healthz', expect: { kind: 'public' }, build: () => ({ url: '/healthz' }) },
  { method: 'GET', path: '/readyz', expect: { kind: 'public' }, build: () => ({ url: '/readyz' }) },
  { method: 'GET', path: '/metrics', expect: { kind: 'public' }, build: () => ({ url: '/metrics' }) },
  {
    method: 'GET',
    path: '/api/openapi.json',
    expect: { kind: 'public' },
    build: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    expect: { kind: 'public' },
    reachedCodes: ['auth.invalid_credentials'],
    build: () => ({ url: '/api/auth/login', payload: { username: 'nobody', password: 'not-a-password' } }),
  },
  {
    method: 'GET',
    path: '/api/reference/provinces',
    expect: { kind: 'public' },
    build: () => ({ url: '/api/reference/provinces' }),
  },
  {
    method: 'GET',
    path: '/api/reference/provinces/{provinceCode}/communes',
    expect: { kind: 'public' },
    build: (t) => ({ url: `/api/reference/provinces/${t.agency.provinceCode}/communes?q=xa` }),
  },
  {
    method: 'GET',
    path: '/api/me',
    expect: { kind: 'self', action: 'identity.read' },
    build: () => ({ url: '/api/me' }),
  },
  {
    method: 'POST',
    path: '/api/me/password',
    expect: { kind: 'self_user' },
    reachedCodes: ['auth.invalid_credentials'],
    build: () => ({
      url: '/api/me/password',
      payload: { currentPassword: 'wrong-current', newPassword: 'another-password-9' },
    }),
  },
  {
    method: 'POST',
    path: '/api/me/totp/enrol',
    expect: { kind: 'self_user' },
    build: () => ({ url: '/api/me/totp/enrol', payload: {} }),
  },
  {
    method: 'POST',
    path: '/api/me/totp/confirm',
    expect: { kind: 'self_user' },
    reachedCodes: ['auth.totp_invalid', 'auth.totp_not_pending'],
    build: () => ({ url: '/api/me/totp/confirm', payload: { code: '000000' } }),
  },
  {
    method: 'POST',
    path: '/api/me/totp/disable',
    expect: { kind: 'self_user' },
    reachedCodes: ['auth.invalid_credentials'],
    build: () => ({ url: '/api/me/totp/disable', payload: { password: 'wrong-password' } }),
  },
  {
    method: 'GET',
    path: '/api/agencies',
    expect: { kind: 'collection', action: 'agency.list' },
    build: () => ({ url: '/api/agencies' }),
  },
  {
    method: 'POST',
    path: '/api/agencies',
    expect: { kind: 'record', action: 'agency.create' },
    build: (t, n) => ({
      url: '/api/agencies',
      payload: {
        name: `Sở Văn hóa ${t.key} ${n}`,
        type: 'dept_culture',
        scopeLevel: 'province',
        provinceCode: t.agency.provinceCode,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/agencies/{agencyId}',
    expect: { kind: 'record', action: 'agency.read' },
    build: (t) => ({ url: `/api/agencies/${t.agency.id}` }),
  },
  {
    method: 'PATCH',
    path: '/api/agencies/{agencyId}',
    expect: { kind: 'record', action: 'agency.update' },
    build: (t, n) => ({ url: `/api/agencies/${t.agency.id}`, payload: { shortName: `CA${n}` } }),
  },
  {
    method: 'GET',
    path: '/api/agencies/{agencyId}/users',
    expect: { kind: 'record', action: 'user.list' },
    build: (t) => ({ url: `/api/agencies/${t.agency.id}/users` }),
  },
  {
    method: 'POST',
    path: '/api/agencies/{agencyId}/users',
    expect: { kind: 'record', action: 'user.create' },
    build: (t, n) => ({
      url: `/api/agencies/${t.agency.id}/users`,
      payload: {
        username: `new-${t.key.toLowerCase()}-${n}`,
        fullName: 'Nguyễn Văn Mới',
        roles: ['viewer'],
        password: PASSWORD,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/agencies/{agencyId}/users/{userId}',
    expect: { kind: 'record', action: 'user.read' },
    build: (t) => ({ url: `/api/agencies/${t.agency.id}/users/${t.viewer.id}` }),
  },
  {
    method: 'PATCH',
    path: '/api/agencies/{agencyId}/users/{userId}',
    expect: { kind: 'record', action: 'user.update' },
    build: (t, n) => ({
      url: `/api/agencies/${t.agency.id}/users/${t.viewer.id}`,
      payload: { fullName: `Trần Thị Xem ${n}` },
    }),
  },
  {
    method: 'GET',
    path: '/api/agencies/{agencyId}/api-keys',
    expect: { kind: 'record', action: 'apikey.list' },
    build: (t) => ({ url: `/api/agencies/${t.agency.id}/api-keys` }),
  },
  {
    method: 'POST',
    path: '/api/agencies/{agencyId}/api-keys',
    expect: { kind: 'record', action: 'apikey.create' },
    build: (t, n) => ({
      url: `/api/agencies/${t.agency.id}/api-keys`,
      payload: { name: `Khóa ${n}`, scopes: ['identity:read'] },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/agencies/{agencyId}/api-keys/{apiKeyId}',
    expect: { kind: 'record', action: 'apikey.revoke' },
    build: (t) => ({ url: `/api/agencies/${t.agency.id}/api-keys/${t.spareKeyId}` }),
  },
  {
    method: 'GET',
    path: '/api/audit',
    expect: { kind: 'collection', action: 'audit.read' },
    build: () => ({ url: '/api/audit' }),
  },
  {
    method: 'GET',
    path: '/api/audit/verify',
    expect: { kind: 'whole', action: 'audit.verify' },
    build: () => ({ url: '/api/audit/verify' }),
  },
  {
    method: 'GET',
    path: '/api/public/check',
    expect: { kind: 'public' },
    build: () => ({
      url: `/api/public/check?q=${encodeURIComponent('Gọi 0912 345 678 hoặc vào vietcombank-hotro.com')}`,
    }),
  },
  {
    method: 'POST',
    path: '/api/public/check',
    expect: { kind: 'public' },
    build: () => ({ url: '/api/public/check', payload: { q: '0912345678' } }),
  },
  {
    method: 'GET',
    path: '/api/indicators',
    expect: { kind: 'collection', action: 'indicator.list' },
    build: () => ({ url: '/api/indicators?q=0912345678' }),
  },
  {
    method: 'POST',
    path: '/api/indicators',
    expect: { kind: 'collection', action: 'indicator.report' },
    build: (_t, n) => ({
      url: '/api/indicators',
      payload: { input: `09123${String(n).padStart(5, '0')}`, scamMethod: 'loans' },
    }),
  },
  {
    method: 'GET',
    path: '/api/indicators/{indicatorId}',
    expect: { kind: 'collection', action: 'indicator.read' },
    build: () => ({ url: `/api/indicators/${shared.indicatorId}` }),
  },
  {
    method: 'POST',
    path: '/api/indicators/{indicatorId}/status',
    expect: { kind: 'whole', action: 'indicator.decide' },
    reachedCodes: ['indicator.invalid_transition'],
    build: () => ({
      url: `/api/indicators/${shared.indicatorId}/status`,
      payload: { status: 'verifying', reason: 'Kiểm tra trong ma trận quyền' },
    }),
  },
  {
    method: 'GET',
    path: '/api/allowlist',
    expect: { kind: 'any_identity' },
    build: () => ({ url: '/api/allowlist' }),
  },
  {
    method: 'POST',
    path: '/api/allowlist',
    expect: { kind: 'whole', action: 'allowlist.manage' },
    build: (_t, n) => ({
      url: '/api/allowlist',
      payload: { input: `chinh-thuc-${n}.vn`, organisation: 'Cơ quan thử', category: 'other' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/allowlist/{allowlistId}',
    expect: { kind: 'whole', action: 'allowlist.manage' },
    reachedCodes: ['not_found'],
    build: () => ({ url: `/api/allowlist/${shared.allowlistId}` }),
  },
  {
    method: 'POST',
    path: '/api/public/appeals',
    expect: { kind: 'public' },
    reachedCodes: ['appeal.not_listed'],
    build: () => ({
      url: '/api/public/appeals',
      payload: {
        identifier: '0905000111',
        fullName: 'Người khiếu nại',
        phone: '0905000111',
        relation: 'holder',
        reasons: 'Số này của tôi, không dùng để lừa đảo ai.',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/public/appeals/{trackingCode}',
    expect: { kind: 'public' },
    reachedCodes: ['appeal.not_found'],
    build: () => ({ url: '/api/public/appeals/KN-ABCDEFGH' }),
  },
  {
    method: 'GET',
    path: '/api/appeals',
    expect: { kind: 'whole', action: 'appeal.decide' },
    build: () => ({ url: '/api/appeals' }),
  },
  {
    method: 'GET',
    path: '/api/appeals/{appealId}',
    expect: { kind: 'whole', action: 'appeal.decide' },
    reachedCodes: ['appeal.not_found'],
    build: () => ({ url: '/api/appeals/01a00000-0000-7000-8000-000000000000' }),
  },
  {
    method: 'POST',
    path: '/api/appeals/{appealId}/decision',
    expect: { kind: 'whole', action: 'appeal.decide' },
    reachedCodes: ['appeal.not_found'],
    build: () => ({
      url: '/api/appeals/01a00000-0000-7000-8000-000000000000/decision',
      payload: { decision: 'rejected', reason: 'Không có căn cứ' },
    }),
  },
  {
    method: 'POST',
    path: '/api/check/batch',
    expect: { kind: 'collection', action: 'lookup.batch' },
    build: () => ({ url: '/api/check/batch', payload: { items: ['0912345678', 'vietcombank-hotro.com'] } }),
  },
  {
    method: 'GET',
    path: '/api/indicators/export',
    expect: { kind: 'collection', action: 'indicator.list' },
    build: () => ({ url: '/api/indicators/export?kind=phone' }),
  },
  {
    method: 'POST',
    path: '/api/indicators/{indicatorId}/merge',
    expect: { kind: 'whole', action: 'indicator.decide' },
    reachedCodes: ['indicator.merge_invalid'],
    build: () => ({
      url: `/api/indicators/${shared.indicatorId}/merge`,
      payload: { intoId: shared.indicatorId, reason: 'Thử gộp chính nó' },
    }),
  },
  {
    method: 'GET',
    path: '/api/registry/delegations',
    expect: { kind: 'any_identity' },
    build: () => ({ url: '/api/registry/delegations' }),
  },
  {
    method: 'POST',
    path: '/api/registry/delegations',
    expect: { kind: 'whole', action: 'delegation.manage' },
    build: () => ({
      url: '/api/registry/delegations',
      payload: {
        delegateAgencyId: shared.bankAgencyId,
        kinds: ['bank_account'],
        reason: 'Ngân hàng xác minh tài khoản',
      },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/registry/delegations/{delegationId}',
    expect: { kind: 'whole', action: 'delegation.manage' },
    reachedCodes: ['not_found'],
    build: () => ({ url: `/api/registry/delegations/${shared.delegationId}` }),
  },
  // Last, because it ends the caller's session.
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: { kind: 'public' },
    build: () => ({ url: '/api/auth/logout', payload: {} }),
  },
];

type Outcome = { status: 'ok' } | { status: number; code: string };

function expected(route: RouteCase, identity: Identity, target: Tenant): Outcome {
  const e = route.expect;
  if (e.kind === 'public') return { status: 'ok' };
  const actor = identity.actor;
  if (!actor) return { status: 401, code: 'auth.required' };
  if (e.kind === 'self_user')
    return actor.kind === 'user' ? { status: 'ok' } : { status: 401, code: 'auth.required' };
  if (e.kind === 'any_identity') return { status: 'ok' };
  if (e.kind === 'self') {
    const self = actor.kind === 'user' ? actor.userId : actor.apiKeyId;
    return decide(actor, e.action, {
      ...areaOf(actor.agency),
      agencyId: actor.agency.id,
      principalId: self,
    }) === 'allow'
      ? { status: 'ok' }
      : { status: 403, code: 'auth.forbidden' };
  }
  if (e.kind === 'collection')
    return reachOf(actor, e.action).kind === 'none'
      ? { status: 403, code: 'auth.forbidden' }
      : { status: 'ok' };
  if (e.kind === 'whole')
    return reachOf(actor, e.action).kind === 'all'
      ? { status: 'ok' }
      : { status: 403, code: 'auth.forbidden' };
  const decision = decide(actor, e.action, {
    ...areaOf(target.agency),
    agencyId: e.action === 'agency.create' ? 'new' : target.agency.id,
  });
  if (decision === 'allow') return { status: 'ok' };
  if (decision === 'deny_action') return { status: 403, code: 'auth.forbidden' };
  return e.action === 'agency.create'
    ? { status: 403, code: 'agency.outside_jurisdiction' }
    : { status: 404, code: 'not_found' };
}

function areaOf(agency: {
  scopeLevel?: string;
  level?: string;
  provinceCode: string | null;
  communeCode: string | null;
}) {
  return {
    level: (agency.level ?? agency.scopeLevel) as ActorAgency['level'],
    provinceCode: agency.provinceCode,
    communeCode: agency.communeCode,
  };
}

const pglite = databaseTargets().find((t) => t.name === 'pglite')!;
/** Records every identity acts on, created by the operator before the matrix runs. */
const shared = { indicatorId: '', allowlistId: '', bankAgencyId: '', delegationId: '' };

describe('authorization matrix (routes × identities × tenants)', () => {
  let testDb: TestDatabase;
  let platform: Platform;
  const tenants: Record<'A' | 'B', Tenant> = {} as never;
  const identities: Identity[] = [];

  beforeAll(async () => {
    testDb = await pglite.open();
    platform = await startTestPlatform(testDb.database, { totpRequired: [] });
    const operator = await login(platform, 'admin', ADMIN_PASSWORD);
    const call = async <T>(
      method: 'POST' | 'GET',
      url: string,
      payload?: object,
      cookie = operator.cookie,
    ): Promise<T> => {
      const response = await platform.app.inject({ method, url, payload, headers: { cookie } });
      if (response.statusCode >= 300)
        throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json() as T;
    };
    const operatorActor: Actor = {
      kind: 'user',
      userId: operator.me.userId!,
      username: 'admin',
      roles: operator.me.roles,
      agency: {
        id: operator.me.agency.id,
        type: 'platform_operator',
        level: 'national',
        provinceCode: null,
        communeCode: null,
      },
    };
    identities.push({
      name: 'operator admin',
      tenant: 'operator',
      actor: operatorActor,
      headers: { cookie: operator.cookie },
    });
    for (const [key, provinceCode] of [
      ['A', '12'],
      ['B', '11'],
    ] as const) {
      const agency = await call<Agency>('POST', '/api/agencies', {
        name: `Công an tỉnh ${key}`,
        type: 'police_province',
        scopeLevel: 'province',
        provinceCode,
      });
      const actorAgency: ActorAgency = {
        id: agency.id,
        type: 'police_province',
        level: 'province',
        provinceCode,
        communeCode: null,
      };
      let viewer: User | null = null;
      for (const role of ROLES) {
        const user = await call<User>('POST', `/api/agencies/${agency.id}/users`, {
          username: `${key.toLowerCase()}-${role}`,
          fullName: `Cán bộ ${role}`,
          roles: [role],
          password: PASSWORD,
        });
        if (role === 'viewer') viewer = user;
        const session = await login(platform, user.username, PASSWORD);
        const changed = await platform.app.inject({
          method: 'POST',
          url: '/api/me/password',
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
          headers: { cookie: session.cookie },
        });
        expect(changed.statusCode).toBe(204);
        identities.push({
          name: `${key} ${role}`,
          tenant: key,
          actor: {
            kind: 'user',
            userId: user.id,
            username: user.username,
            roles: [role],
            agency: actorAgency,
          },
          headers: { cookie: session.cookie },
        });
      }
      const machine = await call<CreatedApiKey>('POST', `/api/agencies/${agency.id}/api-keys`, {
        name: 'Máy chủ tích hợp',
        scopes: ['identity:read', 'lookup:read', 'indicators:read'],
      });
      const spare = await call<CreatedApiKey>('POST', `/api/agencies/${agency.id}/api-keys`, {
        name: 'Dự phòng',
        scopes: ['identity:read'],
      });
      identities.push({
        name: `${key} api key`,
        tenant: key,
        actor: { kind: 'api_key', apiKeyId: machine.id, scopes: machine.scopes, agency: actorAgency },
        headers: { authorization: `Bearer ${machine.secret}` },
      });
      tenants[key] = { key, agency, viewer: viewer!, spareKeyId: spare.id };
    }
    identities.push({ name: 'anonymous', tenant: null, actor: null, headers: {} });
    const officer = identities.find((i) => i.name === 'A officer')!;
    const reported = await platform.app.inject({
      method: 'POST',
      url: '/api/indicators',
      headers: officer.headers,
      payload: { input: '0987654321', scamMethod: 'impersonate_bank' },
    });
    expect(reported.statusCode).toBe(201);
    shared.indicatorId = (reported.json() as { id: string }).id;
    shared.allowlistId = (
      await call<{ id: string }>('POST', '/api/allowlist', {
        input: 'matrix-official.vn',
        organisation: 'Cơ quan thử',
        category: 'other',
      })
    ).id;
    shared.bankAgencyId = (
      await call<{ id: string }>('POST', '/api/agencies', {
        name: 'Ngân hàng ma trận',
        type: 'commercial_bank',
        scopeLevel: 'national',
      })
    ).id;
    shared.delegationId = (
      await call<{ id: string }>('POST', '/api/registry/delegations', {
        delegateAgencyId: shared.bankAgencyId,
        kinds: ['bank_account'],
        reason: 'Ủy quyền để thử',
      })
    ).id;
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await testDb?.dispose();
  });

  it('covers every route the server has', () => {
    const document = platform.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const hidden = ['GET /metrics', 'GET /api/openapi.json'];
    const covered = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect([...served, ...hidden].sort()).toEqual([...covered].sort());
  });

  it('answers every call as the policy table says', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    let n = 0;
    for (const route of ROUTES) {
      for (const identity of identities) {
        const targets: Tenant[] =
          identity.tenant === 'A'
            ? [tenants.A, tenants.B]
            : identity.tenant === 'B'
              ? [tenants.B, tenants.A]
              : [tenants.A, tenants.B];
        const perRoute = route.path.includes('{') || route.expect.kind === 'record' ? targets : [targets[0]!];
        for (const target of perRoute) {
          const request = route.build(target, ++n);
          const response = await platform.app.inject({
            method: route.method,
            url: request.url,
            headers: identity.headers,
            ...(request.payload ? { payload: request.payload } : {}),
          });
          calls++;
          const want = expected(route, identity, target);
          const body = String(response.headers['content-type'] ?? '').includes('json')
            ? (response.json() as { code?: string })
            : {};
          const reached = route.reachedCodes?.includes(body.code ?? '') ?? false;
          const got = response.statusCode < 300 || reached ? 'ok' : `${response.statusCode} ${body.code}`;
          const wanted = want.status === 'ok' ? 'ok' : `${want.status} ${want.code}`;
          if (got !== wanted) {
            mismatches.push(
              `${route.method} ${request.url} as ${identity.name} on ${target.key}: wanted ${wanted}, got ${got}`,
            );
          }
        }
      }
    }
    console.log(
      `authorization matrix: ${ROUTES.length} routes × ${identities.length} identities × 2 tenants = ${calls} calls`,
    );
    expect(mismatches).toEqual([]);
  }, 300_000);
});
