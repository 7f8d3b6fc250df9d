import type {
  Agency,
  CaseDetail,
  CreatedApiKey,
  ReportDetail,
  ReportPage,
  ReportReceipt,
  Role,
  User,
} from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../platform.js';
import {
  decide,
  mayEver,
  POLICY,
  reachOf,
  type Action,
  type Actor,
  type ActorAgency,
} from '../shared/policy.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../testing/databases.js';
import { ADMIN_PASSWORD, login, startTestPlatform } from '../testing/platform.js';

/**
 * Calls every route as every role of two tenants (two provincial police agencies), as the platform
 * operator, as each tenant's API key and anonymously, against records of the caller's own tenant and of
 * the other one, and checks each answer against what the policy table says.
 */

// The smallest valid PNG (1×1): the evidence file of each tenant's report.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da636460f80f0000030101002818dd8d0000000049454e44ae426082',
  'hex',
);

/** A report as multipart/form-data: its JSON in `report`, one PNG in `evidence`. */
function multipart(report: object) {
  const boundary = 'khien-matrix-boundary';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n` +
          `--${boundary}\r\ncontent-disposition: form-data; name="evidence"; filename="anh.png"\r\n` +
          'content-type: image/png\r\n\r\n',
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const ROLES: Role[] = ['admin', 'supervisor', 'officer', 'analyst', 'auditor', 'viewer'];
const PASSWORD = 'matrix-password-0001';
const NEW_PASSWORD = 'matrix-password-0002';

interface Tenant {
  key: 'A' | 'B';
  agency: Agency;
  viewer: User;
  spareKeyId: string;
  /** A citizen's report routed to this tenant's police, with a contact and one evidence file. */
  report: { id: string; trackingCode: string; secret: string; evidenceId: string };
  /** A case opened by this tenant's officer. */
  caseId: string;
  /** A hold this tenant's officer sent to the bank, and a notice the bank sent to this tenant. */
  holdId: string;
  noticeId: string;
  /** A webhook of this tenant, registered by its administrator. */
  webhookId: string;
}

interface Identity {
  name: string;
  tenant: 'A' | 'B' | 'operator' | null;
  actor: Actor | null;
  headers: Record<string, string>;
}

/** How a route answers when the actor may perform the action, but not on this tenant's record. */
interface Denial {
  status: number;
  code: string;
}

type Expectation =
  | { kind: 'public' }
  | { kind: 'record'; action: Action; denyTarget?: Denial }
  /** Acts on the actor's own agency (what it creates is its own unit's). */
  | { kind: 'own_agency'; action: Action }
  /** Any signed-in identity whose roles or scopes grant one of the actions at all. */
  | { kind: 'may_any'; actions: Action[] }
  | { kind: 'collection'; action: Action }
  | { kind: 'whole'; action: Action }
  | { kind: 'self_user' }
  | { kind: 'any_identity' }
  | { kind: 'self'; action: Action };

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As OpenAPI writes it, to compare with the routes the server has. */
  path: string;
  expect: Expectation;
  /** Codes that mean the request passed authorization and was judged on its content. */
  reachedCodes?: string[];
  build(target: Tenant, n: number): { url: string; payload?: object; headers?: Record<string, string> };
}

/** A completed transfer between two accounts, as banks send them (screening). */
const completedTransfer = (transferId: string) => ({
  transferId,
  payer: { bank: 'VCB', account: '0011002233445' },
  payee: { bank: 'TCB', account: '19030000111' },
  amountVnd: 1_000_000,
  at: '2026-03-02T08:00:00Z',
});
/** The same transfer before it leaves, to screen. */
const screenedTransfer = (transferId: string) => {
  const transfer = completedTransfer(transferId);
  return { ...transfer, payee: { ...transfer.payee, nameShown: 'TRAN VAN BINH' }, channel: 'mobile_app' };
};
/** A screening route: the tenants' staff with the action pass authorization, and are refused as not banks. */
const bankOnly = (
  method: RouteCase['method'],
  path: string,
  action: Action,
  build: RouteCase['build'],
): RouteCase => ({
  method,
  path,
  expect: { kind: 'own_agency', action },
  reachedCodes: ['screening.not_a_bank'],
  build,
});

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
  {
    method: 'POST',
    path: '/api/public/reports',
    expect: { kind: 'public' },
    build: (t, n) => ({
      url: '/api/public/reports',
      payload: {
        scamMethod: 'loans',
        story: `Ma trận quyền: người dân tố giác lần ${n} ở tỉnh ${t.key}, bị lừa vay tiền qua mạng.`,
        provinceCode: t.agency.provinceCode,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/public/reports/{trackingCode}',
    expect: { kind: 'public' },
    build: (t) => ({
      url: `/api/public/reports/${t.report.trackingCode}`,
      headers: { 'x-khien-secret': t.report.secret },
    }),
  },
  {
    method: 'GET',
    path: '/api/reports',
    expect: { kind: 'collection', action: 'report.list' },
    build: () => ({ url: '/api/reports' }),
  },
  {
    method: 'POST',
    path: '/api/reports',
    expect: { kind: 'own_agency', action: 'report.intake' },
    build: (t, n) => ({
      url: '/api/reports',
      payload: {
        channel: 'hotline',
        scamMethod: 'loans',
        story: `Cuộc gọi đường dây nóng số ${n} (${t.key})`,
        provinceCode: t.agency.provinceCode,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/reports/{reportId}',
    expect: { kind: 'record', action: 'report.read' },
    build: (t) => ({ url: `/api/reports/${t.report.id}` }),
  },
  {
    method: 'GET',
    path: '/api/reports/{reportId}/contact',
    expect: { kind: 'record', action: 'report.contact' },
    build: (t) => ({ url: `/api/reports/${t.report.id}/contact` }),
  },
  {
    method: 'GET',
    path: '/api/reports/{reportId}/evidence/{evidenceId}',
    expect: { kind: 'record', action: 'report.read' },
    build: (t) => ({ url: `/api/reports/${t.report.id}/evidence/${t.report.evidenceId}` }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/status',
    expect: { kind: 'record', action: 'report.handle' },
    // The first allowed call moves the report to verifying; the next ones are judged on the status table.
    reachedCodes: ['report.transition_not_allowed'],
    build: (t) => ({
      url: `/api/reports/${t.report.id}/status`,
      payload: { to: 'verifying', reason: 'Xác minh trong ma trận quyền' },
    }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/assign',
    expect: { kind: 'record', action: 'report.assign' },
    build: (t) => ({ url: `/api/reports/${t.report.id}/assign`, payload: { userId: null } }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/notes',
    expect: { kind: 'record', action: 'report.handle' },
    build: (t, n) => ({ url: `/api/reports/${t.report.id}/notes`, payload: { text: `Ghi chú ${n}` } }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/transfer',
    expect: { kind: 'record', action: 'report.handle' },
    // To the unit that already handles it: judged (and refused) only after authorization, so that the
    // report stays with its tenant for the calls that follow.
    reachedCodes: ['report.transfer_target_invalid'],
    build: (t) => ({
      url: `/api/reports/${t.report.id}/transfer`,
      payload: { agencyId: t.agency.id, reason: 'Chuyển trong ma trận quyền' },
    }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/extend',
    expect: { kind: 'record', action: 'report.handle' },
    // The first allowed call extends the deadline; the next ones are judged on the extensions done.
    reachedCodes: ['report.extension_not_allowed'],
    build: (t) => ({
      url: `/api/reports/${t.report.id}/extend`,
      payload: { extension: 'complex', reason: 'Vụ việc phức tạp' },
    }),
  },
  {
    method: 'GET',
    path: '/api/report-deadlines',
    expect: { kind: 'may_any', actions: ['report.list', 'report.policy'] },
    build: () => ({ url: '/api/report-deadlines' }),
  },
  {
    method: 'PUT',
    path: '/api/report-deadlines',
    expect: { kind: 'whole', action: 'report.policy' },
    build: () => ({
      url: '/api/report-deadlines',
      payload: {
        decisionDays: 20,
        complexExtensionMonths: 2,
        procuracyExtensionMonths: 2,
        remindDaysBefore: 3,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/cases',
    expect: { kind: 'collection', action: 'case.manage' },
    build: () => ({ url: '/api/cases' }),
  },
  {
    method: 'POST',
    path: '/api/cases',
    // The case is the caller's unit's; the reports it groups must be within reach, or 422.
    expect: {
      kind: 'record',
      action: 'case.manage',
      denyTarget: { status: 422, code: 'case.report_out_of_reach' },
    },
    build: (t, n) => ({
      url: '/api/cases',
      payload: { title: `Vụ việc ${n}`, reportIds: [t.report.id], reason: 'Cùng một thủ đoạn' },
    }),
  },
  {
    method: 'GET',
    path: '/api/cases/{caseId}',
    expect: { kind: 'record', action: 'case.manage', denyTarget: { status: 404, code: 'case.not_found' } },
    build: (t) => ({ url: `/api/cases/${t.caseId}` }),
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/reports',
    expect: { kind: 'record', action: 'case.manage', denyTarget: { status: 404, code: 'case.not_found' } },
    build: (t) => ({
      url: `/api/cases/${t.caseId}/reports`,
      payload: { reportIds: [t.report.id], reason: 'Thêm vào vụ việc' },
    }),
  },
  {
    method: 'GET',
    path: '/api/cases/{caseId}/export',
    expect: { kind: 'record', action: 'case.manage', denyTarget: { status: 404, code: 'case.not_found' } },
    build: (t) => ({ url: `/api/cases/${t.caseId}/export?format=docx` }),
  },
  {
    method: 'GET',
    path: '/api/networks',
    expect: { kind: 'collection', action: 'report.list' },
    build: () => ({ url: '/api/networks?minReports=1' }),
  },
  {
    method: 'GET',
    path: '/api/networks/{networkId}',
    // A network is named by any of its reports; the tenant's report is alone in its network.
    expect: { kind: 'record', action: 'report.list' },
    build: (t) => ({ url: `/api/networks/${t.report.id}` }),
  },
  {
    method: 'GET',
    path: '/api/requests',
    expect: { kind: 'collection', action: 'request.read' },
    build: () => ({ url: '/api/requests?box=all' }),
  },
  {
    method: 'POST',
    path: '/api/requests',
    expect: { kind: 'own_agency', action: 'request.send' },
    build: (_t, n) => ({
      url: '/api/requests',
      headers: { 'idempotency-key': `matrix-${n}` },
      payload: {
        type: 'hold',
        recipientAgencyId: shared.bankAgencyId,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Ma trận quyền: phong tỏa để thử',
        details: {
          account: { bank: 'VCB', account: `00710009${String(n).padStart(5, '0')}` },
          amountVnd: 1_000_000,
        },
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/request-time-limits',
    expect: { kind: 'may_any', actions: ['request.read', 'request.policy'] },
    build: () => ({ url: '/api/request-time-limits' }),
  },
  {
    method: 'PUT',
    path: '/api/request-time-limits',
    expect: { kind: 'whole', action: 'request.policy' },
    build: () => ({
      url: '/api/request-time-limits',
      payload: { holdMinutes: 60, informationMinutes: 1440, takedownMinutes: 1440 },
    }),
  },
  {
    method: 'GET',
    path: '/api/requests/recipients',
    expect: { kind: 'collection', action: 'request.read' },
    build: () => ({ url: '/api/requests/recipients?type=hold' }),
  },
  {
    method: 'GET',
    path: '/api/requests/{requestId}',
    expect: {
      kind: 'record',
      action: 'request.read',
      denyTarget: { status: 404, code: 'request.not_found' },
    },
    build: (t) => ({ url: `/api/requests/${t.holdId}` }),
  },
  ...(['acknowledge', 'answer', 'refuse'] as const).map((name): RouteCase => ({
    method: 'POST',
    path: `/api/requests/{requestId}/${name}`,
    // The bank's notice to the tenant: the first allowed call moves it on; later ones find it closed.
    expect: {
      kind: 'record',
      action: 'request.answer',
      denyTarget: { status: 404, code: 'request.not_found' },
    },
    reachedCodes: ['request.transition_not_allowed'],
    build: (t, n) => ({
      url: `/api/requests/${t.noticeId}/${name}`,
      headers: { 'idempotency-key': `matrix-${n}` },
      payload:
        name === 'answer'
          ? { type: 'suspicious_account_notice', outcome: 'received' }
          : name === 'refuse'
            ? { reason: 'Ma trận quyền: từ chối' }
            : {},
    }),
  })),
  ...(['cancel', 'renew', 'forward'] as const).map((name): RouteCase => ({
    method: 'POST',
    path: `/api/requests/{requestId}/${name}`,
    // The tenant's hold: cancelled by the first allowed call; it is then neither active nor answered.
    expect: {
      kind: 'record',
      action: 'request.send',
      denyTarget: { status: 404, code: 'request.not_found' },
    },
    reachedCodes: ['request.transition_not_allowed', 'request.hold_not_active', 'request.not_forwardable'],
    build: (t, n) => ({
      url: `/api/requests/${t.holdId}/${name}`,
      headers: { 'idempotency-key': `matrix-${n}` },
      payload:
        name === 'forward'
          ? { transfers: [{ index: 0 }] }
          : name === 'renew'
            ? { hours: 1, reason: 'Ma trận quyền: gia hạn' }
            : { reason: 'Ma trận quyền: hủy' },
    }),
  })),
  {
    method: 'GET',
    path: '/api/webhooks',
    expect: { kind: 'own_agency', action: 'webhook.manage' },
    build: () => ({ url: '/api/webhooks' }),
  },
  {
    method: 'POST',
    path: '/api/webhooks',
    expect: { kind: 'own_agency', action: 'webhook.manage' },
    build: () => ({ url: '/api/webhooks', payload: { url: 'https://hooks.example.vn/khien' } }),
  },
  {
    method: 'GET',
    path: '/api/webhooks/{webhookId}/deliveries',
    expect: { kind: 'record', action: 'webhook.manage' },
    build: (t) => ({ url: `/api/webhooks/${t.webhookId}/deliveries` }),
  },
  {
    method: 'DELETE',
    path: '/api/webhooks/{webhookId}',
    // Only the tenant's administrator may, once; no one else of the tenant may at all.
    expect: { kind: 'record', action: 'webhook.manage' },
    build: (t) => ({ url: `/api/webhooks/${t.webhookId}` }),
  },
  {
    method: 'GET',
    path: '/api/reports/{reportId}/recovery',
    expect: { kind: 'record', action: 'recovery.read' },
    build: (t) => ({ url: `/api/reports/${t.report.id}/recovery` }),
  },
  {
    method: 'POST',
    path: '/api/reports/{reportId}/recovery/returns',
    // Nothing is held for the tenant's report: an allowed call is judged on the money, and refused.
    expect: { kind: 'record', action: 'recovery.record' },
    reachedCodes: ['request.ledger_more_than_held'],
    build: (t) => ({
      url: `/api/reports/${t.report.id}/recovery/returns`,
      payload: { amountVnd: 1_000, bank: 'VCB', confirmation: 'MATRIX-1' },
    }),
  },
  {
    method: 'GET',
    path: '/api/recovery/summary',
    expect: { kind: 'collection', action: 'recovery.read' },
    build: () => ({ url: '/api/recovery/summary' }),
  },
  // Transfer screening is for banks: the tenants (police) pass authorization and are refused as not banks.
  bankOnly('POST', '/api/screening/transfers', 'screening.decide', (_t, n) => ({
    url: '/api/screening/transfers',
    payload: screenedTransfer(`MATRIX-${n}`),
  })),
  bankOnly('POST', '/api/screening/transfers/batch', 'screening.decide', (_t, n) => ({
    url: '/api/screening/transfers/batch',
    payload: { transfers: [screenedTransfer(`MATRIX-${n}`)] },
  })),
  bankOnly('POST', '/api/screening/completed', 'screening.decide', () => ({
    url: '/api/screening/completed',
    payload: { transfers: [completedTransfer('MATRIX-DONE-1')] },
  })),
  ...(
    [
      '/api/screening/decisions',
      '/api/screening/rule-sets',
      '/api/screening/reviews',
      '/api/screening/flags',
    ] as const
  ).map((path) => bankOnly('GET', path, 'screening.review', () => ({ url: path }))),
  bankOnly('POST', '/api/screening/flags/{flagId}', 'screening.review', () => ({
    url: '/api/screening/flags/00000000-0000-7000-8000-000000000000',
    payload: { outcome: 'dismissed', note: 'Ma trận quyền' },
  })),
  bankOnly('POST', '/api/screening/reviews/{transferId}', 'screening.review', () => ({
    url: '/api/screening/reviews/MATRIX-1',
    payload: { outcome: 'released', note: 'Ma trận quyền' },
  })),
  bankOnly('POST', '/api/screening/rule-sets', 'screening.manage', () => ({
    url: '/api/screening/rule-sets',
    payload: { from: 'default' },
  })),
  bankOnly('PUT', '/api/screening/rule-sets/{version}', 'screening.manage', () => ({
    url: '/api/screening/rule-sets/1',
    payload: { rules: [], reasonTexts: {} },
  })),
  bankOnly('POST', '/api/screening/rule-sets/{version}/publish', 'screening.manage', () => ({
    url: '/api/screening/rule-sets/1/publish',
  })),
  bankOnly('POST', '/api/screening/rule-sets/{version}/backtest', 'screening.review', () => ({
    url: '/api/screening/rule-sets/0/backtest',
    payload: { csv: 'transfer_id,at,amount_vnd\n' },
  })),
  bankOnly('POST', '/api/screening/rule-sets/{version}/shadow', 'screening.manage', () => ({
    url: '/api/screening/rule-sets/1/shadow',
    payload: { shadow: true },
  })),
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
  if (e.kind === 'may_any')
    return e.actions.some((action) => mayEver(actor, action))
      ? { status: 'ok' }
      : { status: 403, code: 'auth.forbidden' };
  if (e.kind === 'own_agency')
    return decide(actor, e.action, { ...areaOf(actor.agency), agencyId: actor.agency.id }) === 'allow'
      ? { status: 'ok' }
      : { status: 403, code: 'auth.forbidden' };
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
  if (e.denyTarget) return e.denyTarget;
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

/** Records every identity acts on, created by the operator before the matrix runs. */
const shared = { indicatorId: '', allowlistId: '', bankAgencyId: '', delegationId: '' };

for (const database of databaseTargets()) {
  announceSkip(database);
  describe.skipIf(database.skipReason !== null)(
    `authorization matrix (routes × identities × tenants) on ${database.name}`,
    () => {
      let testDb: TestDatabase;
      let platform: Platform;
      const tenants: Record<'A' | 'B', Tenant> = {} as never;
      const identities: Identity[] = [];

      beforeAll(async () => {
        testDb = await database.open();
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
          tenants[key] = {
            key,
            agency,
            viewer: viewer!,
            spareKeyId: spare.id,
            report: { id: '', trackingCode: '', secret: '', evidenceId: '' },
            caseId: '',
            holdId: '',
            noticeId: '',
            webhookId: '',
          };
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
        // A bank officer, who sends each tenant's police a suspicious-account notice.
        await call('POST', `/api/agencies/${shared.bankAgencyId}/users`, {
          username: 'matrix-bank',
          fullName: 'Cán bộ ngân hàng',
          roles: ['officer'],
          password: PASSWORD,
        });
        const bankFirst = await login(platform, 'matrix-bank', PASSWORD);
        await platform.app.inject({
          method: 'POST',
          url: '/api/me/password',
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
          headers: { cookie: bankFirst.cookie },
        });
        const bankOfficer = (await login(platform, 'matrix-bank', NEW_PASSWORD)).cookie;
        // Each tenant's police receives a citizen's report (with a contact and an evidence file) and opens a
        // case with it.
        for (const tenant of [tenants.A, tenants.B]) {
          const upload = multipart({
            scamMethod: 'impersonate_police_procuracy_court',
            story: `Ma trận quyền, tỉnh ${tenant.key}: kẻ gian giả danh công an gọi điện đòi chuyển tiền.`,
            provinceCode: tenant.agency.provinceCode,
            contact: { fullName: 'Nguyễn Thị Lan', phone: '0912 000 111' },
          });
          const submitted = await platform.app.inject({
            method: 'POST',
            url: '/api/public/reports',
            ...upload,
          });
          expect(submitted.statusCode, submitted.body).toBe(201);
          const receipt = submitted.json() as ReportReceipt;
          expect(receipt).toMatchObject({ handlingUnit: tenant.agency.name, evidenceCount: 1 });
          const officer = identities.find((i) => i.name === `${tenant.key} officer`)!.headers.cookie!;
          const page = await call<ReportPage>('GET', '/api/reports?limit=100', undefined, officer);
          const id = page.items.find((r) => r.trackingCode === receipt.trackingCode)!.id;
          const detail = await call<ReportDetail>('GET', `/api/reports/${id}`, undefined, officer);
          expect(detail.handlingAgencyId).toBe(tenant.agency.id);
          tenant.report = {
            id,
            trackingCode: receipt.trackingCode,
            secret: receipt.secret,
            evidenceId: detail.evidence[0]!.id,
          };
          tenant.caseId = (
            await call<CaseDetail>(
              'POST',
              '/api/cases',
              { title: `Vụ việc ${tenant.key}`, reportIds: [id], reason: 'Mở vụ việc để thử' },
              officer,
            )
          ).id;
          tenant.holdId = (
            await call<{ id: string }>(
              'POST',
              '/api/requests',
              {
                type: 'hold',
                recipientAgencyId: shared.bankAgencyId,
                legalBasis: 'Điều 147 BLTTHS',
                reason: `Phong tỏa để thử, tỉnh ${tenant.key}`,
                reportId: id,
                details: { account: { bank: 'VCB', account: '0071000999888' }, amountVnd: 5_000_000 },
              },
              officer,
            )
          ).id;
          tenant.noticeId = (
            await call<{ id: string }>(
              'POST',
              '/api/requests',
              {
                type: 'suspicious_account_notice',
                recipientAgencyId: tenant.agency.id,
                legalBasis: 'Thông tư 17/2024/TT-NHNN',
                reason: `Tài khoản nhận tiền bất thường, tỉnh ${tenant.key}`,
                details: {
                  account: { bank: 'VCB', account: '0071000777666' },
                  holderName: 'Nguyễn Văn Thử',
                  idNumber: '001099000111',
                  reasonCode: 'R01',
                },
              },
              bankOfficer,
            )
          ).id;
          const admin = identities.find((i) => i.name === `${tenant.key} admin`)!.headers.cookie!;
          tenant.webhookId = (
            await call<{ id: string }>(
              'POST',
              '/api/webhooks',
              { url: 'https://hooks.example.vn/matrix' },
              admin,
            )
          ).id;
        }
      }, 120_000);

      afterAll(async () => {
        await platform?.close();
        await testDb?.dispose();
      });

      // The matrix takes its expectations from the policy table, as the services do: a changed grant changes
      // both sides alike. The grants of the reports module are pinned here, so that a change to them is a
      // deliberate edit of this test too.
      it('keeps the reports module’s grants the matrix was written for', () => {
        const area = 'police_area';
        const readers = { supervisor: area, officer: area, analyst: area, auditor: area };
        expect({
          list: POLICY['report.list'],
          read: POLICY['report.read'],
          intake: POLICY['report.intake'],
          handle: POLICY['report.handle'],
          assign: POLICY['report.assign'],
          contact: POLICY['report.contact'],
          policy: POLICY['report.policy'],
          cases: POLICY['case.manage'],
        }).toEqual({
          list: readers,
          read: readers,
          intake: { supervisor: area, officer: area },
          handle: { supervisor: area, officer: area },
          assign: { supervisor: area },
          contact: { supervisor: 'own_agency', officer: 'own_agency' },
          policy: { admin: 'operator_only' },
          cases: { supervisor: area, officer: area },
        });
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
            const perRoute =
              route.path.includes('{') || route.expect.kind === 'record' ? targets : [targets[0]!];
            for (const target of perRoute) {
              const request = route.build(target, ++n);
              const response = await platform.app.inject({
                method: route.method,
                url: request.url,
                headers: { ...identity.headers, ...request.headers },
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
          `authorization matrix on ${database.name}: ${ROUTES.length} routes × ${identities.length} identities × 2 tenants = ${calls} calls`,
        );
        expect(mismatches).toEqual([]);
      }, 300_000);
    },
  );
}
