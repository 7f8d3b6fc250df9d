import {
  NetworkDetail as NetworkDetailSchema,
  NetworkListQuery,
  NetworkPage as NetworkPageSchema,
  ReportDetail as ReportDetailSchema,
  type Agency,
  type CreateReportRequest,
} from '@khien/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform.js';
import { ManualClock } from '../../shared/clock.js';
import { systemContext, type RequestContext } from '../../shared/context.js';
import { announceSkip, databaseTargets, type TestDatabase } from '../../testing/databases.js';
import { twoProvincesAndABank } from '../../testing/reports.js';
import {
  ADMIN_PASSWORD,
  login,
  staffSession,
  startTestPlatform,
  type Session,
} from '../../testing/platform.js';
import { createNetworksRepository } from './networks.repository.js';
import { createNetworksService } from './networks.service.js';

/** Long enough for the networks to be checked against the database again. */
const AFTER_A_MINUTE = 61_000;

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`scam networks on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    let operator: Session;
    let hanoi: Session;
    let hcm: Session;
    let bank: Session;
    let hanoiPolice: Agency;
    let hcmPolice: Agency;
    const ids: Record<string, string> = {};

    const as = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
      platform.app.inject({
        method,
        url,
        headers: { cookie: session.cookie },
        ...(payload ? { payload } : {}),
      });
    const list = async (session: Session, query = '') => {
      const response = await as(session, 'GET', `/api/networks${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return NetworkPageSchema.parse(response.json());
    };
    const graph = async (session: Session, networkId: string, query = '') => {
      const response = await as(session, 'GET', `/api/networks/${networkId}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return NetworkDetailSchema.parse(response.json());
    };

    const base: CreateReportRequest = {
      scamMethod: 'impersonate_police_procuracy_court',
      occurredAt: '2026-03-01T09:30:00Z',
      channels: ['phone_call'],
      identifiers: [],
      transfers: [],
      story: 'Một người xưng là cán bộ Công an gọi điện và yêu cầu chuyển tiền để xác minh tài khoản.',
      provinceCode: '01',
      language: 'vi',
    };
    /** Submits a report and remembers its id under `name`. */
    const submit = async (name: string, report: Partial<CreateReportRequest>) => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: { ...base, story: `${base.story} (${name})`, ...report },
      });
      expect(response.statusCode, response.body).toBe(201);
      // The registry and the report's links follow the receipt (ADR 0007).
      await platform.services.reports.linkRegistry();
      const row = await testDb.database.db
        .selectFrom('reports')
        .select('id')
        .where('tracking_code', '=', response.json().trackingCode)
        .executeTakeFirstOrThrow();
      ids[name] = row.id;
      clock.advance(1000);
      return row.id;
    };

    beforeAll(async () => {
      testDb = await target.open();
      platform = await startTestPlatform(testDb.database, {}, clock);
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      let bankAgency: Agency;
      ({ hanoiPolice, hcmPolice, bankAgency } = await twoProvincesAndABank(platform, operator));
      hanoi = await staffSession(platform, operator, hanoiPolice, 'hn.officer', ['officer']);
      hcm = await staffSession(platform, operator, hcmPolice, 'hcm.officer', ['officer']);
      bank = await staffSession(platform, operator, bankAgency, 'bank.officer', ['officer']);

      // A and B, in two provinces, sent money to the same account; C shares nothing.
      await submit('A', {
        identifiers: ['0987 654 321'],
        transfers: [{ toBank: 'MB', toAccount: '0901234567890', amountVnd: 45_000_000 }],
      });
      await submit('B', {
        provinceCode: '79',
        scamMethod: 'impersonate_bank',
        identifiers: ['https://vietcom-bank-xacminh.top/login'],
        transfers: [{ toBank: 'MB', toAccount: '0901234567890', amountVnd: 20_000_000 }],
      });
      await submit('C', { identifiers: ['0911 222 333'], totalLossVnd: 3_000_000 });
      // D and E name two registry entries that the police will merge.
      await submit('D', { provinceCode: '79', identifiers: ['0933 444 555'] });
      await submit('E', { identifiers: ['https://t.me/giaithuong_vn'] });
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('joins reports of two provinces that share an account into one network with the right totals', async () => {
      const page = await list(hanoi);
      expect(page.total).toBe(1);
      const network = page.items[0]!;
      expect(network).toEqual({
        id: [ids.A!, ids.B!].sort()[0],
        reportCount: 2,
        // the phone, the link and the receiving account
        identifierCount: 3,
        totalLossVnd: 65_000_000,
        provinceCodes: ['01', '79'],
        scamMethods: ['impersonate_bank', 'impersonate_police_procuracy_court'],
        firstReportAt: '2026-03-02T08:00:00.000Z',
        lastReportAt: '2026-03-02T08:00:01.000Z',
      });
      // The other province's police sees the same network, with the same totals.
      expect((await list(hcm)).items).toEqual([network]);
    });

    it('counts a report that shares nothing as a network of its own, listed from one report on', async () => {
      const singles = await list(hanoi, '?minReports=1&sort=recent');
      expect(singles.total).toBe(3);
      // The latest first: E, then C, then the network of A and B.
      expect(singles.items.map((n) => n.id)).toEqual([ids.E, ids.C, [ids.A!, ids.B!].sort()[0]]);
      expect(singles.items[1]).toMatchObject({ reportCount: 1, identifierCount: 1, totalLossVnd: 3_000_000 });
      expect((await list(hanoi, '?minReports=1&sort=loss')).items[0]!.totalLossVnd).toBe(65_000_000);
      expect((await list(hanoi, '?minReports=1&limit=1&offset=1')).items).toHaveLength(1);
    });

    it('filters by province and by method, and lists only networks with a report within reach', async () => {
      expect((await list(hanoi, '?minReports=1&provinceCode=79')).items.map((n) => n.id)).toEqual([
        [ids.A!, ids.B!].sort()[0],
      ]);
      expect((await list(hanoi, '?minReports=1&provinceCode=48')).total).toBe(0);
      expect((await list(hanoi, '?minReports=1&method=impersonate_bank')).total).toBe(1);
      expect((await list(hanoi, '?minReports=1&method=romance')).total).toBe(0);
      // Hồ Chí Minh City reaches B and D only: C and E are Hà Nội's alone.
      const hcmNetworks = await list(hcm, '?minReports=1');
      expect(hcmNetworks.items.map((n) => n.reportCount).sort()).toEqual([1, 2]);
      expect(hcmNetworks.items.map((n) => n.id)).not.toContain(ids.C);
      expect((await as(hcm, 'GET', `/api/networks/${ids.C}`)).statusCode).toBe(404);
      // Not police: no networks at all.
      expect((await as(bank, 'GET', '/api/networks')).statusCode).toBe(403);
      expect((await as(bank, 'GET', `/api/networks/${ids.A}`)).statusCode).toBe(403);
      expect((await platform.app.inject({ method: 'GET', url: '/api/networks' })).statusCode).toBe(401);
      const unknown = await as(hanoi, 'GET', '/api/networks/0190a000-0000-7000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
    });

    it('draws a network: its reports and identifiers, what the caller reaches, and the links', async () => {
      const id = [ids.A!, ids.B!].sort()[0]!;
      // Any report of the network finds it.
      const detail = await graph(hanoi, ids.B!);
      expect(detail.id).toBe(id);
      expect(detail).toMatchObject({ reportCount: 2, identifierCount: 3, truncated: false });
      const reports = detail.nodes.filter((n) => n.type === 'report');
      const identifiers = detail.nodes.filter((n) => n.type === 'identifier');
      expect(reports).toHaveLength(2);
      expect(identifiers).toHaveLength(3);
      // The shared account is the most connected identifier, so it comes first.
      expect(identifiers[0]).toMatchObject({ kind: 'bank_account', degree: 2, status: 'reported' });
      const a = reports.find((n) => n.id === ids.A)!;
      const b = reports.find((n) => n.id === ids.B)!;
      expect(a).toMatchObject({ inReach: true, lossVnd: 45_000_000, provinceCode: '01', status: 'received' });
      expect(a.label).toMatch(/^TG-/);
      expect(a.handlingAgencyName).toBe('Công an thành phố Hà Nội');
      // Another province's report: its summary, never its loss, story or contact.
      expect(b).toMatchObject({ inReach: false, provinceCode: '79', scamMethod: 'impersonate_bank' });
      expect(b.lossVnd).toBeUndefined();
      expect(JSON.stringify(detail)).not.toContain('xưng là cán bộ');
      expect(detail.edges).toHaveLength(4);
      expect(detail.edges).toContainEqual({ source: ids.A, target: identifiers[0]!.id });
      expect(detail.edges).toContainEqual({ source: ids.B, target: identifiers[0]!.id });
      // The other side sees the same graph, from its own reach.
      const fromHcm = await graph(hcm, id);
      expect(fromHcm.nodes.find((n) => n.id === ids.B)).toMatchObject({ inReach: true, lossVnd: 20_000_000 });

      const small = await graph(hanoi, id, '?maxNodes=2');
      expect(small.truncated).toBe(true);
      expect(small.nodes.length).toBeLessThanOrEqual(2);
      expect(small.nodes[0]).toMatchObject({ type: 'identifier', kind: 'bank_account' });
      expect(small.reportCount).toBe(2);
      for (const edge of small.edges) {
        expect(small.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([edge.source, edge.target]));
      }
      expect((await as(hanoi, 'GET', `/api/networks/${id}?maxNodes=10001`)).statusCode).toBe(400);
    });

    it('joins the networks of two registry entries once one is merged into the other, within a minute', async () => {
      const identifierOf = async (session: Session, report: string) =>
        ReportDetailSchema.parse((await as(session, 'GET', `/api/reports/${report}`)).json()).identifiers[0]!
          .indicatorId;
      const phone = await identifierOf(hcm, ids.D!);
      const channel = await identifierOf(hanoi, ids.E!);
      const merged = await as(hanoi, 'POST', `/api/indicators/${phone}/merge`, {
        intoId: channel,
        reason: 'Số điện thoại này là của kênh Telegram lừa đảo',
      });
      expect(merged.statusCode, merged.body).toBe(200);
      // The networks in memory are used for a minute before the database is asked again.
      expect((await list(hanoi)).total).toBe(1);
      clock.advance(AFTER_A_MINUTE);
      const page = await list(hanoi);
      expect(page.total).toBe(2);
      const joined = page.items.find((n) => n.id === [ids.D!, ids.E!].sort()[0])!;
      expect(joined).toMatchObject({ reportCount: 2, identifierCount: 1, provinceCodes: ['01', '79'] });
      const detail = await graph(hcm, joined.id);
      expect(detail.nodes.filter((n) => n.type === 'identifier').map((n) => n.id)).toEqual([channel]);
      expect(detail.edges).toHaveLength(2);
    });

    it('takes in a new report that links two networks at the next check', async () => {
      const before = await list(hanoi, '?minReports=1');
      await submit('F', { identifiers: ['0911 222 333', 'https://t.me/giaithuong_vn'] });
      expect(await list(hanoi, '?minReports=1')).toEqual(before);
      clock.advance(AFTER_A_MINUTE);
      const after = await list(hanoi, '?minReports=1');
      expect(after.asOf).not.toBe(before.asOf);
      expect(after.total).toBe(2);
      expect(after.items[0]).toMatchObject({
        reportCount: 4,
        totalLossVnd: 3_000_000,
        provinceCodes: ['01', '79'],
      });
      expect(after.items[0]!.id).toBe([ids.C!, ids.D!, ids.E!, ids.F!].sort()[0]);
      // Nothing changed since: the same networks answer after the next check.
      clock.advance(AFTER_A_MINUTE);
      expect((await list(hanoi, '?minReports=1')).asOf).toBe(after.asOf);
    });

    it('takes in registry links that arrive after the networks were built from their report', async () => {
      const before = await list(hanoi, '?minReports=1');
      // F as it was between its receipt and its registry links (ADR 0007): stored, marked, not linked.
      const named = await testDb.database.db
        .selectFrom('report_identifiers as ri')
        .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
        .select(['i.kind', 'i.key', 'i.display', 'i.details'])
        .where('ri.report_id', '=', ids.F!)
        .orderBy('i.key')
        .execute();
      expect(named).toHaveLength(2);
      const pending = {
        reporterHash: 'reporter-of-F',
        entries: named.map((entry) => ({ ...entry, lossVnd: null })),
        transfers: [],
      };
      await sql`delete from report_identifiers where report_id = ${ids.F!}`.execute(testDb.database.db);
      await sql`update reports set registry_pending = ${JSON.stringify(pending)}::jsonb where id = ${ids.F!}`.execute(
        testDb.database.db,
      );
      clock.advance(AFTER_A_MINUTE);
      const unlinked = await list(hanoi, '?minReports=1');
      expect(unlinked.total).toBe(before.total + 2);
      // The links arrive; the next check sees them although no report, event or registry entry is new.
      expect(await platform.services.reports.linkRegistry()).toBe(1);
      clock.advance(AFTER_A_MINUTE);
      const linked = await list(hanoi, '?minReports=1');
      expect(linked.asOf).not.toBe(unlinked.asOf);
      expect(linked.total).toBe(before.total);
      expect(linked.items[0]).toMatchObject({ reportCount: 4 });
    });

    it('reads the graph in batches across their boundaries, and rebuilds once for many callers', async () => {
      let builds = 0;
      const service = createNetworksService({
        db: testDb.database.db,
        repository: createNetworksRepository(),
        clock,
        batchSize: 2,
        onBuilt: () => builds++,
      });
      const me = hanoi.me;
      const context: RequestContext = {
        ...systemContext,
        actor: {
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
        },
      };
      const query = NetworkListQuery.parse({ minReports: '1' });
      const pages = await Promise.all([1, 2, 3].map(() => service.list(context, query)));
      expect(builds).toBe(1);
      expect(pages[0]!.items).toEqual((await list(hanoi, '?minReports=1')).items);
      expect(pages[1]).toEqual(pages[0]);
    });
  });
}
