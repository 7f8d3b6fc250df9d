/**
 * VietQR: the EMVCo merchant-presented QR payload that Vietnamese banking apps scan to transfer money
 * through NAPAS. A payload is a list of fields `ID(2 digits) LENGTH(2 digits) VALUE`; some values are
 * themselves such lists (templates). A scam's payment QR carries the receiving account, so parsing it
 * yields the same `bank_account:` key as the account typed by hand.
 *
 * Layout read here (NAPAS "Technical Specifications on NAPAS QR Switching", EMVCo MPM):
 *   00 payload format "01" · 01 initiation "11" static / "12" dynamic
 *   26–51 merchant account templates; NAPAS's has 00 = GUID A000000727, 01 = beneficiary template
 *         (00 BIN, 01 account or card number), 02 = service code QRIBFTTA (account) / QRIBFTTC (card)
 *   52 MCC · 53 currency (704 = VND) · 54 amount · 58 country · 59 name · 60 city
 *   62 additional data (01 bill, 05 reference, 07 terminal, 08 purpose/message, …) · 63 CRC, always last
 *
 * Decisions:
 * - Lengths count UTF-8 bytes, as the CRC does (vietqr-ts encodes "Thanh toán hóa đơn" as 22). Some
 *   generators count characters instead; a payload with non-ASCII text that does not parse by bytes is
 *   parsed again by characters (`lengthUnit` tells which worked).
 * - A nested template whose inner lengths do not add up is rejected (`vietqr.bad_nested`), never
 *   repaired. The NAPAS v1.5.2 worked example declares length 12 for a 13-digit account: a repair would
 *   have to guess whether the account is 12 or 13 digits, and a wrong guess files a report against
 *   somebody else's account. The corrected example parses.
 * - The service code belongs in the NAPAS template (38.02); vietqr-ts's samples put it inside the
 *   beneficiary template (38.01.02). That position is unambiguous, so it is accepted too.
 * - Without a service code, the number is an account unless it looks like a card (see account.ts).
 * - A number sent with service "account" that looks like a card is keyed as a card, as everywhere else,
 *   so that the full card number never ends up in a key.
 */
import {
  bankAccountIdentifier,
  cardIdentifier,
  looksLikeCard,
  normaliseAccountNumber,
  type AccountHolderInstitution,
  type BankAccountIdentifier,
  type CardIdentifier,
} from './account.js';
import { bankByBin, walletByBin } from './banks.js';
import { fail, ok, type ParseFailure, type ParseResult } from './types.js';

export const NAPAS_GUID = 'A000000727';
export const SERVICE_ACCOUNT = 'QRIBFTTA';
export const SERVICE_CARD = 'QRIBFTTC';
const VND = '704';

export interface VietQrAdditionalData {
  billNumber?: string;
  mobileNumber?: string;
  storeLabel?: string;
  loyaltyNumber?: string;
  referenceLabel?: string;
  customerLabel?: string;
  terminalLabel?: string;
  purpose?: string;
  consumerDataRequest?: string;
}

export interface VietQr {
  payloadFormat: string;
  initiation: 'static' | 'dynamic';
  bin: string;
  bankCode: string;
  bankName: string;
  /** The receiving account's digits (service "account"). */
  account?: string;
  /** The receiving card, masked like `9704 03•• •••• 4567` (service "card"). */
  card?: string;
  /** For other services (QRCASH at an ATM, QRPUSH to a merchant): the beneficiary id, not an account. */
  merchantId?: string;
  service: 'account' | 'card' | null;
  /** The service code as written, e.g. `QRIBFTTA`, `QRCASH`; `null` when absent. */
  serviceCode: string | null;
  /** Whole đồng, or `null` when the payer types the amount. */
  amount: number | null;
  currency: string;
  /** The transfer message (62.08, "purpose of transaction"). */
  message: string | null;
  additionalData: VietQrAdditionalData;
  mcc: string | null;
  merchantName: string | null;
  city: string | null;
  country: string | null;
  lengthUnit: 'utf8_bytes' | 'characters';
  crcValid: true;
  identifiers: Array<BankAccountIdentifier | CardIdentifier>;
}

// ---------------------------------------------------------------------------------------------------
// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor ("123456789" → 0x29B1)
// ---------------------------------------------------------------------------------------------------

