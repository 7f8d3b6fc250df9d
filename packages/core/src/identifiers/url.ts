/**
 * Web addresses (`url:`) and registrable domains (`domain:`) of the suspicious-indicator registry.
 *
 * A citizen pastes a link from a message, a screenshot or a warning; a blocklist gives bare hosts. Both end
 * up here and must give one key for one thing. The decisions, each chosen so that two spellings of the same
 * page or the same owner meet:
 *
 * - Input may have no scheme (`vietcombank-hotro.com/login`), may be defanged (`hxxp://evil[.]com`,
 *   `evil(.)com`, `evil[dot]com`, `hxxps[:]//`) and may carry invisible characters (zero-width space, soft
 *   hyphen, BOM) that scammers put in to dodge filters; all of these are undone.
 * - Only `http` and `https` are web addresses. Without a scheme we assume `http` (what the address bar and
 *   curl do); `javascript:`, `data:`, `file:`, `ftp://`, `mailto:`… fail with `url.unsupported_scheme`
 *   (`mailto:`/`tel:` belong to the e-mail and phone parsers).
 * - Host: the WHATWG URL parser (`new URL`, in Node and every browser) maps Unicode and full-width forms to
 *   punycode per UTS-46, lower-cases, decodes `%41` in hosts and normalises IPv4 forms (`0x7f.1` →
 *   `127.0.0.1`); we then remove trailing dots, check every label, and ask the public suffix list (tldts,
 *   private suffixes included) for the registrable domain. A host with no known public suffix (`localhost`,
 *   `foo.invalid`, `x.unknowntld`) cannot be registered by anyone and fails with `url.no_public_suffix`; a
 *   host that is a suffix itself (`gov.vn`, `binhthuan.vn`, `github.io`) is its own registrable domain, since
 *   the suffix's operator runs it (the chongluadao.vn allowlist has such hosts). IPv4 and IPv6 hosts are accepted (`isIp`); their "registrable domain" is the address itself.
 * - The URL key has NO scheme: `url:evil.com/login`. The same phishing kit answers on http and https, people
 *   paste both, and Safe Browsing-style matching ignores the scheme too. Non-default ports stay in the key.
 * - `www.` is removed from the URL key and the host key (not from `details.url`/`display`): `www.X` and `X`
 *   always belong to the same owner, citizens add or drop it at will, and the chongluadao.vn host lists
 *   record hosts without it. It is removed only when what is left is still under the registrable domain
 *   (`www.web.app` is itself a registrable domain under the private suffix `web.app`, so it stays).
 * - The domain key is the registrable domain (`domain:vietcombank.com.vn`), so `www.` and every other
 *   subdomain fall away there; under a private suffix each customer is its own domain (`domain:evil.web.app`),
 *   because `web.app`, `github.io`, `blogspot.com` hand subdomains to anyone.
 * - Path: case kept, dot segments resolved, percent-escapes of unreserved characters (`A-Z a-z 0-9 - . _ ~`)
 *   decoded and other escapes upper-cased (RFC 3986 §6.2.2). The fragment is dropped (never sent to the
 *   server). User name and password (`http://vietcombank.com.vn@evil.com/`, an old trick) are dropped from the
 *   key: the page is evil.com's; `details.hasUserinfo` records the trick.
 * - Query: empty pairs and tracking parameters (`TRACKING_PARAMETERS`, `TRACKING_PREFIXES`,
 *   `PLATFORM_TRACKING_PARAMETERS` below) are removed, the rest are sorted by name (stable, so repeated
 *   names keep their order) and escapes are normalised as in the path. `&amp;` (an HTML-escaped `&`) is
 *   read as `&`. Values are otherwise kept as written.
 */
import { parse as parseDomainParts } from 'tldts';
import { fail, ok, type IdentifierBase, type ParseFailure, type ParseResult } from './types.js';

export interface UrlDetails {
  /** The normalised URL with scheme and the host in punycode: what to open or send to a takedown request. */
  url: string;
  /** `http` when the input had no scheme. */
  scheme: 'http' | 'https';
  /** Lower-case punycode host with `www.` kept; IPv6 in brackets (`[2001:db8::1]`). */
  host: string;
  /** The same host in Unicode (equal to `host` when it is ASCII or its punycode does not round-trip). */
  hostUnicode: string;
  /** Non-default port, or null. */
  port: number | null;
  /** Punycode registrable domain (public suffix list, private suffixes included); the address for an IP. */
  registrableDomain: string;
  /** `com.vn`, `web.app`…; null for an IP; the host itself when it is a suffix (`gov.vn`). */
  publicSuffix: string | null;
  isIp: boolean;
  /** The host is under `.gov.vn`. Being under it is not proof of being official: look-alikes use `gov-vn.com`. */
  isGovVn: boolean;
  /** The public suffix is a private one (`web.app`, `github.io`, `blogspot.com`): anyone can get a subdomain. */
  isPrivateSuffix: boolean;
  /** The input had `user:password@` before the host, a trick to make `evil.com` look like a bank. */
  hasUserinfo: boolean;
}
export type UrlIdentifier = IdentifierBase<'url', UrlDetails>;

