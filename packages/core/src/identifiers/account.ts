/**
 * Bank accounts, payment cards and e-wallet accounts: the places a victim is told to send money to.
 * Each parser returns one canonical key so that "VCB 0011 0044 5566 7", "Vietcombank - 0011004455667" and
 * a VietQR code for the same account are one record.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { foldVietnamese } from '../text.js';
import { bankLookupKey, findBank, findWallet, type Bank, type Wallet } from './banks.js';
import { fail, ok, type IdentifierBase, type ParseFailure, type ParseResult } from './types.js';

export interface BankAccountDetails {
  bin: string;
  bankCode: string;
  bankName: string;
  /** Digits only, leading zeros kept: they are part of the number. */
  account: string;
}
export type BankAccountIdentifier = IdentifierBase<'bank_account', BankAccountDetails>;

export type CardNetwork = 'napas' | 'visa' | 'mastercard' | 'jcb' | 'unknown';
export interface CardDetails {
  bin6: string;
  last4: string;
  network: CardNetwork;
}
/** A payment card. The full number appears nowhere: not in the key, the display or the details. */
export type CardIdentifier = IdentifierBase<'card', CardDetails>;

export interface WalletDetails {
  provider: string;
  providerName: string;
  /** A phone number as `0xxxxxxxxx`, otherwise the id trimmed and in lower case. */
  id: string;
  idType: 'phone' | 'other';
}
export type WalletIdentifier = IdentifierBase<'ewallet', WalletDetails>;

export type AccountIdentifier = BankAccountIdentifier | CardIdentifier | WalletIdentifier;

const MIN_ACCOUNT_DIGITS = 6;
const MAX_ACCOUNT_DIGITS = 19;
const MAX_WALLET_ID_LENGTH = 64;

/**
 * Digits of an account or card number as written: spaces, dots and dashes are how people group digits.
 * NFKC first, so full-width digits pasted from some chat apps count as digits.
 */
function compactNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s.-]/g, '');
}