export function crc16CcittFalse(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

function crcHex(data: Uint8Array | string): string {
  return crc16CcittFalse(data).toString(16).toUpperCase().padStart(4, '0');
}

// ---------------------------------------------------------------------------------------------------
// TLV over "units": UTF-8 bytes, or Unicode code points for generators that count characters
// ---------------------------------------------------------------------------------------------------

interface Units {
  kind: 'utf8_bytes' | 'characters';
  length: number;
  /** The unit's numeric value (byte or code point). */
  at(index: number): number;
  /** The text of units [from, to), or null if that range splits a character. */
  text(from: number, to: number): string | null;
}

function utf8Units(payload: string): Units {
  const bytes = new TextEncoder().encode(payload);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    kind: 'utf8_bytes',
    length: bytes.length,
    at: (i) => bytes[i] ?? -1,
    text: (from, to) => {
      try {
        return decoder.decode(bytes.subarray(from, to));
      } catch {
        return null;
      }
    },
  };
}

function characterUnits(payload: string): Units {
  const points = Array.from(payload);
  return {
    kind: 'characters',
    length: points.length,
    at: (i) => points[i]?.codePointAt(0) ?? -1,
    text: (from, to) => points.slice(from, to).join(''),
  };
}

interface Field {
  id: string;
  /** Position of the ID; the value is [valueStart, end). */
  start: number;
  valueStart: number;
  end: number;
  value: string;
}

type TlvProblem = { problem: 'truncated' | 'bad_id' | 'bad_length'; message: string };

const isDigitUnit = (unit: number) => unit >= 0x30 && unit <= 0x39;

/** The fields in units [from, to), in order. `where` names the template in messages ("" = top level). */
function readFields(units: Units, from: number, to: number, where: string): Field[] | TlvProblem {
  const fields: Field[] = [];
  const place = (id: string) => (where ? `${where}.${id}` : `ID ${id}`);
  let at = from;
  while (at < to) {
    if (to - at < 4) {
      const previous = fields[fields.length - 1];
      return {
        problem: 'truncated',
        message: previous
          ? `${to - at} unit(s) left over after ${place(previous.id)} (length ${previous.end - previous.valueStart}): a declared length is too short${where ? ` inside ${where}` : ''}.`
          : `${where ? `Template ${where}` : 'The payload'} ends in the middle of a field header (${to - at} of 4 characters).`,
      };
    }
    const header = [0, 1, 2, 3].map((k) => units.at(at + k));
    const idText = units.text(at, at + 2) ?? '??';
    if (!isDigitUnit(header[0]!) || !isDigitUnit(header[1]!)) {
      return {
        problem: 'bad_id',
        message: `Expected a 2-digit field ID${where ? ` in ${where}` : ''}, found "${idText}".`,
      };
    }
    const lengthText = units.text(at + 2, at + 4) ?? '??';
    if (!isDigitUnit(header[2]!) || !isDigitUnit(header[3]!)) {
      return {
        problem: 'bad_length',
        message: `${place(idText)}: the length "${lengthText}" is not 2 digits.`,
      };
    }
    const length = Number(lengthText);
    if (length === 0)
      return { problem: 'bad_length', message: `${place(idText)}: length 00 (a field has 01–99).` };
    const valueStart = at + 4;
    const end = valueStart + length;
    if (end > to) {
      return {
        problem: 'truncated',
        message: `${place(idText)} declares length ${length} but only ${to - valueStart} remain${where ? ` in ${where}` : ''}.`,
      };
    }
    const value = units.text(valueStart, end);
    if (value === null) {
      return {
        problem: 'bad_length',
        message: `${place(idText)}: length ${length} ends inside a multi-byte character.`,
      };
    }
    fields.push({ id: idText, start: at, valueStart, end, value });
    at = end;
  }
  return fields;
}

const isProblem = (x: Field[] | TlvProblem): x is TlvProblem => !Array.isArray(x);

/** A template's fields, or a `vietqr.bad_nested` failure naming where its inner lengths go wrong. */
function readTemplate(units: Units, field: Field, path: string): Map<string, Field> | ParseFailure {
  const inner = readFields(units, field.valueStart, field.end, path);
  if (isProblem(inner)) return fail('vietqr.bad_nested', `Template ${path}: ${inner.message}`);
  const byId = new Map<string, Field>();
  for (const f of inner) {
    if (byId.has(f.id)) return fail('vietqr.bad_nested', `Template ${path} has field ${f.id} twice.`);
    byId.set(f.id, f);
  }
  return byId;
}

const isFailure = <T>(x: T | ParseFailure): x is ParseFailure =>
  typeof x === 'object' && x !== null && 'ok' in x && (x as ParseFailure).ok === false;

