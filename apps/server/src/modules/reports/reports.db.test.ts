import {
  CaseDetail as CaseDetailSchema,
  PublicReportStatus as PublicReportStatusSchema,
  ReportDetail as ReportDetailSchema,
  ReportPage as ReportPageSchema,
  ReportReceipt as ReportReceiptSchema,
  type Agency,
  type CreateReportRequest,
} from '@khien/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { PNG, reportUpload as multipart, twoProvincesAndABank } from '../../testing/reports.js';
import {
  ADMIN_PASSWORD,
  login,
  staffSession,
  startTestPlatform,
  type Session,
} from '../../testing/platform.js';

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`reports and their handling on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    let operator: Session;
    let officer: Session;
    let supervisor: Session;
    let elsewhere: Session;
    let bank: Session;
    let hanoiPolice: Agency;
    let hcmPolice: Agency;

    const as = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      platform.app.inject({
        method,
        url,
        headers: { cookie: session.cookie },
        ...(payload ? { payload } : {}),
      });
    /** Submits a report; answers once its identifiers are in the registry too (they follow the receipt). */
    const submit = async (report: CreateReportRequest) => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: report,
      });
      await platform.services.reports.linkRegistry();
      return response;
    };
    const follow = (code: string, secret: string) =>
      platform.app.inject({
        method: 'GET',
        url: `/api/public/reports/${code}`,
        headers: { 'x-khien-secret': secret },
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
        },
        { toBank: 'MB', toAccount: '0901234567890', amountVnd: 5_000_000 },
      ],
      story:
        'Một người xưng là cán bộ Công an gọi điện, nói tôi liên quan đến đường dây rửa tiền và yêu cầu chuyển tiền để xác minh.',
      provinceCode: '01',
      contact: { fullName: 'Nguyễn Thị Lan', email: 'lan@example.vn', phone: '0912 000 111' },
      language: 'vi',
    };

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      let bankAgency: Agency;
      ({ hanoiPolice, hcmPolice, bankAgency } = await twoProvincesAndABank(platform, operator));
      officer = await staffSession(platform, operator, hanoiPolice, 'hn.officer', ['officer']);
      supervisor = await staffSession(platform, operator, hanoiPolice, 'hn.lead', ['supervisor']);
      elsewhere = await staffSession(platform, operator, hcmPolice, 'hcm.officer', ['officer']);
      bank = await staffSession(platform, operator, bankAgency, 'bank.officer', ['officer']);
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    let first: { trackingCode: string; secret: string };
    let firstId: string;

    it('takes a citizen’s report, routes it to the province’s police and answers a receipt', async () => {
      const response = await submit(report);
      expect(response.statusCode, response.body).toBe(201);
      const receipt = ReportReceiptSchema.parse(response.json());
      expect(receipt.trackingCode).toMatch(/^TG-[A-Z2-9]{8}$/);
      expect(receipt.handlingUnit).toBe('Công an thành phố Hà Nội');
      first = receipt;
      // The same report sent again (a double tap) is recognised, and nothing is stored twice.
      const again = await submit({ ...report, story: `  ${report.story.toUpperCase()} ` });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('report.duplicate');
    });

    it('lets the reporter follow it with the secret, and nobody without it', async () => {
      const status = PublicReportStatusSchema.parse((await follow(first.trackingCode, first.secret)).json());
      expect(status).toMatchObject({
        status: 'received',
        decision: null,
        handlingUnit: 'Công an thành phố Hà Nội',
      });
      expect(status.dueAt).toBe('2026-03-22T08:00:00.000Z');
      expect((await follow(first.trackingCode, 'WRONG-SECRET')).statusCode).toBe(404);
      expect((await follow('TG-AAAAAAAA', first.secret)).json().code).toBe('report.not_found');
    });

    it('puts the identifiers and the receiving account into the registry as reported', async () => {
      const page = ReportPageSchema.parse((await as(officer, 'GET', '/api/reports')).json());
      expect(page.total).toBe(1);
      const item = page.items[0]!;
      firstId = item.id;
      expect(item).toMatchObject({
        daysLeft: 20,
        overdue: false,
        totalLossVnd: 50_000_000,
        identifierCount: 3,
      });
      const detail = ReportDetailSchema.parse((await as(officer, 'GET', `/api/reports/${firstId}`)).json());
      expect(detail.identifiers.map((i) => i.kind).sort()).toEqual(['bank_account', 'phone', 'url']);
      expect(detail.identifiers.every((i) => i.indicatorStatus === 'reported')).toBe(true);
      expect(detail.transfers[0]).toMatchObject({ fromAccountMasked: '••••••••3445', amountVnd: 45_000_000 });
      expect(detail.transfers[0]!.toIndicatorId).toBe(detail.transfers[1]!.toIndicatorId);
      expect(detail.hasContact).toBe(true);
      expect(detail.allowedTransitions.map((t) => t.to)).toEqual(['verifying', 'decided']);
      // A public check now tells the next person about the number.
      const check = await platform.app.inject({ method: 'GET', url: '/api/public/check?q=0987654321' });
      expect(check.json().items[0].verdict).toBe('suspicious');
    });

    it('keeps the contact encrypted, shows it to the handling unit only, and audits each read', async () => {
      const row = await testDb.database.db
        .selectFrom('reports')
        .select(['contact_encrypted', 'story'])
        .where('id', '=', firstId)
        .executeTakeFirstOrThrow();
      expect(row.contact_encrypted).not.toContain('lan@example.vn');
      const contact = await as(officer, 'GET', `/api/reports/${firstId}/contact`);
      expect(contact.statusCode).toBe(200);
      expect(contact.json()).toMatchObject({ fullName: 'Nguyễn Thị Lan', email: 'lan@example.vn' });
      expect(contact.json().transfersFrom[0].fromAccount).toBe('0011002233445');
      const audited = await testDb.database.db
        .selectFrom('audit_log')
        .select(['personal_data'])
        .where('action', '=', 'report.contact.read')
        .execute();
      expect(audited).toEqual([{ personal_data: true }]);
      // Another province's police, a bank, and anyone else: as if it did not exist.
      expect((await as(elsewhere, 'GET', `/api/reports/${firstId}`)).statusCode).toBe(404);
      expect((await as(elsewhere, 'GET', `/api/reports/${firstId}/contact`)).statusCode).toBe(404);
      expect((await as(bank, 'GET', `/api/reports/${firstId}`)).statusCode).toBe(403);
      expect(ReportPageSchema.parse((await as(elsewhere, 'GET', '/api/reports')).json()).total).toBe(0);
    });

    it('stores evidence with the report, judged by its content, and refuses what is not evidence', async () => {
      const upload = multipart(
        {
          ...report,
          story: `${report.story} Tôi gửi kèm ảnh chụp màn hình.`,
          identifiers: ['0977 111 222'],
          transfers: [],
        },
        [{ name: 'man-hinh.png', type: 'image/png', bytes: PNG }],
      );
      const response = await platform.app.inject({ method: 'POST', url: '/api/public/reports', ...upload });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().evidenceCount).toBe(1);
      const fake = multipart({ ...report, story: `${report.story} Lần khác.` }, [
        { name: 'anh.png', type: 'image/png', bytes: Buffer.from('#!/bin/sh\necho not a picture\n') },
      ]);
      const refused = await platform.app.inject({ method: 'POST', url: '/api/public/reports', ...fake });
      expect(refused.statusCode).toBe(415);
      expect(refused.json().code).toBe('evidence.type_not_allowed');
      await platform.services.reports.linkRegistry();
      const page = ReportPageSchema.parse((await as(officer, 'GET', '/api/reports?q=0977111222')).json());
      expect(page.total).toBe(1);
      const withFile = ReportDetailSchema.parse(
        (await as(officer, 'GET', `/api/reports/${page.items[0]!.id}`)).json(),
      );
      const stored = await testDb.database.db.selectFrom('report_evidence').select(['report_id']).execute();
      expect(withFile.evidence).toHaveLength(1);
      expect(stored).toHaveLength(1);
      expect(withFile.evidence[0]).toMatchObject({ mediaType: 'image/png', sizeBytes: PNG.length });
      const file = await as(
        officer,
        'GET',
        `/api/reports/${withFile.id}/evidence/${withFile.evidence[0]!.id}`,
      );
      expect(file.statusCode).toBe(200);
      expect(Buffer.from(file.rawPayload).equals(PNG)).toBe(true);
    });

    it('refuses bad input with field errors and stores nothing', async () => {
      const response = await submit({
        ...report,
        story: 'ngắn',
        provinceCode: 'xx',
        transfers: [{ toAccount: '12', amountVnd: 0 }],
      });
      expect(response.statusCode).toBe(400);
      const paths = (response.json().errors as Array<{ path: string; message: string }>).map(
        (e) => `${e.path} ${e.message}`,
      );
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.story story.too_short',
          'body.provinceCode province.invalid',
          'body.transfers.0.toAccount account.too_short',
          'body.transfers.0.amountVnd amount.invalid',
        ]),
      );
      const unknownCommune = await submit({ ...report, story: `${report.story} (3)`, communeCode: '99999' });
      expect(unknownCommune.json().code).toBe('report.unknown_area');
      expect(ReportPageSchema.parse((await as(officer, 'GET', '/api/reports')).json()).total).toBe(2);
    });

    it('moves a report along the status table with reasons, and tells the reporter', async () => {
      const skip = await as(officer, 'POST', `/api/reports/${firstId}/status`, {
        to: 'closed',
        reason: 'Thử đóng ngay',
      });
      expect(skip.json().code).toBe('report.transition_not_allowed');
      const noDecision = await as(officer, 'POST', `/api/reports/${firstId}/status`, {
        to: 'decided',
        reason: 'Đã đủ căn cứ',
      });
      expect(noDecision.json().code).toBe('report.decision_required');
      expect(
        (
          await as(officer, 'POST', `/api/reports/${firstId}/status`, {
            to: 'verifying',
            reason: 'Xác minh tài khoản nhận tiền',
          })
        ).statusCode,
      ).toBe(200);
      await as(officer, 'POST', `/api/reports/${firstId}/notes`, {
        text: 'Đã gửi yêu cầu cung cấp thông tin tới ngân hàng MB',
      });
      const decided = ReportDetailSchema.parse(
        (
          await as(officer, 'POST', `/api/reports/${firstId}/status`, {
            to: 'decided',
            decision: 'initiate_case',
            reason: 'Có dấu hiệu tội lừa đảo chiếm đoạt tài sản (Điều 174 BLHS)',
            publicMessage: 'Cơ quan điều tra đã khởi tố vụ án; chúng tôi sẽ liên hệ khi cần.',
          })
        ).json(),
      );
      expect(decided).toMatchObject({ status: 'decided', decision: 'initiate_case', overdue: false });
      expect(decided.timeline.map((e) => e.type)).toEqual([
        'received',
        'status_changed',
        'note',
        'status_changed',
      ]);
      const status = PublicReportStatusSchema.parse((await follow(first.trackingCode, first.secret)).json());
      expect(status).toMatchObject({ status: 'decided', decision: 'initiate_case' });
      // The reporter sees the stages and the unit's message, never the internal note or the reasons.
      expect(JSON.stringify(status)).not.toContain('MB');
      expect(status.history.at(-1)?.message).toContain('khởi tố');
      const outbox = await testDb.database.db
        .selectFrom('notification_outbox')
        .select(['channel', 'template', 'recipient_encrypted', 'body'])
        .where('report_id', '=', firstId)
        .orderBy('created_at')
        .execute();
      expect(outbox.map((m) => m.template)).toEqual([
        'report.received',
        'report.status_changed',
        'report.status_changed',
      ]);
      expect(outbox.every((m) => m.channel === 'email' && !m.recipient_encrypted.includes('lan@'))).toBe(
        true,
      );
    });

    it('takes a report at the unit (a hotline call), handled by the unit itself', async () => {
      const response = await as(officer, 'POST', '/api/reports', {
        ...report,
        channel: 'hotline',
        story: 'Cuộc gọi tới đường dây nóng: bị lừa mua hàng online.',
        identifiers: ['0966 555 444'],
        transfers: [],
        provinceCode: '79',
        contact: undefined,
      });
      expect(response.statusCode, response.body).toBe(201);
      const taken = ReportDetailSchema.parse(response.json());
      expect(taken).toMatchObject({ channel: 'hotline', handlingAgencyId: hanoiPolice.id, anonymous: true });
      expect(taken.timeline[0]).toMatchObject({ type: 'received', actorName: 'Cán bộ hn.officer' });
      expect((await as(bank, 'POST', '/api/reports', { ...report, channel: 'hotline' })).statusCode).toBe(
        403,
      );
    });

    it('takes concurrent reports naming the same identifiers in any order (no deadlock)', async () => {
      const names = ['0933 444 555', 'https://nhan-qua-tet.top/dang-ky', 'MB 0800111222333'];
      const orders = [
        [0, 1, 2],
        [2, 1, 0],
        [1, 2, 0],
        [0, 2, 1],
        [2, 0, 1],
        [1, 0, 2],
      ];
      const answers = await Promise.all(
        orders.map((order, n) =>
          submit({
            ...report,
            identifiers: order.map((i) => names[i]!),
            transfers: [{ toBank: 'MB', toAccount: '0800111222333', amountVnd: 1_000_000 * (n + 1) }],
            story: `${report.story} Lần gửi đồng thời số ${n + 1}.`,
            contact: { fullName: `Người báo ${n + 1}`, phone: `0912 000 ${String(200 + n)}` },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(orders.map(() => 201));
      // Six reporters on each entry; the account counts the money sent to it once per report.
      const entries = await testDb.database.db
        .selectFrom('indicators')
        .select(['kind', 'report_count', 'reported_loss_vnd'])
        .where('key', 'in', ['phone:+84933444555', 'bank_account:970422:0800111222333'])
        .orderBy('kind')
        .execute();
      expect(entries).toEqual([
        { kind: 'bank_account', report_count: 6, reported_loss_vnd: 21_000_000 },
        { kind: 'phone', report_count: 6, reported_loss_vnd: 0 },
      ]);
    });

    it('keeps official numbers named in a report out of the registry, and says so in the report', async () => {
      const response = await submit({
        ...report,
        identifiers: ['1800 8098', '0966 123 987'],
        transfers: [],
        story: `${report.story} Kẻ gian giả số tổng đài chăm sóc khách hàng.`,
      });
      expect(response.statusCode, response.body).toBe(201);
      const stored = await testDb.database.db
        .selectFrom('reports')
        .select(['id', 'unreadable', 'registry_pending'])
        .where('tracking_code', '=', response.json().trackingCode)
        .executeTakeFirstOrThrow();
      expect(stored.registry_pending).toBeNull();
      expect(stored.unreadable).toEqual([
        expect.objectContaining({ input: '1800 8098', code: 'identifier.official' }),
      ]);
      const listed = await testDb.database.db
        .selectFrom('report_identifiers')
        .innerJoin('indicators', 'indicators.id', 'report_identifiers.indicator_id')
        .select('indicators.key')
        .where('report_identifiers.report_id', '=', stored.id)
        .execute();
      expect(listed).toEqual([{ key: 'phone:+84966123987' }]);
    });

    it('links a stored report whose identifiers never entered the registry (a crash after the receipt)', async () => {
      const response = await submit({
        ...report,
        identifiers: [],
        transfers: [{ toBank: 'MB', toAccount: '0700555666777', amountVnd: 2_000_000 }],
        story: `${report.story} Báo cáo còn chờ đưa vào cơ sở dữ liệu.`,
      });
      expect(response.statusCode, response.body).toBe(201);
      const { id } = await testDb.database.db
        .selectFrom('reports')
        .select('id')
        .where('tracking_code', '=', response.json().trackingCode)
        .executeTakeFirstOrThrow();
      // As the process that stored it would have left it had it died before linking: the mark set, the
      // registry untouched.
      const phone = { kind: 'phone', key: 'phone:+84966777888', display: '0966 777 888', details: {} };
      const account = {
        kind: 'bank_account',
        key: 'bank_account:970422:0700555666777',
        display: 'MB 0700555666777',
        details: { bin: '970422' },
      };
      await sql`delete from report_identifiers where report_id = ${id}`.execute(testDb.database.db);
      await sql`update report_transfers set to_indicator_id = null where report_id = ${id}`.execute(
        testDb.database.db,
      );
      const pending = {
        reporterHash: 'a-reporter-counted-once',
        entries: [
          { ...phone, lossVnd: null },
          { ...account, lossVnd: 2_000_000 },
        ],
        transfers: [{ position: 0, key: account.key }],
      };
      await sql`update reports set registry_pending = ${JSON.stringify(pending)}::jsonb where id = ${id}`.execute(
        testDb.database.db,
      );
      const before = await testDb.database.db
        .selectFrom('indicators')
        .select(['key', 'reported_loss_vnd'])
        .where('key', '=', account.key)
        .executeTakeFirst();

      expect(await platform.services.reports.linkRegistry()).toBe(1);
      const after = await testDb.database.db
        .selectFrom('reports')
        .select('registry_pending')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(after.registry_pending).toBeNull();
      const links = await testDb.database.db
        .selectFrom('report_identifiers')
        .innerJoin('indicators', 'indicators.id', 'report_identifiers.indicator_id')
        .select(['indicators.key', 'indicators.status', 'indicators.reported_loss_vnd'])
        .where('report_identifiers.report_id', '=', id)
        .orderBy('indicators.key')
        .execute();
      expect(links).toEqual([
        {
          key: account.key,
          status: 'reported',
          reported_loss_vnd: Number(before?.reported_loss_vnd ?? 0) + 2_000_000,
        },
        { key: phone.key, status: 'reported', reported_loss_vnd: 0 },
      ]);
      const sources = await testDb.database.db
        .selectFrom('indicator_sources')
        .select(['source_type', 'reporter_hash'])
        .where('source_ref', '=', id)
        .where('reporter_hash', '=', pending.reporterHash)
        .execute();
      expect(sources).toEqual([
        { source_type: 'report', reporter_hash: 'a-reporter-counted-once' },
        { source_type: 'report', reporter_hash: 'a-reporter-counted-once' },
      ]);
      const transfer = await testDb.database.db
        .selectFrom('report_transfers')
        .innerJoin('indicators', 'indicators.id', 'report_transfers.to_indicator_id')
        .select('indicators.key')
        .where('report_transfers.report_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(transfer.key).toBe(account.key);
      // Nothing is left, so another run takes nothing.
      expect(await platform.services.reports.linkRegistry()).toBe(0);
    });

    it('keeps the timeline append-only', async () => {
      await expect(
        sql`update report_events set reason = 'sửa' where report_id = ${firstId}`.execute(testDb.database.db),
      ).rejects.toThrow(/append-only/);
    });

    it('shows a report from another province that names the same account, and groups them into a case', async () => {
      const other = await submit({
        ...report,
        identifiers: [],
        transfers: [{ toBank: 'MB', toAccount: '0901 2345 67890', amountVnd: 12_000_000 }],
        story: 'Tôi được mời làm nhiệm vụ online, chuyển tiền vào tài khoản này rồi không rút được.',
        scamMethod: 'online_task_jobs',
        provinceCode: '79',
        contact: undefined,
      });
      expect(other.statusCode, other.body).toBe(201);
      expect(other.json().handlingUnit).toBe('Công an Thành phố Hồ Chí Minh');
      const detail = ReportDetailSchema.parse((await as(officer, 'GET', `/api/reports/${firstId}`)).json());
      expect(detail.linkedReports).toHaveLength(1);
      expect(detail.linkedReports[0]).toMatchObject({
        provinceCode: '79',
        trackingCode: other.json().trackingCode,
      });
      expect(detail.linkedReports[0]!.sharedIdentifiers).toHaveLength(1);
      // Hà Nội cannot group Hồ Chí Minh City's report; the national operator can.
      const refused = await as(supervisor, 'POST', '/api/cases', {
        title: 'Đường dây tài khoản MB',
        reportIds: [firstId, detail.linkedReports[0]!.id],
        reason: 'Cùng tài khoản nhận tiền',
      });
      expect(refused.json().code).toBe('case.report_out_of_reach');
      const created = await as(supervisor, 'POST', '/api/cases', {
        title: 'Đường dây tài khoản MB',
        reportIds: [firstId],
        reason: 'Cùng tài khoản nhận tiền',
      });
      expect(created.statusCode, created.body).toBe(201);
      const theCase = CaseDetailSchema.parse(created.json());
      expect(theCase).toMatchObject({ reportCount: 1, totalLossVnd: 50_000_000, provinceCodes: ['01'] });
      expect((await as(elsewhere, 'GET', `/api/cases/${theCase.id}`)).statusCode).toBe(404);
    });

    it('extends the deadline the way art. 147 allows, and transfers between units with a reason', async () => {
      const page = ReportPageSchema.parse((await as(officer, 'GET', '/api/reports?status=received')).json());
      const open = page.items[0]!;
      expect(
        (
          await as(officer, 'POST', `/api/reports/${open.id}/extend`, {
            extension: 'procuracy',
            reason: 'Cần thêm thời gian',
          })
        ).json().code,
      ).toBe('report.extension_not_allowed');
      const extended = ReportDetailSchema.parse(
        (
          await as(officer, 'POST', `/api/reports/${open.id}/extend`, {
            extension: 'complex',
            reason: 'Phải xác minh ở nhiều nơi',
          })
        ).json(),
      );
      expect(extended.extensions).toEqual(['complex']);
      expect(extended.dueAt).toBe('2026-05-02T08:00:00.000Z');
      const transferred = await as(officer, 'POST', `/api/reports/${open.id}/transfer`, {
        agencyId: hcmPolice.id,
        reason: 'Đối tượng cư trú tại TP.HCM',
      });
      expect(transferred.statusCode, transferred.body).toBe(200);
      expect(transferred.json().handlingAgencyName).toBe('Công an Thành phố Hồ Chí Minh');
      expect((await as(officer, 'GET', `/api/reports/${open.id}`)).statusCode).toBe(404);
      expect((await as(elsewhere, 'GET', `/api/reports/${open.id}`)).statusCode).toBe(200);
    });

    it('reminds the unit of reports near their deadline, once a day, by e-mail to its supervisors', async () => {
      const db = testDb.database.db;
      await db
        .updateTable('users')
        .set({ email: 'lanh.dao@congan.example.vn' })
        .where('username', '=', 'hn.lead')
        .execute();
      // Two days before the deadline of 22 March (sessions would have expired by then: the checks below
      // are made back on the test's day).
      clock.set(new Date('2026-03-20T01:00:00Z'));
      let reminded = 0;
      let again = 0;
      try {
        reminded = await platform.services.reports.remindDeadlines();
        again = await platform.services.reports.remindDeadlines();
      } finally {
        clock.set(new Date('2026-03-02T08:00:00Z'));
      }
      expect(reminded).toBeGreaterThan(0);
      expect(again).toBe(0);
      const digests = await db
        .selectFrom('notification_outbox')
        .select(['channel', 'recipient_encrypted', 'subject', 'body'])
        .where('template', '=', 'reports.deadline_digest')
        .execute();
      expect(digests).toHaveLength(1);
      expect(digests[0]!.channel).toBe('email');
      expect(digests[0]!.recipient_encrypted).not.toContain('lanh.dao');
      expect(digests[0]!.subject).toMatch(/^Khiên: 0 tố giác quá hạn, \d+ tố giác sắp đến hạn$/);
      const open = ReportPageSchema.parse(
        (await as(supervisor, 'GET', '/api/reports?status=received')).json(),
      );
      const mine = open.items.filter((r) => r.handlingAgencyId === hanoiPolice.id && !r.assignedUserId);
      expect(mine.length).toBeGreaterThan(0);
      for (const r of mine) expect(digests[0]!.body).toContain(r.trackingCode);
      const detail = ReportDetailSchema.parse(
        (await as(supervisor, 'GET', `/api/reports/${mine[0]!.id}`)).json(),
      );
      expect(detail.timeline.at(-1)).toMatchObject({
        type: 'reminder',
        reason: '2 day(s) left before the deadline',
      });
    });
  });
}
