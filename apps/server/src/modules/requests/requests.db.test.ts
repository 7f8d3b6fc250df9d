import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AgencyRequestDetail as DetailSchema,
  ReportRecovery as RecoverySchema,
  RequestPage as PageSchema,
  WebhookPayload as PayloadSchema,
  type Agency,
  type CreateReportRequest,
  type CreatedApiKey,
  type CreatedWebhook,
} from '@khien/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import {
  ADMIN_PASSWORD,
  login,
  staffSession,
  startTestPlatform,
  type Session,
} from '../../testing/platform.js';
import { createAgency } from '../../testing/reports.js';
import { checkSignature } from './webhook-signature.js';

/** A real HTTP receiver for webhooks: records what it gets, answers with the status it is told to. */
async function receiver() {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/khien`,
    received,
    answer: (next: number) => (status = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`inter-agency requests on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    let operator: Session;
    let officer: Session;
    let bankA: Session;
    let bankAdmin: Session;
    let otherBank: Session;
    let police: Agency;
    let bankAgencyA: Agency;
    let bankAgencyB: Agency;
    let telco: Agency;
    let bankBKey: string;
    let hooks: Awaited<ReturnType<typeof receiver>>;
    let webhook: CreatedWebhook;
    let reportId: string;
    /** Sessions lapse when the clock jumps by days: sign the test's people in again. */
    const signInAgain = async () => {
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      officer = await login(platform, 'hn.officer', 'second-password-2');
      bankA = await login(platform, 'vcb.officer', 'second-password-2');
      bankAdmin = await login(platform, 'vcb.admin', 'second-password-2');
    };

    const inject = (
      auth: Session | string,
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
      headers: Record<string, string> = {},
    ) =>
      platform.app.inject({
        method,
        url,
        headers: {
          ...(typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : { cookie: auth.cookie }),
          ...headers,
        },
        ...(payload ? { payload } : {}),
      });

    const report: CreateReportRequest = {
      scamMethod: 'impersonate_bank',
      occurredAt: '2026-03-02T07:10:00Z',
      channels: ['phone_call'],
      identifiers: ['0987 111 222'],
      transfers: [{ toBank: 'Vietcombank', toAccount: '0071000999888', amountVnd: 80_000_000 }],
      story: 'Người gọi xưng là nhân viên ngân hàng, yêu cầu chuyển tiền sang tài khoản an toàn.',
      provinceCode: '01',
      language: 'vi',
    };

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      police = await createAgency(platform, operator, {
        name: 'Công an thành phố Hà Nội',
        type: 'police_province',
        scopeLevel: 'province',
        provinceCode: '01',
      });
      bankAgencyA = await createAgency(platform, operator, {
        name: 'Ngân hàng TMCP Ngoại thương Việt Nam',
        shortName: 'Vietcombank',
        type: 'commercial_bank',
        scopeLevel: 'national',
      });
      bankAgencyB = await createAgency(platform, operator, {
        name: 'Ngân hàng TMCP Kỹ thương Việt Nam',
        shortName: 'Techcombank',
        type: 'commercial_bank',
        scopeLevel: 'national',
      });
      telco = await createAgency(platform, operator, {
        name: 'Tổng công ty Viễn thông thử',
        type: 'telecom_operator',
        scopeLevel: 'national',
      });
      officer = await staffSession(platform, operator, police, 'hn.officer', ['officer']);
      bankA = await staffSession(platform, operator, bankAgencyA, 'vcb.officer', ['officer', 'supervisor']);
      bankAdmin = await staffSession(platform, operator, bankAgencyA, 'vcb.admin', ['admin']);
      otherBank = await staffSession(platform, operator, bankAgencyB, 'tcb.viewer', ['viewer']);
      const key = await inject(operator, 'POST', `/api/agencies/${bankAgencyB.id}/api-keys`, {
        name: 'Techcombank core',
        scopes: ['requests:read', 'requests:write'],
      });
      expect(key.statusCode, key.body).toBe(201);
      bankBKey = (key.json() as CreatedApiKey).secret;
      hooks = await receiver();
      const submitted = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: report,
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      await platform.services.reports.linkRegistry();
      const page = await inject(officer, 'GET', '/api/reports');
      reportId = (page.json() as { items: Array<{ id: string }> }).items[0]!.id;
    });
    afterAll(async () => {
      await platform?.close();
      await hooks?.close();
      await testDb?.dispose();
    });

    it('lets a bank administrator register a webhook, its secret shown once, only to a permitted address', async () => {
      const refused = await inject(bankAdmin, 'POST', '/api/webhooks', {
        url: 'http://bank.example.vn/hooks',
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('webhook.url_not_allowed');
      expect((await inject(bankA, 'POST', '/api/webhooks', { url: hooks.url })).statusCode).toBe(403);
      const created = await inject(bankAdmin, 'POST', '/api/webhooks', { url: hooks.url });
      expect(created.statusCode, created.body).toBe(201);
      webhook = created.json() as CreatedWebhook;
      expect(webhook.secret).toMatch(/^whsec_/);
      const list = await inject(bankAdmin, 'GET', '/api/webhooks');
      expect(JSON.stringify(list.json())).not.toContain(webhook.secret);
    });

    let holdId: string;

    it('sends a hold to bank A for a report, tells it by a signed webhook at once, and keeps it from others', async () => {
      const refused = await inject(bankA, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: bankAgencyB.id,
        legalBasis: 'Thử',
        reason: 'Ngân hàng không được gửi yêu cầu phong tỏa',
        details: { account: { bank: 'TCB', account: '19030000111' }, amountVnd: 1_000_000 },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('request.sender_not_allowed');
      const wrongRecipient = await inject(officer, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: telco.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Nhà mạng không giữ tiền',
        details: { account: { bank: 'VCB', account: '0071000999888' }, amountVnd: 1_000_000 },
      });
      expect(wrongRecipient.json().code).toBe('request.recipient_not_allowed');
      const noCase = await inject(officer, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: bankAgencyA.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Vụ việc không thuộc đơn vị',
        caseId: '00000000-0000-7000-8000-000000000000',
        details: { account: { bank: 'VCB', account: '0071000999888' }, amountVnd: 1_000_000 },
      });
      expect(noCase.json().code).toBe('request.report_out_of_reach');

      const sent = await inject(
        officer,
        'POST',
        '/api/requests',
        {
          type: 'hold',
          recipientAgencyId: bankAgencyA.id,
          legalBasis: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
          reason: 'Bị hại chuyển 80 triệu đồng vào tài khoản này lúc 07:10; đề nghị phong tỏa ngay.',
          reportId,
          details: { account: { bank: 'Vietcombank', account: '0071000999888' }, amountVnd: 80_000_000 },
        },
        { 'idempotency-key': 'officer-hold-1' },
      );
      expect(sent.statusCode, sent.body).toBe(201);
      const hold = DetailSchema.parse(sent.json());
      holdId = hold.id;
      expect(hold).toMatchObject({
        code: expect.stringMatching(/^YC-[A-Z2-9]{8}$/),
        status: 'sent',
        subject: 'Vietcombank 0071000999888',
        dueAt: '2026-03-02T09:00:00.000Z',
        amountVnd: 80_000_000,
        reportId,
      });
      await platform.services.webhooks.settled();
      expect(hooks.received).toHaveLength(1);
      const post = hooks.received[0]!;
      expect(
        checkSignature(
          webhook.secret,
          post.headers['khien-signature'] as string,
          post.body,
          clock.nowMs() / 1000,
        ),
      ).toEqual({ ok: true });
      const payload = PayloadSchema.parse(JSON.parse(post.body));
      expect(payload).toMatchObject({ type: 'request.created', request: { id: holdId, status: 'sent' } });

      expect((await inject(otherBank, 'GET', `/api/requests/${holdId}`)).statusCode).toBe(404);
      const inbox = PageSchema.parse(
        (await inject(bankA, 'GET', '/api/requests?box=inbox&open=true')).json(),
      );
      expect(inbox.items.map((item) => item.id)).toEqual([holdId]);
    });

    it('refuses an answer that holds more than asked or than the balance, or of another type', async () => {
      const more = await inject(bankA, 'POST', `/api/requests/${holdId}/answer`, {
        type: 'hold',
        heldVnd: 90_000_000,
        balanceVnd: 100_000_000,
        confirmation: 'VCB-PT-1',
      });
      expect(more.json().code).toBe('request.hold_more_than_asked');
      const balance = await inject(bankA, 'POST', `/api/requests/${holdId}/answer`, {
        type: 'hold',
        heldVnd: 50_000_000,
        balanceVnd: 30_000_000,
        confirmation: 'VCB-PT-1',
      });
      expect(balance.json().code).toBe('request.hold_more_than_balance');
      const type = await inject(bankA, 'POST', `/api/requests/${holdId}/answer`, {
        type: 'takedown',
        outcome: 'done',
        doneAt: '2026-03-02T08:10:00Z',
      });
      expect(type.json().code).toBe('request.answer_type_mismatch');
      expect((await inject(officer, 'POST', `/api/requests/${holdId}/acknowledge`, {})).statusCode).toBe(403);
    });

    it('takes bank A’s partial hold with an onward transfer; the ledger and the golden hour follow', async () => {
      clock.advance(5 * 60_000);
      expect((await inject(bankA, 'POST', `/api/requests/${holdId}/acknowledge`, {})).statusCode).toBe(200);
      clock.advance(7 * 60_000);
      const answered = await inject(bankA, 'POST', `/api/requests/${holdId}/answer`, {
        type: 'hold',
        heldVnd: 30_000_000,
        balanceVnd: 30_000_000,
        confirmation: 'VCB-PT-20260302-001',
        onwardTransfers: [
          { bank: 'Techcombank', account: '19030000111', amountVnd: 45_000_000, at: '2026-03-02T07:40:00Z' },
          { bank: 'MB', account: '0800999', amountVnd: 10_000_000, at: '2026-03-02T07:50:00Z' },
        ],
      });
      expect(answered.statusCode, answered.body).toBe(200);
      const hold = DetailSchema.parse(answered.json());
      expect(hold).toMatchObject({
        status: 'answered',
        heldVnd: 30_000_000,
        holdState: 'active',
        holdExpiresAt: '2026-03-05T08:12:00.000Z',
      });
      expect(hold.history.map((event) => event.type)).toEqual(['sent', 'acknowledged', 'answered']);
      const recovery = RecoverySchema.parse(
        (await inject(officer, 'GET', `/api/reports/${reportId}/recovery`)).json(),
      );
      expect(recovery.totals).toEqual({
        lostVnd: 80_000_000,
        heldVnd: 30_000_000,
        releasedVnd: 0,
        returnedVnd: 0,
        stillHeldVnd: 30_000_000,
      });
      expect(recovery.entries.find((entry) => entry.kind === 'held')).toMatchObject({
        bank: 'Vietcombank',
        confirmation: 'VCB-PT-20260302-001',
      });
      expect(recovery.goldenHour).toEqual({
        reportToFirstHoldMinutes: 0,
        requestToFirstHeldMinutes: 12,
        heldShare: 0.375,
      });
    });

    let nextHopId: string;

    it('forwards the onward transfer to bank B in one action, for the disputed money it carried', async () => {
      const forwarded = await inject(
        officer,
        'POST',
        `/api/requests/${holdId}/forward`,
        { transfers: [{ index: 0 }] },
        { 'idempotency-key': 'forward-1' },
      );
      expect(forwarded.statusCode, forwarded.body).toBe(201);
      const [next] = (
        forwarded.json() as {
          items: Array<{ id: string; recipientAgencyId: string; amountVnd: number; parentId: string }>;
        }
      ).items;
      expect(next).toMatchObject({
        recipientAgencyId: bankAgencyB.id,
        amountVnd: 45_000_000,
        parentId: holdId,
      });
      nextHopId = next!.id;
      const again = await inject(
        officer,
        'POST',
        `/api/requests/${holdId}/forward`,
        { transfers: [{ index: 0 }] },
        { 'idempotency-key': 'forward-2' },
      );
      expect(again.json().code).toBe('request.transfer_already_forwarded');
      const unknownBank = await inject(officer, 'POST', `/api/requests/${holdId}/forward`, {
        transfers: [{ index: 1 }],
      });
      expect(unknownBank.json().code).toBe('request.recipient_unknown');
      const parent = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${holdId}`)).json());
      expect(parent.forwardedTransfers).toEqual([0]);
      expect(parent.children.map((child) => child.id)).toEqual([nextHopId]);
    });

    it('lets bank B’s machine client answer by API, once per idempotency key', async () => {
      expect((await inject(bankBKey, 'GET', '/api/requests?box=inbox')).json().total).toBe(1);
      const noKey = await inject(bankBKey, 'POST', `/api/requests/${nextHopId}/acknowledge`, {});
      expect(noKey.json().code).toBe('request.idempotency_key_required');
      const body = {
        type: 'hold',
        heldVnd: 45_000_000,
        balanceVnd: 52_000_000,
        confirmation: 'TCB-HOLD-77',
        onwardTransfers: [],
      };
      clock.advance(8 * 60_000);
      const first = await inject(bankBKey, 'POST', `/api/requests/${nextHopId}/answer`, body, {
        'idempotency-key': 'tcb-answer-1',
      });
      expect(first.statusCode, first.body).toBe(200);
      const repeat = await inject(bankBKey, 'POST', `/api/requests/${nextHopId}/answer`, body, {
        'idempotency-key': 'tcb-answer-1',
      });
      expect(repeat.statusCode).toBe(200);
      expect(repeat.json()).toEqual(first.json());
      const conflict = await inject(
        bankBKey,
        'POST',
        `/api/requests/${nextHopId}/answer`,
        { ...body, heldVnd: 1 },
        { 'idempotency-key': 'tcb-answer-1' },
      );
      expect(conflict.statusCode).toBe(422);
      expect(conflict.json().code).toBe('request.idempotency_conflict');
      const recovery = RecoverySchema.parse(
        (await inject(officer, 'GET', `/api/reports/${reportId}/recovery`)).json(),
      );
      expect(recovery.totals.heldVnd).toBe(75_000_000);
      expect(recovery.goldenHour.heldShare).toBeCloseTo(0.9375);
    });

    it('releases part of a hold on request, records money returned, and refuses more than is held', async () => {
      const release = await inject(officer, 'POST', '/api/requests', {
        type: 'release',
        recipientAgencyId: bankAgencyA.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Trả lại bị hại theo quyết định xử lý vật chứng',
        reportId,
        details: { holdRequestId: holdId, amountVnd: 30_000_000 },
      });
      expect(release.statusCode, release.body).toBe(201);
      const releaseId = release.json().id as string;
      const answered = await inject(bankA, 'POST', `/api/requests/${releaseId}/answer`, {
        type: 'release',
        releasedVnd: 30_000_000,
        confirmation: 'VCB-GT-9',
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(
        DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${holdId}`)).json()).holdState,
      ).toBe('released');
      const tooMuch = await inject(officer, 'POST', `/api/reports/${reportId}/recovery/returns`, {
        amountVnd: 50_000_000,
        bank: 'Techcombank',
        confirmation: 'TCB-RET-1',
      });
      expect(tooMuch.json().code).toBe('request.ledger_more_than_held');
      const returned = await inject(officer, 'POST', `/api/reports/${reportId}/recovery/returns`, {
        amountVnd: 45_000_000,
        bank: 'Techcombank',
        confirmation: 'TCB-RET-1',
      });
      expect(returned.statusCode, returned.body).toBe(201);
      expect(RecoverySchema.parse(returned.json()).totals).toEqual({
        lostVnd: 80_000_000,
        heldVnd: 75_000_000,
        releasedVnd: 30_000_000,
        returnedVnd: 45_000_000,
        stillHeldVnd: 0,
      });
      const summary = await inject(officer, 'GET', '/api/recovery/summary');
      expect(summary.json()).toMatchObject({ scope: 'province', reports: 1, heldShare: 0.9375 });
      expect((await inject(officer, 'GET', '/api/recovery/summary?provinceCode=79')).statusCode).toBe(403);
    });

    it('takes its time limits from data the national administrator changes', async () => {
      expect((await inject(officer, 'GET', '/api/request-time-limits')).json()).toEqual({
        holdMinutes: 60,
        informationMinutes: 1440,
        takedownMinutes: 1440,
      });
      const limits = { holdMinutes: 30, informationMinutes: 1440, takedownMinutes: 720 };
      expect((await inject(officer, 'PUT', '/api/request-time-limits', limits)).statusCode).toBe(403);
      expect((await inject(operator, 'PUT', '/api/request-time-limits', limits)).statusCode).toBe(200);
      const sent = await inject(officer, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: bankAgencyA.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Thời hạn mới: 30 phút',
        details: { account: { bank: 'VCB', account: '0071000222333' }, amountVnd: 2_000_000 },
      });
      expect(new Date(sent.json().dueAt).getTime() - clock.nowMs()).toBe(30 * 60_000);
      await inject(officer, 'POST', `/api/requests/${sent.json().id}/cancel`, {
        reason: 'Chỉ để thử thời hạn',
      });
      await inject(operator, 'PUT', '/api/request-time-limits', {
        ...limits,
        holdMinutes: 60,
        takedownMinutes: 1440,
      });
    });

    it('escalates an unanswered request when overdue and again a time limit later, telling supervisors', async () => {
      const sent = await inject(officer, 'POST', '/api/requests', {
        type: 'subscriber_info',
        recipientAgencyId: telco.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Xác định chủ thuê bao đã gọi cho bị hại',
        reportId,
        details: { phones: ['0987 111 222'] },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id as string;
      await staffSession(platform, operator, telco, 'telco.lead', ['supervisor']);
      await sql`update users set email = 'lead@telco.example.vn' where username = 'telco.lead'`.execute(
        platform.database.db,
      );
      clock.advance(23 * 3_600_000);
      expect(await platform.services.requests.escalate()).toBe(0);
      clock.advance(2 * 3_600_000);
      expect(await platform.services.requests.escalate()).toBe(1);
      expect(await platform.services.requests.escalate()).toBe(0);
      await signInAgain();
      let detail = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${id}`)).json());
      expect(detail).toMatchObject({ overdue: true, escalationLevel: 1 });
      const outbox = await sql<{ template: string; subject: string }>`
        select template, subject from notification_outbox where template = 'request.overdue'`.execute(
        platform.database.db,
      );
      expect(outbox.rows).toHaveLength(1);
      expect(outbox.rows[0]!.subject).toContain(detail.code);
      clock.advance(24 * 3_600_000);
      expect(await platform.services.requests.escalate()).toBe(1);
      await signInAgain();
      detail = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${id}`)).json());
      expect(detail.escalationLevel).toBe(2);
      expect(detail.history.map((event) => event.type)).toEqual(['sent', 'escalated', 'escalated']);
    });

    it('keeps subscriber data encrypted, shows it to the sender only, and audits the read', async () => {
      const telcoLead = await login(platform, 'telco.lead', 'second-password-2');
      const page = PageSchema.parse((await inject(telcoLead, 'GET', '/api/requests?box=inbox')).json());
      const id = page.items[0]!.id;
      const answered = await inject(telcoLead, 'POST', `/api/requests/${id}/answer`, {
        type: 'subscriber_info',
        subscribers: [
          { phone: '0987 111 222', holderName: 'Trần Văn Bình', idNumber: '001099012345', status: 'active' },
        ],
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(JSON.stringify(answered.json())).not.toContain('Trần Văn Bình');
      const stored = await sql<{ answer: unknown; personal_encrypted: string }>`
        select answer, personal_encrypted from requests where id = ${id}`.execute(platform.database.db);
      expect(JSON.stringify(stored.rows[0])).not.toContain('001099012345');
      const seen = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${id}`)).json());
      expect(seen.answer).toMatchObject({ subscribers: [{ holderName: 'Trần Văn Bình' }] });
      const audit = await sql<{ action: string; personal_data: boolean }>`
        select action, personal_data from audit_log where action = 'request.read_personal'`.execute(
        platform.database.db,
      );
      expect(audit.rows.length).toBeGreaterThan(0);
      expect(audit.rows.every((row) => row.personal_data)).toBe(true);
    });

    it('lapses a hold that was not renewed, releasing what it held, and tells the bank', async () => {
      const sent = await inject(officer, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: bankAgencyA.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Phong tỏa tạm thời trong 2 giờ',
        reportId,
        details: {
          account: { bank: 'VCB', account: '0071000555444' },
          amountVnd: 5_000_000,
          durationHours: 2,
        },
      });
      const id = sent.json().id as string;
      await inject(bankA, 'POST', `/api/requests/${id}/answer`, {
        type: 'hold',
        heldVnd: 5_000_000,
        balanceVnd: 9_000_000,
        confirmation: 'VCB-PT-2',
      });
      const renewed = await inject(officer, 'POST', `/api/requests/${id}/renew`, {
        hours: 1,
        reason: 'Chờ quyết định của Viện kiểm sát',
      });
      expect(DetailSchema.parse(renewed.json()).history.at(-1)?.type).toBe('renewed');
      clock.advance(2 * 3_600_000 + 59 * 60_000);
      expect(await platform.services.requests.expireHolds()).toBe(0);
      clock.advance(2 * 60_000);
      hooks.received.length = 0;
      expect(await platform.services.requests.expireHolds()).toBe(1);
      await signInAgain();
      const detail = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${id}`)).json());
      expect(detail.holdState).toBe('expired');
      const renew = await inject(officer, 'POST', `/api/requests/${id}/renew`, {
        hours: 1,
        reason: 'Quá muộn rồi',
      });
      expect(renew.json().code).toBe('request.hold_not_active');
      await platform.services.webhooks.settled();
      expect(hooks.received.map((post) => JSON.parse(post.body).type)).toContain('hold.expired');
    });

    it('flags a takedown whose target reappears in a later report', async () => {
      await signInAgain();
      const platformAgency = await createAgency(platform, operator, {
        name: 'Nền tảng mạng xã hội thử',
        type: 'online_platform',
        scopeLevel: 'national',
      });
      const moderator = await staffSession(platform, operator, platformAgency, 'platform.mod', ['officer']);
      const sent = await inject(officer, 'POST', '/api/requests', {
        type: 'takedown',
        recipientAgencyId: platformAgency.id,
        legalBasis: 'Điều 147 BLTTHS; Nghị định 147/2024/NĐ-CP',
        reason: 'Trang giả mạo ngân hàng thu thập mã OTP',
        reportId,
        details: {
          target: 'https://vcb-hotro-khachhang.top/dang-nhap',
          category: 'website',
          evidence: { seenAt: '2026-03-02T07:00:00Z', captureSha256: 'a'.repeat(64) },
        },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id as string;
      const done = await inject(moderator, 'POST', `/api/requests/${id}/answer`, {
        type: 'takedown',
        outcome: 'done',
        doneAt: clock.now().toISOString(),
      });
      expect(DetailSchema.parse(done.json()).reappeared).toBeNull();
      clock.advance(60_000);
      const later = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          ...report,
          identifiers: ['vcb-hotro-khachhang.top/xac-thuc'],
          transfers: [],
          story: 'Trang web giả Vietcombank lại xuất hiện, đòi nhập mã OTP để nhận quà.',
        },
      });
      expect(later.statusCode, later.body).toBe(201);
      await platform.services.reports.linkRegistry();
      officer = await login(platform, 'hn.officer', 'second-password-2');
      const flagged = DetailSchema.parse((await inject(officer, 'GET', `/api/requests/${id}`)).json());
      expect(flagged.reappeared).toEqual({ reports: 1, lastReportedAt: clock.now().toISOString() });
    });

    it('retries a webhook the receiver refused with backoff and keeps every attempt', async () => {
      hooks.answer(503);
      hooks.received.length = 0;
      const sent = await inject(officer, 'POST', '/api/requests', {
        type: 'hold',
        recipientAgencyId: bankAgencyA.id,
        legalBasis: 'Điều 147 BLTTHS',
        reason: 'Thử gửi lại webhook',
        details: { account: { bank: 'VCB', account: '0071000111000' }, amountVnd: 1_000_000 },
      });
      expect(sent.statusCode).toBe(201);
      await platform.services.webhooks.settled();
      expect(hooks.received).toHaveLength(1);
      expect(await platform.services.webhooks.deliverDue()).toEqual({ delivered: 0, failed: 0 });
      clock.advance(61_000);
      hooks.answer(200);
      expect(await platform.services.webhooks.deliverDue()).toEqual({ delivered: 1, failed: 0 });
      const log = await inject(bankAdmin, 'GET', `/api/webhooks/${webhook.id}/deliveries?limit=2`);
      expect(
        log
          .json()
          .items.map((item: { status: string; attempt: number; responseStatus: number }) => [
            item.status,
            item.attempt,
            item.responseStatus,
          ]),
      ).toEqual([
        ['delivered', 2, 200],
        ['failed', 1, 503],
      ]);
    });
  });
}
