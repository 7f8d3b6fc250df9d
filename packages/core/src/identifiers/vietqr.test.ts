import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankAccount } from './account.js';
import { allBanks } from './banks.js';
import { buildVietQr, crc16CcittFalse, parseVietQr, type VietQr } from './vietqr.js';

/**
 * Test vectors copied from the project's shared payload-vectors-dev.json (so that this suite runs
 * without it). Sources: NAPAS "Technical Specifications on NAPAS QR Switching" v1.5.2 (Jan 2021) worked
 * examples as quoted in public repositories; binhnguyenduc/vietqr-ts@ec22bcb tests/fixtures/
 * vietqr-samples.ts (MIT; synthetic account 0123456789020). Numbers are the vectors' positions (1–27).
 */
const V = {
  // NAPAS static→account; sub-field 38.01.01 declares length 12 for a 13-digit account (spec erratum).
  1: '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5',
  // NAPAS static→card.
  2: '00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52',
  // NAPAS dynamic→card with amount, bill number and purpose.
  3: '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203',
  // NAPAS QRCASH (ATM cash withdrawal).
  4: '00020101021238500010A000000727012200069704030108123456780206QRCASH5204601153037045802VN5915NGUYEN HUU HUAN6005HANOI6237052120190109155714228384707080000111163041009',
  // Corrected-length dynamic→account.
  5: '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E',
  // Corrected-length static→account.
  6: '00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F',
  // vietqr-ts samples: service code inside the beneficiary template (38.01.02).
  7: '00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405500005802VN62160812Test Payment630495B6',
  8: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN6304A3CF',
  9: '00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62350809Test Memo0706PAYBIL0908INV-20246304074A',
  12: '00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62230707PAYBILL0908INV-202463048C15',
  // Lengths counted in UTF-8 bytes ("Thanh toán hóa đơn" = 18 characters, 22 bytes).
  13: '00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62260822Thanh toán hóa đơn630432F8',
  14: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA5204581253037045802VN630477A7',
  // vietqr-ts INVALID/CORRUPTED samples.
  15: '0002016304XXXX',
  16: '00020101021153037045405500005802VN6304XXXX',
  17: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN63040000',
  18: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53038405802VN6304XXXX',
  19: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802US6304XXXX',
  20: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA530370454055000058VN6253',
  21: '00029901021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN6304XXXX',
  22: '00020101021138600010A00000072701270006970422011215ABC45678902080208QRIBFTTA53037045802VN6304XXXX',
  23: '00020101021138600010A00000072701270006970422011215012345',
  24: '00020101021138600010A00000072701270006970422011215',
  25: '0002010102113860001',
  26: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA53037045802VN',
  27: '00020101021138570010A00000072701390006970422011301234567890200208QRIBFTTA5303',
} as const;
// Vectors 10 and 11 are copies of 8 in the shared file.

function parsed(payload: string): VietQr {
  const result = parseVietQr(payload);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const field = (id: string, value: string) =>
  id + String(new TextEncoder().encode(value).length).padStart(2, '0') + value;

/** A static VietQR body (without CRC) for a beneficiary; an empty id or service leaves that field out. */
function napasPayload(bin: string, id: string, service = 'QRIBFTTA'): string {
  const beneficiary = field('00', bin) + (id ? field('01', id) : '');
  const napas = field('00', 'A000000727') + field('01', beneficiary) + (service ? field('02', service) : '');
  return '000201010211' + field('38', napas) + '53037045802VN';
}

/** Recomputes the CRC of a payload edited by a test, so that the edit is what gets tested. */
function withCrc(body: string): string {
  const head = body.replace(/6304[0-9A-F]{4}$/, '') + '6304';
  return head + crc16CcittFalse(head).toString(16).toUpperCase().padStart(4, '0');
}

describe('crc16CcittFalse', () => {
  it('gives the CRC-16/CCITT-FALSE check value', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crc16CcittFalse(new TextEncoder().encode('123456789'))).toBe(0x29b1);
    expect(crc16CcittFalse('')).toBe(0xffff);
  });
  it('is computed over UTF-8 bytes', () => {
    // Vector 13's CRC only matches over bytes.
    expect(parseVietQr(V[13]).ok).toBe(true);
  });
});