const ADDITIONAL_FIELDS: Record<string, keyof VietQrAdditionalData> = {
  '01': 'billNumber',
  '02': 'mobileNumber',
  '03': 'storeLabel',
  '04': 'loyaltyNumber',
  '05': 'referenceLabel',
  '06': 'customerLabel',
  '07': 'terminalLabel',
  '08': 'purpose',
  '09': 'consumerDataRequest',
};

/** What the service code says the beneficiary id is; `infer` when the code is missing. */
function serviceOf(code: string | null): 'account' | 'card' | 'infer' | null {
  if (code === null) return 'infer';
  if (code === SERVICE_ACCOUNT) return 'account';
  if (code === SERVICE_CARD) return 'card';
  return null; // QRCASH, QRPUSH, …: the id is an ATM or a merchant, not an account to transfer to
}

const STRUCTURAL = new Set([
  'vietqr.truncated',
  'vietqr.bad_id',
  'vietqr.bad_length',
  'vietqr.bad_nested',
  'vietqr.missing_crc',
]);

/**
 * Parses a VietQR payload (the text inside the QR code). Never throws. Failure codes: `vietqr.empty`,
 * `vietqr.bad_format`, `vietqr.bad_id`, `vietqr.bad_length`, `vietqr.truncated`, `vietqr.duplicate_tag`,
 * `vietqr.missing_crc`, `vietqr.crc_mismatch`, `vietqr.bad_initiation`, `vietqr.not_napas`,
 * `vietqr.bad_nested`, `vietqr.unknown_bank`, `vietqr.bad_account`, `vietqr.bad_currency`,
 * `vietqr.bad_amount`.
 */
export function parseVietQr(payload: string): ParseResult<VietQr> {
  if (typeof payload !== 'string' || !payload.trim()) return fail('vietqr.empty', 'The QR payload is empty.');
  // Surrounding whitespace comes from copy and paste; the CRC is last, so none of it is payload.
  const text = payload.trim();
  if (!/^00\d\d/.test(text)) {
    return fail(
      'vietqr.bad_format',
      'Not an EMVCo QR payload: it must start with field 00 (payload format), e.g. "000201".',
    );
  }
  const byBytes = parseWith(utf8Units(text));
  // eslint-disable-next-line no-control-regex -- the test is "any character outside ASCII"
  if (byBytes.ok || !STRUCTURAL.has(byBytes.code) || /^[\x00-\x7f]*$/.test(text)) return byBytes;
  const byCharacters = parseWith(characterUnits(text));
  return byCharacters.ok ? byCharacters : byBytes;
}

