import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmail } from './email.js';

const keyOf = (input: string): string | null => {
  const result = parseEmail(input);
  return result.ok ? result.value.key : null;
};

describe('parseEmail', () => {
  it.each([
    ['cskh.vietcombank@gmail.com', 'email:cskhvietcombank@gmail.com'],
    ['CSKH.Vietcombank+hoantien@Gmail.com', 'email:cskhvietcombank@gmail.com'],
    ['c.s.k.h.vietcombank@googlemail.com', 'email:cskhvietcombank@gmail.com'],
    ['cskhvietcombank@gmail.com.', 'email:cskhvietcombank@gmail.com'],
    ['Hỗ trợ Vietcombank <cskh.vietcombank@gmail.com>', 'email:cskhvietcombank@gmail.com'],
    ['mailto:cskh.vietcombank@gmail.com?subject=Ho%20tro', 'email:cskhvietcombank@gmail.com'],
    ['cskh.vietcombank[at]gmail[.]com', 'email:cskhvietcombank@gmail.com'],
    ['cskh.vietcombank (at) gmail (dot) com', 'email:cskhvietcombank@gmail.com'],
    [' cskh.vietcombank@gmail.com ', 'email:cskhvietcombank@gmail.com'],
    // Other providers: lower-cased, dots and +tags kept.
    ['Nguyen.Van.A+shop@Yahoo.com.VN', 'email:nguyen.van.a+shop@yahoo.com.vn'],
    ['nguyen.van.a@outlook.com', 'email:nguyen.van.a@outlook.com'],
    ['hotro@congan-tinh.web.app', 'email:hotro@congan-tinh.web.app'],
    // Unicode domain → punycode; Unicode mailbox names (RFC 6531) are NFC, lower-cased.
    ['cskh@ngân-hàng.vn', 'email:cskh@xn--ngn-hng-dwao.vn'],
    ['cskh@XN--NGN-HNG-DWAO.VN', 'email:cskh@xn--ngn-hng-dwao.vn'],
    ['Tên@mail.vn', 'email:tên@mail.vn'],
    ["o'brien!#$%&*/=?^_`{|}~-@example.com", "email:o'brien!#$%&*/=?^_`{|}~-@example.com"],
  ])('%s → %s', (input, key) => {
    expect(keyOf(input)).toBe(key);
  });

  it('fills the details and shows the domain in Unicode', () => {
    expect(parseEmail('CSKH@ngân-hàng.vn')).toEqual({
      ok: true,
      value: {
        kind: 'email',
        key: 'email:cskh@xn--ngn-hng-dwao.vn',
        display: 'cskh@ngân-hàng.vn',
        details: {
          address: 'cskh@xn--ngn-hng-dwao.vn',
          local: 'cskh',
          domain: 'xn--ngn-hng-dwao.vn',
          domainUnicode: 'ngân-hàng.vn',
          registrableDomain: 'xn--ngn-hng-dwao.vn',
          provider: null,
        },
      },
    });
    const gmail = parseEmail('A.B+x@googlemail.com');
    expect(gmail.ok && gmail.value.details).toMatchObject({
      address: 'ab@gmail.com',
      domain: 'gmail.com',
      registrableDomain: 'gmail.com',
      provider: 'gmail',
    });
  });

  it('applies the Gmail rules to gmail.com only', () => {
    // A look-alike domain is not Gmail: its dots and tags may well be different mailboxes.
    expect(keyOf('a.b+c@gmail.com.vn')).toBe('email:a.b+c@gmail.com.vn');
    expect(keyOf('a.b+c@mail.gmail.com')).toBe('email:a.b+c@mail.gmail.com');
  });

  it.each([
    ['', 'email.invalid'],
    ['cskh.vietcombank', 'email.invalid'],
    ['@gmail.com', 'email.invalid'],
    ['a..b@example.com', 'email.invalid'],
    ['.a@example.com', 'email.invalid'],
    ['"a b"@example.com', 'email.invalid'],
    ['+tag@gmail.com', 'email.invalid'],
    [`${'a'.repeat(65)}@example.com`, 'email.invalid'],
    ['a b@example.com', 'email.invalid'],
    ['a@', 'email.invalid_domain'],
    ['a@localhost', 'email.invalid_domain'],
    ['a@[1.2.3.4]', 'email.invalid_domain'],
    ['a@1.2.3.4', 'email.invalid_domain'],
    ['a@example', 'email.invalid_domain'],
    ['a@evil..com', 'email.invalid_domain'],
    ['a@evil.com/path', 'email.invalid_domain'],
    ['a@evil.com:25', 'email.invalid_domain'],
    ['a@foo.invalid', 'email.invalid_domain'],
  ])('%j fails with %s', (input, code) => {
    const result = parseEmail(input);
    expect(result.ok ? null : result.code).toBe(code);
  });
});

const domain = fc.constantFrom(
  'gmail.com',
  'googlemail.com',
  'yahoo.com.vn',
  'outlook.com',
  'ngân-hàng.vn',
  'evil.web.app',
  'CONGAN.GOV.VN',
);
const mailbox = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,20}[A-Za-z0-9]$/)
  .filter((local) => !local.includes('..'));

describe('parseEmail properties', () => {
  it('never throws', () => {
    for (const arbitrary of [fc.string(), fc.string({ unit: 'binary' }), fc.emailAddress()]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          parseEmail(input);
        }),
      );
    }
  });

  it('normalising twice changes nothing: display and address give the same key', () => {
    const generated = fc.tuple(mailbox, domain).map(([local, name]) => `${local}@${name}`);
    for (const arbitrary of [generated, fc.emailAddress()]) {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const first = parseEmail(input);
          if (!first.ok) return;
          expect(keyOf(first.value.display)).toBe(first.value.key);
          expect(keyOf(first.value.details.address)).toBe(first.value.key);
        }),
      );
    }
  });

  it('parses every well-formed address on a real domain', () => {
    fc.assert(
      fc.property(mailbox, domain, (local, name) => {
        expect(parseEmail(`${local}@${name}`).ok).toBe(true);
      }),
    );
  });

  it('Gmail ignores dots, +tags and case; others only case', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{5,15}$/),
        fc.nat(),
        fc.stringMatching(/^[a-z0-9]{1,8}$/),
        (name, at, tag) => {
          const position = 1 + (at % (name.length - 1));
          const variant = `${name.slice(0, position)}.${name.slice(position).toUpperCase()}+${tag}`;
          expect(keyOf(`${variant}@gmail.com`)).toBe(`email:${name}@gmail.com`);
          expect(keyOf(`${variant}@yahoo.com.vn`)).toBe(`email:${variant.toLowerCase()}@yahoo.com.vn`);
        },
      ),
    );
  });
});
