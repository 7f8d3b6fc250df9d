import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CaseDetail as CaseDetailSchema,
  ReportPage as ReportPageSchema,
  type Agency,
  type CreateReportRequest,
} from '@khien/contracts';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFor } from '../../config.js';
import { buildHttpApp, type App } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import type { Actor } from '../../shared/policy.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { PNG, reportUpload, twoProvincesAndABank } from '../../testing/reports.js';
import {
  ADMIN_PASSWORD,
  login,
  staffSession,
  startTestPlatform,
  type Session,
} from '../../testing/platform.js';
import { credentialsOf, SESSION_COOKIE } from '../auth/index.js';
import { createCaseFileRepository } from './case-file.repository.js';
import { registerCaseFileRoutes } from './case-file.routes.js';
import { createCaseFileService, type CaseFileService } from './case-file.service.js';
import { createReportsRepository } from './reports.repository.js';

const PNG_SHA256 = crypto.createHash('sha256').update(PNG).digest('hex');

const standardFontDataUrl = `${path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts',
)}/`;

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''),
    );
  }
  await pdf.destroy();
  return pages.join(' ').normalize('NFC').replace(/\s+/g, ' ');
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The actor a session stands for, as the HTTP layer would resolve it. */
function contextOf(session: Session): RequestContext {
  const me = session.me;
  const actor: Actor = {
    kind: 'user',
    userId: me.userId!,
    username: me.username!,
    roles: me.roles,
    agency: {
      id: me.agency.id,
      type: me.agency.type,
      level: me.agency.scopeLevel,
      provinceCode: me.agency.provinceCode,
      communeCode: me.agency.communeCode,
    },
  };
  return { actor, ip: '127.0.0.1', userAgent: 'vitest', requestId: null, reason: 'Gửi Viện kiểm sát' };
}

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`the case file export on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    let service: CaseFileService;
    let app: App;
    let operator: Session;
    let officer: Session;
    let supervisor: Session;
    let elsewhere: Session;
    let bank: Session;
    let caseId: string;
    let caseCode: string;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));

    const as = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
      platform.app.inject({
        method,
        url,
        headers: { cookie: session.cookie },
        ...(payload ? { payload } : {}),
      });

    const report: CreateReportRequest = {
      scamMethod: 'impersonate_police_procuracy_court',
      occurredAt: '2026-03-01T09:30:00Z',
      channels: ['phone_call', 'zalo'],
      identifiers: ['0987 654 321', 'https://congan-hanoi-vn.top/xac-minh'],
      transfers: [
        {
          fromBank: 'Vietcombank',
          fromAccount: '0011002233445',
          toBank: 'MB',
          toAccount: '0901234567890',
          amountVnd: 45_000_000,
          reference: 'FT26060123456',
        },
      ],
      story:
        'Một người xưng là cán bộ Công an gọi điện, nói tôi liên quan đến đường dây rửa tiền và yêu cầu chuyển tiền để xác minh.',
      provinceCode: '01',
      communeCode: '00004',
      contact: {
        fullName: 'Nguyễn Thị Lan',
        email: 'lan@example.vn',
        phone: '0912 000 111',
        address: 'Số 7 phố Hàng Bông',
      },
      language: 'vi',
    };

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      const { hanoiPolice, hcmPolice, bankAgency } = await twoProvincesAndABank(platform, operator);
      officer = await staffSession(platform, operator, hanoiPolice, 'hn.officer', ['officer']);
      supervisor = await staffSession(platform, operator, hanoiPolice, 'hn.lead', ['supervisor']);
      elsewhere = await staffSession(platform, operator, hcmPolice, 'hcm.lead', ['supervisor']);
      bank = await staffSession(platform, operator, bankAgency, 'bank.officer', ['officer']);

      service = createCaseFileService({
        db: platform.database.db,
        reports: createReportsRepository(),
        repository: createCaseFileRepository(),
        audit: platform.services.audit,
        clock,
      });
      // The route on an app of its own, with the platform's sign-in: the same hooks as the real server.
      app = await buildHttpApp({
        config: { ...configFor(), webDist: undefined },
        logger: pino({ level: 'silent' }),
        metrics: createMetrics(),
        sessionCookieName: SESSION_COOKIE,
        async authenticate(request) {
          const identity = await platform.services.auth.authenticate(credentialsOf(request));
          return identity ? { context: { actor: identity.actor }, restriction: identity.restriction } : null;
        },
      });
      registerCaseFileRoutes(app, service);
      await app.ready();

      // Two citizens' reports to Hà Nội, one with a screenshot; one handled to a decision.
      const withFile = reportUpload(report, [{ name: 'ảnh màn hình.png', type: 'image/png', bytes: PNG }]);
      const first = await platform.app.inject({ method: 'POST', url: '/api/public/reports', ...withFile });
      expect(first.statusCode, first.body).toBe(201);
      const second = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          ...report,
          story: 'Tôi được mời làm nhiệm vụ online, chuyển tiền vào tài khoản MB rồi không rút được.',
          scamMethod: 'online_task_jobs',
          identifiers: [],
          transfers: [{ toBank: 'MB', toAccount: '0901234567890', amountVnd: 12_000_000 }],
          communeCode: undefined,
          contact: undefined,
        },
      });
      expect(second.statusCode, second.body).toBe(201);
      await platform.services.reports.linkRegistry();
      const page = ReportPageSchema.parse((await as(officer, 'GET', '/api/reports?sort=received')).json());
      const ids = page.items.map((r) => r.id);
      const firstId = page.items.find((r) => r.trackingCode === first.json().trackingCode)!.id;
      // (Sessions stay alive for an hour without use.)
      clock.advance(20 * 60_000);
      await as(officer, 'POST', `/api/reports/${firstId}/status`, {
        to: 'decided',
        decision: 'initiate_case',
        reason: 'Có dấu hiệu tội lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)',
      });
      const created = await as(supervisor, 'POST', '/api/cases', {
        title: 'Đường dây tài khoản MB nhận tiền',
        reportIds: ids,
        reason: 'Cùng tài khoản nhận tiền',
      });
      expect(created.statusCode, created.body).toBe(201);
      const theCase = CaseDetailSchema.parse(created.json());
      caseId = theCase.id;
      caseCode = theCase.code;
    });
    afterAll(async () => {
      await app?.close();
      await platform?.close();
      await testDb?.dispose();
    });

    it('exports the case as a PDF in Vietnamese: reports, decisions, evidence hashes, masked accounts', async () => {
      clock.advance(10 * 60_000);
      const file = await service.export(contextOf(supervisor), caseId, 'pdf');
      expect(file.mediaType).toBe('application/pdf');
      expect(file.fileName).toBe(`Hồ sơ vụ việc ${caseCode}.pdf`);
      const text = await pdfText(file.bytes);
      for (const expected of [
        'BỘ CÔNG AN',
        'CÔNG AN THÀNH PHỐ HÀ NỘI',
        'Hà Nội, ngày 02 tháng 3 năm 2026',
        'HỒ SƠ VỤ VIỆC',
        caseCode,
        'Đường dây tài khoản MB nhận tiền',
        'Giả danh công an, viện kiểm sát, tòa án',
        'Việc làm online, làm nhiệm vụ',
        'Phường Ba Đình, Thành phố Hà Nội',
        'Khởi tố vụ án hình sự',
        'Có dấu hiệu tội lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)',
        'Cùng tài khoản nhận tiền',
        'Cán bộ hn.officer',
        'Cán bộ hn.lead (hn.lead)',
        '57.000.000 đồng',
        'Vietcombank ••••••••3445',
        'MB 0901234567890',
        'ảnh màn hình.png',
        `SHA-256: ${PNG_SHA256}`,
        'Được phản ánh',
        'Không để lại thông tin liên hệ (ẩn danh)',
        'Hồ sơ này không chứa thông tin liên hệ',
      ]) {
        expect(text).toContain(expected);
      }
      // The reporter's contact and the victim's full account are not in the file, in any form.
      for (const secret of ['Nguyễn Thị Lan', 'lan@example.vn', '0912', 'Hàng Bông', '0011002233445']) {
        expect(text).not.toContain(secret);
      }
    });

    it('exports the same as DOCX, and audits every export as a read of personal data', async () => {
      const file = await service.export(contextOf(officer), caseId, 'docx');
      expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const text = await docxText(file.bytes);
      for (const expected of [
        'CÔNG AN THÀNH PHỐ HÀ NỘI',
        caseCode,
        `SHA-256: ${PNG_SHA256}`,
        'Vietcombank ••••••••3445',
        'Khởi tố vụ án hình sự',
      ]) {
        expect(text).toContain(expected);
      }
      for (const secret of ['Nguyễn Thị Lan', 'lan@example.vn', '0912', 'Hàng Bông', '0011002233445']) {
        expect(text).not.toContain(secret);
      }
      const audited = await testDb.database.db
        .selectFrom('audit_log')
        .select(['actor_username', 'personal_data', 'target_id', 'reason', 'details'])
        .where('action', '=', 'case.export')
        .orderBy('seq')
        .execute();
      expect(audited).toHaveLength(2);
      expect(audited.map((a) => a.actor_username)).toEqual(['hn.lead', 'hn.officer']);
      expect(audited.every((a) => a.personal_data && a.target_id === caseId)).toBe(true);
      expect(audited[1]!.reason).toBe('Gửi Viện kiểm sát');
      // The audit entry keeps the hash of the document given out.
      expect(audited[1]!.details).toMatchObject({
        format: 'docx',
        reports: 2,
        withheldReports: 0,
        evidence: 1,
        sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
      });
    });

    it('serves the file as a download, for the case’s reach only', async () => {
      const get = (session: Session | null, query: string, id = caseId) =>
        app.inject({
          method: 'GET',
          url: `/api/cases/${id}/export${query}`,
          headers: session ? { cookie: session.cookie } : {},
        });
      const docx = await get(supervisor, '?format=docx');
      expect(docx.statusCode, docx.body).toBe(200);
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers['cache-control']).toBe('no-store');
      expect(docx.headers['content-disposition']).toBe(
        `attachment; filename="Ho-so-vu-viec-${caseCode}.docx"; ` +
          `filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20v%E1%BB%A5%20vi%E1%BB%87c%20${caseCode}.docx`,
      );
      expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const pdf = await get(officer, '');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      expect((await get(supervisor, '?format=xlsx')).json().code).toBe('validation.failed');
      expect((await get(null, '')).statusCode).toBe(401);
      // Outside the case's reach (another province's police, a bank): as if it did not exist, as for
      // `GET /api/cases/{caseId}`.
      for (const outsider of [elsewhere, bank]) {
        const refused = await get(outsider, '');
        expect(refused.statusCode).toBe(404);
        expect(refused.json().code).toBe('case.not_found');
      }
      expect((await get(supervisor, '', '0190a5a0-0000-7000-8000-000000000000')).statusCode).toBe(404);
    });

    it('names, but does not open, a report that has since gone to a unit outside the exporter’s reach', async () => {
      const page = ReportPageSchema.parse((await as(officer, 'GET', '/api/reports?status=received')).json());
      const open = page.items[0]!;
      const hcm = (await as(operator, 'GET', '/api/agencies?q=Ho Chi Minh')).json().items[0] as Agency;
      const moved = await as(officer, 'POST', `/api/reports/${open.id}/transfer`, {
        agencyId: hcm.id,
        reason: 'Đối tượng cư trú tại TP.HCM',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const text = await docxText((await service.export(contextOf(supervisor), caseId, 'docx')).bytes);
      expect(text).toContain('IV. TỐ GIÁC, TIN BÁO DO ĐƠN VỊ KHÁC THỤ LÝ');
      expect(text).toContain(open.trackingCode);
      expect(text).toContain('Công an Thành phố Hồ Chí Minh');
      expect(text).not.toContain('Tôi được mời làm nhiệm vụ online');
    });
  });
}