export interface DomainDetails {
  /** Punycode registrable domain (or IP address). */
  domain: string;
  unicode: string;
  publicSuffix: string | null;
  isGovVn: boolean;
  isIp: boolean;
  isPrivateSuffix: boolean;
}
export type DomainIdentifier = IdentifierBase<'domain', DomainDetails>;

/** What `parseHost` knows about a host. */
export interface HostInfo {
  host: string;
  hostUnicode: string;
  /** `host` without a leading `www.` (see the module comment): what host and URL keys use. */
  matchHost: string;
  registrableDomain: string;
  registrableDomainUnicode: string;
  publicSuffix: string | null;
  isIp: boolean;
  isGovVn: boolean;
  isPrivateSuffix: boolean;
}

/** Longer input is not a link a person pasted; refusing it keeps keys bounded. */
export const MAX_URL_INPUT_LENGTH = 8192;

/** A list of names written as one whitespace-separated string. */
const words = (list: string): readonly string[] => list.trim().split(/\s+/);

/**
 * Query parameters that only identify the click or the campaign, never the page, on any site. Compared
 * lower-cased. Sources: what Facebook (fbclid, mibextid), Google Ads (gclid, gclsrc, dclid, gbraid, wbraid,
 * srsltid, _ga, _gl), Microsoft Ads (msclkid), TikTok (ttclid), X (twclid, ref_src, ref_url), Instagram
 * (igshid, igsh), LinkedIn (li_fat_id), Mailchimp (mc_cid, mc_eid), HubSpot (_hsenc, _hsmi, __hstc, __hssc,
 * __hsfp), Marketo (mkt_tok), Yandex (yclid, _openstat), Pinterest (epik), Reddit (rdt_cid), Snapchat
 * (sccid), Adobe (s_kwcid, ef_id) and Zalo's in-app browser (zarsrc, gidzl — Zalo appends
 * `zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo` to every link it opens) add to links.
 */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  ...words('fbclid mibextid igshid igsh'), // Facebook, Instagram
  ...words('gclid gclsrc dclid gbraid wbraid srsltid _ga _gl s_kwcid ef_id'), // Google Ads, Analytics, Adobe
  ...words('msclkid ttclid twclid ref_src ref_url li_fat_id epik rdt_cid sccid yclid _openstat'), // other ads
  ...words('mc_cid mc_eid _hsenc _hsmi __hstc __hssc __hsfp mkt_tok'), // Mailchimp, HubSpot, Marketo
  ...words('zarsrc gidzl'), // Zalo
]);

/** Parameter-name prefixes that are tracking on any site: Google Analytics campaign tags. */
export const TRACKING_PREFIXES: readonly string[] = ['utm_'];

/**
 * Parameters that are tracking only on one platform's own links (elsewhere `si`, `t` or `source` may select
 * the page). Keyed by registrable domain; names compared lower-cased; a name ending in `*` is a prefix
 * (Facebook writes `__cft__[0]`, `__xts__[0]`).
 */
export const PLATFORM_TRACKING_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  'youtube.com': ['si', 'feature', 'pp', 'ab_channel'],
  'youtu.be': ['si', 'feature'],
  'tiktok.com': words(`
    _d _r _t checksum is_copy_url is_from_webapp preview_pb sec_user_id sender_device sender_web_id
    share_app_id share_item_id share_link_id social_sharing source timestamp tt_from u_code user_id web_id
  `),
  'facebook.com': words(`__cft__* __tn__ __xts__* _rdc _rdr fref hc_ref rdid ref refsrc sfnsn`),
  'instagram.com': ['igsh', 'igshid', 'img_index'],
  'x.com': ['s', 't'],
  'twitter.com': ['s', 't'],
};

