import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { MOBILE_CARRIER_BY_PREFIX } from './data/phone/mobile-carriers.js';
import { MOBILE_PREFIX_CONVERSION_2018 } from './data/phone/prefix-conversion-2018.js';
import { looksLikePhone, parsePhone, parseVietnameseWithLibrary, type PhoneIdentifier } from './phone.js';

function parsed(input: string): PhoneIdentifier {
  const result = parsePhone(input);
  if (!result.ok) throw new Error(`${JSON.stringify(input)} failed: ${result.code} ${result.message}`);
  return result.value;
}

describe('parsePhone: Vietnamese mobile numbers', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '(091) 234 5678',
    '091 234 5678',
    '+84912345678',
    '+84 912 345 678',
    '(+84) 912 345 678',
    '+84 (0) 912 345 678',
    '84912345678',
    '84 912 345 678',
    '0084912345678',
    '0084 912 345 678',
    '912 345 678',
    'tel:+84912345678',
    '\u00a00912\u00a0345\u00a0678 ',
    '０９１２ ３４５ ６７８',
    '0912–345–678',
  ])('%j is phone:+84912345678', (input) => {
    expect(parsed(input)).toEqual({
      kind: 'phone',
      key: 'phone:+84912345678',
      display: '0912 345 678',
      details: {
        e164: '+84912345678',
        country: 'VN',
        type: 'mobile',
        carrier: 'VinaPhone',
        convertedFrom: null,
      },
    });
  });

  it.each([
    ['0987 654 321', 'Viettel'],
    ['0386 123 456', 'Viettel'],
    ['0868 123 456', 'Viettel'],
    ['0888 123 456', 'VinaPhone'],
    ['0943 123 456', 'VinaPhone'],
    ['0903 123 456', 'MobiFone'],
    ['0708 123 456', 'MobiFone'],
    ['0899 123 456', 'MobiFone'],
    ['0921 234 567', 'Vietnamobile'],
    ['0563 123 456', 'Vietnamobile'],
    ['0522 123 456', 'Vietnamobile'],
    ['0993 123 456', 'Gmobile'],
    ['0598 765 432', 'Gmobile'],
    ['0999 123 456', 'Itelecom'],
    ['0559 123 456', 'Reddi'],
    // 087 is Itelecom's range, but libphonenumber's carrier data names the host network.
    ['0879 123 456', 'VinaPhone'],
    // Valid ranges that libphonenumber's carrier data does not name.
    ['0950 123 456', null],
    ['0990 123 456', null],
  ])('%s is a mobile number of %s', (input, carrier) => {
    const phone = parsed(input);
    expect(phone.details.type).toBe('mobile');
    expect(phone.details.carrier).toBe(carrier);
  });

  // The operators' prefixes as commonly published, independent of the shipped table.
  it.each([
    ['Viettel', ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098']],
    ['VinaPhone', ['081', '082', '083', '084', '085', '088', '091', '094']],
    ['MobiFone', ['070', '076', '077', '078', '079', '0896', '090', '093']],
    ['Vietnamobile', ['0522', '056', '058', '092']],
    ['Gmobile', ['059', '0993', '0994', '0995', '0996', '0997']],
    ['Itelecom', ['0998', '0999']],
    ['Reddi', ['0559']],
  ])('the prefixes of %s', (carrier, carrierPrefixes) => {
    for (const prefix of carrierPrefixes) {
      const number = prefix + '1234567'.slice(prefix.length - 3);
      expect(parsed(number).details, number).toMatchObject({ type: 'mobile', carrier });
    }
  });

  it.each([
    ['0168 123 4567', 'phone:+84381234567', 'Viettel'],
    ['01695678945', 'phone:+84395678945', 'Viettel'],
    ['+84 169 567 8945', 'phone:+84395678945', 'Viettel'],
    ['0120 123 4567', 'phone:+84701234567', 'MobiFone'],
    ['0123.456.7890', 'phone:+84834567890', 'VinaPhone'],
    ['0186 123 4567', 'phone:+84561234567', 'Vietnamobile'],
    ['0199 123 4567', 'phone:+84591234567', 'Gmobile'],
  ])('old 11-digit %s is %s (%s)', (input, key, carrier) => {
    const phone = parsed(input);
    expect(phone.key).toBe(key);
    expect(phone.details.carrier).toBe(carrier);
    expect(phone.details.convertedFrom).toBe(`0${input.replace(/\D/g, '').replace(/^(84|0)/, '')}`);
  });

  it('reads 84 as the country code only when a Vietnamese number follows, since 084 is also a mobile prefix', () => {
    expect(parsed('841 234 567').key).toBe('phone:+84841234567');
    expect(parsed('84 841 234 567').key).toBe('phone:+84841234567');
  });

  it('converts the old VSAT range 0992 to 0672', () => {
    const phone = parsed('0992 123 456');
    expect(phone.key).toBe('phone:+84672123456');
    expect(phone.details).toMatchObject({ type: 'unknown', carrier: null, convertedFrom: '0992123456' });
  });
});