function groupsOf4(text: string): string {
  return text.replace(/(.{4})(?=.)/gu, '$1 ');
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card network from the leading digits (NAPAS domestic 9704, Visa 4, Mastercard 51–55 and 2221–2720, JCB 35). */
export function cardNetwork(digits: string): CardNetwork {
  if (digits.startsWith('9704')) return 'napas';
  if (digits.startsWith('4')) return 'visa';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (digits.startsWith('35')) return 'jcb';
  return 'unknown';
}

/**
 * Whether a string of digits is a card number rather than an account number. A bank account number can
 * have 16–19 digits too, so all three tests must hold; about one random number in ten passes Luhn.
 */
export function looksLikeCard(digits: string): boolean {
  return /^\d{16,19}$/.test(digits) && luhnValid(digits) && cardNetwork(digits) !== 'unknown';
}

/** Hashes a whole card number into the part of its key that tells cards with the same ends apart. */
export type CardKeyHasher = (digits: string) => string;

const plainCardHash: CardKeyHasher = (digits) => bytesToHex(sha256(utf8ToBytes(digits))).slice(0, 16);
let cardHash: CardKeyHasher = plainCardHash;

/**
 * Sets how card keys are hashed. A plain hash can be reversed (the first 6 and last 4 digits leave about
 * 10^5 candidates), so the server sets a keyed one (HMAC under a secret kept in its database, ADR 0006)
 * before it parses anything; without it (tools, tests) the plain SHA-256 is used. `null` restores it.
 */
export function setCardKeyHasher(hasher: CardKeyHasher | null): void {
  cardHash = hasher ?? plainCardHash;
}

/**
 * The card identifier for a card number already known to be one (16–19 digits). Used directly for a
 * VietQR whose service code says "card": its number need not pass Luhn (the NAPAS examples do not).
 * The key's hash tells two cards with the same first 6 and last 4 apart; see `setCardKeyHasher`.
 */
export function cardIdentifier(digits: string): CardIdentifier {
  const bin6 = digits.slice(0, 6);
  const last4 = digits.slice(-4);
  const hash = cardHash(digits);
  const masked = bin6 + '•'.repeat(digits.length - 10) + last4;
  return {
    kind: 'card',
    key: `card:${bin6}…${last4}:${hash}`,
    display: groupsOf4(masked),
    details: { bin6, last4, network: cardNetwork(digits) },
  };
}

/** A payment card number (16–19 digits, Luhn-valid), e.g. "9704 3611 2233 4455". */
export function parseCard(number: string): ParseResult<CardIdentifier> {
  if (typeof number !== 'string') return fail('card.invalid_number', 'The card number is not text.');
  const digits = compactNumber(number.trim());
  if (!digits) return fail('card.invalid_number', 'The card number is empty.');
  if (!/^\d+$/.test(digits)) {
    return fail('card.invalid_number', 'A card number may contain only digits, spaces, dots and dashes.');
  }
  if (digits.length < 16 || digits.length > 19) {
    return fail('card.invalid_number', `A card number has 16–19 digits; this one has ${digits.length}.`);
  }
  if (!luhnValid(digits)) {
    return fail(
      'card.bad_checksum',
      'The card number fails the Luhn check digit: a digit is probably wrong.',
    );
  }
  return ok(cardIdentifier(digits));
}

/** Account digits, or why they are not an account number. */
export function normaliseAccountNumber(account: string): string | ParseFailure {
  const digits = compactNumber(account.trim());
  if (!digits) return fail('bank_account.invalid_number', 'The account number is empty.');
  if (!/^\d+$/.test(digits)) {
    return fail(
      'bank_account.invalid_number',
      'An account number may contain only digits, spaces, dots and dashes.',
    );
  }
  if (digits.length < MIN_ACCOUNT_DIGITS || digits.length > MAX_ACCOUNT_DIGITS) {
    return fail(
      'bank_account.invalid_number',
      `An account number has ${MIN_ACCOUNT_DIGITS}–${MAX_ACCOUNT_DIGITS} digits; this one has ${digits.length}.`,
    );
  }
  return digits;
}

/** The bank fields an account key needs; an e-wallet with a NAPAS BIN can stand in for a bank. */
export type AccountHolderInstitution = Pick<Bank, 'bin' | 'code' | 'shortName'>;

export function bankAccountIdentifier(bank: AccountHolderInstitution, digits: string): BankAccountIdentifier {
  return {
    kind: 'bank_account',
    key: `bank_account:${bank.bin}:${digits}`,
    display: `${bank.shortName} · ${groupsOf4(digits)}`,
    details: { bin: bank.bin, bankCode: bank.code, bankName: bank.shortName, account: digits },
  };
}

/**
 * An account at a bank named by BIN, VietQR code or any name (`findBank`). A number that is a card
 * (see `looksLikeCard`) comes back as a card: it must never be stored whole under a bank_account key.
 */
export function parseBankAccount(
  bank: string,
  account: string,
): ParseResult<BankAccountIdentifier | CardIdentifier> {
  if (typeof bank !== 'string' || typeof account !== 'string') {
    return fail('bank_account.invalid_number', 'The bank and the account number must be text.');
  }
  const digits = normaliseAccountNumber(account);
  if (typeof digits !== 'string') return digits;
  if (looksLikeCard(digits)) return ok(cardIdentifier(digits));
  const found = findBank(bank);
  if (!found) {
    const wallet = findWallet(bank);
    return fail(
      'bank_account.unknown_bank',
      wallet
        ? `"${bank.trim()}" is the e-wallet ${wallet.name}, not a bank.`
        : `"${bank.trim()}" is not a bank name, code or BIN that Khiên knows.`,
    );
  }
  return ok(bankAccountIdentifier(found, digits));
}

/** A wallet id: a phone number as 0xxxxxxxxx (from +84…, 84… or 0…), else trimmed lower case. */
export function normaliseWalletId(id: string): { id: string; idType: 'phone' | 'other' } | ParseFailure {
  const trimmed = id.normalize('NFKC').trim();
  if (!trimmed) return fail('ewallet.empty_id', 'The e-wallet account is empty.');
  const phone = /^(?:\+84|84|0)(\d{9})$/.exec(trimmed.replace(/[\s.()-]/g, ''));
  if (phone) return { id: `0${phone[1]}`, idType: 'phone' };
  const lower = trimmed.toLowerCase();
  if (/[\s\p{C}]/u.test(lower)) {
    return fail(
      'ewallet.invalid_id',
      'An e-wallet account that is not a phone number cannot contain spaces.',
    );
  }
  if (lower.length > MAX_WALLET_ID_LENGTH) {
    return fail('ewallet.invalid_id', `An e-wallet account has at most ${MAX_WALLET_ID_LENGTH} characters.`);
  }
  return { id: lower, idType: 'other' };
}

function walletIdentifier(wallet: Wallet, id: string, idType: 'phone' | 'other'): WalletIdentifier {
  const shown = idType === 'phone' ? id.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3') : id;
  return {
    kind: 'ewallet',
    key: `ewallet:${wallet.provider}:${id}`,
    display: `${wallet.name} · ${shown}`,
    details: { provider: wallet.provider, providerName: wallet.name, id, idType },
  };
}

/** An e-wallet account, e.g. `parseWallet('MoMo', '+84 912 345 678')` → `ewallet:momo:0912345678`. */
export function parseWallet(provider: string, id: string): ParseResult<WalletIdentifier> {
  if (typeof provider !== 'string' || typeof id !== 'string') {
    return fail('ewallet.invalid_id', 'The provider and the account must be text.');
  }
  const wallet = findWallet(provider);
  if (!wallet) {
    return fail('ewallet.unknown_provider', `"${provider.trim()}" is not an e-wallet that Khiên knows.`);
  }
  const normalised = normaliseWalletId(id);
  if ('ok' in normalised) return normalised;
  return ok(walletIdentifier(wallet, normalised.id, normalised.idType));
}

// ---------------------------------------------------------------------------------------------------
// Free text: "VCB 0011004455667", "STK 0011004455667 ngân hàng ACB", "MoMo 0912345678"
// ---------------------------------------------------------------------------------------------------

/** Digit groups joined by single spaces, dots or dashes: "0011 0044 5566 7", "+84 912.345.678". */
const NUMBER_RUN = /\+?\d+(?:[ .-]\d+)*/g;

/** Words that say "this is an account" but name no bank: not reported as an unknown bank. */
const FILLER_WORDS = new Set(
  (
    'stk so tk tai khoan ctk chu ten nguoi nhan ngan hang nh bank account acc no number vi dien tu wallet ' +
    'e ewallet chuyen toi cho vao qua den la cua thu huong beneficiary transfer to at'
  ).split(' '),
);

const SPAN_FILLER = /^((ngan hang|nh|tmcp|thuong mai co phan|vi dien tu|vi|bank)\s+)+|(\s+(bank|wallet))+$/g;

/** The longest official name has 11 words: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam". */
const MAX_NAME_WORDS = 12;

interface NameMatch {
  institution: { type: 'bank'; bank: Bank } | { type: 'wallet'; wallet: Wallet };
  /** Matched a code, brand or official name, not merely a keyword or derived alias. */
  primary: boolean;
  words: string;
}

// Banks and wallets are fixed reference data: each one's primary keys are folded once, not per match.
const primaryKeysByInstitution = new WeakMap<object, Set<string>>();
function primaryKeys(institution: object, names: () => readonly (string | null)[]): Set<string> {
  let keys = primaryKeysByInstitution.get(institution);
  if (keys === undefined) {
    keys = new Set(
      names()
        .filter((n): n is string => n !== null)
        .map(bankLookupKey),
    );
    primaryKeysByInstitution.set(institution, keys);
  }
  return keys;
}

/** Runs of words that name a bank or wallet, longest first, so "Nam A Bank" wins over a shorter name inside it. */
function findNames(words: readonly string[]): NameMatch[] {
  const matches: NameMatch[] = [];
  const used = new Array<boolean>(words.length).fill(false);
  for (let size = Math.min(MAX_NAME_WORDS, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      if (used.slice(start, start + size).some(Boolean)) continue;
      const span = words.slice(start, start + size).join(' ');
      // "ngan hang acb" names ACB as strongly as "acb": filler words do not make a match weaker.
      const key = span.replace(SPAN_FILLER, '').replace(/ /g, '');
      const bank = findBank(span);
      const wallet = bank ? null : findWallet(span);
      if (!bank && !wallet) continue;
      for (let i = start; i < start + size; i++) used[i] = true;
      if (bank) {
        const primary = primaryKeys(bank, () => [
          bank.code,
          bank.shortName,
          bank.nameVi,
          bank.nameEn,
          ...bank.formerNames,
        ]).has(key);
        matches.push({ institution: { type: 'bank', bank }, primary, words: span });
      } else if (wallet) {
        const primary = primaryKeys(wallet, () => [wallet.provider, wallet.name, ...wallet.formerNames]).has(
          key,
        );
        matches.push({ institution: { type: 'wallet', wallet }, primary, words: span });
      }
    }
  }
  return matches;
}

function institutionId(match: NameMatch): string {
  return match.institution.type === 'bank'
    ? `bank:${match.institution.bank.bin}`
    : `wallet:${match.institution.wallet.provider}`;
}

/**
 * One identifier from a free-form line such as "VCB 0011004455667", "Vietcombank - 0011004455667",
 * "STK 0011004455667 ngân hàng ACB" or "MoMo 0912345678". Codes: `account_text.empty`,
 * `account_text.no_number`, `account_text.multiple_numbers`, `account_text.no_bank`,
 * `account_text.ambiguous_bank`, and those of `parseBankAccount`, `parseCard` and `parseWallet`.
 */
export function parseAccountText(text: string): ParseResult<AccountIdentifier> {
  if (typeof text !== 'string' || !text.trim()) return fail('account_text.empty', 'The text is empty.');
  const normalised = text.normalize('NFKC');
  const runs = [...normalised.matchAll(NUMBER_RUN)].map((m) => m[0]);
  if (runs.length === 0)
    return fail('account_text.no_number', 'The text contains no account, card or phone number.');
  const digitCount = (run: string) => run.replace(/\D/g, '').length;
  const long = runs.filter((run) => digitCount(run) >= MIN_ACCOUNT_DIGITS);
  if (long.length > 1) {
    return fail(
      'account_text.multiple_numbers',
      // The numbers are not echoed: one of them may be a card number, and messages end up in logs.
      `The text contains ${long.length} numbers of ${MIN_ACCOUNT_DIGITS} digits or more; give one at a time.`,
    );
  }
  const number = (long[0] ?? runs.reduce((a, b) => (digitCount(b) > digitCount(a) ? b : a))).trim();

  const compact = compactNumber(number);
  if (looksLikeCard(compact)) return ok(cardIdentifier(compact));

  let rest = normalised;
  for (const run of runs) rest = rest.replace(run, ' ');
  const words = foldVietnamese(rest)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const matches = findNames(words);
  const distinct = (list: NameMatch[]) => [...new Map(list.map((m) => [institutionId(m), m])).values()];
  let candidates = distinct(matches.filter((m) => m.primary));
  if (candidates.length === 0) candidates = distinct(matches);
  if (candidates.length > 1) {
    return fail(
      'account_text.ambiguous_bank',
      `The text names several banks or e-wallets (${candidates.map((m) => m.words).join(', ')}).`,
    );
  }
  const match = candidates[0];
  if (!match) {
    const unknown = words.filter((word) => !FILLER_WORDS.has(word));
    return unknown.length
      ? fail('bank_account.unknown_bank', `No known bank or e-wallet in "${unknown.join(' ')}".`)
      : fail('account_text.no_bank', 'The text gives a number but no bank or e-wallet.');
  }
  if (match.institution.type === 'wallet') return parseWallet(match.institution.wallet.provider, number);
  return parseBankAccount(match.institution.bank.bin, number);
}
