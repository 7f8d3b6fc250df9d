import { describe, expect, it } from 'vitest';
import { detectIsoMessage, fromIso20022 } from './iso20022.js';

/** A pacs.008 as a JSON converter writes it: attributes and text as `Ccy` and `value`. */
const pacs008 = () => ({
  Document: {
    FIToFICstmrCdtTrf: {
      GrpHdr: { MsgId: 'NAPAS20261126000001', CreDtTm: '2026-11-26T09:15:30+07:00', NbOfTxs: '1' },
      CdtTrfTxInf: {
        PmtId: {
          InstrId: 'I1',
          EndToEndId: 'E2E-778812',
          TxId: 'FT26330123456',
          UETR: '0f6c2a1e-6a53-4d3b-9f3e-2b1c0a9d8e7f',
        },
        IntrBkSttlmAmt: { Ccy: 'VND', value: '15000000' },
        ChrgBr: 'SLEV',
        Dbtr: { Nm: 'TRAN THI MAI' },
        DbtrAcct: { Id: { Othr: { Id: '0011004455667' } } },
        DbtrAgt: { FinInstnId: { ClrSysMmbId: { MmbId: '970436' } } },
        CdtrAgt: { FinInstnId: { BICFI: 'ASCBVNVX' } },
        Cdtr: { Nm: 'NGUYEN VAN AN' },
        CdtrAcct: { Id: { Othr: { Id: '123456789' } } },
      },
    },
  },
});

/** A pain.001 in xml2js style: every element an array, attributes under `$`, text under `_`. */
const pain001 = () => ({
  CstmrCdtTrfInitn: [
    {
      GrpHdr: [{ MsgId: ['CORP-2026-11-26-01'], CreDtTm: ['2026-11-26T08:00:00'], NbOfTxs: ['2'] }],
      PmtInf: [
        {
          PmtInfId: ['PI-1'],
          PmtMtd: ['TRF'],
          Dbtr: [{ Nm: ['CÔNG TY TNHH ÁNH DƯƠNG'] }],
          DbtrAcct: [{ Id: [{ Othr: [{ Id: ['1903 4567 8901'] }] }] }],
          DbtrAgt: [{ FinInstnId: [{ BICFI: ['VTCBVNVX'] }] }],
          CdtTrfTxInf: [
            {
              PmtId: [{ InstrId: ['1'], EndToEndId: ['INV-2026-0042'] }],
              Amt: [{ InstdAmt: [{ _: '2500000.00', $: { Ccy: 'VND' } }] }],
              CdtrAgt: [{ FinInstnId: [{ ClrSysMmbId: [{ MmbId: ['970422'] }] }] }],
              Cdtr: [{ Nm: ['Lê Thị Hoa'] }],
              CdtrAcct: [{ Id: [{ Othr: [{ Id: ['0987654321'] }] }] }],
            },
            {
              PmtId: [{ EndToEndId: ['INV-2026-0043'] }],
              Amt: [{ InstdAmt: [{ '#text': 300000, '@Ccy': 'VND' }] }],
              CdtrAgt: [{ FinInstnId: [{ Nm: ['MoMo'] }] }],
              Cdtr: [{ Nm: ['Phạm Minh Tuấn'] }],
              CdtrAcct: [{ Id: [{ Othr: [{ Id: ['0912345678'], SchmeNm: [{ Prtry: ['EWALLET'] }] }] }] }],
            },
          ],
        },
      ],
    },
  ],
});

