/**
 * Reading the host out of whatever a citizen pastes: a full URL, a bare host, a defanged link
 * ("hxxps://evil[.]com"), an e-mail address, a punycode (xn--) host. The result is the host in lower
 * case with IDN labels decoded back to Unicode, so that confusable characters can be seen.
 */

const MAX_INPUT_LENGTH = 8192;
const MAX_HOST_LENGTH = 512;

/** Returns the Unicode host, or null when no plausible host name can be read. Never throws. */
export function extractHost(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let text = input.slice(0, MAX_INPUT_LENGTH).trim();
  if (text === '') return null;
  text = text
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
    .replace(/^hxxp(s?):/i, 'http$1:')
    .replace(/^\/\//, '');
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

// RFC 3492 (Punycode) parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, numberOfPoints: number, firstTime: boolean): number {
  let scaled = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  scaled += Math.floor(scaled / numberOfPoints);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

function digitValue(codeUnit: number): number {
  if (codeUnit >= 0x30 && codeUnit <= 0x39) return codeUnit - 22; // 0-9 → 26-35
  if (codeUnit >= 0x41 && codeUnit <= 0x5a) return codeUnit - 0x41; // A-Z
  if (codeUnit >= 0x61 && codeUnit <= 0x7a) return codeUnit - 0x61; // a-z
  return BASE;
}

/** Decodes the part of an IDN label after "xn--". Returns null for invalid input. */
export function decodePunycode(encoded: string): string | null {
  if (encoded.length === 0 || encoded.length > 256) return null;
  const output: number[] = [];
  const lastDelimiter = encoded.lastIndexOf('-');
  const basicLength = lastDelimiter < 0 ? 0 : lastDelimiter;
  for (let index = 0; index < basicLength; index++) {
    const codeUnit = encoded.charCodeAt(index);
    if (codeUnit >= 0x80) return null;
    output.push(codeUnit);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicLength > 0 ? basicLength + 1 : 0; index < encoded.length;) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= encoded.length) return null;
      const digit = digitValue(encoded.charCodeAt(index++));
      if (digit >= BASE) return null;
      if (digit > Math.floor((MAX_INT - i) / weight)) return null;
      i += digit * weight;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      if (weight > Math.floor(MAX_INT / (BASE - threshold))) return null;
      weight *= BASE - threshold;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}
