import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { MOBILE_CARRIER_BY_PREFIX } from './data/phone/mobile-carriers.js';
import {
  MOBILE_PREFIX_CONVERSION_2018,
  VSAT_PREFIX_CONVERSION_2018,
} from './data/phone/prefix-conversion-2018.js';
import { fail, ok, type IdentifierBase, type ParseFailure, type ParseResult } from './types.js';

export type PhoneType =
  'mobile' | 'landline' | 'service_1800' | 'service_1900' | 'short_code' | 'foreign' | 'unknown';

export type PhoneIdentifier = IdentifierBase<
  'phone',
  {
    /** E.164 (`+84912345678`); for a short code, which has no E.164 form, the digits as dialled. */
    e164: string;
    /** ISO 3166 alpha-2 ('VN'); 'ZZ' for non-geographic codes such as +800 and +882. */
    country: string;
    type: PhoneType;
    /** Original carrier of a Vietnamese mobile prefix (numbers can be ported since); null when unknown. */
    carrier: string | null;
    /** The old national form (with its 0) when the input used a retired prefix, e.g. `01681234567`. */
    convertedFrom: string | null;
  }
>;

/** Separators people put between digit groups: white space (NBSP too), dots, hyphens, dashes, brackets. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212()]/g;
/** 1800 (free) and 1900 (premium) numbers are dialled as they are, without a 0 and not from abroad. */
const SERVICE_NUMBER = /^1[89]00/;
const OLD_MOBILE_PREFIX = new Map(
  MOBILE_PREFIX_CONVERSION_2018.map((row) => [row.oldPrefix.slice(1), row.newPrefix.slice(1)]),
);

/**
 * Parses a phone number as a citizen would write it, Vietnamese or foreign, into one canonical key:
 * `phone:+84912345678` for dialable numbers, `phone:19001234` for 1800/1900 numbers, `phone:sc:113` for
 * short codes. Old 11-digit mobile numbers (2018) and Hà Nội's old 04 area code (2017) become their new
 * form, so a number is one record however old the poster it was copied from.
 */
export function parsePhone(input: string): ParseResult<PhoneIdentifier> {
  // NFKC folds full-width digits and plus signs (０９１２…, ＋84) that some keyboards and PDFs produce;
  // ASCII, what is typed nearly always, is already in that form.
  const normalised = isAscii(input) ? input : input.normalize('NFKC');
  const compact = normalised.trim().replace(/^tel:/i, '').replace(SEPARATORS, '');
  if (compact === '') return fail('phone.empty', 'No phone number was given.');
  if (!/^\+?\d*$/.test(compact)) {
    const stray = /[^\d+]/u.exec(compact)?.[0];
    return fail(
      'phone.not_a_number',
      stray === undefined
        ? 'A "+" may only stand at the start of a phone number.'
        : `A phone number has only digits, an optional leading "+" and separators; "${stray}" is none of these.`,
    );
  }
  const plus = compact.startsWith('+');
  const digits = plus ? compact.slice(1) : compact;
  if (digits === '') return fail('phone.empty', 'A "+" alone is not a phone number.');

  // Which numbering plan the digits belong to is decided by how they start.
  if (plus || digits.startsWith('00')) {
    const international = plus ? digits : digits.slice(2); // 00 is Vietnam's international prefix
    return international.startsWith('84')
      ? parseVietnamese(withoutTrunkZero(international.slice(2)))
      : parseForeign(`+${international}`);
  }
  if (digits.startsWith('0')) return parseVietnamese(digits.slice(1));
  // 84 without "+" counts as the country code only when the rest has a Vietnamese length: a national
  // number without its 0 has at most 10 digits, so 84 + 9 or 10 digits cannot be one.
  if (digits.startsWith('84')) {
    const afterCountryCode = withoutTrunkZero(digits.slice(2));
    if (/^(?:\d{9,10}|1[89]00\d{4,6})$/.test(afterCountryCode)) return parseVietnamese(afterCountryCode);
  }
  if (!SERVICE_NUMBER.test(digits) && digits.length >= 3 && digits.length <= 5) return shortCode(digits);
  // A national number without its trunk 0 (912 345 678), or a service number.
  return parseVietnamese(digits);
}