// Characters that never need escaping (RFC 3986 §2.3); their escapes are decoded.
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
// Scammers hide these inside names to dodge filters; they render as nothing. (ZWJ/ZWNJ are left alone: they
// are meaningful in some scripts and in IDN.)
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// DNS labels as browsers resolve them: letters, digits, hyphen, and underscore (seen in real subdomains).
const LABEL = /^[a-z0-9_-]{1,63}$/;

/** Removes invisible characters, surrounding space and wrapping `<…>` or quotes (as in `<https://…>`). */
export function cleanPasted(input: string): string {
  let text = input.replace(INVISIBLE, '').trim();
  for (;;) {
    const first = text[0];
    const last = text[text.length - 1];
    const wrapped =
      text.length >= 2 &&
      ((first === '<' && last === '>') ||
        (first === '"' && last === '"') ||
        (first === "'" && last === "'") ||
        (first === '“' && last === '”') ||
        (first === '‘' && last === '’'));
    if (!wrapped) return text;
    text = text.slice(1, -1).trim();
  }
}

/**
 * Undoes the usual ways of defanging a link in warnings and threat reports, so a defanged and a live copy
 * of the same link meet: `hxxp`/`hXXp`/`h**p` → `http`, `[.]` `(.)` `{.}` `[dot]` `(dot)` → `.`, `[:]` →
 * `:`, `[/]` → `/`, `[://]` → `://`.
 */
