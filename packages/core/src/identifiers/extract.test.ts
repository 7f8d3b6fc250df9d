import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVietQr } from './vietqr.js';
import { extractIdentifiers, identify } from './extract.js';

const keys = (text: string) => extractIdentifiers(text).identifiers.map((i) => i.key);

describe('identify', () => {
  it('recognises each kind typed on its own', () => {
    const cases: Array<[string, string]> = [
      ['0912 345 678', 'phone'],
      ['+84 912-345-678', 'phone'],
      ['vietcombank.com.vn', 'domain'],
      ['https://vietcombank.com.vn/ca-nhan', 'url'],
      ['https://www.facebook.com/groups/123456789', 'social'],
      ['lua.dao@gmail.com', 'email'],
      ['0x52908400098527886E0F7030069857D2E4169EE7', 'crypto'],
      ['VCB 0011004455667', 'bank_account'],
      ['MoMo 0912345678', 'ewallet'],
    ];
    for (const [input, kind] of cases) {
      const result = identify(input);
      expect(result.ok ? result.value.kind : result.code, input).toBe(kind);
    }
    expect(identify('', undefined)).toMatchObject({ ok: false, code: 'identifier.empty' });
    expect(identify('xin chào bạn')).toMatchObject({ ok: false });
  });

  it('takes a kind hint when the shape is ambiguous', () => {
    const asDomain = identify('vietcombank.com.vn', 'domain');
    expect(asDomain.ok && asDomain.value.key).toBe('domain:vietcombank.com.vn');
  });
});

describe('extractIdentifiers', () => {
  it('finds the number, account and link in a typical scam message, each once', () => {
    const text =
      'Chuyển khoản vào STK Vietcombank 0011004455667, liên hệ 0388111999 hoặc 0388.111.999, xem http://bit.ly/abc.';
    const found = extractIdentifiers(text).identifiers;
    expect(found.map((i) => i.kind)).toEqual(['bank_account', 'phone', 'url']);
    expect(found[0]!.key).toBe('bank_account:970436:0011004455667');
    expect(found[1]!.key).toBe('phone:+84388111999');
  });

  it('keeps a number announced as a phone a phone, and finds a bank named after the account number', () => {
    expect(keys('Chuyển vào tài khoản Vietcombank của tôi. Gọi 0987654321 nếu cần')).toEqual([
      'phone:+84987654321',
    ]);
    expect(keys('STK 0011004455667 Vietcombank chủ TK Nguyen Van A')).toEqual([
      'bank_account:970436:0011004455667',
    ]);
    expect(keys('vào vietcombank-hotro.com ngay')).toEqual(['domain:vietcombank-hotro.com']);
  });

  it('does not take abbreviations with dots for links', () => {
    expect(keys('Tôi ở TP.HCM, v.v. và gọi 0912345678')).toEqual(['phone:+84912345678']);
  });

  it('reads a VietQR payload pasted as text, and says why a broken one cannot be read', () => {
    const built = buildVietQr({ bin: '970436', account: '0011004455667', amount: 50_000 });
    expect(built.ok).toBe(true);
    const payload = built.ok ? built.value : '';
    expect(keys(`Quét mã này: ${payload}`)).toEqual(['bank_account:970436:0011004455667']);
    const broken = payload.slice(0, -4) + (payload.endsWith('0000') ? '1111' : '0000');
    const result = extractIdentifiers(broken);
    expect(result.identifiers).toEqual([]);
    expect(result.problems[0]?.code).toBe('vietqr.crc_mismatch');
  });

  it('never throws, finds at most 50 identifiers, and reads its own display forms back to the same keys', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { identifiers } = extractIdentifiers(text);
        expect(identifiers.length).toBeLessThanOrEqual(50);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('091', '038', '070', '083', '056', '059'),
        fc.integer({ min: 0, max: 9_999_999 }),
        (prefix, rest) => {
          const number = `${prefix}${String(rest).padStart(7, '0')}`;
          const [first] = extractIdentifiers(`Số lạ ${number} gọi cho tôi`).identifiers;
          if (!first) return;
          expect(keys(first.display)).toEqual([first.key]);
        },
      ),
    );
  });
});