/**
 * A cheap test of whether a token of free text is worth handing to `parsePhone`: the shapes of a
 * Vietnamese number with +84/84/0084/0, a 1800/1900 number, or an international number with + or 00.
 * Short codes are not matched: every 3–5 digit number in a message would be.
 */
export function looksLikePhone(input: string): boolean {
  if (input.length > 40) return false;
  const compact = input.normalize('NFKC').trim().replace(/^tel:/i, '').replace(SEPARATORS, '');
  return /^(?:\+\d{7,15}|00\d{7,15}|0\d{8,10}|84\d{9,11}|1[89]00\d{4,6})$/.test(compact);
}

function isAscii(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) >= 0x80) return false;
  return true;
}

/** "+84 (0)912 345 678" keeps the trunk 0 in brackets; it is not part of the number. */
function withoutTrunkZero(nationalDigits: string): string {
  return nationalDigits.startsWith('0') ? nationalDigits.slice(1) : nationalDigits;
}

/** `nsn` is the national significant number: the digits after +84 or after the trunk 0. */
function parseVietnamese(nsn: string): ParseResult<PhoneIdentifier> {
  // Only one trunk 0 is ever written ("+84 (0)912…"); a second one (+84 00…) is not a Vietnamese number,
  // and libphonenumber would quietly drop it, giving the same digits two different keys.
  if (nsn.startsWith('0'))
    return fail(
      'phone.invalid_prefix',
      'After +84 or the leading 0, a Vietnamese number cannot start with another 0.',
    );
  if (SERVICE_NUMBER.test(nsn)) return parseServiceNumber(nsn);
  const converted = convertRetiredPrefix(nsn);
  const mobile = knownMobile(converted.nsn, converted.from);
  if (mobile) return ok(mobile);
  const number = parsePhoneNumberFromString(`+84${converted.nsn}`);
  if (number?.isValid()) return ok(vietnameseNumber(number, converted.from));
  if (converted.from !== null) {
    return fail(
      'phone.invalid',
      `${converted.from} converts to 0${converted.nsn}, which is not a valid number.`,
    );
  }
  return diagnoseVietnamese(nsn);
}

/** Old forms whose new form is certain: 11-digit mobiles (2018), VSAT 0992 (2018), Hà Nội 04 (2017). */
function convertRetiredPrefix(nsn: string): { nsn: string; from: string | null } {
  const from = `0${nsn}`;
  const newMobilePrefix = OLD_MOBILE_PREFIX.get(nsn.slice(0, 3));
  if (nsn.length === 10 && newMobilePrefix !== undefined) {
    return { nsn: newMobilePrefix + nsn.slice(3), from };
  }
  const vsat = VSAT_PREFIX_CONVERSION_2018;
  if (nsn.length === 9 && from.startsWith(vsat.oldPrefix)) {
    return { nsn: vsat.newPrefix.slice(1) + nsn.slice(3), from };
  }
  // Hà Nội's 04 became 024 with the 8-digit subscriber number kept. No current number starts with 04,
  // so the old form is unambiguous. TP.HCM's 08 → 028 is not converted: 08 + 8 digits is also the
  // shape of today's 08x mobile numbers.
  if (nsn.length === 9 && nsn.startsWith('4')) return { nsn: `2${nsn}`, from };
  return { nsn, from: null };
}

/**
 * Mobile numbers are most of what citizens check. In Vietnam's numbering plan (and libphonenumber's data
 * for it) a mobile number has 9 digits after the 0, and whether it is valid is decided by its first three
 * digits. So libphonenumber is asked once per three-digit prefix, on the prefix's lowest and highest
 * numbers, and a number under a prefix it called mobile is built directly, the way it would build it:
 * a tenth of the time of a full parse (phone.test.ts compares the two on every prefix).
 */
