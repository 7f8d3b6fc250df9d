import { AnswerRequestBody, CreateRequestBody, ForwardHoldsBody } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { answerFieldOf, holdSummary, initialAnswerValues, onwardRow, toAnswerBody } from './answer';
import {
  createFieldOf,
  defaultLegalBasis,
  initialRequestValues,
  maySend,
  toCreateRequestBody,
} from './create';
import { requestFiltersFrom } from './filters';
import { forwardRows, matchRecipient, toForwardBody } from './forward';
import { SubmissionKey } from './idempotency';
import { newRequestHref, prefillFrom } from './prefill';

const REPORT_ID = '0190f0c0-0000-7000-8000-000000000001';
const AGENCY_ID = '0190f0c0-0000-7000-8000-0000000000a1';
const OTHER_AGENCY = '0190f0c0-0000-7000-8000-0000000000a2';
const HOLD_ID = '0190f0c0-0000-7000-8000-0000000000b1';

describe('the inbox filters', () => {
  it('reads the address, ignoring what it does not know', () => {
    expect(requestFiltersFrom(new URLSearchParams(''), 25)).toEqual({
      box: 'inbox',
      status: undefined,
      type: undefined,
      open: undefined,
      overdue: undefined,
      reportId: undefined,
      limit: 25,
      offset: 0,
    });
    const filters = requestFiltersFrom(
      new URLSearchParams(
        `box=outbox&status=answered&type=hold&open=true&overdue=maybe&reportId=${REPORT_ID}&offset=50`,
      ),
      25,
    );
    expect(filters).toMatchObject({
      box: 'outbox',
      status: 'answered',
      type: 'hold',
      open: 'true',
      overdue: undefined,
      reportId: REPORT_ID,
      offset: 50,
    });
    expect(
      requestFiltersFrom(new URLSearchParams('box=x&type=freeze&reportId=abc&offset=-3'), 25),
    ).toMatchObject({ box: 'inbox', type: undefined, reportId: undefined, offset: 0 });
  });
});

describe('pre-filling the new request', () => {
  it('takes a transfer of a report: bank, account and amount', () => {
    const prefill = prefillFrom(
      new URLSearchParams(
        `reportId=${REPORT_ID}&type=hold&bank=VCB&account=0123456789&amountVnd=15.000.000&recipient=nope`,
      ),
    );
    expect(prefill).toMatchObject({
      type: 'hold',
      reportId: REPORT_ID,
      recipientAgencyId: null,
      bank: 'VCB',
      account: '0123456789',
      amountVnd: '15000000',
    });
    const values = initialRequestValues(prefill, 'police_province', '2026-11-26T08:00');
    expect(values).toMatchObject({
      type: 'hold',
      legalBasis: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
      reportId: REPORT_ID,
      bank: 'VCB',
      account: '0123456789',
      amount: '15000000',
      durationHours: '72',
    });
  });

  it('builds the link a report gives, leaving out empty values', () => {
    expect(
      newRequestHref('/app/yeu-cau/moi', {
        type: 'hold',
        reportId: REPORT_ID,
        bank: null,
        account: '0123 456',
        amountVnd: 2_000_000,
      }),
    ).toBe(`/app/yeu-cau/moi?type=hold&reportId=${REPORT_ID}&account=0123+456&amountVnd=2000000`);
    const back = prefillFrom(new URLSearchParams('phone=0912345678, 0987654321&phone=0911111111'));
    expect(back.phones).toEqual(['0912345678', '0987654321', '0911111111']);
    expect(back.type).toBeNull();
  });

  it('chooses a type the agency sends when none is given', () => {
    const bank = initialRequestValues(prefillFrom(new URLSearchParams()), 'commercial_bank', '');
    expect(bank.type).toBe('hold_review');
    expect(bank.legalBasis).toBe(defaultLegalBasis.hold_review);
    expect(maySend('police_commune', 'hold')).toBe(true);
    expect(maySend('commercial_bank', 'hold')).toBe(false);
    expect(maySend('dept_science_technology', 'takedown')).toBe(true);
    expect(initialRequestValues(prefillFrom(new URLSearchParams()), 'court', '').type).toBe('');
  });
});

