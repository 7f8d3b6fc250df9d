import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IpFacts } from './facts.js';

/**
 * What the screening rules know of a client IP (issue 7): its country, from an offline IP-to-country
 * database that comes through npm, whether that is outside Vietnam, and whether the address belongs to an
 * anonymising network. Nothing is downloaded: the data is the CSV shipped inside the npm package
 * `@ip-location-db/dbip-country` (DB-IP's IP to Country Lite, CC BY 4.0; see docs/reference-data.md),
 * read once into typed arrays when `createIpFacts` is called, then searched by bisection.
 *
 * Addresses that no database can place (private, loopback, link-local, shared CGNAT, documentation,
 * multicast, reserved) and anything that is not an IP address give `country: null, foreign: false`.
 * IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) IPv6 addresses are looked
 * up by the IPv4 address they carry.
 *
 * The anonymising flag comes from a provider: a list of CIDR ranges that the operator supplies (a Tor exit
 * list, public VPN or hosting ranges it keeps up to date itself), a function, or both. We found no list of
 * anonymising networks on npm that is kept up to date and licensed for redistribution, so by default
 * nothing is flagged.
 * TODO(issue 7): ship or load a list of anonymising ranges (Tor exit nodes, hosting ASNs) once one with a
 * compatible licence is available offline; until then `anonymising` is false unless the caller supplies one.
 */

export type AnonymisingProvider = (ip: string, version: 4 | 6) => boolean;

export interface IpFactsOptions {
  /**
   * The folder holding `dbip-country-ipv4-num.csv` and `dbip-country-ipv6.csv`; by default the installed
   * `@ip-location-db/dbip-country` package.
   */
  dataDir?: string;
  /** The country that is not foreign (ISO 3166 alpha-2; default `VN`). */
  homeCountry?: string;
  /** CIDR ranges (or single addresses) of anonymising networks, IPv4 or IPv6. */
  anonymisingRanges?: readonly string[];
  /** A further test for anonymising networks, asked for addresses the database can place. */
  isAnonymising?: AnonymisingProvider;
}

export interface IpFactsSource {
  /** The data package and its version, e.g. `@ip-location-db/dbip-country@2.3.2026060120`. */
  name: string;
  ipv4Ranges: number;
  ipv6Ranges: number;
  anonymisingRanges: number;
  loadMs: number;
}

export interface IpFactsLookup {
  /** Never throws: garbage in gives `{ country: null, foreign: false, anonymising: false }`. */
  lookup(ip: string): IpFacts;
  readonly source: IpFactsSource;
}

const DATA_PACKAGE = '@ip-location-db/dbip-country';
const IPV4_FILE = 'dbip-country-ipv4-num.csv';
const IPV6_FILE = 'dbip-country-ipv6.csv';

// ── Parsing addresses ────────────────────────────────────────────────────────────────────────────────

/** The 32-bit value of a dotted-quad IPv4 address, or -1. Leading zeros are refused (octal ambiguity). */
export function parseIpv4(text: string, from = 0, to = text.length): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // a leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + part;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Parses an IPv6 address into four 32-bit words (most significant first) written into `out` at `at`.
 * Accepts `::` compression and a dotted IPv4 tail; refuses zone ids, brackets and anything else.
 */
