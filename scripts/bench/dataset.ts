// The synthetic registry of the lookup benchmark: row i (1-based) of the `indicators` table is a pure
// function of i, written once as SQL (to insert a million rows in a few statements) and once in
// TypeScript (to build the queries and to know what each answer should be). Rows 1..count exist; the same
// functions applied to count+1..2·count give identifiers of the same shapes that are not in the registry.
//
//   i % 20 == 0   domain        domain:<word>-<i>.<tld>                    (5 %)
//   i % 20 == 1   bank account  bank_account:970436:10<10 digits>          (5 %, Vietcombank)
//   otherwise     phone         phone:+84<prefix><7 digits>                (90 %, ten mobile prefixes)
//
// Status, sharing, report count, method and dates come from a 32-bit multiplicative hash of i:
// 45 % reported, 10 % verifying, 25 % confirmed_scam, 10 % cleared, 10 % expired; 90 % public,
// 7 % agencies, 3 % police.

import { ScamMethod } from '@khien/contracts';
export type Kind = 'phone' | 'bank_account' | 'domain';
export type Status = 'reported' | 'verifying' | 'confirmed_scam' | 'cleared' | 'expired';
export type Sharing = 'public' | 'agencies' | 'police';

const PREFIXES = ['91', '38', '90', '97', '70', '77', '81', '86', '98', '35'];
const WORDS = ['nhanqua', 'quatang', 'khuyenmai', 'trungthuong', 'hoantien', 'vaytien', 'vieclam', 'dautu'];
const TLDS = ['top', 'xyz', 'online', 'site', 'shop', 'click'];
/** The scam-method taxonomy of the contracts, in its order. */
export const METHODS: readonly string[] = ScamMethod.options;
/** Vietcombank's NAPAS BIN; `VCB <digits>` in a query resolves to it. */
const BANK_BIN = '970436';
/** Rows are unique as long as i stays below 10^8 (the phone numbering); 2·count must too. */
export const MAX_COUNT = 20_000_000;

const sqlArray = (items: readonly string[]) => `array[${items.map((item) => `'${item}'`).join(',')}]`;

/** The hash of row i in [0, 2^32), the same in SQL (bigint arithmetic) and here (Math.imul). */
export function rowHash(i: number): number {
  return Math.imul(i, 2654435761 | 0) >>> 0;
}

export function kindOf(i: number): Kind {
  const r = i % 20;
  return r === 0 ? 'domain' : r === 1 ? 'bank_account' : 'phone';
}

function phoneDigits(i: number): string {
  const prefix = PREFIXES[i % 10]!;
  const subscriber = (Math.floor(i / 10) * 7919 + 12345) % 10_000_000;
  return prefix + String(subscriber).padStart(7, '0');
}

function domainOf(i: number): string {
  const j = Math.floor(i / 20);
  return `${WORDS[j % WORDS.length]}-${i}.${TLDS[j % TLDS.length]}`;
}

function accountOf(i: number): string {
  // i·7919 stays below 2^53 for i < 10^12; the modulus keeps 10 digits.
  return '10' + String((i * 7919) % 10_000_000_000).padStart(10, '0');
}

/** The registry key of row i (whether or not the row exists). */
export function keyOf(i: number): string {
  switch (kindOf(i)) {
    case 'phone':
      return `phone:+84${phoneDigits(i)}`;
    case 'domain':
      return `domain:${domainOf(i)}`;
    case 'bank_account':
      return `bank_account:${BANK_BIN}:${accountOf(i)}`;
  }
}

/** What a citizen would type to check row i's identifier. */
export function queryOf(i: number): string {
  switch (kindOf(i)) {
    case 'phone':
      return `0${phoneDigits(i)}`;
    case 'domain':
      return domainOf(i);
    case 'bank_account':
      return `VCB ${accountOf(i)}`;
  }
}

export interface RowFacts {
  status: Status;
  sharing: Sharing;
  confidence: number;
  reportCount: number;
}

export function factsOf(i: number): RowFacts {
  const h = rowHash(i);
  const s = h % 100;
  const status: Status =
    s < 45 ? 'reported' : s < 55 ? 'verifying' : s < 80 ? 'confirmed_scam' : s < 90 ? 'cleared' : 'expired';
  const sh = Math.floor(h / 100) % 100;
  const sharing: Sharing = sh < 90 ? 'public' : sh < 97 ? 'agencies' : 'police';
  const reportCount = 1 + (Math.floor(h / 10_000) % 12);
  const confidence =
    status === 'confirmed_scam'
      ? 95
      : status === 'cleared'
        ? 0
        : Math.min(90, Math.round(100 * (1 - Math.pow(0.7, reportCount))));
  return { status, sharing, confidence, reportCount };
}

