import {
  parseAccountText,
  parseBankAccount,
  type BankAccountIdentifier,
  type CardIdentifier,
  type WalletIdentifier,
} from './account.js';
import { findBank, findWallet } from './banks.js';
import { parseCryptoAddress, type CryptoIdentifier } from './crypto-address.js';
import { parseEmail, type EmailIdentifier } from './email.js';
import { parsePhone, type PhoneIdentifier } from './phone.js';
import { parseSocial, type SocialIdentifier } from './social.js';
import { fail, type IdentifierKind, type ParseResult } from './types.js';
import {
  parseDomain,
  parseDomainOfLink,
  parseUrl,
  type DomainIdentifier,
  type UrlIdentifier,
} from './url.js';
import { parseVietQr } from './vietqr.js';

export type AnyIdentifier =
  | PhoneIdentifier
  | BankAccountIdentifier
  | CardIdentifier
  | WalletIdentifier
  | UrlIdentifier
  | DomainIdentifier
  | SocialIdentifier
  | EmailIdentifier
  | CryptoIdentifier;

export interface ExtractionProblem {
  input: string;
  code: string;
  message: string;
}

export interface Extraction {
  identifiers: AnyIdentifier[];
  problems: ExtractionProblem[];
}

const MAX_TEXT = 20_000;
const MAX_IDENTIFIERS = 50;

/**
 * A link on a social network is an account there; a bare host ("vietcombank.com.vn") is a domain; anything
 * else is a link to a page.
 */
function parseLink(text: string): ParseResult<AnyIdentifier> {
  // Parsed as a link once, for all three.
  const url = parseUrl(text);
  const social = parseSocial(text, url);
  if (social.ok) return social;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/[/?#]/.test(text.replace(/\/$/, ''))) {
    const domain = parseDomainOfLink(text, url);
    if (domain.ok) return domain;
  }
  return url;
}

/**
 * One identifier typed on its own (a search box, an API field). With a kind, only that parser is tried;
 * without, the input's shape decides.
 */
export function identify(input: string, kind?: IdentifierKind): ParseResult<AnyIdentifier> {
  const text = input.trim();
  if (!text) return fail('identifier.empty', 'Nothing to check');
  switch (kind) {
    case 'phone':
      return parsePhone(text);
    case 'email':
      return parseEmail(text);
    case 'url':
      return parseUrl(text);
    case 'domain':
      return parseDomain(text);
    case 'social':
      return parseSocial(text);
    case 'crypto':
      return parseCryptoAddress(text);
    case 'bank_account':
    case 'card':
    case 'ewallet':
      return parseAccountText(text);
    case undefined:
      break;
  }
  if (/^000201/.test(text)) {
    const qr = parseVietQr(text);
    if (!qr.ok) return qr;
    const first = qr.value.identifiers[0];
    return first
      ? { ok: true, value: first }
      : fail('vietqr.no_account', 'The payment QR names no account or card');
  }
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return parseEmail(text);
  // A bare IPv4 address is a host (a scam site served without a name).
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(text)) return parseDomain(text);
  const letters = /[a-z]/i.test(text);
  // An address has letters or 25 characters or more (base58 of digits): a shorter number is not one.
  if (letters || text.length >= 25) {
    const crypto = parseCryptoAddress(text);
    if (crypto.ok) return crypto;
  }
  if (letters && /[.:/]/.test(text) && !/\s/.test(text)) {
    const link = parseLink(text);
    if (link.ok) return link;
  }
  const phone = parsePhone(text);
  if (phone.ok) return phone;
  const account = parseAccountText(text);
  if (account.ok) return account;
  return fail(
    'identifier.unrecognised',
    'This is not a phone number, account, card, e-wallet, link, e-mail, social account or crypto address',
  );
}