export function parseIpv6(text: string, out: Uint32Array, at = 0, from = 0, to = text.length): boolean {
  const groups = scratchGroups;
  let count = 0;
  let gap = -1; // where `::` stands, in groups
  let i = from;
  if (to - from < 2) return false;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
    if (i === to) {
      out.fill(0, at, at + 4);
      return true;
    }
  }
  while (i < to) {
    // One group: up to four hex digits, or a dotted IPv4 tail.
    let value = 0;
    let digits = 0;
    const start = i;
    while (i < to) {
      const d = hexDigit(text.charCodeAt(i));
      if (d < 0) break;
      value = value * 16 + d;
      digits++;
      i++;
    }
    if (i < to && text.charCodeAt(i) === 46) {
      if (count > 6) return false;
      const v4 = parseIpv4(text, start, to);
      if (v4 < 0) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = to;
      break;
    }
    if (digits === 0 || digits > 4 || count === 8) return false;
    groups[count++] = value;
    if (i === to) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (i < to && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === to) {
      return false; // a trailing single colon
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  const missing = 8 - count;
  for (let word = 0; word < 4; word++) {
    const g = word * 2;
    const hi = groupAt(groups, g, gap, missing);
    const lo = groupAt(groups, g + 1, gap, missing);
    out[at + word] = ((hi << 16) | lo) >>> 0;
  }
  return true;
}

const scratchGroups = new Uint16Array(8);

function groupAt(groups: Uint16Array, index: number, gap: number, missing: number): number {
  if (gap < 0 || index < gap) return groups[index]!;
  if (index < gap + missing) return 0;
  return groups[index - missing]!;
}

// ── Addresses no database places ─────────────────────────────────────────────────────────────────────

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** [first, last] of the IPv4 blocks that are not on the public internet (RFC 6890 and friends). */
const SPECIAL_IPV4: readonly (readonly [number, number])[] = [
  [v4(0, 0, 0, 0), v4(0, 255, 255, 255)], // "this network"
  [v4(10, 0, 0, 0), v4(10, 255, 255, 255)], // private
  [v4(100, 64, 0, 0), v4(100, 127, 255, 255)], // shared address space (carrier-grade NAT)
  [v4(127, 0, 0, 0), v4(127, 255, 255, 255)], // loopback
  [v4(169, 254, 0, 0), v4(169, 254, 255, 255)], // link-local
  [v4(172, 16, 0, 0), v4(172, 31, 255, 255)], // private
  [v4(192, 0, 0, 0), v4(192, 0, 0, 255)], // IETF protocol assignments
  [v4(192, 0, 2, 0), v4(192, 0, 2, 255)], // documentation
  [v4(192, 168, 0, 0), v4(192, 168, 255, 255)], // private
  [v4(198, 18, 0, 0), v4(198, 19, 255, 255)], // benchmarking
  [v4(198, 51, 100, 0), v4(198, 51, 100, 255)], // documentation
  [v4(203, 0, 113, 0), v4(203, 0, 113, 255)], // documentation
  [v4(224, 0, 0, 0), v4(255, 255, 255, 255)], // multicast, reserved, broadcast
];

/** First octets that begin a special block: most addresses are told apart by one array read. */
const SPECIAL_FIRST_OCTET = new Uint8Array(256);
for (const [first, last] of SPECIAL_IPV4) {
  for (let octet = first >>> 24; octet <= last >>> 24; octet++) SPECIAL_FIRST_OCTET[octet] = 1;
}

function isSpecialIpv4(address: number): boolean {
  if (SPECIAL_FIRST_OCTET[address >>> 24] === 0) return false;
  for (const [first, last] of SPECIAL_IPV4) if (address >= first && address <= last) return true;
  return false;
}

const IPV6_LOOKUP = -1;
const IPV6_SPECIAL = -2;

/**
 * What to do with an IPv6 address: look it up as IPv6 (`IPV6_LOOKUP`), as the IPv4 address it carries
 * (returned, unsigned), or not at all (`IPV6_SPECIAL`). Only global unicast (2000::/3) is placed, less
 * documentation and Teredo.
 */
function classifyIpv6(w: Uint32Array): number {
  const [w0, w1, w2, w3] = [w[0]!, w[1]!, w[2]!, w[3]!];
  if (w0 === 0 && w1 === 0 && w2 === 0xffff) return w3; // ::ffff:a.b.c.d, IPv4-mapped
  if (w0 === 0x0064ff9b && w1 === 0 && w2 === 0) return w3; // 64:ff9b::/96, NAT64
  if (w0 >>> 16 === 0x2002) return (((w0 & 0xffff) << 16) | (w1 >>> 16)) >>> 0; // 6to4
  if (w0 >>> 29 !== 1) return IPV6_SPECIAL; // outside 2000::/3: loopback, ULA, link-local, multicast…
  if (w0 === 0x20010db8) return IPV6_SPECIAL; // documentation
  if (w0 >>> 20 === 0x3ff) return IPV6_SPECIAL; // 3fff::/20, documentation (RFC 9637)
  if (w0 === 0x20010000) return IPV6_SPECIAL; // Teredo: the client's own address is hidden in it
  return IPV6_LOOKUP;
}

// ── Ranges ───────────────────────────────────────────────────────────────────────────────────────────

/** Compares the 128-bit value at `a[ai..ai+3]` with `b[bi..bi+3]`. */
function compare128(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  for (let k = 0; k < 4; k++) {
    const x = a[ai + k]!;
    const y = b[bi + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Index of the last IPv4 range starting at or before `address` that also ends at or after it, or -1. */
function findIpv4(starts: Uint32Array, ends: Uint32Array, address: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! <= address) low = mid + 1;
    else high = mid - 1;
  }
  return high >= 0 && ends[high]! >= address ? high : -1;
}

function findIpv6(starts: Uint32Array, ends: Uint32Array, key: Uint32Array): number {
  let low = 0;
  let high = starts.length / 4 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (compare128(starts, mid * 4, key, 0) <= 0) low = mid + 1;
    else high = mid - 1;
  }
  return high >= 0 && compare128(ends, high * 4, key, 0) >= 0 ? high : -1;
}

interface CountryTable {
  v4Starts: Uint32Array;
  v4Ends: Uint32Array;
  v4Countries: Uint16Array;
  v6Starts: Uint32Array;
  v6Ends: Uint32Array;
  v6Countries: Uint16Array;
  countries: string[];
}

/** Calls `each(line start, first comma, second comma, line end)` for every `start,end,CC` line. */
function forEachRow(text: string, each: (from: number, comma1: number, comma2: number, to: number) => void) {
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const end = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
    if (end > from) {
      const comma1 = text.indexOf(',', from);
      const comma2 = comma1 < 0 ? -1 : text.indexOf(',', comma1 + 1);
      if (comma1 < 0 || comma2 < 0 || comma2 >= end)
        throw new Error('ip database: a line without three fields');
      each(from, comma1, comma2, end);
    }
    from = to + 1;
  }
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? lines + 1 : lines;
}

