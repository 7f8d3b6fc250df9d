import {
  DecisionPage as DecisionPageSchema,
  FlagItem as FlagItemSchema,
  FlagPage as FlagPageSchema,
  ReviewItem as ReviewItemSchema,
  ReviewPage as ReviewPageSchema,
  RuleSetList as RuleSetListSchema,
  RuleSetVersion as RuleSetVersionSchema,
  ScreeningDecision as DecisionSchema,
  type Agency,
  type CreatedApiKey,
  type ScreeningTransfer,
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

for (const target of databaseTargets()) {
  announceSkip(target);
  describe.skipIf(target.skipReason !== null)(`transfer screening on ${target.name}`, () => {
    let testDb: TestDatabase;
    let platform: Platform;
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    let operator: Session;
    let police: Session;
    let analyst: Session;
    let bank: Agency;
    let key: string;
    let policeKey: string;
    let policeAgencyId: string;

    const as = (auth: Session | string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      platform.app.inject({
        method,
        url,
        headers: typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : { cookie: auth.cookie },
        ...(payload ? { payload } : {}),
      });

    let n = 0;
    const transfer = (changes: Partial<ScreeningTransfer> = {}): ScreeningTransfer => ({
      transferId: `FT${String(++n).padStart(8, '0')}`,
      payer: { bank: 'VCB', account: '0011002233445', name: 'NGUYEN THI LAN' },
      payee: { bank: 'TCB', account: '19030000111', nameShown: 'TRAN VAN BINH', holderName: 'TRẦN VĂN BÌNH' },
      amountVnd: 2_000_000,
      channel: 'mobile_app',
      at: clock.now().toISOString(),
      ...changes,
    });

    beforeAll(async () => {
      testDb = await target.open();
      // A generous budget: a test machine's first decisions run cold (the budget's own behaviour is
      // tested in engine.test.ts).
      platform = await startTestPlatform(
        testDb.database,
        { screeningBudgetMs: 5_000, ipDatabase: true },
        clock,
      );
      operator = await login(platform, 'admin', ADMIN_PASSWORD);
      const policeAgency = await createAgency(platform, operator, {
        name: 'Công an thành phố Hà Nội',
        type: 'police_province',
        scopeLevel: 'province',
        provinceCode: '01',
      });
      bank = await createAgency(platform, operator, {
        name: 'Ngân hàng TMCP Ngoại thương Việt Nam',
        shortName: 'Vietcombank',
        type: 'commercial_bank',
        scopeLevel: 'national',
      });
      policeAgencyId = policeAgency.id;
      police = await staffSession(platform, operator, policeAgency, 'hn.officer', ['officer']);
      analyst = await staffSession(platform, operator, bank, 'vcb.analyst', ['analyst']);
      const created = await as(operator, 'POST', `/api/agencies/${bank.id}/api-keys`, {
        name: 'Core banking',
        scopes: ['screening:write'],
      });
      key = (created.json() as CreatedApiKey).secret;
      const policeCreated = await as(operator, 'POST', `/api/agencies/${policeAgency.id}/api-keys`, {
        name: 'Police',
        scopes: ['screening:write'],
      });
      policeKey = (policeCreated.json() as CreatedApiKey).secret;
      // A confirmed scam account in the registry, as the police confirm it.
      const listed = await as(police, 'POST', '/api/indicators', {
        input: 'Techcombank 1903 0000 999',
        scamMethod: 'fake_investment_crypto_forex',
      });
      expect(listed.statusCode, listed.body).toBe(201);
      const confirmed = await as(police, 'POST', `/api/indicators/${listed.json().id}/status`, {
        status: 'confirmed_scam',
        reason: 'Đã xác minh: tài khoản nhận tiền của đường dây đầu tư tiền ảo',
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    });
    afterAll(async () => {
      await platform?.close();
      await testDb?.dispose();
    });

    it('allows an ordinary transfer and blocks one to a confirmed scam account, naming the reason', async () => {
      const ordinary = await as(key, 'POST', '/api/screening/transfers', transfer());
      expect(ordinary.statusCode, ordinary.body).toBe(200);
      expect(DecisionSchema.parse(ordinary.json())).toMatchObject({
        action: 'allow',
        warning: null,
        ruleSetVersion: 'khien-default@1',
        timedOut: false,
      });
      const scam = await as(
        key,
        'POST',
        '/api/screening/transfers',
        transfer({ payee: { bank: '970407', account: '1903-0000-999', nameShown: 'CONG TY DAU TU' } }),
      );
      const decision = DecisionSchema.parse(scam.json());
      expect(decision.action).toBe('block');
      expect(decision.reasons.map((reason) => reason.code)).toContain('payee_listed_scam');
      expect(decision.warning?.vi).toMatch(/lừa đảo/i);
      expect(decision.outcomes.find((o) => o.ruleId === 'payee_confirmed_scam')?.outcome).toBe('hit');
    });

    it('answers the same decision for the same transfer id, and stores the transfer encrypted', async () => {
      const same = transfer({ amountVnd: 15_000_000, deviceChangedRecently: true });
      const first = await as(key, 'POST', '/api/screening/transfers', same);
      const again = await as(key, 'POST', '/api/screening/transfers', { ...same, amountVnd: 1 });
      expect(again.json()).toEqual(first.json());
      expect(DecisionSchema.parse(first.json()).action).toBe('step_up');
      const stored = await sql<{ transfer_encrypted: string }>`
        select transfer_encrypted from screening_decisions where transfer_id = ${same.transferId}`.execute(
        platform.database.db,
      );
      expect(stored.rows[0]!.transfer_encrypted).not.toContain('0011002233445');
    });

    it('takes ISO 20022 pacs.008 in JSON and refuses what is neither, precisely', async () => {
      const pacs = {
        FIToFICstmrCdtTrf: {
          GrpHdr: { MsgId: 'MSG-1', CreDtTm: '2026-03-02T15:00:00+07:00', NbOfTxs: '1' },
          CdtTrfTxInf: {
            PmtId: { EndToEndId: 'E2E-1', TxId: 'TX-ISO-1' },
            IntrBkSttlmAmt: { Ccy: 'VND', value: '3000000' },
            Dbtr: { Nm: 'NGUYEN THI LAN' },
            DbtrAcct: { Id: { Othr: { Id: '0011002233445' } } },
            DbtrAgt: { FinInstnId: { ClrSysMmbId: { MmbId: '970436' } } },
            Cdtr: { Nm: 'TRAN VAN BINH' },
            CdtrAcct: { Id: { Othr: { Id: '19030000111' } } },
            CdtrAgt: { FinInstnId: { ClrSysMmbId: { MmbId: '970407' } } },
          },
        },
      };
      const mapped = await as(key, 'POST', '/api/screening/transfers', pacs);
      expect(mapped.statusCode, mapped.body).toBe(200);
      expect(DecisionSchema.parse(mapped.json()).transferId).toBe('TX-ISO-1');
      const wrong = await as(key, 'POST', '/api/screening/transfers', { hello: 'world' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().code).toBe('screening.transfer_invalid');
      const missing = await as(key, 'POST', '/api/screening/transfers', { transferId: 'X1', amountVnd: -5 });
      expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain('body.amountVnd');
    });

    it('screens only for banks, with the scope', async () => {
      const refused = await as(policeKey, 'POST', '/api/screening/transfers', transfer());
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('screening.not_a_bank');
      expect((await as(analyst, 'POST', '/api/screening/transfers', transfer())).statusCode).toBe(403);
    });

    it('screens a batch, each transfer idempotent by its id', async () => {
      const transfers = [
        transfer(),
        transfer({ amountVnd: 25_000_000, otpPhoneChangedRecently: true }),
        transfer(),
      ];
      const response = await as(key, 'POST', '/api/screening/transfers/batch', {
        transfers: [...transfers, transfers[0]],
      });
      expect(response.statusCode, response.body).toBe(200);
      const decisions = response.json().decisions as Array<{ transferId: string; action: string }>;
      expect(decisions.map((d) => d.transferId)).toEqual(
        [...transfers, transfers[0]!].map((t) => t.transferId),
      );
      expect(decisions[1]!.action).toBe('step_up');
      expect(decisions[3]).toEqual(decisions[0]);
    });

    it('holds a large transfer from a foreign IP to a new payee; the analyst confirms fraud and tells the police', async () => {
      const payer = { bank: 'VCB', account: '0011005544332', name: 'PHAM THI HOA' };
      const foreign = transfer({
        payer,
        payee: { bank: 'MB', account: '0800123456789', nameShown: 'NGUYEN VAN NAM' },
        amountVnd: 12_000_000,
        clientIp: '133.1.1.1',
        biometricVerified: true,
      });
      const decision = DecisionSchema.parse(
        (await as(key, 'POST', '/api/screening/transfers', foreign)).json(),
      );
      expect(decision.action).toBe('hold');
      expect(decision.reasons.map((reason) => reason.code)).toContain('foreign_ip');
      const home = transfer({ payer, clientIp: '14.160.1.1', amountVnd: 1_000_000 });
      expect(
        DecisionSchema.parse((await as(key, 'POST', '/api/screening/transfers', home)).json()).action,
      ).toBe('allow');

      const queue = ReviewPageSchema.parse((await as(analyst, 'GET', '/api/screening/reviews')).json());
      const item = queue.items.find((entry) => entry.transferId === foreign.transferId)!;
      expect(item).toMatchObject({
        reviewStatus: 'pending',
        payee: { bank: 'MB', account: '0800123456789', nameShown: 'NGUYEN VAN NAM' },
      });
      const confirmed = await as(analyst, 'POST', `/api/screening/reviews/${foreign.transferId}`, {
        outcome: 'confirmed_fraud',
        note: 'Khách hàng xác nhận bị lừa chuyển tiền theo hướng dẫn qua điện thoại',
        notice: {
          policeAgencyId,
          holderName: 'Nguyễn Văn Nam',
          idNumber: '001099123456',
          reasonCode: 'R02',
        },
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const reviewed = ReviewItemSchema.parse(confirmed.json());
      expect(reviewed.reviewStatus).toBe('confirmed_fraud');
      expect(reviewed.noticeRequestId).toBeTruthy();
      const again = await as(analyst, 'POST', `/api/screening/reviews/${foreign.transferId}`, {
        outcome: 'released',
        note: 'Thử lại',
      });
      expect(again.json().code).toBe('screening.review_done');
      // The police receive the notice; the account is in the registry as reported.
      const notice = await as(police, 'GET', `/api/requests/${reviewed.noticeRequestId}`);
      expect(notice.json()).toMatchObject({
        type: 'suspicious_account_notice',
        subject: 'MB 0800123456789',
        details: { holderName: 'Nguyễn Văn Nam', reasonCode: 'R02' },
      });
      const listed = await as(police, 'GET', `/api/indicators?q=${encodeURIComponent('MB 0800123456789')}`);
      expect(listed.json().items[0]).toMatchObject({ status: 'reported' });
      // Listed now: the next transfer to it is held or warned by the registry rules.
      const next = DecisionSchema.parse(
        (
          await as(
            key,
            'POST',
            '/api/screening/transfers',
            transfer({ payee: { bank: 'MB', account: '0800123456789', nameShown: 'NGUYEN VAN NAM' } }),
          )
        ).json(),
      );
      expect(next.reasons.map((reason) => reason.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^payee_listed/)]),
      );
    });

    it('flags a pass-through account from completed transfers; the analyst confirms it', async () => {
      const base = clock.nowMs();
      const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
      const mule = { bank: 'ACB', account: '2468013579' };
      const transfers = [
        ...[1, 2, 3, 4].map((i) => ({
          transferId: `IN-${i}`,
          payer: { bank: 'VCB', account: `00110000${i}${i}${i}` },
          payee: mule,
          amountVnd: 2_000_000,
          at: at(i * 5),
        })),
        ...[1, 2].map((i) => ({
          transferId: `OUT-${i}`,
          payer: mule,
          payee: { bank: 'BIDV', account: `3100000${i}${i}${i}${i}` },
          amountVnd: 3_900_000,
          at: at(60 + i * 5),
        })),
      ];
      const fed = await as(key, 'POST', '/api/screening/completed', { transfers });
      expect(fed.statusCode, fed.body).toBe(200);
      expect(fed.json().accepted).toBe(6);
      expect(fed.json().flagged).toBeGreaterThanOrEqual(1);
      const flags = FlagPageSchema.parse((await as(analyst, 'GET', '/api/screening/flags')).json());
      const flag = flags.items.find((item) => item.typology === 'pass_through')!;
      expect(flag.account).toEqual(mule);
      expect(flag.evidence).toMatchObject({ distinctSenders: 4, amountIn: 8_000_000, ratio: 0.975 });
      const reviewed = await as(analyst, 'POST', `/api/screening/flags/${flag.id}`, {
        outcome: 'confirmed_fraud',
        note: 'Tài khoản nhận tiền từ nhiều người rồi chuyển đi ngay: tài khoản thuê mướn',
      });
      expect(reviewed.statusCode, reviewed.body).toBe(200);
      expect(FlagItemSchema.parse(reviewed.json()).status).toBe('confirmed_fraud');
      const listed = await as(police, 'GET', `/api/indicators?q=${encodeURIComponent('ACB 2468013579')}`);
      expect(listed.json().items[0]).toMatchObject({ status: 'reported' });
    });

    it('lets the analyst draft, shadow and publish a rule set of the bank, and read the decisions', async () => {
      const draft = await as(analyst, 'POST', '/api/screening/rule-sets', { from: 'default' });
      expect(draft.statusCode, draft.body).toBe(201);
      const version = RuleSetVersionSchema.parse(draft.json());
      expect(version).toMatchObject({ version: 1, status: 'draft', shadow: false });
      // A stricter draft: any transfer above 1,000,000 VND is held for review.
      const rules = [
        ...version.ruleSet.rules,
        {
          id: 'large_amount_hold',
          description: {
            vi: 'Giữ lại giao dịch trên 1 triệu đồng để xem xét',
            en: 'Hold transfers above 1 million VND',
          },
          when: { fact: 'amountVnd', op: 'gt', value: 1_000_000 },
          action: 'hold',
          score: 10,
          reasons: ['large_amount'],
        },
      ];
      const reasonTexts = {
        ...version.ruleSet.reasonTexts,
        large_amount: {
          vi: 'Giao dịch có giá trị lớn cần được xem xét.',
          en: 'A large transfer is reviewed.',
        },
      };
      const bad = await as(analyst, 'PUT', '/api/screening/rule-sets/1', {
        rules: [{ ...rules.at(-1)!, id: 'bad', when: { fact: 'noSuchFact', op: 'gt', value: 1 } }],
        reasonTexts,
      });
      expect(bad.statusCode, bad.body).toBe(200);
      const refused = await as(analyst, 'POST', '/api/screening/rule-sets/1/publish');
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('screening.rule_set_invalid');
      expect(
        (await as(analyst, 'PUT', '/api/screening/rule-sets/1', { rules, reasonTexts })).statusCode,
      ).toBe(200);
      expect(
        (await as(analyst, 'POST', '/api/screening/rule-sets/1/shadow', { shadow: true })).statusCode,
      ).toBe(200);
      clock.advance(10_000);

      // Another payer: this one's earlier transfers today passed the daily threshold of Decision 2345.
      const payer = { bank: 'VCB', account: '0011009988776', name: 'LE VAN CUONG' };
      const shadowed = transfer({ amountVnd: 3_000_000, payer });
      expect(
        DecisionSchema.parse((await as(key, 'POST', '/api/screening/transfers', shadowed)).json()).action,
      ).toBe('allow');
      const page = DecisionPageSchema.parse(
        (await as(analyst, 'GET', '/api/screening/decisions?limit=5')).json(),
      );
      expect(page.items[0]).toMatchObject({
        transferId: shadowed.transferId,
        action: 'allow',
        shadow: { action: 'hold', rules: ['large_amount_hold'] },
      });

      const published = await as(analyst, 'POST', '/api/screening/rule-sets/1/publish');
      expect(published.statusCode, published.body).toBe(200);
      expect(RuleSetVersionSchema.parse(published.json())).toMatchObject({
        status: 'published',
        shadow: false,
      });
      const frozen = await as(analyst, 'PUT', '/api/screening/rule-sets/1', { rules, reasonTexts });
      expect(frozen.json().code).toBe('screening.rule_set_frozen');
      const held = DecisionSchema.parse(
        (await as(key, 'POST', '/api/screening/transfers', transfer({ amountVnd: 3_000_000, payer }))).json(),
      );
      expect(held).toMatchObject({ action: 'hold' });
      expect(held.ruleSetVersion).toMatch(/@1$/);
      const list = RuleSetListSchema.parse((await as(analyst, 'GET', '/api/screening/rule-sets')).json());
      expect(list.items.map((item) => item.status)).toEqual(['published']);
      expect((await as(police, 'GET', '/api/screening/rule-sets')).statusCode).toBe(403);
      // Backtest: the published version against the default set, on the same past transfers.
      const csv = [
        'transfer_id,at,amount_vnd,channel,payer_bank,payer_account,payee_bank,payee_account,payee_name_shown,label',
        'P1,2026-03-01T08:00:00+07:00,800000,mobile_app,VCB,0011001111111,TCB,19030000111,TRAN VAN BINH,0',
        'P2,2026-03-01T09:00:00+07:00,4000000,mobile_app,VCB,0011001111111,TCB,19030000222,TRAN VAN AN,1',
      ].join('\n');
      const strict = await as(analyst, 'POST', '/api/screening/rule-sets/1/backtest', { csv });
      expect(strict.statusCode, strict.body).toBe(200);
      expect(strict.json()).toMatchObject({
        transfers: 2,
        byAction: { allow: 1, hold: 1 },
        labelled: { frauds: 1, caught: 1, falseAlarms: 0, recall: 1 },
      });
      expect(strict.json().decisions.map((d: { action: string }) => d.action)).toEqual(['allow', 'hold']);
      const lenient = await as(analyst, 'POST', '/api/screening/rule-sets/0/backtest', { csv });
      expect(lenient.json()).toMatchObject({ byAction: { allow: 2, hold: 0 }, labelled: { recall: 0 } });
    });
  });
}
