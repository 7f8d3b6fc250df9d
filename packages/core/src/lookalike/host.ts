/**
 * Reading the host out of whatever a citizen pastes: a full URL, a bare host, a defanged link
 * ("hxxps://evil[.]com"), an e-mail address, a punycode (xn--) host. The result is the host in lower
 * case with IDN labels decoded back to Unicode, so that confusable characters can be seen.
 */

import { decodePunycode, refang } from '../identifiers/url.js';

export { decodePunycode };

const MAX_INPUT_LENGTH = 8192;
const MAX_HOST_LENGTH = 512;
/**
 * A host name as a parsed link or domain hands it over: lower-case letter-digit-hyphen labels, the last
 * one starting with a letter (so it is not an IPv4 address). The URL parser gives such a host back as it
 * is, unless a label is punycode (`xn--`), so it is returned without being parsed again.
 */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?$/;

/** Returns the Unicode host, or null when no plausible host name can be read. Never throws. */
export function extractHost(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let text = input.slice(0, MAX_INPUT_LENGTH).trim();
  if (text === '') return null;
  if (PLAIN_HOST.test(text) && !text.includes('xn--')) return text.length > MAX_HOST_LENGTH ? null : text;
  // Defanged links ("hxxps://evil[.]com") are read the way the URL parser reads them.
  text = refang(text).replace(/^\/\//, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;

  let host: string | null = null;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    host = readHostByHand(withScheme);
  }
  if (host === null) return null;
  host = host.toLowerCase().replace(/\.+$/, '');
  if (host === '' || host.length > MAX_HOST_LENGTH) return null;
  if (host.startsWith('[')) return host; // IPv6 literal
  if (/[\s/\\?#@:%<>"'`|^{}]/.test(host)) return null;
  const labels = host.split('.');
  if (labels.some((label) => label === '')) return null;
  return labels
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.')
    .normalize('NFC');
}

/** Fallback for strings the WHATWG URL parser rejects (some IDNA-disallowed characters). */
function readHostByHand(url: string): string | null {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const authority = afterScheme.split(/[/?#\\]/, 1)[0] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostAndPort.replace(/:\d*$/, '');
  return host === '' ? null : host;
}