/** The public verdict a check of row i's identifier should give, when the row exists. */
export function expectedVerdict(i: number, exists: boolean): 'confirmed_scam' | 'suspicious' | 'no_data' {
  if (!exists) return 'no_data';
  const { status, sharing, confidence } = factsOf(i);
  if (sharing !== 'public') return 'no_data';
  if (status === 'confirmed_scam') return 'confirmed_scam';
  if ((status === 'reported' || status === 'verifying') && confidence > 0) return 'suspicious';
  return 'no_data';
}

/**
 * Inserts rows $1..$2 (bigints). Ids are time-ordered like the server's UUIDv7 (48-bit milliseconds
 * first), so that reading the table in id order behaves as it does on real data.
 */
export const INSERT_SQL = `
with g as (
  select i, (i * 2654435761) % 4294967296 as h from generate_series($1::bigint, $2::bigint) as s(i)
), f as (
  select i, h,
    case when i % 20 = 0 then 'domain' when i % 20 = 1 then 'bank_account' else 'phone' end as kind,
    (${sqlArray(PREFIXES)})[(i % 10) + 1] || lpad((((i / 10) * 7919 + 12345) % 10000000)::text, 7, '0') as phone,
    (${sqlArray(WORDS)})[((i / 20) % ${WORDS.length}) + 1] || '-' || i || '.' || (${sqlArray(TLDS)})[((i / 20) % ${TLDS.length}) + 1] as domain,
    '10' || lpad(((i * 7919) % 10000000000)::text, 10, '0') as account,
    case when h % 100 < 45 then 'reported' when h % 100 < 55 then 'verifying'
         when h % 100 < 80 then 'confirmed_scam' when h % 100 < 90 then 'cleared' else 'expired' end as status,
    case when (h / 100) % 100 < 90 then 'public' when (h / 100) % 100 < 97 then 'agencies' else 'police' end as sharing,
    1 + (h / 10000) % 12 as report_count,
    (${sqlArray(METHODS)})[((h / 120000) % ${METHODS.length}) + 1] as method,
    date_trunc('day', now()) - ((h / 2160000) % 365) * interval '1 day' + interval '9 hours' as last_seen,
    lpad(to_hex(1767225600000 + i), 12, '0') as t, md5(i::text) as m
  from g
)
insert into indicators (id, kind, key, display, status, confidence, scam_methods, first_seen_at, last_seen_at,
  report_count, sharing, expires_at, status_changed_at)
select
  (substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(m, 1, 3) || '-8' || substr(m, 4, 3) || '-' || substr(m, 7, 12))::uuid,
  kind,
  case kind when 'phone' then 'phone:+84' || phone when 'domain' then 'domain:' || domain
    else 'bank_account:${BANK_BIN}:' || account end,
  case kind when 'phone' then '0' || phone when 'domain' then domain else 'VCB · ' || account end,
  status,
  case status when 'confirmed_scam' then 95 when 'cleared' then 0
    else least(90, round(100 * (1 - power(0.7::numeric, report_count)))) end,
  array[method],
  last_seen - ((h / 11) % 60) * interval '1 day',
  last_seen,
  report_count,
  sharing,
  case when status in ('reported', 'verifying') then last_seen + interval '180 days' end,
  last_seen
from f`;

/** A small deterministic generator (mulberry32), so that every run asks the same questions. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Probe {
  /** The row number: ≤ count when the identifier is in the registry. */
  i: number;
  exists: boolean;
}

/**
 * The identifiers a run asks about: `size` rows drawn uniformly, `presentShare` of them from the registry
 * and the rest from the rows beyond it (same shapes, not listed).
 */
export function probes(count: number, size: number, presentShare: number, seed = 7): Probe[] {
  const next = random(seed);
  const out: Probe[] = [];
  for (let n = 0; n < size; n++) {
    const exists = next() < presentShare;
    const i = 1 + Math.floor(next() * count) + (exists ? 0 : count);
    out.push({ i, exists });
  }
  return out;
}