const MOBILE_SHAPE = /^[35789]\d{8}$/;
const mobilePrefixes = new Map<string, boolean>();

function knownMobile(nsn: string, convertedFrom: string | null): PhoneIdentifier | null {
  if (!MOBILE_SHAPE.test(nsn)) return null;
  const prefix = nsn.slice(0, 3);
  let mobile = mobilePrefixes.get(prefix);
  if (mobile === undefined) {
    mobile = ['000000', '999999'].every((rest) => {
      const number = parsePhoneNumberFromString(`+84${prefix}${rest}`);
      return (
        number?.isValid() === true &&
        number.getType() === 'MOBILE' &&
        number.formatNational() === mobileDisplay(`${prefix}${rest}`)
      );
    });
    mobilePrefixes.set(prefix, mobile);
  }
  if (!mobile) return null;
  const e164 = `+84${nsn}`;
  return {
    kind: 'phone',
    key: `phone:${e164}`,
    display: mobileDisplay(nsn),
    details: { e164, country: 'VN', type: 'mobile', carrier: mobileCarrier(nsn), convertedFrom },
  };
}

/** 0912 345 678: the national format of a 9-digit mobile number. */
function mobileDisplay(nsn: string): string {
  return `0${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
}

/** The full parse by libphonenumber, without the shortcut for known mobile prefixes (for tests). */
export function parseVietnameseWithLibrary(nsn: string): PhoneIdentifier | null {
  const converted = convertRetiredPrefix(nsn);
  const number = parsePhoneNumberFromString(`+84${converted.nsn}`);
  return number?.isValid() ? vietnameseNumber(number, converted.from) : null;
}

function vietnameseNumber(number: PhoneNumber, convertedFrom: string | null): PhoneIdentifier {
  const numberType = number.getType();
  const type = numberType === 'MOBILE' ? 'mobile' : numberType === 'FIXED_LINE' ? 'landline' : 'unknown';
  return {
    kind: 'phone',
    key: `phone:${number.number}`,
    display: number.formatNational(),
    details: {
      e164: number.number,
      country: 'VN',
      type,
      carrier: type === 'mobile' ? mobileCarrier(number.nationalNumber) : null,
      convertedFrom,
    },
  };
}

/** The longest prefix in the carrier table: longer ones need not be looked up. */
const LONGEST_CARRIER_PREFIX = Math.max(
  ...Object.keys(MOBILE_CARRIER_BY_PREFIX).map((prefix) => prefix.length),
);

function mobileCarrier(nsn: string): string | null {
  for (let length = Math.min(nsn.length, LONGEST_CARRIER_PREFIX); length > 0; length--) {
    const carrier = MOBILE_CARRIER_BY_PREFIX[nsn.slice(0, length)];
    if (carrier !== undefined) return carrier;
  }
  return null;
}

/**
 * Why a Vietnamese number is not valid, judged by its first digit (2 landline; 3, 5, 7, 8, 9 mobile) and its
 * length. Messages count the digits after the 0 or +84, which is the same whichever way it was written.
 */
function diagnoseVietnamese(nsn: string): ParseFailure {
  const count = `this has ${nsn.length}`;
  const first = nsn.charAt(0);
  if (nsn.length > 10 || (nsn.length === 10 && first !== '1' && first !== '2')) {
    return fail(
      'phone.too_long',
      `Vietnamese numbers have 9 digits after the 0 or +84 (mobile) or 10 (landline, 02…); ${count}. ` +
        'A landline with a pre-2017 area code such as 0511 must be written with its new 02xx code.',
    );
  }
  // The 2017 area-code change (Quyết định 2036/QĐ-BTTTT): 020, 022, 025, 026, 027, 029 + 7 digits were
  // Lào Cai, Sơn La, Lạng Sơn, Cao Bằng, Tuyên Quang and Yên Bái (now 0214, 0212, 0205, 0206, 0207, 0216).
  // 05x–07x + 7 digits and 08 + 8 digits outside every mobile range are the same story further south
  // (Quảng Trị 053 → 0233, TP.HCM 08 → 028). Where a mobile range covers the prefix, an unallocated
  // mobile number is the likelier reading.
  if (nsn.length === 9 && /^(?:2[025679]|[5-8])/.test(nsn) && mobileCarrier(nsn) === null) {
    return fail(
      'phone.old_area_code',
      `0${nsn.slice(0, 2)} followed by ${nsn.length - 2} digits looks like a landline with a pre-2017 area code; ` +
        'area codes changed in 2017 (e.g. Quảng Trị 053 → 0233, TP.HCM 08 → 028). Write it with the new code.',
    );
  }
  if (first === '2' && nsn.length < 10) {
    return fail(
      'phone.too_short',
      `Vietnamese landlines have 10 digits after the 0 or +84 (02xx + 7, or 024/028 + 8); ${count}.`,
    );
  }
  if (nsn.length < 9) {
    return fail('phone.too_short', `Vietnamese mobile numbers have 9 digits after the 0 or +84; ${count}.`);
  }
  if (first === '1' && nsn.length === 10) {
    return fail(
      'phone.invalid_prefix',
      `0${nsn.slice(0, 3)} is not one of the 11-digit mobile prefixes converted to 10 digits in 2018.`,
    );
  }
  return fail(
    'phone.invalid_prefix',
    first === '2'
      ? `0${nsn.slice(0, 3)} is not a Vietnamese area code in use.`
      : `0${nsn.slice(0, 3)} does not begin an allocated Vietnamese mobile number range.`,
  );
}

function parseServiceNumber(digits: string): ParseResult<PhoneIdentifier> {
  const kind = digits.startsWith('1800') ? '1800 (free)' : '1900 (premium-rate)';
  if (digits.length < 8 || digits.length > 10) {
    const code = digits.length < 8 ? 'phone.too_short' : 'phone.too_long';
    return fail(code, `${kind} numbers have 8 to 10 digits; this has ${digits.length}.`);
  }
  const number = parsePhoneNumberFromString(`+84${digits}`);
  if (!number?.isValid()) return fail('phone.invalid', `${digits} is not a valid ${kind} number.`);
  return ok({
    kind: 'phone',
    key: `phone:${digits}`,
    display: number.formatNational(),
    details: {
      e164: number.number,
      country: 'VN',
      type: digits.startsWith('1800') ? 'service_1800' : 'service_1900',
      carrier: null,
      convertedFrom: null,
    },
  });
}

/** 3–5 digits without a prefix: emergency numbers (111–115), operator and SMS short codes (9029, 5656). */
function shortCode(digits: string): ParseResult<PhoneIdentifier> {
  return ok({
    kind: 'phone',
    key: `phone:sc:${digits}`,
    display: digits,
    details: { e164: digits, country: 'VN', type: 'short_code', carrier: null, convertedFrom: null },
  });
}

function parseForeign(e164: string): ParseResult<PhoneIdentifier> {
  const lengthProblem = validatePhoneNumberLength(e164);
  if (lengthProblem === 'TOO_SHORT') return fail('phone.too_short', `${e164} is too short for its country.`);
  if (lengthProblem === 'TOO_LONG') return fail('phone.too_long', `${e164} is too long for its country.`);
  if (lengthProblem === 'INVALID_COUNTRY') {
    return fail('phone.invalid', `${e164} does not start with a country calling code in use.`);
  }
  const number = parsePhoneNumberFromString(e164);
  if (!number?.isValid()) {
    return fail('phone.invalid', `${e164} is not a valid number in its country's plan.`);
  }
  return ok({
    kind: 'phone',
    key: `phone:${number.number}`,
    display: number.formatInternational(),
    details: {
      e164: number.number,
      country: number.country ?? 'ZZ',
      type: 'foreign',
      carrier: null,
      convertedFrom: null,
    },
  });
}