function parseDecimal(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) throw new Error('ip database: a number that is not one');
    value = value * 10 + c;
  }
  return value;
}

function loadCountryTable(dir: string): CountryTable {
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const countryOf = (text: string, from: number, to: number) => {
    const code = text.slice(from, to);
    if (!/^[A-Z]{2}$/.test(code)) throw new Error(`ip database: country code ${JSON.stringify(code)}`);
    let index = countryIndex.get(code);
    if (index === undefined) {
      index = countries.length;
      countries.push(code);
      countryIndex.set(code, index);
    }
    return index;
  };

  const v4Text = fs.readFileSync(path.join(dir, IPV4_FILE), 'latin1');
  const v4Rows = countLines(v4Text);
  const v4Starts = new Uint32Array(v4Rows);
  const v4Ends = new Uint32Array(v4Rows);
  const v4Countries = new Uint16Array(v4Rows);
  let n = 0;
  forEachRow(v4Text, (from, comma1, comma2, to) => {
    v4Starts[n] = parseDecimal(v4Text, from, comma1);
    v4Ends[n] = parseDecimal(v4Text, comma1 + 1, comma2);
    v4Countries[n] = countryOf(v4Text, comma2 + 1, to);
    if (n > 0 && v4Starts[n]! <= v4Ends[n - 1]!) throw new Error('ip database: IPv4 ranges out of order');
    n++;
  });

  const v6Text = fs.readFileSync(path.join(dir, IPV6_FILE), 'latin1');
  const v6Rows = countLines(v6Text);
  const v6Starts = new Uint32Array(v6Rows * 4);
  const v6Ends = new Uint32Array(v6Rows * 4);
  const v6Countries = new Uint16Array(v6Rows);
  let m = 0;
  forEachRow(v6Text, (from, comma1, comma2, to) => {
    if (
      !parseIpv6(v6Text, v6Starts, m * 4, from, comma1) ||
      !parseIpv6(v6Text, v6Ends, m * 4, comma1 + 1, comma2)
    ) {
      throw new Error(`ip database: IPv6 range ${v6Text.slice(from, comma2)}`);
    }
    v6Countries[m] = countryOf(v6Text, comma2 + 1, to);
    if (m > 0 && compare128(v6Starts, m * 4, v6Ends, (m - 1) * 4) <= 0) {
      throw new Error('ip database: IPv6 ranges out of order');
    }
    m++;
  });
  return {
    v4Starts: v4Starts.subarray(0, n),
    v4Ends: v4Ends.subarray(0, n),
    v4Countries,
    v6Starts: v6Starts.subarray(0, m * 4),
    v6Ends: v6Ends.subarray(0, m * 4),
    v6Countries,
    countries,
  };
}

