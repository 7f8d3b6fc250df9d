/**
 * Identifiers of the suspicious-indicator registry. Every parser turns what a person typed or pasted into
 * one canonical key, so that the same thing written differently is one record. Parsers are pure, never
 * throw (bad input is a `ParseFailure` with a stable code), and normalising twice changes nothing.
 */
export type IdentifierKind =
  'phone' | 'bank_account' | 'card' | 'ewallet' | 'url' | 'domain' | 'social' | 'email' | 'crypto';

export interface IdentifierBase<K extends IdentifierKind, D> {
  kind: K;
  /**
   * The canonical key, unique across kinds: `<kind>:<normalised value>`, e.g. `phone:+84912345678`,
   * `bank_account:970436:0011004455667`, `domain:vietcombank.com.vn`. Contains no spaces.
   */
  key: string;
  /** How a person should see it (formatted, masked where sensitive). */
  display: string;
  details: D;
}

export interface ParseFailure {
  ok: false;
  /** Stable code, e.g. `phone.too_short`, `vietqr.crc_mismatch`, `url.invalid_host`. */
  code: string;
  /** A readable English explanation naming what is wrong. */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | ParseFailure;

export const fail = (code: string, message: string): ParseFailure => ({ ok: false, code, message });
export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