describe('pacs.008', () => {
  it('maps a credit transfer into a screening transfer', () => {
    const result = fromIso20022(pacs008(), { extras: { clientIp: '113.161.1.2', deviceId: 'dev-1' } });
    expect(result).toEqual({
      ok: true,
      kind: 'pacs.008',
      transfers: [
        {
          transferId: 'FT26330123456',
          payer: { bank: '970436', account: '0011004455667', name: 'TRAN THI MAI' },
          payee: { bank: '970416', account: '123456789', nameShown: 'NGUYEN VAN AN' },
          amountVnd: 15_000_000,
          channel: 'interbank',
          at: '2026-11-26T09:15:30+07:00',
          clientIp: '113.161.1.2',
          deviceId: 'dev-1',
        },
      ],
    });
  });

  it('takes the acceptance time and the end-to-end id when given instead', () => {
    const message = pacs008();
    const tx = message.Document.FIToFICstmrCdtTrf.CdtTrfTxInf as Record<string, unknown>;
    tx['PmtId'] = { EndToEndId: 'E2E-1', TxId: 'NOTPROVIDED' };
    tx['AccptncDtTm'] = '2026-11-26T02:15:00Z';
    const result = fromIso20022(message);
    expect(result.ok && result.transfers[0]).toMatchObject({
      transferId: 'E2E-1',
      at: '2026-11-26T02:15:00Z',
    });
  });

  it('lists every problem of a malformed message with its path', () => {
    const message = pacs008();
    const tx = message.Document.FIToFICstmrCdtTrf.CdtTrfTxInf as Record<string, unknown>;
    tx['IntrBkSttlmAmt'] = { Ccy: 'USD', value: '12.5' };
    delete tx['CdtrAcct'];
    delete tx['Cdtr'];
    const result = fromIso20022(message);
    expect(result).toEqual({
      ok: false,
      kind: 'pacs.008',
      problems: [
        {
          path: 'FIToFICstmrCdtTrf.CdtTrfTxInf[0].CdtrAcct',
          code: 'iso20022.missing',
          message: "The payee's account (CdtrAcct.Id or Prxy) is missing",
        },
        {
          path: 'FIToFICstmrCdtTrf.CdtTrfTxInf[0].Cdtr.Nm',
          code: 'iso20022.missing',
          message: "The payee's name (Cdtr.Nm) is missing",
        },
        {
          path: 'FIToFICstmrCdtTrf.CdtTrfTxInf[0].IntrBkSttlmAmt.Ccy',
          code: 'iso20022.currency_unsupported',
          message: 'Only VND is screened, not USD',
        },
        {
          path: 'FIToFICstmrCdtTrf.CdtTrfTxInf[0].IntrBkSttlmAmt',
          code: 'iso20022.amount_invalid',
          message: '"12.5" is not a whole amount of VND',
        },
      ],
    });
  });

  it.each([
    [{ Ccy: 'VND' }, 'iso20022.invalid_type'],
    [{ value: '1000' }, 'iso20022.missing'],
    [{ Ccy: 'VND', value: '0' }, 'iso20022.amount_invalid'],
    [{ Ccy: 'VND', value: '-5' }, 'iso20022.amount_invalid'],
    [{ Ccy: 'VND', value: '1e6' }, 'iso20022.amount_invalid'],
  ])('refuses the amount %j', (amount, code) => {
    const message = pacs008();
    (message.Document.FIToFICstmrCdtTrf.CdtTrfTxInf as Record<string, unknown>)['IntrBkSttlmAmt'] = amount;
    const result = fromIso20022(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toContain(code);
  });

  it('refuses a bad date-time and a missing transaction', () => {
    const message = pacs008();
    message.Document.FIToFICstmrCdtTrf.GrpHdr.CreDtTm = '26/11/2026 09:15';
    const result = fromIso20022(message);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'FIToFICstmrCdtTrf.GrpHdr.CreDtTm',
        code: 'iso20022.date_invalid',
        message: '"26/11/2026 09:15" is not an ISO date-time',
      },
    ]);
    const empty = fromIso20022({ FIToFICstmrCdtTrf: { GrpHdr: { CreDtTm: '2026-11-26T09:00:00Z' } } });
    expect(!empty.ok && empty.problems[0]).toMatchObject({
      path: 'FIToFICstmrCdtTrf.CdtTrfTxInf',
      code: 'iso20022.missing',
    });
  });

  it('passes the contract’s own checks through, at the message’s path', () => {
    const message = pacs008();
    const tx = message.Document.FIToFICstmrCdtTrf.CdtTrfTxInf as Record<string, unknown>;
    tx['CdtrAcct'] = { Id: { Othr: { Id: '12' } } };
    const result = fromIso20022(message);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'FIToFICstmrCdtTrf.CdtTrfTxInf[0].CdtrAcct.Id',
        code: 'iso20022.invalid',
        message: 'payee.account: account.invalid',
      },
    ]);
  });

  it('refuses too many transfers in one message', () => {
    const message = pacs008();
    const one = message.Document.FIToFICstmrCdtTrf.CdtTrfTxInf;
    (message.Document.FIToFICstmrCdtTrf as Record<string, unknown>)['CdtTrfTxInf'] = [one, one, one];
    const result = fromIso20022(message, { maxTransfers: 2 });
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['iso20022.too_many']);
  });
});

describe('pain.001', () => {
  it('maps each transaction of each payment block, in xml2js form', () => {
    const result = fromIso20022(pain001());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe('pain.001');
    expect(result.transfers).toEqual([
      {
        transferId: 'INV-2026-0042',
        payer: { bank: '970407', account: '1903 4567 8901', name: 'CÔNG TY TNHH ÁNH DƯƠNG' },
        payee: { bank: '970422', account: '0987654321', nameShown: 'Lê Thị Hoa' },
        amountVnd: 2_500_000,
        channel: 'api',
        at: '2026-11-26T08:00:00+07:00',
      },
      {
        transferId: 'INV-2026-0043',
        payer: { bank: '970407', account: '1903 4567 8901', name: 'CÔNG TY TNHH ÁNH DƯƠNG' },
        payee: { bank: 'MoMo', wallet: '0912345678', nameShown: 'Phạm Minh Tuấn' },
        amountVnd: 300_000,
        channel: 'api',
        at: '2026-11-26T08:00:00+07:00',
      },
    ]);
  });

  it('names the payment block of a problem', () => {
    const message = pain001();
    const batch = message.CstmrCdtTrfInitn[0]!.PmtInf[0]! as Record<string, unknown>;
    delete batch['DbtrAgt'];
    const result = fromIso20022(message);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'CstmrCdtTrfInitn.PmtInf[0].DbtrAgt',
        code: 'iso20022.missing',
        message: "The payer's bank (DbtrAgt) is missing",
      },
    ]);
  });
});

describe('any input', () => {
  it.each([null, 42, 'pacs.008', [], [1, 2]])('answers %j with a typed problem, never a throw', (input) => {
    const result = fromIso20022(input);
    expect(result).toMatchObject({ ok: false, kind: null });
    expect(!result.ok && result.problems[0]!.code).toBe('iso20022.not_an_object');
  });

  it('says when the message is neither pacs.008 nor pain.001', () => {
    const result = fromIso20022({ Document: { FIToFIPmtStsRpt: {} } });
    expect(!result.ok && result.problems[0]!.code).toBe('iso20022.unknown_message');
    expect(detectIsoMessage({ CstmrCdtTrfInitn: {} })?.kind).toBe('pain.001');
  });

  it('survives hostile shapes', () => {
    const hostile = {
      FIToFICstmrCdtTrf: { CdtTrfTxInf: [null, 'x', { PmtId: 5, IntrBkSttlmAmt: [[]], Dbtr: { Nm: {} } }] },
    };
    const result = fromIso20022(hostile);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.length).toBeGreaterThan(3);
  });
});