/** CIDR ranges, merged and sorted, for the anonymising flag. */
interface RangeSet {
  v4Starts: Uint32Array;
  v4Ends: Uint32Array;
  v6Starts: Uint32Array;
  v6Ends: Uint32Array;
  size: number;
}

function buildRangeSet(cidrs: readonly string[]): RangeSet {
  const v4: [number, number][] = [];
  const v6: { start: Uint32Array; end: Uint32Array }[] = [];
  for (const raw of cidrs) {
    const text = raw.trim();
    const slash = text.indexOf('/');
    const address = slash < 0 ? text : text.slice(0, slash);
    const prefixText = slash < 0 ? null : text.slice(slash + 1);
    const ipv4 = parseIpv4(address);
    if (ipv4 >= 0) {
      const prefix = prefixText === null ? 32 : Number(prefixText);
      if (!/^\d{1,2}$/.test(prefixText ?? '32') || prefix > 32) throw new Error(`anonymising range ${raw}`);
      const host = prefix === 0 ? 0xffffffff : prefix === 32 ? 0 : (2 ** (32 - prefix) - 1) >>> 0;
      const start = (ipv4 & ~host) >>> 0;
      v4.push([start, (start | host) >>> 0]);
      continue;
    }
    const start = new Uint32Array(4);
    if (!parseIpv6(address, start)) throw new Error(`anonymising range ${raw}`);
    const prefix = prefixText === null ? 128 : Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText ?? '128') || prefix > 128) throw new Error(`anonymising range ${raw}`);
    const end = new Uint32Array(4);
    for (let word = 0; word < 4; word++) {
      const bits = Math.min(32, Math.max(0, prefix - word * 32)); // network bits in this word
      const host = bits === 32 ? 0 : bits === 0 ? 0xffffffff : (2 ** (32 - bits) - 1) >>> 0;
      start[word] = (start[word]! & ~host) >>> 0;
      end[word] = (start[word]! | host) >>> 0;
    }
    v6.push({ start, end });
  }
  v4.sort((a, b) => a[0] - b[0]);
  const merged4: [number, number][] = [];
  for (const range of v4) {
    const last = merged4[merged4.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged4.push([range[0], range[1]]);
  }
  v6.sort((a, b) => compare128(a.start, 0, b.start, 0));
  const merged6: { start: Uint32Array; end: Uint32Array }[] = [];
  for (const range of v6) {
    const last = merged6[merged6.length - 1];
    if (last && compare128(range.start, 0, last.end, 0) <= 0) {
      if (compare128(range.end, 0, last.end, 0) > 0) last.end = range.end;
    } else {
      merged6.push({ start: range.start, end: range.end });
    }
  }
  const v6Starts = new Uint32Array(merged6.length * 4);
  const v6Ends = new Uint32Array(merged6.length * 4);
  merged6.forEach((range, i) => {
    v6Starts.set(range.start, i * 4);
    v6Ends.set(range.end, i * 4);
  });
  return {
    v4Starts: Uint32Array.from(merged4, (r) => r[0]),
    v4Ends: Uint32Array.from(merged4, (r) => r[1]),
    v6Starts,
    v6Ends,
    size: cidrs.length,
  };
}