describe('the new request body', () => {
  const base = {
    ...initialRequestValues(prefillFrom(new URLSearchParams()), 'police_province', '2026-11-26T08:00'),
    recipientAgencyId: AGENCY_ID,
    reason: '  Nạn nhân chuyển tiền theo yêu cầu của kẻ giả danh công an  ',
  };

  it('asks a bank to hold the disputed amount', () => {
    const body = toCreateRequestBody({
      ...base,
      type: 'hold',
      reportId: REPORT_ID,
      bank: ' VCB ',
      account: '0123456789',
      amount: '15000000',
    });
    expect(body).toEqual({
      type: 'hold',
      recipientAgencyId: AGENCY_ID,
      legalBasis: 'Điều 147 Bộ luật Tố tụng hình sự 2015',
      reason: 'Nạn nhân chuyển tiền theo yêu cầu của kẻ giả danh công an',
      reportId: REPORT_ID,
      caseId: undefined,
      details: { account: { bank: 'VCB', account: '0123456789' }, amountVnd: 15_000_000, durationHours: 72 },
    });
    expect(CreateRequestBody.safeParse(body).success).toBe(true);
  });

  it('builds every other type as the contract reads it', () => {
    const cases = [
      { type: 'release' as const, holdRequestId: HOLD_ID, amount: '5000000' },
      { type: 'hold_review' as const, holdRequestId: HOLD_ID, holderObjection: 'Tiền lương của tôi' },
      { type: 'subscriber_info' as const, phones: '0912345678\n\n0987 654 321' },
      { type: 'domain_owner_info' as const, domain: 'vietcombank-xacthuc.com' },
      {
        type: 'takedown' as const,
        target: 'https://vietcombank-xacthuc.com',
        category: 'website' as const,
        captureSha256: 'A'.repeat(64),
      },
      { type: 'sim_action' as const, phones: '0912345678', simAction: 'lock' as const },
      {
        type: 'suspicious_account_notice' as const,
        bank: 'TCB',
        account: '19031234567890',
        holderName: 'Nguyễn Văn B',
        idNumber: '001099012345',
        reasonCode: 'TT17-03',
      },
    ];
    for (const values of cases) {
      const body = toCreateRequestBody({ ...base, legalBasis: defaultLegalBasis[values.type], ...values });
      const parsed = CreateRequestBody.safeParse(body);
      expect(parsed.error?.issues ?? [], values.type).toEqual([]);
    }
    const takedown = toCreateRequestBody({ ...base, type: 'takedown', target: 'x', captureSha256: '' });
    expect(takedown.details).toMatchObject({ evidence: { url: undefined, captureSha256: undefined } });
  });

  it('names the form field of a problem', () => {
    expect(createFieldOf('details.account.bank')).toBe('bank');
    expect(createFieldOf('details.account.account')).toBe('account');
    expect(createFieldOf('details.amountVnd')).toBe('amount');
    expect(createFieldOf('details.phones.2')).toBe('phones');
    expect(createFieldOf('details.evidence.seenAt')).toBe('seenAt');
    expect(createFieldOf('recipientAgencyId')).toBe('recipientAgencyId');
  });
});

describe('the answer body', () => {
  const empty = initialAnswerValues({}, '2026-11-26T08:30');

  it('answers a hold partially, naming where the rest went', () => {
    const values = {
      ...empty,
      held: '6000000',
      balance: '6000000',
      confirmation: ' PT-2026-0001 ',
      onward: [
        { ...onwardRow(), bank: 'TCB', account: '19031234567890', amount: '9000000', at: '2026-11-26T08:05' },
        onwardRow(),
      ],
    };
    const body = toAnswerBody('hold', values);
    expect(body).toMatchObject({
      type: 'hold',
      heldVnd: 6_000_000,
      balanceVnd: 6_000_000,
      confirmation: 'PT-2026-0001',
      onwardTransfers: [
        { bank: 'TCB', account: '19031234567890', amountVnd: 9_000_000, reference: undefined },
      ],
      note: undefined,
    });
    expect(AnswerRequestBody.safeParse(body).success).toBe(true);
    expect(holdSummary(15_000_000, values)).toEqual({
      held: 6_000_000,
      partial: true,
      missing: 9_000_000,
      onward: 9_000_000,
    });
  });

  it('answers every other type as the contract reads it', () => {
    const subscriber = initialAnswerValues({ phones: ['0912345678', '0987654321'] }, '');
    expect(subscriber.subscribers.map((row) => row.phone)).toEqual(['0912345678', '0987654321']);
    const bodies = [
      toAnswerBody('release', { ...empty, released: '5000000', confirmation: 'GT-1' }),
      toAnswerBody('hold_review', { ...empty, decision: 'keep', note: 'Chưa đủ căn cứ giải tỏa' }),
      toAnswerBody('subscriber_info', {
        ...subscriber,
        subscribers: subscriber.subscribers.map((row, index) =>
          index === 0 ? { ...row, holderName: 'Trần Văn C' } : { ...row, status: 'not_found' as const },
        ),
      }),
      toAnswerBody('domain_owner_info', {
        ...empty,
        registrar: 'PA Việt Nam',
        ipAddresses: '1.2.3.4\n5.6.7.8',
      }),
      toAnswerBody('takedown', empty),
      toAnswerBody('sim_action', { ...empty, simOutcome: 'partial', affectedPhones: '0912345678' }),
      toAnswerBody('suspicious_account_notice', {
        ...empty,
        noticeOutcome: 'report_opened',
        reportId: REPORT_ID,
      }),
    ];
    for (const body of bodies)
      expect(AnswerRequestBody.safeParse(body).error?.issues ?? [], String(body.type)).toEqual([]);
    expect(toAnswerBody('suspicious_account_notice', { ...empty, reportId: REPORT_ID })).toMatchObject({
      outcome: 'received',
      reportId: undefined,
    });
  });

  it('names the form field of a problem', () => {
    expect(answerFieldOf('onwardTransfers.1.amountVnd')).toBe('onward.1.amount');
    expect(answerFieldOf('onwardTransfers.0.bank')).toBe('onward.0.bank');
    expect(answerFieldOf('heldVnd')).toBe('held');
    expect(answerFieldOf('confirmation')).toBe('confirmation');
  });
});