export function refang(text: string): string {
  return text
    .replace(/^h(?:xx|XX|\*\*)p(s?)(?=[:[])/i, 'http$1')
    .replace(/\[\s*:\/\/\s*\]/g, '://')
    .replace(/[[({]\s*(?:\.|dot)\s*[\])}]/gi, '.')
    .replace(/\[\s*:\s*\]/g, ':')
    .replace(/\[\s*\/\s*\]/g, '/');
}

type Located = { ok: true; url: URL } | ParseFailure;

/**
 * Turns pasted text into a WHATWG URL with an http(s) scheme, adding `http://` when the text has none.
 * `evil.com:8080/x` and `localhost:3000` are a host and port, not a scheme named `evil.com` or `localhost`;
 * `tel:0912345678` is a scheme.
 */
function locate(input: string): Located {
  if (typeof input !== 'string') return fail('url.invalid', 'The input is not text.');
  const cleaned = cleanPasted(input);
  if (cleaned === '') return fail('url.empty', 'The link is empty.');
  if (cleaned.length > MAX_URL_INPUT_LENGTH) {
    return fail('url.invalid', `The link is longer than ${MAX_URL_INPUT_LENGTH} characters.`);
  }
  let text = refang(cleaned).replace(/^(https?)\/\//i, '$1://'); // "http//evil.com", a common typo
  const scheme = SCHEME.exec(text);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    const rest = text.slice(scheme[0].length);
    // A scheme never has a dot; `localhost:3000` is the one dotless host people write with a port.
    const isHostAndPort = !rest.startsWith('//') && (name.includes('.') || name === 'localhost');
    if (isHostAndPort) text = `http://${text}`;
    else if (name !== 'http' && name !== 'https') {
      return fail('url.unsupported_scheme', `Only http and https links are web addresses, not "${name}:".`);
    }
  } else if (text.startsWith('//')) {
    text = `http:${text}`;
  } else {
    text = `http://${text}`;
  }
  try {
    return { ok: true, url: new URL(text) };
  } catch {
    // Say whether the host is what is wrong: the same link with a plain host parses.
    const authority = /^(https?:\/*)([^/?#\\]*)/i.exec(text);
    const withPlainHost = authority ? `${authority[1]}example.com${text.slice(authority[0].length)}` : '';
    return URL.canParse(withPlainHost)
      ? fail('url.invalid_host', 'The host name of this link is not valid.')
      : fail('url.invalid', 'This is not a well-formed web address.');
  }
}

// ---- host --------------------------------------------------------------------------------------------

/** The ASCII (punycode) host a browser would use for a possibly Unicode host, or null when it has none. */
function toAsciiHost(host: string): string | null {
  try {
    const url = new URL(`http://${host.replace(INVISIBLE, '')}/`);
    return url.hostname.replace(/\.+$/, '');
  } catch {
    return null;
  }
}

/** Unicode form of a punycode host; the ASCII host when a label does not decode and re-encode to itself. */
export function hostToUnicode(asciiHost: string): string {
  if (!/(?:^|\.)xn--/i.test(asciiHost)) return asciiHost;
  const labels = asciiHost
    .split('.')
    .map((label) =>
      label.toLowerCase().startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label,
    );
  const unicode = labels.join('.');
  // Display must parse back to the same key; a label that maps differently under UTS-46 is shown as ASCII.
  return toAsciiHost(unicode) === asciiHost ? unicode : asciiHost;
}

/** Checks a WHATWG hostname and finds its registrable domain. */
function analyseHost(hostname: string): ParseResult<HostInfo> {
  const host = hostname.replace(/\.+$/, ''); // "evil.com." is the same DNS name as "evil.com"
  if (host === '') return fail('url.invalid_host', 'The link has no host name.');
  if (host.startsWith('[') || IPV4.test(host)) {
    return ok({
      host,
      hostUnicode: host,
      matchHost: host,
      registrableDomain: host,
      registrableDomainUnicode: host,
      publicSuffix: null,
      isIp: true,
      isGovVn: false,
      isPrivateSuffix: false,
    });
  }
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((label) => LABEL.test(label))) {
    return fail('url.invalid_host', `"${host}" is not a valid host name.`);
  }
  let parts = parseDomainParts(host, { allowPrivateDomains: true, extractHostname: false });
  if (parts.isPrivate && !parts.domain) {
    // The host is a private suffix itself (github.io, web.app): its operator owns it as an ICANN domain.
    parts = parseDomainParts(host, { allowPrivateDomains: false, extractHostname: false });
  }
  if (!parts.isIcann && !parts.isPrivate) {
    return fail(
      'url.no_public_suffix',
      `"${host}" is not under a known public suffix, so nobody can have registered it.`,
    );
  }
  // A host that is an ICANN suffix itself (gov.vn, and the province suffixes such as binhthuan.vn) is run by
  // the suffix's registry and is a real web site; it is its own registrable domain. A bare TLD is not.
  if (!parts.domain && labels.length < 2) {
    return fail('url.no_public_suffix', `"${host}" is a top-level domain, not a registered domain.`);
  }
  const registrableDomain = parts.domain ?? host;
  const matchHost = host.startsWith('www.') && host.length > registrableDomain.length ? host.slice(4) : host;
  const hostUnicode = hostToUnicode(host);
  return ok({
    host,
    hostUnicode,
    matchHost,
    registrableDomain,
    registrableDomainUnicode: hostToUnicode(registrableDomain),
    publicSuffix: parts.publicSuffix,
    isIp: false,
    isGovVn: host === 'gov.vn' || host.endsWith('.gov.vn'),
    isPrivateSuffix: parts.isPrivate === true,
  });
}

/**
 * Parses a host, or the host of a link (`www.Vietcombank.com.vn`, `https://ngân-hàng.vn/x`, `1.2.3.4`).
 * Failure codes are the `url.*` ones. Used by the e-mail and social parsers too.
 */
export function parseHost(input: string): ParseResult<HostInfo> {
  const located = locate(input);
  if (!located.ok) return located;
  return analyseHost(located.url.hostname);
}

/**
 * Key of a full host for host lists (`host:login.evil.com`), or null when the input has no valid host.
 * Block lists such as chongluadao.vn's name hosts, not pages nor owners: `vietcombank.hosting-vn.com` may
 * be reported while `hosting-vn.com` itself is a hosting company with other customers. So a host sits
 * between the URL key (one page) and the domain key (one owner). `www.` is removed as in URL keys.
 */
export function hostKey(input: string): string | null {
  const host = parseHost(input);
  return host.ok ? `host:${host.value.matchHost}` : null;
}

// ---- path and query ----------------------------------------------------------------------------------

/** Decodes escapes of unreserved characters and upper-cases the hex of the others (RFC 3986 §6.2.2). */
function normaliseEscapes(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function isTracking(name: string, registrableDomain: string): boolean {
  if (TRACKING_PARAMETERS.has(name)) return true;
  if (TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  const scoped = PLATFORM_TRACKING_PARAMETERS[registrableDomain];
  return (
    scoped !== undefined &&
    scoped.some((entry) => (entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry))
  );
}

/** The query without tracking parameters and empty pairs, sorted by name; `''` when nothing is left. */
function normaliseQuery(search: string, registrableDomain: string): string {
  const pairs: { name: string; text: string }[] = [];
  // `&amp;` is a separator escaped for HTML (links copied from e-mail source, PhishTank has hundreds); a
  // real value containing "&amp;" would have been written %26amp%3B.
  for (const pair of search.replace(/^\?/, '').split(/&(?:amp;)?/)) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    if (isTracking(decodeName(rawName), registrableDomain)) continue;
    pairs.push({ name: normaliseEscapes(rawName), text: normaliseEscapes(pair) });
  }
  // Array.prototype.sort is stable: repeated names (a=2&a=1) keep their order, which may matter.
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.length === 0 ? '' : `?${pairs.map((pair) => pair.text).join('&')}`;
}

// ---- public parsers ----------------------------------------------------------------------------------

/** Parses a pasted web address into its registry identifier (see the module comment for the rules). */
export function parseUrl(input: string): ParseResult<UrlIdentifier> {
  const located = locate(input);
  if (!located.ok) return located;
  const { url } = located;
  const host = analyseHost(url.hostname);
  if (!host.ok) return host;
  const info = host.value;
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port === '' ? null : Number(url.port);
  const portText = port === null ? '' : `:${port}`;
  const rest = `${normaliseEscapes(url.pathname)}${normaliseQuery(url.search, info.registrableDomain)}`;
  return ok({
    kind: 'url',
    key: `url:${info.matchHost}${portText}${rest}`,
    display: `${scheme}://${info.hostUnicode}${portText}${rest}`,
    details: {
      url: `${scheme}://${info.host}${portText}${rest}`,
      scheme,
      host: info.host,
      hostUnicode: info.hostUnicode,
      port,
      registrableDomain: info.registrableDomain,
      publicSuffix: info.publicSuffix,
      isIp: info.isIp,
      isGovVn: info.isGovVn,
      isPrivateSuffix: info.isPrivateSuffix,
      hasUserinfo: url.username !== '' || url.password !== '',
    },
  });
}

const DOMAIN_CODES: Record<string, string> = { 'url.no_public_suffix': 'domain.no_public_suffix' };

/**
 * Parses a domain, a host or a link down to its registrable domain: `https://www.vietcombank.com.vn/x` →
 * `domain:vietcombank.com.vn`, `evil.web.app` → `domain:evil.web.app`. Accepts the wildcard and leading-dot
 * forms of block lists (`*.evil.com`, `.evil.com`), which name the domain with all its subdomains.
 * Failure codes: `domain.invalid` (not a host), `domain.no_public_suffix` (`localhost`, `com.vn`).
 */
export function parseDomain(input: string): ParseResult<DomainIdentifier> {
  if (typeof input !== 'string') return fail('domain.invalid', 'The input is not text.');
  const host = parseHost(cleanPasted(input).replace(/^\*?\./, ''));
  if (!host.ok) return fail(DOMAIN_CODES[host.code] ?? 'domain.invalid', host.message);
  const info = host.value;
  return ok(domainIdentifier(info, info.registrableDomainUnicode));
}

/**
 * parseDomain(input), given `link`, parseUrl's result for the same input: a link's host is the domain's
 * host, so a link that parsed gives the domain without parsing again (wildcard forms still do).
 */
export function parseDomainOfLink(
  input: string,
  link: ParseResult<UrlIdentifier>,
): ParseResult<DomainIdentifier> {
  if (!link.ok || /^\*?\./.test(cleanPasted(input))) return parseDomain(input);
  const { details } = link.value;
  return ok(domainIdentifier(details, hostToUnicode(details.registrableDomain)));
}

function domainIdentifier(
  info: Pick<HostInfo, 'registrableDomain' | 'publicSuffix' | 'isIp' | 'isPrivateSuffix'>,
  unicode: string,
): DomainIdentifier {
  const domain = info.registrableDomain;
  return {
    kind: 'domain',
    key: `domain:${domain}`,
    display: unicode,
    details: {
      domain,
      unicode,
      publicSuffix: info.publicSuffix,
      isGovVn: domain === 'gov.vn' || domain.endsWith('.gov.vn'),
      isIp: info.isIp,
      isPrivateSuffix: info.isPrivateSuffix,
    },
  };
}

// ---- punycode (RFC 3492), decoding only: encoding is done by the URL parser -----------------------------

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const MAX_INT = 0x7fffffff;

function adaptBias(delta: number, pointCount: number, firstTime: boolean): number {
  let scaled = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  scaled += Math.floor(scaled / pointCount);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z → 0-25
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  return BASE;
}

/** Decodes the part of a label after `xn--`; null when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  for (let index = 0; index < Math.max(delimiter, 0); index++) {
    const code = input.charCodeAt(index);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length;) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / weight)) return null;
      i += digit * weight;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      if (weight > Math.floor(MAX_INT / (BASE - threshold))) return null;
      weight *= BASE - threshold;
    }
    const length = output.length + 1;
    bias = adaptBias(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