function parseWith(units: Units): ParseResult<VietQr> {
  const top = readFields(units, 0, units.length, '');
  if (isProblem(top)) return fail(`vietqr.${top.problem}`, top.message);

  const fields = new Map<string, Field>();
  for (const field of top) {
    if (fields.has(field.id)) {
      return fail(
        'vietqr.duplicate_tag',
        `Field ${field.id} appears twice; a payment app may read either one.`,
      );
    }
    fields.set(field.id, field);
  }

  // ---- CRC: field 63, length 04, last; computed over everything before its value ----
  const crcField = fields.get('63');
  const last = top[top.length - 1]!;
  if (!crcField) return fail('vietqr.missing_crc', 'The payload has no CRC (field 63).');
  if (crcField !== last) return fail('vietqr.missing_crc', 'The CRC (field 63) must be the last field.');
  if (crcField.end - crcField.valueStart !== 4) {
    return fail('vietqr.missing_crc', 'The CRC (field 63) must have length 04.');
  }
  const computed = crcHex(units.text(0, crcField.valueStart) ?? '');
  if (crcField.value.toUpperCase() !== computed) {
    return fail(
      'vietqr.crc_mismatch',
      `CRC mismatch: the payload says "${crcField.value}", its content gives "${computed}".`,
    );
  }

  const payloadFormat = fields.get('00')?.value;
  if (top[0]?.id !== '00' || payloadFormat !== '01') {
    return fail(
      'vietqr.bad_format',
      `Payload format (field 00, first) must be "01", found "${payloadFormat ?? ''}".`,
    );
  }
  const initiationValue = fields.get('01')?.value;
  if (initiationValue !== '11' && initiationValue !== '12') {
    return fail(
      'vietqr.bad_initiation',
      `Point of initiation (field 01) must be "11" (static) or "12" (dynamic), found "${initiationValue ?? 'nothing'}".`,
    );
  }

  // ---- the NAPAS merchant account template among 26–51 ----
  const napas: Array<{ field: Field; inner: Map<string, Field> | ParseFailure }> = [];
  const otherSchemes: string[] = [];
  for (const field of top) {
    const id = Number(field.id);
    if (id < 26 || id > 51) continue;
    const inner = readTemplate(units, field, field.id);
    const guid = isFailure(inner) ? null : (inner.get('00')?.value ?? null);
    // A template whose inner lengths are broken is still NAPAS's when its first sub-field says so.
    if (guid?.toUpperCase() === NAPAS_GUID || field.value.toUpperCase().startsWith(`0010${NAPAS_GUID}`)) {
      napas.push({ field, inner });
    } else {
      otherSchemes.push(guid ? `${field.id} (${guid})` : field.id);
    }
  }
  if (napas.length === 0) {
    return fail(
      'vietqr.not_napas',
      otherSchemes.length
        ? `No NAPAS (${NAPAS_GUID}) account; merchant account templates found: ${otherSchemes.join(', ')}.`
        : `No merchant account template (fields 26–51) with the NAPAS GUID ${NAPAS_GUID}.`,
    );
  }
  if (napas.length > 1) {
    return fail(
      'vietqr.duplicate_tag',
      `Several NAPAS templates (${napas.map((n) => n.field.id).join(', ')}).`,
    );
  }
  const { field: napasField, inner: napasInner } = napas[0]!;
  if (isFailure(napasInner)) return napasInner;
  const beneficiaryField = napasInner.get('01');
  if (!beneficiaryField) {
    return fail('vietqr.bad_nested', `Template ${napasField.id} has no beneficiary (sub-field 01).`);
  }
  const beneficiary = readTemplate(units, beneficiaryField, `${napasField.id}.01`);
  if (isFailure(beneficiary)) return beneficiary;
  const bin = beneficiary.get('00')?.value;
  const beneficiaryId = beneficiary.get('01')?.value;
  if (bin === undefined || beneficiaryId === undefined) {
    return fail(
      'vietqr.bad_nested',
      `Template ${napasField.id}.01 needs the bank BIN (00) and the account or card (01).`,
    );
  }
  const serviceCode = (napasInner.get('02') ?? beneficiary.get('02'))?.value ?? null;

  // ---- bank ----
  if (!/^\d{6}$/.test(bin)) return fail('vietqr.unknown_bank', `The bank BIN "${bin}" is not 6 digits.`);
  const wallet = walletByBin(bin);
  const institution: AccountHolderInstitution | null =
    bankByBin(bin) ?? (wallet ? { bin, code: wallet.provider, shortName: wallet.name } : null);
  if (!institution) return fail('vietqr.unknown_bank', `No bank or e-wallet with BIN ${bin} is known.`);

  // ---- the receiving account or card ----
  const service = serviceOf(serviceCode);
  const identity: Pick<VietQr, 'account' | 'card' | 'merchantId'> = {};
  const identifiers: Array<BankAccountIdentifier | CardIdentifier> = [];
  if (service === null) {
    identity.merchantId = beneficiaryId;
  } else {
    const digits = beneficiaryId.replace(/[\s.-]/g, '');
    if (service === 'card') {
      if (!/^\d{16,19}$/.test(digits)) {
        return fail('vietqr.bad_account', `A card number has 16–19 digits; the QR gives "${beneficiaryId}".`);
      }
      identifiers.push(cardIdentifier(digits));
    } else if (looksLikeCard(digits)) {
      identifiers.push(cardIdentifier(digits));
    } else {
      const account = normaliseAccountNumber(beneficiaryId);
      if (typeof account !== 'string') return fail('vietqr.bad_account', account.message);
      identifiers.push(bankAccountIdentifier(institution, account));
    }
    const identifier = identifiers[0]!;
    if (identifier.kind === 'card') identity.card = identifier.display;
    else identity.account = identifier.details.account;
  }

  // ---- currency and amount ----
  const currency = fields.get('53')?.value;
  if (currency !== VND) {
    return fail(
      'vietqr.bad_currency',
      `VietQR transfers are in đồng (currency 704); the QR says "${currency ?? 'nothing'}".`,
    );
  }
  let amount: number | null = null;
  const amountField = fields.get('54');
  if (amountField) {
    // EMVCo allows a decimal point; the đồng has no minor unit, so only ".0…" may follow.
    const match = /^(\d{1,13})(?:\.0*)?$/.exec(amountField.value);
    amount = match ? Number(match[1]) : null;
    if (amount === null || amount <= 0) {
      return fail(
        'vietqr.bad_amount',
        `The amount "${amountField.value}" is not a positive whole number of đồng.`,
      );
    }
  }

  // ---- additional data ----
  const additionalData: VietQrAdditionalData = {};
  const additionalField = fields.get('62');
  if (additionalField) {
    const additional = readTemplate(units, additionalField, '62');
    if (isFailure(additional)) return additional;
    for (const [id, f] of additional) {
      const name = ADDITIONAL_FIELDS[id];
      if (name) additionalData[name] = f.value;
    }
  }

  const resolvedService: VietQr['service'] =
    service === 'infer' ? (identifiers[0]?.kind === 'card' ? 'card' : 'account') : service;
  return ok({
    payloadFormat,
    initiation: initiationValue === '11' ? 'static' : 'dynamic',
    bin,
    bankCode: institution.code,
    bankName: institution.shortName,
    ...identity,
    service: resolvedService,
    serviceCode,
    amount,
    currency,
    message: additionalData.purpose ?? null,
    additionalData,
    mcc: fields.get('52')?.value ?? null,
    merchantName: fields.get('59')?.value ?? null,
    city: fields.get('60')?.value ?? null,
    country: fields.get('58')?.value ?? null,
    lengthUnit: units.kind,
    crcValid: true,
    identifiers,
  });
}