// Shapes searched for in free text, most specific first. Each match is consumed so that a link's digits
// are not read again as a phone number.
const PATTERNS: Array<{ name: string; regex: RegExp }> = [
  { name: 'vietqr', regex: /000201[0-9A-Za-z .,:/\-_+&@#*'"()À-ỹ]{20,}?6304[0-9A-Fa-f]{4}/g },
  { name: 'email', regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  {
    name: 'link',
    regex:
      /(?:(?:https?|hxxps?):\/\/|www\.)[^\s<>"'()]+|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]|\(\.\)))+[a-z]{2,24}\b(?:\/[^\s<>"'()]*)?/gi,
  },
  {
    name: 'crypto',
    regex:
      /\b(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{11,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33})\b/g,
  },
  // Digit runs with the separators people write numbers with.
  { name: 'digits', regex: /(?:\+|\b)\d[\d .-]{4,22}\d\b/g },
];

/** Words that announce a bank account or wallet just before its number. */
const ACCOUNT_CONTEXT =
  /(?:stk|số tài khoản|so tai khoan|tài khoản|tai khoan|tk|account|acc|ngân hàng|ngan hang|bank|ví|vi)\s*[:.]?\s*$/i;

/** The text just before a match, not reaching back past the previous identifier. */
function contextBefore(text: string, index: number, from = 0): string {
  return text.slice(Math.max(from, index - 60), index);
}

/** Words that announce a phone number: they end a bank name's reach ("…Vietcombank. Gọi 0987…"). */
const PHONE_CONTEXT =
  /(?:gọi|goi|liên hệ|lien he|lh|sđt|sdt|số điện thoại|so dien thoai|điện thoại|dien thoai|hotline|zalo|tel|phone|call|nhắn tin|nhan tin)\s*[:.]?/gi;

const wordsOf = (text: string) => text.split(/[\s,;:()\-–.]+/).filter(Boolean);

/** The first bank or wallet named among the words (longest names first), with the account. */
function bankOrWalletIn(
  words: string[],
  digits: string,
  fromEnd: boolean,
): ParseResult<AnyIdentifier> | null {
  for (let take = Math.min(3, words.length); take >= 1; take--) {
    const starts = Array.from({ length: words.length - take + 1 }, (_, i) => i);
    for (const start of fromEnd ? starts.reverse() : starts) {
      const name = words.slice(start, start + take).join(' ');
      if (findBank(name)) return parseBankAccount(name, digits);
      if (findWallet(name)) return parseAccountText(`${name} ${digits}`);
    }
  }
  return null;
}

/**
 * A bank or wallet named shortly before a number ("Vietcombank STK 0011…", "MoMo: 09…"), or just after
 * it when an account was announced ("STK 0011… Vietcombank"). The bank must be named after the previous
 * identifier, so that in "STK Vietcombank 0011…, liên hệ 0388…" the second number stays a phone number.
 */
function accountNear(text: string, index: number, length: number, digits: string, from: number) {
  const context = contextBefore(text, index, from);
  const cut = [...context.matchAll(PHONE_CONTEXT)].at(-1);
  const before = cut ? context.slice((cut.index ?? 0) + cut[0].length) : context;
  const named = bankOrWalletIn(wordsOf(before).slice(-6), digits, true);
  if (named || cut || !ACCOUNT_CONTEXT.test(context)) return named;
  return bankOrWalletIn(wordsOf(text.slice(index + length, index + length + 40)).slice(0, 3), digits, false);
}

/** Every identifier found in a pasted message, each once, in order of appearance. */
export function extractIdentifiers(input: string): Extraction {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const identifiers: AnyIdentifier[] = [];
  const problems: ExtractionProblem[] = [];
  const consumed: Array<[number, number]> = [];
  const isConsumed = (start: number, end: number) => consumed.some(([a, b]) => start < b && end > a);
  const add = (result: ParseResult<AnyIdentifier | AnyIdentifier[]>, raw: string) => {
    if (!result.ok) {
      problems.push({
        input: raw.length > 80 ? `${raw.slice(0, 77)}…` : raw,
        code: result.code,
        message: result.message,
      });
      return;
    }
    for (const identifier of Array.isArray(result.value) ? result.value : [result.value]) {
      // At most MAX_IDENTIFIERS to look through: cheaper than a set for the one of most checks.
      if (identifiers.length < MAX_IDENTIFIERS && identifiers.every((known) => known.key !== identifier.key))
        identifiers.push(identifier);
    }
  };

  // A whole input that is one token, or one number written with spaces, is taken as one identifier.
  const trimmed = text.trim();
  if (trimmed.length <= 200 && (!/\s/.test(trimmed) || /^[\d\s.+\-()]+$/.test(trimmed))) {
    const whole = identify(trimmed);
    if (whole.ok || /^000201/.test(trimmed)) {
      add(whole, trimmed);
      return { identifiers, problems };
    }
  }

  const found: Array<{ name: string; raw: string; index: number }> = [];
  for (const { name, regex } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const index = match.index ?? 0;
      const raw = match[0];
      if (isConsumed(index, index + raw.length)) continue;
      consumed.push([index, index + raw.length]);
      found.push({ name, raw, index });
    }
  }
  found.sort((a, b) => a.index - b.index);

  let previousEnd = 0;
  for (const { name, raw, index } of found) {
    const cleaned = raw.replace(/[.,;:!?]+$/, '');
    const from = previousEnd;
    previousEnd = index + raw.length;
    switch (name) {
      case 'vietqr': {
        const qr = parseVietQr(cleaned);
        add(qr.ok ? { ok: true, value: qr.value.identifiers } : qr, cleaned);
        break;
      }
      case 'email':
        add(parseEmail(cleaned), cleaned);
        break;
      case 'link': {
        const link = parseLink(cleaned);
        // Words with a dot in them ("v.v.", "TP.HCM") are not links: only report real failures of URLs.
        if (link.ok || /^(?:https?|hxxps?):\/\//i.test(cleaned)) add(link, cleaned);
        break;
      }
      case 'crypto': {
        const address = parseCryptoAddress(cleaned);
        if (address.ok) add(address, cleaned);
        break;
      }
      case 'digits': {
        const digits = cleaned.replace(/[^\d+]/g, '');
        const near = accountNear(text, index, raw.length, digits.replace(/\D/g, ''), from);
        if (near?.ok) {
          add(near, cleaned);
          break;
        }
        const phone = parsePhone(cleaned);
        if (phone.ok) {
          add(phone, cleaned);
          break;
        }
        // A long number after "STK"/"tài khoản" without a bank we know is still worth telling about.
        if (ACCOUNT_CONTEXT.test(contextBefore(text, index, from)) && near && !near.ok) add(near, cleaned);
        break;
      }
    }
  }
  return { identifiers, problems };
}