describe('parsePhone: landlines, service numbers, short codes', () => {
  it.each([
    ['024 3825 1234', 'phone:+842438251234', '024 3825 1234'],
    ['(024) 38251234', 'phone:+842438251234', '024 3825 1234'],
    ['+84 24 3825 1234', 'phone:+842438251234', '024 3825 1234'],
    ['84 (0)24 3825 1234', 'phone:+842438251234', '024 3825 1234'],
    ['028 3829 1234', 'phone:+842838291234', '028 3829 1234'],
    ['0233 3852 123', 'phone:+842333852123', '0233 3852 123'],
  ])('%s is the landline %s', (input, key, display) => {
    expect(parsed(input)).toMatchObject({ key, display, details: { type: 'landline', carrier: null } });
  });

  it("maps Hà Nội's pre-2017 area code 04 to 024", () => {
    const phone = parsed('04 3825 1234');
    expect(phone.key).toBe('phone:+842438251234');
    expect(phone.details.convertedFrom).toBe('0438251234');
  });

  it.each([
    ['1900 1234', 'phone:19001234', '1900 1234', 'service_1900'],
    ['1900-123-456', 'phone:1900123456', '1900 123456', 'service_1900'],
    ['+84 1900 1234', 'phone:19001234', '1900 1234', 'service_1900'],
    ['1800 1091', 'phone:18001091', '1800 1091', 'service_1800'],
    ['1800.599.920', 'phone:1800599920', '1800 599920', 'service_1800'],
  ])('%s is the service number %s', (input, key, display, type) => {
    expect(parsed(input)).toMatchObject({ key, display, details: { type, country: 'VN' } });
  });

  it.each(['111', '113', '114', '115', '9029', '5656', '1414', '12345'])('%s is a short code', (input) => {
    expect(parsed(input)).toMatchObject({
      key: `phone:sc:${input}`,
      display: input,
      details: { type: 'short_code', country: 'VN' },
    });
  });
});

describe('parsePhone: foreign numbers', () => {
  it.each([
    ['+1 202-456-1111', 'phone:+12024561111', '+1 202 456 1111', 'US'],
    ['001 202 456 1111', 'phone:+12024561111', '+1 202 456 1111', 'US'],
    ['+44 20 7946 0958', 'phone:+442079460958', '+44 20 7946 0958', 'GB'],
    ['+855 12 345 678', 'phone:+85512345678', '+855 12 345 678', 'KH'],
    ['00855 12 345 678', 'phone:+85512345678', '+855 12 345 678', 'KH'],
    ['+86 138 0013 8000', 'phone:+8613800138000', '+86 138 0013 8000', 'CN'],
    ['+800 1234 5678', 'phone:+80012345678', '+800 1234 5678', 'ZZ'],
  ])('%s is %s', (input, key, display, country) => {
    expect(parsed(input)).toMatchObject({
      key,
      display,
      details: { type: 'foreign', country, carrier: null },
    });
  });
});