// ---------------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------------

export interface BuildVietQrInput {
  bin: string;
  account: string;
  /** Whole đồng; makes the QR dynamic (initiation 12). */
  amount?: number;
  /** Transfer message (62.08), at most 95 bytes of UTF-8. Plain ASCII is safest for bank apps. */
  message?: string;
  /** Default `account` (QRIBFTTA); `card` sends to a card number (QRIBFTTC). */
  service?: 'account' | 'card';
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function tlv(id: string, value: string): string {
  return id + String(utf8Length(value)).padStart(2, '0') + value;
}

/**
 * A valid VietQR payload for a transfer to an account (or card) at a known BIN. Never throws; codes:
 * `vietqr.unknown_bank`, `vietqr.bad_account`, `vietqr.bad_amount`, `vietqr.bad_message`.
 */
export function buildVietQr(input: BuildVietQrInput): ParseResult<string> {
  const { bin, account, amount, message, service = 'account' } = input;
  if (typeof bin !== 'string' || !/^\d{6}$/.test(bin) || (!bankByBin(bin) && !walletByBin(bin))) {
    return fail('vietqr.unknown_bank', `No bank or e-wallet with BIN "${String(bin)}" is known.`);
  }
  if (typeof account !== 'string') return fail('vietqr.bad_account', 'The account must be text.');
  const digits = account.normalize('NFKC').replace(/[\s.-]/g, '');
  if (
    service === 'card' ? !/^\d{16,19}$/.test(digits) : typeof normaliseAccountNumber(account) !== 'string'
  ) {
    return fail(
      'vietqr.bad_account',
      `Not a valid ${service} number: it needs ${service === 'card' ? 16 : 6}–19 digits.`,
    );
  }
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)) {
    return fail(
      'vietqr.bad_amount',
      `The amount ${String(amount)} is not a positive whole number of đồng (13 digits at most).`,
    );
  }
  if (message !== undefined) {
    // Lone surrogates cannot be encoded as UTF-8, and control characters break bank apps' displays.
    if (typeof message !== 'string' || /[\p{Cs}\p{Cc}]/u.test(message) || utf8Length(message) > 95) {
      return fail('vietqr.bad_message', 'The message must be printable text of at most 95 UTF-8 bytes.');
    }
  }
  const beneficiary = tlv('00', bin) + tlv('01', digits);
  const napas =
    tlv('00', NAPAS_GUID) +
    tlv('01', beneficiary) +
    tlv('02', service === 'card' ? SERVICE_CARD : SERVICE_ACCOUNT);
  let payload =
    tlv('00', '01') + tlv('01', amount === undefined ? '11' : '12') + tlv('38', napas) + tlv('53', VND);
  if (amount !== undefined) payload += tlv('54', String(amount));
  payload += tlv('58', 'VN');
  if (message) payload += tlv('62', tlv('08', message));
  payload += '6304';
  return ok(payload + crcHex(payload));
}
