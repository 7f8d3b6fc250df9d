/**
 * E-mail addresses (`email:`) of the suspicious-indicator registry: the sender of a fake bank notice, the
 * address a fake police officer asks a victim to write to.
 *
 * Normalisation:
 * - Accepted forms: `a@b.vn`, `mailto:a@b.vn?subject=…`, `Name <a@b.vn>`, `<a@b.vn>`, and defanged
 *   `a[at]b[.]vn`, `a(at)b(dot)vn`, `a[@]b.vn`.
 * - Domain: lower-cased, trailing dot removed, Unicode → punycode (through the same host rules as links), and
 *   it must have a public suffix (`email.invalid_domain` otherwise). IP-literal domains (`a@[1.2.3.4]`) are
 *   refused: no real mailbox a citizen meets uses one.
 * - Local part: the RFC 5322 dot-atom (quoted local parts are refused: they are never used by real
 *   mailboxes and would put spaces into keys), up to 64 characters; UTF-8 letters are allowed (RFC 6531),
 *   NFC-normalised. It is lower-cased everywhere: the RFC lets the receiving server treat case as
 *   significant, but no mail provider a citizen meets does, and one mailbox must be one key.
 * - Gmail (`gmail.com`, and `googlemail.com`, the same mailboxes): dots are removed from the local part and
 *   everything from the first `+` is dropped, because Gmail delivers `j.o.h.n+bank@gmail.com` to
 *   `john@gmail.com`; the domain becomes `gmail.com`. Other providers keep dots and `+tags`: whether a tag
 *   reaches the same mailbox is the provider's choice, and we do not guess.
 */
import { fail, ok, type IdentifierBase, type ParseResult } from './types.js';
import { cleanPasted, parseHost } from './url.js';

export interface EmailDetails {
  /** The normalised address, as in the key. */
  address: string;
  local: string;
  /** Punycode domain. */
  domain: string;
  domainUnicode: string;
  registrableDomain: string;
  /** `gmail` when Gmail's dot and `+tag` rules were applied. */
  provider: 'gmail' | null;
}
export type EmailIdentifier = IdentifierBase<'email', EmailDetails>;

/** Domains whose mailboxes are Gmail's, where dots and +tags do not change the mailbox. */
export const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

// RFC 5322 atext, plus any non-ASCII letter or mark (RFC 6531).
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\p{L}\\p{M}\\p{N}]+";
const DOT_ATOM = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
// A bare host: nothing that would make parseHost read a path, port, user or IP literal.
const BARE_HOST = /^[^\s/?#:@[\]\\]+$/u;
const MAX_LOCAL_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;

/** Undoes `[at]`, `(at)`, `[@]`, `[.]`, `(dot)`… used to keep addresses away from harvesters. */
function refangEmail(text: string): string {
  return text
    .replace(/\s*[[({]\s*(?:at|@)\s*[\])}]\s*/gi, '@')
    .replace(/\s*[[({]\s*(?:\.|dot)\s*[\])}]\s*/gi, '.');
}

/** The address inside `mailto:…?subject=…`, `Name <…>` or `<…>`. */
function unwrap(text: string): string {
  const named = /<([^<>]*)>\s*$/.exec(text);
  let address = named ? named[1]!.trim() : text;
  if (/^mailto:/i.test(address)) {
    address = address.slice('mailto:'.length).replace(/[?#].*$/s, '');
    try {
      address = decodeURIComponent(address);
    } catch {
      // keep it as written: the checks below decide
    }
  }
  return address.trim();
}

/** Parses an e-mail address into its registry identifier (see the module comment for the rules). */
export function parseEmail(input: string): ParseResult<EmailIdentifier> {
  if (typeof input !== 'string') return fail('email.invalid', 'The input is not text.');
  const text = unwrap(refangEmail(cleanPasted(input)));
  if (text === '') return fail('email.invalid', 'The e-mail address is empty.');
  const at = text.lastIndexOf('@');
  if (at < 0) return fail('email.invalid', 'An e-mail address needs an "@".');
  const writtenLocal = text.slice(0, at).normalize('NFC');
  const writtenDomain = text.slice(at + 1);
  if (writtenLocal === '') return fail('email.invalid', 'There is nothing before the "@".');
  if (!DOT_ATOM.test(writtenLocal)) {
    return fail('email.invalid', `"${writtenLocal}" is not a valid mailbox name (before the "@").`);
  }
  if (!BARE_HOST.test(writtenDomain)) {
    return fail('email.invalid_domain', `"${writtenDomain}" is not a valid mail domain.`);
  }
  const host = parseHost(writtenDomain);
  if (!host.ok || host.value.isIp) {
    return fail(
      'email.invalid_domain',
      host.ok
        ? `"${writtenDomain}" is an IP address; mail domains a citizen meets are names.`
        : `"${writtenDomain}" is not a valid mail domain: ${host.message}`,
    );
  }
  let domain = host.value.host;
  let registrableDomain = host.value.registrableDomain;
  let local = writtenLocal.toLowerCase();
  let provider: EmailDetails['provider'] = null;
  if (GMAIL_DOMAINS.has(domain)) {
    provider = 'gmail';
    domain = registrableDomain = 'gmail.com';
    local = local.replace(/\+.*$/s, '').replace(/\./g, '');
    if (local === '') return fail('email.invalid', 'There is no Gmail mailbox name before the "+".');
  }
  if (new TextEncoder().encode(local).length > MAX_LOCAL_LENGTH) {
    return fail('email.invalid', `The mailbox name is longer than ${MAX_LOCAL_LENGTH} bytes.`);
  }
  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS_LENGTH) {
    return fail('email.invalid', `The address is longer than ${MAX_ADDRESS_LENGTH} characters.`);
  }
  const domainUnicode = provider === 'gmail' ? domain : host.value.hostUnicode;
  return ok({
    kind: 'email',
    key: `email:${address}`,
    display: `${local}@${domainUnicode}`,
    details: {
      address,
      local,
      domain,
      domainUnicode,
      registrableDomain,
      provider,
    },
  });
}