describe('parseVietQr on the spec and sample vectors', () => {
  it('reads a static transfer to an account', () => {
    const qr = parsed(V[6]);
    expect(qr).toMatchObject({
      payloadFormat: '01',
      initiation: 'static',
      bin: '970403',
      bankCode: 'STB',
      bankName: 'Sacombank',
      account: '0011012345678',
      service: 'account',
      serviceCode: 'QRIBFTTA',
      amount: null,
      currency: '704',
      message: null,
      country: 'VN',
      crcValid: true,
      lengthUnit: 'utf8_bytes',
    });
    expect(qr.identifiers.map((i) => i.key)).toEqual(['bank_account:970403:0011012345678']);
  });

  it('gives the same key as the account typed by hand', () => {
    const typed = parseBankAccount('Sacombank', '0011 0123 4567 8');
    expect(typed.ok && typed.value.key).toBe(parsed(V[5]).identifiers[0]?.key);
  });

  it('reads a dynamic transfer with amount, bill number and message', () => {
    const qr = parsed(V[5]);
    expect(qr.initiation).toBe('dynamic');
    expect(qr.amount).toBe(180000);
    expect(qr.message).toBe('thanh toan don hang');
    expect(qr.additionalData).toEqual({ billNumber: 'NPS6869', purpose: 'thanh toan don hang' });
  });

  it('reads transfers to a card without exposing the card number', () => {
    for (const payload of [V[2], V[3]]) {
      const qr = parsed(payload);
      expect(qr.service).toBe('card');
      expect(qr.card).toBe('9704 03•• •••• 4567');
      expect(qr.account).toBeUndefined();
      expect(qr.identifiers).toHaveLength(1);
      const card = qr.identifiers[0]!;
      expect(card.kind).toBe('card');
      expect(card.key).toMatch(/^card:970403…4567:[0-9a-f]{16}$/);
      expect(JSON.stringify(qr)).not.toContain('9704031101234567');
    }
    expect(parsed(V[3]).amount).toBe(180000);
  });

  it('reads QRCASH as a service without a transfer account', () => {
    const qr = parsed(V[4]);
    expect(qr).toMatchObject({ service: null, serviceCode: 'QRCASH', merchantId: '12345678', mcc: '6011' });
    expect(qr.merchantName).toBe('NGUYEN HUU HUAN');
    expect(qr.city).toBe('HANOI');
    expect(qr.additionalData).toEqual({ referenceLabel: '201901091557142283847', terminalLabel: '00001111' });
    expect(qr.identifiers).toEqual([]);
  });

  it('accepts the service code inside the beneficiary template (vietqr-ts samples)', () => {
    for (const payload of [V[7], V[8], V[9], V[12], V[14]]) {
      const qr = parsed(payload);
      expect(qr.serviceCode).toBe('QRIBFTTA');
      expect(qr.bankName).toBe('MBBank');
      expect(qr.identifiers[0]?.key).toBe('bank_account:970422:0123456789020');
    }
    expect(parsed(V[7])).toMatchObject({ amount: 50000, message: 'Test Payment' });
    expect(parsed(V[9]).additionalData).toEqual({
      purpose: 'Test Memo',
      terminalLabel: 'PAYBIL',
      consumerDataRequest: 'INV-2024',
    });
    expect(parsed(V[14]).mcc).toBe('5812');
  });

  it('counts lengths in UTF-8 bytes', () => {
    const qr = parsed(V[13]);
    expect(qr.message).toBe('Thanh toán hóa đơn');
    expect(qr.lengthUnit).toBe('utf8_bytes');
  });

  it('falls back to character lengths for generators that count characters', () => {
    const message = 'Chuyển tiền';
    const body =
      V[8].replace(/6304.{4}$/, '') +
      `62${String(4 + message.length).padStart(2, '0')}08${String(message.length).padStart(2, '0')}${message}`;
    const qr = parsed(withCrc(body));
    expect(qr.message).toBe(message);
    expect(qr.lengthUnit).toBe('characters');
  });

  it.each([
    [1, 'vietqr.bad_nested'],
    [15, 'vietqr.crc_mismatch'],
    [16, 'vietqr.crc_mismatch'],
    [17, 'vietqr.crc_mismatch'],
    [18, 'vietqr.crc_mismatch'],
    [19, 'vietqr.crc_mismatch'],
    [20, 'vietqr.bad_length'],
    [21, 'vietqr.crc_mismatch'],
    [22, 'vietqr.truncated'],
    [23, 'vietqr.truncated'],
    [24, 'vietqr.truncated'],
    [25, 'vietqr.truncated'],
    [26, 'vietqr.missing_crc'],
    [27, 'vietqr.truncated'],
  ] as const)('rejects vector %i with %s', (index, code) => {
    const result = parseVietQr(V[index]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('explains the NAPAS erratum precisely', () => {
    const result = parseVietQr(V[1]);
    expect(!result.ok && result.message).toContain('38.01.01 (length 12)');
  });

  it('names the expected and computed CRC', () => {
    const result = parseVietQr(V[17]);
    expect(!result.ok && result.message).toContain('"0000"');
    expect(!result.ok && result.message).toContain('"A3CF"');
  });
});

describe('parseVietQr failure codes', () => {
  const valid = V[6];
  it.each([
    ['', 'vietqr.empty'],
    ['   ', 'vietqr.empty'],
    ['https://example.vn/pay', 'vietqr.bad_format'],
    ['000201010211', 'vietqr.missing_crc'],
    ['0002010', 'vietqr.truncated'],
    [withCrc('000201AB021153037045802VN'), 'vietqr.bad_id'],
    [withCrc('00020101021553037045802VN'), 'vietqr.bad_initiation'],
    [withCrc('000202010211'), 'vietqr.bad_format'],
    [withCrc('0102110002015303704'), 'vietqr.bad_format'],
    [withCrc('000201010211530370453037045802VN'), 'vietqr.duplicate_tag'],
    [withCrc('00020101021153037045802VN'), 'vietqr.not_napas'],
    [valid.replace('6304', '6305') + 'A', 'vietqr.missing_crc'],
    [valid.replace(/6304(.{4})$/, '6304$15902AB'), 'vietqr.missing_crc'],
    [withCrc(valid.replace('970403', '999999')), 'vietqr.unknown_bank'],
    [withCrc(valid.replace('0006970403', '0006ABCDEF')), 'vietqr.unknown_bank'],
    [withCrc(valid.replace('5303704', '5303840')), 'vietqr.bad_currency'],
    [withCrc(valid.replace('5303704', '')), 'vietqr.bad_currency'],
    [withCrc(valid.replace('5303704', '530370454041.50')), 'vietqr.bad_amount'],
    [withCrc(valid.replace('5303704', '5303704540200')), 'vietqr.bad_amount'],
    [withCrc(valid.replace('5303704', '5303704540312a')), 'vietqr.bad_amount'],
    [withCrc(valid.replace('5802VN', '5802VN62060805AB')), 'vietqr.bad_nested'],
    [withCrc(napasPayload('970403', '0011012345678', '')), 'vietqr.ok'],
    [withCrc(napasPayload('970403', '', 'QRIBFTTA')), 'vietqr.bad_nested'],
    [withCrc(napasPayload('970403', '00110')), 'vietqr.bad_account'],
    [withCrc(napasPayload('970403', '0011-ABC-1234')), 'vietqr.bad_account'],
    [withCrc(napasPayload('970403', '97040311012345', 'QRIBFTTC')), 'vietqr.bad_account'],
  ])('%s → %s', (payload, code) => {
    const result = parseVietQr(payload);
    expect(result.ok ? 'vietqr.ok' : result.code).toBe(code);
  });

  it('tells another scheme from NAPAS', () => {
    const other = withCrc('00020101021126280010A0000007750110012345678953037045802VN');
    const result = parseVietQr(other);
    expect(result.ok ? 'ok' : result.code).toBe('vietqr.not_napas');
    expect(!result.ok && result.message).toContain('A000000775');
  });

  it('accepts a lower-case CRC and surrounding whitespace', () => {
    expect(parseVietQr(`\n ${valid.slice(0, -4)}${valid.slice(-4).toLowerCase()} \n`).ok).toBe(true);
  });

  it('accepts "50000.00" as an amount but not a fraction of a đồng', () => {
    expect(parsed(withCrc(valid.replace('5303704', '5303704540850000.00'))).amount).toBe(50000);
    expect(parseVietQr(withCrc(valid.replace('5303704', '540850000.50')))).toMatchObject({ ok: false });
  });

  it('never throws and always answers with a code', () => {
    const payloadLike = fc
      .array(fc.constantFrom(...'0123456789ABQRFTVN.- ạđ'.split('')), { maxLength: 120 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          payloadLike,
          fc.constant(valid),
        ),
        (input) => {
          const result = parseVietQr(input);
          if (!result.ok) expect(result.code).toMatch(/^vietqr\.[a-z_]+$/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects any single-character corruption of a valid payload', () => {
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.constantFrom(...'0123456789ABCDEFXZ'.split('')), (at, ch) => {
        fc.pre(valid[at] !== ch);
        const corrupted = valid.slice(0, at) + ch + valid.slice(at + 1);
        expect(parseVietQr(corrupted).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildVietQr', () => {
  it('builds the payload bank apps expect', () => {
    const built = buildVietQr({
      bin: '970436',
      account: '0011004455667',
      amount: 50000,
      message: 'Khien test',
    });
    expect(built).toEqual({
      ok: true,
      value:
        '00020101021238570010A00000072701270006970436011300110044556670208QRIBFTTA53037045405500005802VN62140810Khien test63043A04',
    });
    expect(buildVietQr({ bin: '970403', account: '0011012345678' })).toEqual({ ok: true, value: V[6] });
  });

  it.each([
    [{ bin: '123456', account: '0011004455667' }, 'vietqr.unknown_bank'],
    [{ bin: 'VCB', account: '0011004455667' }, 'vietqr.unknown_bank'],
    [{ bin: '970436', account: '12345' }, 'vietqr.bad_account'],
    [{ bin: '970436', account: '0011-ABC' }, 'vietqr.bad_account'],
    [{ bin: '970436', account: '0011004455667', amount: 0 }, 'vietqr.bad_amount'],
    [{ bin: '970436', account: '0011004455667', amount: 1.5 }, 'vietqr.bad_amount'],
    [{ bin: '970436', account: '0011004455667', message: 'x'.repeat(96) }, 'vietqr.bad_message'],
    [{ bin: '970436', account: '0011004455667', message: 'a\u0000b' }, 'vietqr.bad_message'],
    [{ bin: '970403', account: '970403110123', service: 'card' as const }, 'vietqr.bad_account'],
  ])('%o → %s', (input, code) => {
    const result = buildVietQr(input);
    expect(result.ok ? 'ok' : result.code).toBe(code);
  });

  it('round-trips: build → parse gives back the bank, account, amount and message', () => {
    const bins = allBanks().map((b) => b.bin);
    fc.assert(
      fc.property(
        fc.constantFrom(...bins),
        fc.stringMatching(/^\d{6,19}$/),
        fc.option(fc.integer({ min: 1, max: 9_999_999_999_999 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        (bin, account, amount, message) => {
          const built = buildVietQr({ bin, account, amount, message });
          if (!built.ok) {
            // Only messages with control characters or lone surrogates are refused.
            expect(built.code).toBe('vietqr.bad_message');
            return;
          }
          const qr = parsed(built.value);
          expect(qr.bin).toBe(bin);
          expect(qr.amount).toBe(amount ?? null);
          expect(qr.initiation).toBe(amount === undefined ? 'static' : 'dynamic');
          expect(qr.message).toBe(message ? message : null);
          const typed = parseBankAccount(bin, account);
          expect(typed.ok && qr.identifiers.map((i) => i.key)).toEqual([typed.ok && typed.value.key]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips a card transfer', () => {
    const built = buildVietQr({ bin: '970403', account: '9704031101234567', service: 'card' });
    expect(built.ok && parsed(built.value)).toMatchObject({ service: 'card', card: '9704 03•• •••• 4567' });
  });
});