// ── The lookup ───────────────────────────────────────────────────────────────────────────────────────

function defaultDataDir(): { dir: string; name: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${DATA_PACKAGE}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: path.dirname(manifest), name: `${DATA_PACKAGE}@${version}` };
}

const UNKNOWN: IpFacts = Object.freeze({ country: null, foreign: false, anonymising: false });

/**
 * Loads the IP database (about half a second, once per process) and returns the lookup. Synchronous, so
 * that it can be made at start-up; throws when the data files are missing or malformed.
 */
export function createIpFacts(options: IpFactsOptions = {}): IpFactsLookup {
  const started = performance.now();
  const home = (options.homeCountry ?? 'VN').toUpperCase();
  const located = options.dataDir
    ? { dir: options.dataDir, name: `${DATA_PACKAGE} data in ${options.dataDir}` }
    : defaultDataDir();
  const table = loadCountryTable(located.dir);
  const anonymous = buildRangeSet(options.anonymisingRanges ?? []);
  const provider = options.isAnonymising;

  // One frozen answer per country and flag, shared by every lookup: no allocation per lookup.
  const answers = table.countries.map((country) =>
    [false, true].map((anonymising) => Object.freeze({ country, foreign: country !== home, anonymising })),
  );
  const key = new Uint32Array(4);

  const inAnonymous4 = (address: number) =>
    anonymous.v4Starts.length > 0 && findIpv4(anonymous.v4Starts, anonymous.v4Ends, address) >= 0;
  const inAnonymous6 = (words: Uint32Array) =>
    anonymous.v6Starts.length > 0 && findIpv6(anonymous.v6Starts, anonymous.v6Ends, words) >= 0;

  const lookup4 = (address: number, ip: string): IpFacts => {
    if (isSpecialIpv4(address)) return UNKNOWN;
    const index = findIpv4(table.v4Starts, table.v4Ends, address);
    const flagged = inAnonymous4(address) || (provider ? provider(ip, 4) : false);
    if (index < 0) return flagged ? { ...UNKNOWN, anonymising: true } : UNKNOWN;
    return answers[table.v4Countries[index]!]![flagged ? 1 : 0]!;
  };

  function lookup(ip: string): IpFacts {
    if (typeof ip !== 'string' || ip.length === 0 || ip.length > 64) return UNKNOWN;
    const address = parseIpv4(ip);
    if (address >= 0) return lookup4(address, ip);
    if (!parseIpv6(ip, key)) return UNKNOWN;
    const kind = classifyIpv6(key);
    if (kind === IPV6_SPECIAL) return UNKNOWN;
    if (kind !== IPV6_LOOKUP) return lookup4(kind >>> 0, ip);
    const index = findIpv6(table.v6Starts, table.v6Ends, key);
    const flagged = inAnonymous6(key) || (provider ? provider(ip, 6) : false);
    if (index < 0) return flagged ? { ...UNKNOWN, anonymising: true } : UNKNOWN;
    return answers[table.v6Countries[index]!]![flagged ? 1 : 0]!;
  }

  return {
    lookup,
    source: Object.freeze({
      name: located.name,
      ipv4Ranges: table.v4Starts.length,
      ipv6Ranges: table.v6Starts.length / 4,
      anonymisingRanges: anonymous.size,
      loadMs: Math.round(performance.now() - started),
    }),
  };
}
