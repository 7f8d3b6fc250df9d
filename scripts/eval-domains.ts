// Evaluates lookalike-domain detection (packages/core/src/lookalike) on real data kept outside the
// repository, in ../shared/data (no licence: read here at evaluation time, never copied):
//   domains/vn-legit-hosts-2023-06.txt  chongluadao.vn allowlist (banks, government, big services)
//   domains/vn-scam-hosts-2022-10.txt   chongluadao.vn blocklist
//   urls/phishtank-2020.csv             verified phishing URLs with the targeted brand
//   urls/iscx-2016-benign.csv           benign URLs
// and, for the reference labelling, the MIT bank lists in reference/banks and
// reference/bank-official-domains.
//
//   node --import tsx scripts/eval-domains.ts            summary tables
//   node --import tsx scripts/eval-domains.ts --review 200 [--seed 7]
//                                                          also print a seeded sample to label by hand
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  checkLookalike,
  decodePunycode,
  extractHost,
  type LookalikeResult,
} from '../packages/core/src/lookalike/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = path.resolve(repoRoot, '..', 'shared', 'data');

const files = {
  legitHosts: path.join(dataRoot, 'domains', 'vn-legit-hosts-2023-06.txt'),
  scamHosts: path.join(dataRoot, 'domains', 'vn-scam-hosts-2022-10.txt'),
  phishtank: path.join(dataRoot, 'urls', 'phishtank-2020.csv'),
  benignUrls: path.join(dataRoot, 'urls', 'iscx-2016-benign.csv'),
  banks: path.join(dataRoot, 'reference', 'banks', 'ghuyphan_vn-banks.json'),
  ewallets: path.join(dataRoot, 'reference', 'banks', 'ghuyphan_vn-ewallet.json'),
  bankDomains: path.join(dataRoot, 'reference', 'bank-official-domains', 'delta94_banks_with_urls.json'),
};

const missing = Object.values(files).filter((file) => !fs.existsSync(file));
if (missing.length > 0) {
  for (const file of missing) console.error(`eval-domains: missing data file ${file}`);
  console.error('The evaluation data lives in ../shared/data next to the repository (see its README).');
  process.exit(1);
}

const args = process.argv.slice(2);
const reviewSize = Number(args[args.indexOf('--review') + 1] ?? 0) || (args.includes('--review') ? 200 : 0);
const seed = Number(args[args.indexOf('--seed') + 1] ?? 7) || 7;

function readLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Minimal RFC 4180 reader (quoted fields with commas and doubled quotes). */
function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(2).padStart(6)}%`;

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => String(row[column] ?? '').length)),
  );
  const line = (cells: (string | number)[]): string =>
    cells.map((cell, column) => String(cell).padEnd(widths[column] as number)).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

const isBankOrWallet = (result: LookalikeResult): boolean =>
  result.verdict === 'lookalike' && (result.brand?.kind === 'bank' || result.brand?.kind === 'ewallet');

// ── Reference labelling (independent of the detector's brand list and rules) ─────────────────────
// A host "imitates a bank or e-wallet" when, after lower-casing, IDN decoding and removing
// diacritics, it contains the name of a Vietnamese bank or e-wallet from the MIT reference lists:
// - names of 4+ letters (vietcombank, techcombank, bidv, momo, zalopay …) anywhere in the host with
//   dots and hyphens removed;
// - codes of 2–3 letters (acb, vcb, tcb, shb …) only as a whole token between dots, hyphens or
//   digits, or glued to "bank"/"banking" (acbbank).
// Names come from ghuyphan/vietnam-banks-and-ewallets (name and code fields) and from the hosts of
// delta94 (old names such as lienvietpostbank, oceanbank), plus "viettelpay" (old name of Viettel
// Money). A few codes that are common words are dropped (listed below). The reference is itself
// imperfect; its precision is measured on the hand-reviewed sample (--review).
interface ReferenceName {
  readonly name: string;
  readonly brand: string;
}

const AMBIGUOUS_REFERENCE_CODES = new Set(['cake', 'timo', 'kbank', 'ubank', 'vikki', 'mbv', 'nhb', 'ibk']);

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

function referenceNames(): ReferenceName[] {
  const names = new Map<string, string>();
  const add = (raw: string, brand: string): void => {
    const name = fold(raw).replace(/[^a-z0-9]/g, '');
    if (name.length < 2 || AMBIGUOUS_REFERENCE_CODES.has(name) || names.has(name)) return;
    names.set(name, brand);
  };
  const banks = JSON.parse(fs.readFileSync(files.banks, 'utf8')) as {
    banks: { code: string; name: string }[];
  };
  for (const bank of banks.banks) {
    add(bank.name, bank.name);
    add(bank.code, bank.name);
  }
  const wallets = JSON.parse(fs.readFileSync(files.ewallets, 'utf8')) as {
    ewallets: { code: string; name: string }[];
  };
  for (const wallet of wallets.ewallets) {
    add(wallet.name, wallet.name);
    add(wallet.code, wallet.name);
  }
  add('viettelpay', 'Viettel Money');
  const domains = JSON.parse(fs.readFileSync(files.bankDomains, 'utf8')) as {
    code: string;
    host: string | null;
  }[];
  for (const entry of domains) {
    if (!entry.host || !/\.vn$/.test(entry.host)) continue;
    const label = entry.host.replace(/^www\./, '').split('.')[0] ?? '';
    add(label, entry.code || label);
  }
  return [...names].map(([name, brand]) => ({ name, brand }));
}

const REFERENCE = referenceNames();

function referenceLabel(rawHost: string): string | null {
  const host = fold(
    rawHost
      .replace(/^\*\./, '')
      .split('.')
      .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
      .join('.'),
  );
  const flat = host.replace(/[.-]/g, '');
  const tokens = host.split(/[.\-0-9]+/).filter((token) => token !== '');
  for (const { name, brand } of REFERENCE) {
    if (name.length >= 4) {
      if (flat.includes(name)) return brand;
    } else if (
      tokens.some(
        (token) =>
          token === name || token === `${name}bank` || token === `${name}banking` || token === `bank${name}`,
      )
    ) {
      return brand;
    }
  }
  return null;
}

// ── Runs ─────────────────────────────────────────────────────────────────────────────────────────

function evaluateHosts(hosts: string[]): { host: string; result: LookalikeResult }[] {
  return hosts.map((host) => ({ host, result: checkLookalike(host.replace(/^\*\./, '')) }));
}

console.log('Lookalike-domain evaluation (packages/core/src/lookalike)');
console.log(`data: ${dataRoot}`);

// 1. Legitimate hosts
const legit = evaluateHosts(readLines(files.legitHosts));
const legitFlagged = legit.filter(({ result }) => result.verdict === 'lookalike');
const legitOfficial = legit.filter(({ result }) => result.verdict === 'official');

// 2. Benign URLs
const benignUrls = readLines(files.benignUrls);
const benignHostCount = new Map<string, number>();
let benignUnreadable = 0;
for (const url of benignUrls) {
  const host = extractHost(url);
  if (host === null) benignUnreadable++;
  else benignHostCount.set(host, (benignHostCount.get(host) ?? 0) + 1);
}
const benign = evaluateHosts([...benignHostCount.keys()]);
const benignFlagged = benign.filter(({ result }) => result.verdict === 'lookalike');
const benignFlaggedUrls = benignFlagged.reduce((sum, { host }) => sum + (benignHostCount.get(host) ?? 0), 0);

table(
  'False positives on legitimate data (verdict "lookalike")',
  ['set', 'items', 'official', 'flagged', 'flagged %'],
  [
    [
      'vn-legit-hosts (distinct hosts)',
      legit.length,
      legitOfficial.length,
      legitFlagged.length,
      percent(legitFlagged.length, legit.length),
    ],
    [
      'iscx-benign (distinct hosts)',
      benign.length,
      benign.filter(({ result }) => result.verdict === 'official').length,
      benignFlagged.length,
      percent(benignFlagged.length, benign.length),
    ],
    [
      'iscx-benign (URLs)',
      benignUrls.length,
      '',
      benignFlaggedUrls,
      percent(benignFlaggedUrls, benignUrls.length),
    ],
  ],
);
if (benignUnreadable > 0)
  console.log(`(${benignUnreadable} benign URLs had no readable host and were skipped)`);
console.log('\nFlagged legitimate hosts (to inspect):');
for (const { host, result } of [...legitFlagged, ...benignFlagged]) {
  console.log(`  ${host.padEnd(36)} ${result.brand?.id ?? ''} / ${result.technique ?? ''}`);
}

// 3. Scam hosts against the reference labelling
const scam = evaluateHosts(readLines(files.scamHosts)).map((row) => ({
  ...row,
  reference: referenceLabel(row.host),
}));
const truePositives = scam.filter((row) => row.reference !== null && isBankOrWallet(row.result));
const falseNegatives = scam.filter((row) => row.reference !== null && !isBankOrWallet(row.result));
const falsePositives = scam.filter((row) => row.reference === null && isBankOrWallet(row.result));
const precision = truePositives.length / (truePositives.length + falsePositives.length);
const recall = truePositives.length / (truePositives.length + falseNegatives.length);
const anyBrand = scam.filter((row) => row.result.verdict === 'lookalike');
const officialScams = scam.filter((row) => row.result.verdict === 'official');

console.log('\nReference labelling of scam hosts: a host imitates a bank/e-wallet when its folded host');
console.log('contains a Vietnamese bank or e-wallet name (4+ letters, anywhere) or code (2-3 letters, as a');
console.log('whole token or glued to "bank") from the MIT reference lists (ghuyphan banks and e-wallets,');
console.log('delta94 bank hosts). The detector counts as positive when it answers "lookalike" with a brand');
console.log('of kind bank or ewallet. The reference is checked by hand on a seeded sample (--review).');
table(
  'Bank and e-wallet lookalikes in vn-scam-hosts-2022-10 (detector vs reference labelling)',
  [
    'scam hosts',
    'reference +',
    'detector +',
    'TP',
    'FP',
    'FN',
    'precision',
    'recall',
    'any brand flagged',
    'official',
  ],
  [
    [
      scam.length,
      truePositives.length + falseNegatives.length,
      truePositives.length + falsePositives.length,
      truePositives.length,
      falsePositives.length,
      falseNegatives.length,
      percent(precision * 100, 100),
      percent(recall * 100, 100),
      `${anyBrand.length} (${percent(anyBrand.length, scam.length).trim()})`,
      officialScams.length,
    ],
  ],
);
const techniqueCounts = new Map<string, number>();
for (const row of anyBrand) {
  const key = row.result.technique ?? '?';
  techniqueCounts.set(key, (techniqueCounts.get(key) ?? 0) + 1);
}
console.log(
  `techniques among flagged scam hosts: ${[...techniqueCounts].map(([key, count]) => `${key} ${count}`).join(', ')}`,
);
console.log(
  `scam-list hosts answered "official": ${officialScams.map((row) => row.host).join(', ') || 'none'}`,
);
console.log(`\nFalse negatives vs reference (${falseNegatives.length}):`);
console.log('  ' + falseNegatives.map((row) => row.host).join(' '));
const missedByBrand = new Map<string, string[]>();
for (const row of falsePositives) {
  const key = row.result.brand?.id ?? '?';
  missedByBrand.set(key, [...(missedByBrand.get(key) ?? []), row.host]);
}
console.log(
  `\nDetector positives the reference misses (${falsePositives.length}; judge them with --review):`,
);
for (const [brand, hosts] of missedByBrand) {
  const shown = hosts.slice(0, 12).join(' ');
  console.log(`  ${brand} (${hosts.length}): ${shown}${hosts.length > 12 ? ' …' : ''}`);
}

// 4. PhishTank: targeted brands that are in the brand list
const phishRows = readCsv(files.phishtank);
const header = phishRows[0] ?? [];
const urlColumn = header.indexOf('url');
const targetColumn = header.indexOf('target');
const phishTargets: Record<string, string> = {
  PayPal: 'paypal',
  Facebook: 'facebook',
  Microsoft: 'microsoft',
  Google: 'google',
  Apple: 'apple',
};
const phishStats = new Map<
  string,
  { urls: number; flagged: number; named: number; namedFlagged: number; userContent: number }
>();
const nameForms: Record<string, string[]> = {
  paypal: ['paypal'],
  facebook: ['facebook'],
  microsoft: ['microsoft', 'office365', 'outlook', 'onedrive', 'hotmail'],
  google: ['google', 'gmail'],
  apple: ['apple', 'icloud'],
};
let phishFlaggedAny = 0;
let phishTotal = 0;
for (const row of phishRows.slice(1)) {
  const url = row[urlColumn] ?? '';
  const target = row[targetColumn] ?? '';
  const result = checkLookalike(url);
  phishTotal++;
  if (result.verdict === 'lookalike') phishFlaggedAny++;
  const brandId = phishTargets[target];
  if (!brandId) continue;
  const stats = phishStats.get(target) ?? { urls: 0, flagged: 0, named: 0, namedFlagged: 0, userContent: 0 };
  stats.urls++;
  const hit = result.verdict === 'lookalike' && result.brand?.id === brandId;
  if (hit) stats.flagged++;
  if (result.verdict === 'official' && result.userContent) {
    // Phishing page on a shared official host (sites.google.com, storage.googleapis.com): the answer
    // is "official domain, anyone can publish here" — out of reach of lookalike detection.
    stats.userContent++;
  } else {
    // "Named": the host itself carries the brand name (folded, dots and hyphens removed).
    const host = fold(extractHost(url) ?? '').replace(/[.-]/g, '');
    if ((nameForms[brandId] ?? []).some((name) => host.includes(name))) {
      stats.named++;
      if (hit) stats.namedFlagged++;
    }
  }
  phishStats.set(target, stats);
}
table(
  'PhishTank 2020: URLs of brands in the list, flagged "lookalike" with the right brand',
  [
    'target',
    'URLs',
    'flagged',
    'recall (all)',
    'host carries name',
    'flagged',
    'recall (named)',
    'on shared official hosts',
  ],
  [...phishStats].map(([target, stats]) => [
    target,
    stats.urls,
    stats.flagged,
    percent(stats.flagged, stats.urls),
    stats.named,
    stats.namedFlagged,
    percent(stats.namedFlagged, stats.named),
    stats.userContent,
  ]),
);
console.log('"host carries name" excludes phishing pages on shared official hosts (last column), which get');
console.log('"official" with the userContent caution. Most phishing URLs use hosts without any brand name,');
console.log('which host-based lookalike detection cannot see. PayPal is the only e-wallet target here.');
console.log(
  `All PhishTank URLs flagged for any brand: ${phishFlaggedAny} of ${phishTotal} (${percent(phishFlaggedAny, phishTotal).trim()}).`,
);

// 5. Speed
const sample = [...legit, ...scam].map((row) => row.host);
const started = performance.now();
let calls = 0;
for (let round = 0; round < 3; round++) {
  for (const host of sample) {
    checkLookalike(host);
    calls++;
  }
}
const microseconds = ((performance.now() - started) * 1000) / calls;
console.log(`\nSpeed: ${microseconds.toFixed(1)} µs per host on average over ${calls} calls.`);

// 6. Seeded review sample
if (reviewSize > 0) {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const shuffle = <T>(items: T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  };
  const positives = scam.filter((row) => row.reference !== null || isBankOrWallet(row.result));
  const negatives = scam.filter((row) => row.reference === null && !isBankOrWallet(row.result));
  const half = Math.floor(reviewSize / 2);
  console.log(
    `\nReview sample (seed ${seed}): ${half} of ${positives.length} hosts that the reference or the detector`,
  );
  console.log(`call bank/e-wallet, and ${reviewSize - half} of ${negatives.length} that neither does.`);
  console.log('Judge each: does the host name imitate a bank or e-wallet? Columns: reference, detector.');
  for (const row of [
    ...shuffle(positives).slice(0, half),
    ...shuffle(negatives).slice(0, reviewSize - half),
  ]) {
    const detector =
      row.result.verdict === 'lookalike'
        ? `${row.result.brand?.id}/${row.result.technique}`
        : row.result.verdict;
    console.log(`  ${row.host.padEnd(44)} ref=${row.reference ?? '-'}  det=${detector}`);
  }
}