describe('parsePhone: failures', () => {
  it.each([
    ['', 'phone.empty'],
    ['   ', 'phone.empty'],
    [' ( ) - ', 'phone.empty'],
    ['+', 'phone.empty'],
    ['abc', 'phone.not_a_number'],
    ['09l2 345 678', 'phone.not_a_number'],
    ['0912 345 678 ext 5', 'phone.not_a_number'],
    ['0912+345678', 'phone.not_a_number'],
    ['++84912345678', 'phone.not_a_number'],
    ['12', 'phone.too_short'],
    ['123456', 'phone.too_short'],
    ['0', 'phone.too_short'],
    ['091 234 567', 'phone.too_short'],
    ['024 3825 123', 'phone.too_short'],
    ['+84 91234', 'phone.too_short'],
    ['1900 12', 'phone.too_short'],
    ['0912 345 6789', 'phone.too_long'],
    ['+84 912 345 678 9', 'phone.too_long'],
    ['1900 1234 5678', 'phone.too_long'],
    ['0182 123 4567', 'phone.invalid_prefix'],
    // Found by the property test: a second trunk 0 after +84 (0).
    ['+84 (0)01 90 00 00 00', 'phone.invalid_prefix'],
    ['0100 000 0000', 'phone.invalid_prefix'],
    ['0200 123 4567', 'phone.invalid_prefix'],
    ['0520 123 456', 'phone.invalid_prefix'],
    ['0123 456 789', 'phone.invalid_prefix'],
    ['020 3821 234', 'phone.old_area_code'],
    ['053 3852 123', 'phone.old_area_code'],
    ['064 3852 123', 'phone.old_area_code'],
    ['08 0123 4567', 'phone.old_area_code'],
    ['04 1234 5678', 'phone.invalid'],
    ['+1 202', 'phone.too_short'],
    ['+44 20 7946 0958 1234 5', 'phone.too_long'],
    ['+999 1234 5678', 'phone.invalid'],
    ['+1 000 000 0000', 'phone.invalid'],
    ['+0912345678', 'phone.invalid'],
  ])('%j fails with %s', (input, code) => {
    const result = parsePhone(input);
    expect(result.ok ? `ok ${result.value.key}` : result.code).toBe(code);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it("reads an old TP.HCM number 08 + 8 digits as today's 08x mobile number, which it now dials", () => {
    expect(parsed('08 3829 1234')).toMatchObject({ key: 'phone:+84838291234', details: { type: 'mobile' } });
  });
});

describe('looksLikePhone', () => {
  it.each(['0912 345 678', '+84 912 345 678', '84912345678', '0168 123 4567', '024 3825 1234', '1900 1234'])(
    '%s looks like a phone number',
    (input) => expect(looksLikePhone(input)).toBe(true),
  );
  it.each(['113', '2025', 'abc 0912', '12.500.000', '0912', 'https://0912345678.vn', '9'.repeat(41)])(
    '%s does not',
    (input) => expect(looksLikePhone(input)).toBe(false),
  );
});

const digits = (minLength: number, maxLength = minLength) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

/** Valid Vietnamese mobile numbers, with the carrier of the longest table prefix they start with. */
const prefixes = Object.entries(MOBILE_CARRIER_BY_PREFIX);
const vietnameseMobile = fc
  .record({ entry: fc.constantFrom(...prefixes), rest: digits(8) })
  .map(({ entry: [prefix, carrier], rest }) => ({ nsn: (prefix + rest).slice(0, 9), prefix, carrier }))
  .filter(
    ({ nsn, prefix }) => !prefixes.some(([other]) => other.length > prefix.length && nsn.startsWith(other)),
  )
  .filter(({ nsn }) => isValidPhoneNumber(`+84${nsn}`));

const grouped = (text: string, separator: string, size: number) =>
  text.replace(new RegExp(`(\\d{${size}})(?=\\d)`, 'g'), `$1${separator}`);

/** Strings shaped like what people paste: a prefix, then digits in groups; about a quarter are valid. */
const phoneLike = fc
  .tuple(
    fc.oneof(
      fc.tuple(
        fc.constantFrom('0', '+84 ', '84', '0084', '(+84) ', '+84 (0)', ''),
        fc.oneof(
          vietnameseMobile.map(({ nsn }) => nsn),
          fc.tuple(fc.constantFrom(...'123457890'), digits(7, 10)).map(([first, rest]) => first + rest),
          fc.tuple(fc.constantFrom('1800', '1900', '12', '16', '18'), digits(2, 7)).map(([a, b]) => a + b),
        ),
      ),
      fc.tuple(fc.constantFrom('+1 ', '+44 ', '+855 ', '+86 ', '00', '+', ''), digits(1, 12)),
    ),
    fc.constantFrom(' ', '.', '-', ''),
    fc.integer({ min: 2, max: 4 }),
  )
  .map(([[prefix, rest], separator, size]) => prefix + grouped(rest, separator, size));

describe('parsePhone: properties', () => {
  it('never throws, and fails with a phone.* code', () => {
    const longDigits = fc
      .tuple(fc.constantFrom('+', '00', '0', '84', ''), digits(0, 400))
      .map(([p, d]) => p + d);
    // fc.string({ unit: 'binary' }) is fast-check 4's full-Unicode string (fullUnicodeString before).
    for (const text of [fc.string(), fc.string({ unit: 'binary' }), phoneLike, longDigits]) {
      fc.assert(
        fc.property(text, (input) => {
          const result = parsePhone(input);
          if (!result.ok) expect(result.code).toMatch(/^phone\.[a-z_]+$/);
          looksLikePhone(input);
        }),
      );
    }
  });

  it('parses its own display and e164 to the same key', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const result = parsePhone(input);
        if (!result.ok) return;
        const { key, display, details } = result.value;
        expect(key).not.toMatch(/\s/);
        expect(parsed(display).key).toBe(key);
        expect(parsed(details.e164).key).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every valid mobile number of the prefix table its carrier, however it is written', () => {
    fc.assert(
      fc.property(
        vietnameseMobile,
        fc.constantFrom('0', '+84 ', '84', '0084'),
        ({ nsn, carrier }, prefix) => {
          const phone = parsed(prefix + nsn);
          expect(phone.key).toBe(`phone:+84${nsn}`);
          expect(phone.details).toMatchObject({ type: 'mobile', carrier, convertedFrom: null });
          expect(looksLikePhone(phone.display)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('uses each old and each new prefix of the 2018 conversion once', () => {
    const olds = MOBILE_PREFIX_CONVERSION_2018.map((row) => row.oldPrefix);
    const news = MOBILE_PREFIX_CONVERSION_2018.map((row) => row.newPrefix);
    expect(new Set(olds).size).toBe(21);
    expect(new Set(news).size).toBe(21);
  });

  it('converts every old 11-digit number to the new prefix, whose carrier agrees with the decision', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIX_CONVERSION_2018), digits(7), (row, subscriber) => {
        const phone = parsed(row.oldPrefix + subscriber);
        expect(phone.key).toBe(`phone:+84${row.newPrefix.slice(1)}${subscriber}`);
        expect(phone.details).toMatchObject({
          type: 'mobile',
          carrier: row.carrier,
          convertedFrom: row.oldPrefix + subscriber,
        });
        expect(parsed(phone.display).key).toBe(phone.key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shortcut for known mobile prefixes', () => {
  // Every three-digit prefix a mobile number could have, each with its lowest, highest and a few random
  // numbers (and their old 11-digit forms where there is one): the shortcut gives what libphonenumber does.
  const random = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const next = random(84);
  const rests = () => [
    '000000',
    '999999',
    ...Array.from({ length: 4 }, () => String(Math.floor(next() * 1_000_000)).padStart(6, '0')),
  ];

  it('agrees with the full parse on every prefix', () => {
    let mobiles = 0;
    for (let p = 300; p <= 999; p++) {
      const prefix = String(p);
      if (!/^[35789]/.test(prefix)) continue;
      for (const rest of rests()) {
        const nsn = `${prefix}${rest}`;
        const full = parseVietnameseWithLibrary(nsn);
        const parsed = parsePhone(`0${nsn}`);
        if (full) {
          expect(parsed, nsn).toEqual({ ok: true, value: full });
          if (full.details.type === 'mobile') mobiles++;
        } else {
          expect(parsed.ok, nsn).toBe(false);
        }
      }
    }
    // Sanity: the plan has dozens of mobile prefixes (032–039, 05x, 07x, 08x, 09x).
    expect(mobiles).toBeGreaterThan(200);
  });

  it('keeps the old 11-digit form it was converted from', () => {
    const parsed = parsePhone('0168 123 4567');
    expect(parsed).toEqual({ ok: true, value: parseVietnameseWithLibrary('1681234567') });
    expect(parsed.ok && parsed.value.details.convertedFrom).toBe('01681234567');
  });
});
