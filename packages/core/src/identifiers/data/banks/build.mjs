#!/usr/bin/env node
/**
 * Builds banks.json (the compact reference that banks.ts ships) from the MIT-licensed snapshots in
 * ./sources and the hand-checked decisions below. Run from anywhere:
 *
 *   node packages/core/src/identifiers/data/banks/build.mjs          # rewrite banks.json
 *   node packages/core/src/identifiers/data/banks/build.mjs --check  # exit 1 if banks.json is stale
 *
 * Sources (see ATTRIBUTION.md):
 *   ghuyphan_vn-banks.json, ghuyphan_vn-ewallet.json  ghuyphan/vietnam-banks-and-ewallets (2025-09)
 *   xuannghia_banks.json                              xuannghia/vietnam-qr-pay BanksObject
 *   delta94_banks_with_urls.json                      delta94/vietnam banks (official web sites)
 *
 * The script stops when two banks would answer to the same typed name with the same confidence, so a
 * lookup can never silently pick the wrong bank. Weaker aliases that collide are dropped and printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';

const here = dirname(fileURLToPath(import.meta.url));
const sources = join(here, 'sources');
const read = (name) => JSON.parse(readFileSync(join(sources, name), 'utf8'));

/** Must stay equal to foldVietnamese (packages/core/src/text.ts) followed by banks.ts's lookupKey. */
export function lookupKey(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------------
// Decisions checked by hand. Each rename names the evidence in the sources; the few facts that are not
// in the sources are marked `curated` and are widely published brand changes.
// ---------------------------------------------------------------------------------------------------

/** Renames: the current brand per BIN and the names people may still type. */
const RENAMES = {
  // xuannghia marks LIENVIETPOST_BANK deprecated and lists LPBANK (same BIN); ghuyphan has only LPBank.
  970449: { shortName: 'LPBank', formerNames: ['LienVietPostBank', 'LienViet Bank', 'Ngân hàng TMCP Bưu Điện Liên Việt'] },
  // xuannghia marks OCEANBANK deprecated, MBV carries keyword "daiduong"; ghuyphan has only MBV.
  970414: { shortName: 'MBV', formerNames: ['OceanBank', 'Ocean Bank', 'Ngân hàng Thương mại TNHH MTV Đại Dương'] },
  // xuannghia lists DONG_A_BANK and VIKKI on the same BIN (VIKKI keywords "dongabank, dong a");
  // ghuyphan (newer) has only Vikki. DongA Bank is the former name.
  970406: { shortName: 'Vikki', formerNames: ['DongA Bank', 'Ngân hàng TMCP Đông Á', 'DAB'] },
  // ghuyphan still calls it VietCapitalBank (code VCCB, which VietQR keeps); xuannghia uses the new
  // brand BVBank with keyword "vietcapitalbank". Delta94 lists VietCapitalBank-BVB.
  970454: { shortName: 'BVBank', formerNames: ['Viet Capital Bank', 'VietCapitalBank'] },
  // ghuyphan: "Thịnh vượng và Phát triển" (2025); xuannghia and delta94: the older "Xăng dầu Petrolimex".
  970430: { formerNames: ['Ngân hàng TMCP Xăng dầu Petrolimex', 'Petrolimex Bank'] },
  // delta94 gives HDBank's older name "Phát triển Nhà Thành phố Hồ Chí Minh" (housing development).
  970437: { formerNames: ['Ngân hàng TMCP Phát triển Nhà Thành phố Hồ Chí Minh'] },
  // curated: Maritime Bank rebranded as MSB; ghuyphan's English name keeps "Maritime".
  970426: { formerNames: ['Maritime Bank'] },
  // curated: NCB was Navibank (Nam Việt); xuannghia's code and delta94's code are still "NVB".
  970419: { formerNames: ['Navibank', 'Ngân hàng TMCP Nam Việt'] },
  // curated: VietinBank was Incombank, hence VietQR's code ICB.
  970415: { formerNames: ['Incombank'] },
};

/** Common names and abbreviations people type, beyond what the sources carry (curated). */
const CURATED_ALIASES = {
  970436: ['Ngoại thương', 'Vietcom', 'VCB Bank'],
  970415: ['Công thương', 'Vietin', 'Viettinbank', 'CTG'],
  970418: ['Đầu tư và Phát triển', 'BID'],
  970405: ['Nông nghiệp', 'Agri bank'],
  970407: ['Kỹ thương', 'Techcom'],
  970422: ['Quân đội', 'MB Bank', 'Military Bank', 'MBB'],
  970416: ['Á Châu'],
  970403: ['Sài Gòn Thương Tín', 'Sacom'],
  970432: ['Việt Nam Thịnh Vượng', 'VP Bank'],
  970423: ['Tiên Phong', 'TP Bank'],
  970426: ['Hàng Hải', 'Maritime'],
  970437: ['HD Bank'],
  970441: ['Quốc tế'],
  970443: ['Sài Gòn Hà Nội'],
  970431: ['Xuất nhập khẩu', 'Exim'],
  970448: ['Phương Đông', 'Orient Bank'],
  970440: ['SeA Bank', 'Đông Nam Á'],
  970412: ['PVcom', 'Đại chúng'],
  970452: ['Kiên Long'],
  970428: ['Nam Á'],
  970409: ['Bắc Á'],
  970427: ['Việt Á'],
  970438: ['Bảo Việt'],
  970454: ['Bản Việt'],
};

/** Display names where the sources only have a run-together code-like name (curated). */
const DISPLAY_NAMES = {
  970409: 'Bac A Bank',
  970438: 'BaoViet Bank',
  970446: 'Co-opBank',
  796500: 'DBS Bank',
  970442: 'Hong Leong Bank',
  970456: 'IBK HCM',
  970455: 'IBK HN',
  970434: 'Indovina Bank',
  970466: 'KEB Hana HCM',
  970467: 'KEB Hana HN',
  970463: 'Kookmin HCM',
  970462: 'Kookmin HN',
  970428: 'Nam A Bank',
  801011: 'Nonghyup HN',
  970439: 'Public Bank',
  970410: 'Standard Chartered',
  970424: 'Shinhan Bank',
  970458: 'UOB',
  970427: 'Viet A Bank',
  970457: 'Woori Bank',
};

/** Aliases that must not be used even though a source carries them (reason beside each). */
const DROPPED_ALIASES = {
  // Timo is "by Ban Viet Bank"; "banviet" must find Bản Việt itself, not its digital brand.
  963388: ['banviet'],
  // Derived from "Ngân hàng TNHH MTV Public Việt Nam"; alone it is an everyday English word.
  970439: ['Public'],
};

/**
 * E-wallets: canonical provider codes (lower case, stable, used in keys `ewallet:<provider>:<id>`).
 * `zalo` and `viettel` alone are deliberately not aliases: Zalo is a messenger (a social account) and
 * Viettel the telecom operator, so "Zalo 0912…" is not a ZaloPay wallet.
 */
const WALLETS = [
  { provider: 'momo', source: 'MOMO', aliases: ['Ví MoMo', 'MoMo Wallet', 'M_Service'], formerNames: [] },
  { provider: 'zalopay', source: 'ZALOPAY', aliases: ['Zalo Pay', 'Ví ZaloPay'], formerNames: [] },
  { provider: 'shopeepay', source: 'SPP', aliases: ['Shopee Pay', 'Ví ShopeePay'], formerNames: ['AirPay'] },
  { provider: 'vnpay', source: 'VNP', aliases: ['VN Pay', 'Ví VNPAY'], formerNames: [] },
  {
    provider: 'viettelmoney',
    source: 'VTP',
    aliases: ['Viettel Money', 'Ví Viettel Money'],
    formerNames: ['ViettelPay', 'Viettel Pay'],
  },
  // curated: the VNPT group's wallet, not in the sources' lists.
  {
    provider: 'vnptmoney',
    source: null,
    name: 'VNPT Money',
    nameVi: 'Ví điện tử VNPT Money',
    nameEn: 'VNPT Money eWallet',
    aliases: ['Ví VNPT Money'],
    formerNames: ['VNPT Pay'],
  },
];

/** Delta94 rows that are not banks or whose host is not the institution's own site. */
const DOMAIN_EXCLUDED = {
  'www.worldbank.org': 'the World Bank is not a bank operating accounts in Vietnam',
};

// ---------------------------------------------------------------------------------------------------

function build() {
  const ghuyphan = read('ghuyphan_vn-banks.json');
  const ghuyphanWallets = read('ghuyphan_vn-ewallet.json');
  const xuannghia = read('xuannghia_banks.json');
  const delta94 = read('delta94_banks_with_urls.json');
  const notes = [];

  /** @type {Map<string, any>} */
  const byBin = new Map();
  const entry = (bin) => {
    if (!byBin.has(bin)) byBin.set(bin, { bin, g: null, x: [], strong: [], weak: [], former: [], domains: [] });
    return byBin.get(bin);
  };
  for (const bank of ghuyphan.banks) entry(bank.bin).g = bank;
  const walletBins = {};
  for (const bank of xuannghia) {
    if (!/^\d{6}$/.test(bank.bin)) {
      notes.push(`xuannghia ${bank.key}: no BIN, not shipped`);
      continue;
    }
    if (bank.key === 'MOMO') {
      // MoMo is a payment intermediary with its own NAPAS BIN; it belongs with the e-wallets.
      walletBins.MOMO = bank.bin;
      continue;
    }
    entry(bank.bin).x.push(bank);
  }

  const banks = [];
  for (const e of [...byBin.values()].sort((a, b) => a.bin.localeCompare(b.bin))) {
    const rename = RENAMES[e.bin] ?? {};
    const formerKeys = new Set((rename.formerNames ?? []).map(lookupKey));
    const isFormer = (x) => x.deprecated === true || formerKeys.has(lookupKey(x.shortName));
    const current = e.x.filter((x) => !isFormer(x));
    const former = e.x.filter(isFormer);
    if (current.length > 1) throw new Error(`BIN ${e.bin}: several current xuannghia entries`);
    const x = current[0] ?? null;
    const code = e.g?.code ?? x?.libCode;
    const shortName = rename.shortName ?? DISPLAY_NAMES[e.bin] ?? e.g?.name ?? x?.shortName;
    const nameVi = e.g?.fullName.vi ?? x?.name;
    const nameEn = e.g?.fullName.en ?? null;
    if (!code || !shortName || !nameVi) throw new Error(`BIN ${e.bin}: incomplete`);
    if (e.g && x && lookupKey(e.g.name) !== lookupKey(x.shortName)) {
      notes.push(`BIN ${e.bin}: ghuyphan "${e.g.name}" vs xuannghia "${x.shortName}" → "${shortName}"`);
    }
    if (e.g && x && e.g.code !== x.libCode) {
      notes.push(`BIN ${e.bin}: code ghuyphan ${e.g.code} vs xuannghia ${x.libCode}`);
    }
    if (!e.g) notes.push(`BIN ${e.bin}: only in xuannghia (${x?.shortName ?? former[0]?.shortName})`);
    if (!x && !former.length) notes.push(`BIN ${e.bin}: only in ghuyphan (${e.g?.name})`);

    // Strong names: what identifies this bank in its own records. Weak: keywords and derived forms.
    e.strong.push(code, shortName, nameVi);
    if (nameEn) e.strong.push(nameEn);
    if (e.g) e.strong.push(e.g.name, e.g.fullName.vi);
    if (x) {
      e.strong.push(x.shortName, x.name);
      e.weak.push(x.libCode, x.key.replace(/_/g, ' '));
      if (x.keywords) e.weak.push(...x.keywords.split(','));
    }
    for (const f of former) {
      e.former.push(f.shortName, f.name);
      e.weak.push(f.libCode, f.key.replace(/_/g, ' '));
      if (f.keywords) e.weak.push(...f.keywords.split(','));
      notes.push(`BIN ${e.bin}: former "${f.shortName}" (${f.name})${f.deprecated ? ' [deprecated in xuannghia]' : ''}`);
    }
    e.former.push(...(rename.formerNames ?? []));
    e.weak.push(...(CURATED_ALIASES[e.bin] ?? []));
    for (const name of [nameVi, x?.name, e.g?.fullName.vi]) if (name) e.weak.push(...coreNames(name));
    // A BIC's letters 5–6 are the country; xuannghia gives MBV the US-located OCBKUS3M, which cannot be a
    // Vietnamese bank's own BIC, so it is not shipped.
    let swiftCode = x?.swiftCode ?? former[0]?.swiftCode ?? null;
    if (swiftCode && swiftCode.slice(4, 6) !== 'VN') {
      notes.push(`BIN ${e.bin}: SWIFT ${swiftCode} is not a Vietnamese BIC, dropped`);
      swiftCode = null;
    }
    banks.push({ e, code, shortName, nameVi, nameEn, swiftCode });
  }

  // ---- alias index: strong names and former names must be unique; weak ones are dropped on clash ----
  const strongOwner = new Map();
  const claim = (key, bin, what) => {
    const owner = strongOwner.get(key);
    if (owner && owner !== bin) throw new Error(`"${what}" names both ${owner} and ${bin}`);
    strongOwner.set(key, bin);
  };
  for (const { e } of banks) for (const name of [...e.strong, ...e.former]) claim(lookupKey(name), e.bin, name);
  const weakOwners = new Map();
  for (const { e } of banks) {
    const dropped = new Set((DROPPED_ALIASES[e.bin] ?? []).map(lookupKey));
    for (const name of e.weak) {
      const key = lookupKey(name);
      if (!key || strongOwner.has(key) || dropped.has(key)) continue;
      if (!weakOwners.has(key)) weakOwners.set(key, new Set());
      weakOwners.get(key).add(e.bin);
    }
  }
  for (const [key, owners] of weakOwners) {
    if (owners.size > 1) notes.push(`alias "${key}" dropped: it names ${[...owners].join(', ')}`);
  }

  // ---- domains from delta94, matched to a BIN through the index just built ----
  const resolve = (text) => {
    const key = lookupKey(text);
    const strong = strongOwner.get(key);
    if (strong) return strong;
    const weak = weakOwners.get(key);
    if (weak && weak.size === 1) return [...weak][0];
    const stripped = lookupKey(text.replace(/^\s*ngân hàng\s*/i, ''));
    return stripped !== key && stripped ? resolve(text.replace(/^\s*ngân hàng\s*/i, '')) : null;
  };
  const formerOwner = new Map();
  for (const { e } of banks) for (const name of e.former) formerOwner.set(lookupKey(name), e.bin);
  const otherDomains = [];
  for (const row of delta94) {
    if (!row.host) continue;
    if (DOMAIN_EXCLUDED[row.host]) {
      notes.push(`domain ${row.host} excluded: ${DOMAIN_EXCLUDED[row.host]}`);
      continue;
    }
    const domain = getDomain(row.host);
    if (!domain) throw new Error(`no registrable domain in ${row.host}`);
    const candidates = [...row.code.split('-'), row.name, row.englishName].filter((c) => c && c.trim());
    let bin = null;
    let status = 'current';
    for (const candidate of candidates) {
      bin = resolve(candidate);
      if (bin) {
        if (formerOwner.get(lookupKey(candidate)) === bin) status = 'former';
        break;
      }
    }
    if (bin) byBin.get(bin).domains.push({ domain, status });
    else otherDomains.push({ domain, name: row.name.replace(/\s+/g, ' ').trim(), country: row.country || null });
  }

  // ---- wallets ----
  const wallets = WALLETS.map((w) => {
    const src = w.source ? ghuyphanWallets.ewallets.find((s) => s.code === w.source) : null;
    if (w.source && !src) throw new Error(`wallet ${w.source} missing from ghuyphan`);
    const name = src?.name === 'Momo' ? 'MoMo' : (src?.name ?? w.name);
    const aliases = unique([w.provider, ...(src ? [src.code] : []), ...w.aliases], [name, ...w.formerNames]);
    return {
      provider: w.provider,
      name,
      nameVi: src?.fullName.vi ?? w.nameVi,
      nameEn: src?.fullName.en ?? w.nameEn,
      bin: (w.source && walletBins[w.source]) || null,
      aliases,
      formerNames: w.formerNames,
    };
  });
  for (const w of wallets) {
    for (const name of [w.name, ...w.aliases, ...w.formerNames]) {
      const key = lookupKey(name);
      if (strongOwner.has(key) || weakOwners.has(key)) throw new Error(`wallet name "${name}" is also a bank name`);
    }
  }

  const out = banks.map(({ e, code, shortName, nameVi, nameEn, swiftCode }) => {
    const dropped = new Set((DROPPED_ALIASES[e.bin] ?? []).map(lookupKey));
    const own = [code, shortName, nameVi, nameEn].filter(Boolean);
    const aliasCandidates = [...e.strong, ...e.weak].filter((name) => {
      const key = lookupKey(name);
      if (!key || dropped.has(key)) return false;
      const owners = weakOwners.get(key);
      return strongOwner.get(key) === e.bin || (owners?.size === 1 && owners.has(e.bin));
    });
    const domains = uniqueBy(e.domains, (d) => d.domain);
    return {
      bin: e.bin,
      code,
      shortName,
      nameVi,
      nameEn,
      swiftCode,
      aliases: unique(aliasCandidates.map(tidy), [...own, ...e.former]),
      formerNames: unique(e.former.map(tidy), own),
      domains: domains.filter((d) => d.status === 'current').map((d) => d.domain),
      formerDomains: domains.filter((d) => d.status === 'former').map((d) => d.domain),
    };
  });

  return {
    notes,
    data: {
      description:
        'Vietnamese banks (NAPAS BIN, VietQR code, names, former names, official domains) and e-wallets. ' +
        'Generated by build.mjs; do not edit by hand.',
      sources: [
        'ghuyphan/vietnam-banks-and-ewallets data/vn-banks.json, data/vn-ewallet.json (MIT)',
        'xuannghia/vietnam-qr-pay src/constants/banks.ts (MIT, © xuannghia)',
        'delta94/vietnam banks with official URLs (MIT, © 2020 hieudoanm)',
        'Khiên curated renames and aliases (build.mjs)',
      ],
      banks: out,
      wallets,
      otherDomains: uniqueBy(otherDomains, (d) => d.domain),
    },
  };
}

/**
 * Short forms of an official Vietnamese name: "Ngân hàng TMCP Ngoại Thương Việt Nam" → "Ngoại Thương
 * Việt Nam", "Ngoại Thương". Only from names starting with "Ngân hàng", and only the part before a dash
 * (the rest is a branch or the parent bank).
 */
function coreNames(name) {
  if (!/^ngân hàng/i.test(name)) return [];
  // Only a dash followed by a branch or the parent bank ends the name: "Sài Gòn - Hà Nội" is one name.
  const head = name.split(/\s[-–]\s(?=chi nhánh|cn\b|ngân hàng)/i)[0];
  const core = head
    .replace(/^ngân hàng\s+/i, '')
    .replace(/^(thương mại\s+)?(tnhh\s+((mtv|một thành viên)\s+)?|tmcp\s+|cổ phần\s+|liên doanh\s+|đại chúng tnhh\s+)/i, '')
    .replace(/^số\s+/i, '')
    .trim();
  const out = [core];
  const withoutCountry = core.replace(/\s+việt nam$/i, '').trim();
  if (withoutCountry && withoutCountry !== core) out.push(withoutCountry);
  return out.filter((c) => lookupKey(c).length >= 3);
}

function tidy(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Keeps the first spelling of each lookup key, skipping keys already covered by `exclude`. */
function unique(names, exclude = []) {
  const seen = new Set(exclude.map(lookupKey));
  const out = [];
  for (const name of names) {
    const key = lookupKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(tidy(name));
  }
  return out;
}

function uniqueBy(items, keyOf) {
  const seen = new Set();
  return items.filter((item) => !seen.has(keyOf(item)) && seen.add(keyOf(item)));
}

const { notes, data } = build();
const text = JSON.stringify(data, null, 1) + '\n';
const target = join(here, 'banks.json');
if (process.argv.includes('--check')) {
  const currentText = readFileSync(target, 'utf8');
  if (currentText !== text) {
    console.error('banks.json is stale: run node build.mjs');
    process.exit(1);
  }
  console.log('banks.json is up to date');
} else {
  writeFileSync(target, text);
  for (const note of notes) console.log(note);
  console.log(`${data.banks.length} banks, ${data.wallets.length} wallets, ${data.otherDomains.length} other domains`);
}