describe('forwarding onward transfers', () => {
  const answer = {
    heldVnd: 6_000_000,
    onwardTransfers: [
      { bank: 'MB', account: '0001', amountVnd: 5_000_000, at: '2026-11-26T08:10:00.000Z' },
      { bank: 'TCB', account: '0002', amountVnd: 7_000_000, at: '2026-11-26T08:05:00.000Z' },
      { bank: 'ACB', account: '0003', amountVnd: 1_000_000, at: '2026-11-26T08:20:00.000Z' },
    ],
  };

  it('follows the money that was not held, earliest transfer first', () => {
    const rows = forwardRows({ amountVnd: 15_000_000, heldVnd: 6_000_000, answer }, [1]);
    expect(rows.map((row) => [row.transfer.bank, row.forwarded, row.expectedHoldVnd])).toEqual([
      ['MB', false, 2_000_000],
      ['TCB', true, 7_000_000],
      ['ACB', false, 0],
    ]);
    expect(forwardRows({ amountVnd: 1, heldVnd: 1, answer: null }, [])).toEqual([]);
  });

  it('finds the next bank by short name or name, or leaves the choice to the officer', () => {
    const recipients = [
      { id: AGENCY_ID, name: 'Ngân hàng TMCP Kỹ Thương Việt Nam', shortName: 'Techcombank' },
      { id: OTHER_AGENCY, name: 'Ngân hàng TMCP Quân đội', shortName: 'MB' },
    ];
    expect(matchRecipient('techcombank', recipients)).toBe(AGENCY_ID);
    expect(matchRecipient('Ngân hàng TMCP Quân Đội', recipients)).toBe(OTHER_AGENCY);
    expect(matchRecipient('Ky Thuong', recipients)).toBe(AGENCY_ID);
    expect(matchRecipient('Ngân hàng TMCP', recipients)).toBeNull();
    expect(matchRecipient('  ', recipients)).toBeNull();
  });

  it('sends the chosen transfers in order, with their banks when chosen', () => {
    const body = toForwardBody(
      new Map([
        [2, null],
        [0, AGENCY_ID],
      ]),
      ' ',
    );
    expect(body).toEqual({ transfers: [{ index: 0, recipientAgencyId: AGENCY_ID }, { index: 2 }] });
    expect(ForwardHoldsBody.safeParse(body).success).toBe(true);
    expect(toForwardBody(new Map([[1, null]]), 'Điều 147').legalBasis).toBe('Điều 147');
  });
});

describe('the idempotency key of a submission', () => {
  it('is kept for a retry of the same body and renewed for a new one', () => {
    let n = 0;
    const key = new SubmissionKey(() => `key-${++n}`);
    expect(key.for({ a: 1 })).toBe('key-1');
    expect(key.for({ a: 1 })).toBe('key-1');
    expect(key.for({ a: 2 })).toBe('key-2');
    key.done();
    expect(key.for({ a: 2 })).toBe('key-3');
  });
});
