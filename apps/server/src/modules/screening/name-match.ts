import { foldVietnamese } from '@khien/core';

/**
 * Confirmation of Payee, the Vietnamese way: the name the payer expects against the name the payee's bank
 * holds. Case, diacritics and đ/Đ are folded, word order is free, an initial stands for a word, and words
 * are weighted by how little they say: most Vietnamese share a dozen family names and "Thị"/"Văn" as the
 * middle name, so "Nguyễn Thị" alone can never confirm anybody.
 *
 * Weights and qualities are integers so that the score is computed exactly and comes out the same
 * whichever side is which and in whatever order the words are written.
 */

export type NameMatchResult = 'match' | 'close_match' | 'no_match';

export interface NameMatch {
  result: NameMatchResult;
  /** 0–1: the weighted share of the words that correspond. */
  score: number;
  /** Either side names a company, cooperative or household business. */
  company: boolean;
}

/** The most common family names: together they cover roughly nine Vietnamese in ten. */
const COMMON_FAMILY_NAMES = [
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
];
/** Less common family names: still shared by millions. */
const FAMILY_NAMES = [
  'truong',
  'dao',
  'doan',
  'trinh',
  'luong',
  'dinh',
  'lam',
  'cao',
  'luu',
  'ta',
  'ha',
  'mai',
];
/** Middle names that say almost nothing but the sex. */
const GENDER_MIDDLE_NAMES = ['thi', 'van'];
/** Words often used as middle names, and also as given names. */
const COMMON_MIDDLE_NAMES = [
  'duc',
  'huu',
  'cong',
  'quoc',
  'ngoc',
  'thanh',
  'minh',
  'xuan',
  'kim',
  'thu',
  'hong',
  'quang',
  'hoai',
  'gia',
  'bao',
  'tien',
  'thuy',
  'anh',
];
/** Words common in company names that do not identify the company. */
const GENERIC_BUSINESS_WORDS = [
  'thuong',
  'mai',
  'dich',
  'vu',
  'tm',
  'dv',
  'tmdv',
  'xnk',
  'xuat',
  'nhap',
  'khau',
  'dau',
  'tu',
  'phat',
  'trien',
  'cong',
  'nghe',
  'san',
  'xuat',
  'xay',
  'dung',
  'viet',
  'nam',
  'vn',
  'vietnam',
  'quoc',
  'te',
  'group',
  'tap',
  'doan',
  'kinh',
  'doanh',
  'va',
  'and',
];

/** Legal forms, removed before comparing (longest phrases first). */
const LEGAL_FORMS = [
  'cong ty trach nhiem huu han',
  'trach nhiem huu han',
  'hai thanh vien tro len',
  'mot thanh vien',
  'cong ty co phan',
  'doanh nghiep tu nhan',
  'ho kinh doanh',
  'hop tac xa',
  'joint stock company',
  'co ltd',
  'co phan',
  'cong ty',
  'chi nhanh',
  'tnhh',
  'ctcp',
  'cty',
  'mtv',
  '1tv',
  'dntn',
  'hkd',
  'htx',
  'jsc',
  'ltd',
  'llc',
  'inc',
  'corp',
  'corporation',
  'company',
  'limited',
];
const LEGAL_FORM_PATTERN = new RegExp(`(?:^| )(?:${LEGAL_FORMS.join('|')})(?= |$)`, 'g');

const DEFAULT_WEIGHT = 100;
/** A lone letter on one side that matches nothing: an initial of an unknown word. */
const INITIAL_WEIGHT = 50;
/** A word on each side with no counterpart is a contradiction, not an omission: it weighs at least this. */
const CONFLICT_WEIGHT = 60;
/** Words at least this heavy identify the person; one of them must correspond for any match. */
const DISTINCTIVE_WEIGHT = 30;

const PERSON_WEIGHTS = new Map<string, number>([
  ...COMMON_FAMILY_NAMES.map((word) => [word, 15] as const),
  ...FAMILY_NAMES.map((word) => [word, DISTINCTIVE_WEIGHT] as const),
  ...GENDER_MIDDLE_NAMES.map((word) => [word, 10] as const),
  ...COMMON_MIDDLE_NAMES.map((word) => [word, 40] as const),
]);
const BUSINESS_WEIGHTS = new Map<string, number>(GENERIC_BUSINESS_WORDS.map((word) => [word, 5] as const));

const EXACT = 100;
const FUZZY = 80;
const INITIAL = 70;

const MATCH_SCORE = 0.85;
const CLOSE_MATCH_SCORE = 0.6;

interface PreparedName {
  tokens: string[];
  company: boolean;
}

/** Folds and splits a name; for companies, drops the legal form. */
export function prepareName(name: string): PreparedName {
  const folded = foldVietnamese(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const withoutLegalForm = folded.replace(LEGAL_FORM_PATTERN, ' ').trim();
  const company = withoutLegalForm !== folded;
  const tokens = withoutLegalForm.split(' ').filter((token) => token.length > 0);
  return { tokens, company };
}

function weightOf(token: string, company: boolean): number {
  if (token.length === 1) return INITIAL_WEIGHT;
  return (company ? BUSINESS_WEIGHTS.get(token) : PERSON_WEIGHTS.get(token)) ?? DEFAULT_WEIGHT;
}

/** Damerau–Levenshtein distance of at most one (a typo), for words long enough to bear it. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i); // insertion or deletion
}

function qualityOf(a: string, b: string): number {
  if (a === b) return EXACT;
  if (a.length === 1 && b.length > 1 && b[0] === a) return INITIAL;
  if (b.length === 1 && a.length > 1 && a[0] === b) return INITIAL;
  if (withinOneEdit(a, b)) return FUZZY;
  return 0;
}

interface Pair {
  left: number;
  right: number;
  quality: number;
  weight: number;
  low: string;
  high: string;
}

function byStrength(x: Pair, y: Pair): number {
  return (
    y.quality - x.quality ||
    y.weight - x.weight ||
    (x.low < y.low ? -1 : x.low > y.low ? 1 : 0) ||
    (x.high < y.high ? -1 : x.high > y.high ? 1 : 0)
  );
}

/**
 * Compares the name the payer expects with the holder's name. Symmetric: which side is which does not
 * change the answer. Never throws.
 */
export function matchNames(expected: string, holder: string): NameMatch {
  const left = prepareName(expected);
  const right = prepareName(holder);
  const company = left.company || right.company;
  if (left.tokens.length === 0 || right.tokens.length === 0) return { result: 'no_match', score: 0, company };

  // Written without spaces on one side ("NGUYENVANAN"): compare the letters.
  const leftJoined = left.tokens.join('');
  const rightJoined = right.tokens.join('');
  if (leftJoined === rightJoined && (left.tokens.length === 1 || right.tokens.length === 1)) {
    const heaviest = Math.max(...[...left.tokens, ...right.tokens].map((token) => weightOf(token, company)));
    if (heaviest >= DISTINCTIVE_WEIGHT) return { result: 'match', score: 1, company };
  }

  const pairs: Pair[] = [];
  left.tokens.forEach((a, i) => {
    right.tokens.forEach((b, j) => {
      const quality = qualityOf(a, b);
      if (quality === 0) return;
      const weight = Math.max(weightOf(a, company), weightOf(b, company));
      pairs.push({ left: i, right: j, quality, weight, low: a < b ? a : b, high: a < b ? b : a });
    });
  });
  pairs.sort(byStrength);

  const leftUsed = new Array<boolean>(left.tokens.length).fill(false);
  const rightUsed = new Array<boolean>(right.tokens.length).fill(false);
  let matched = 0;
  let total = 0;
  // A match needs every identifying word to correspond exactly: a typo or an initial there is only close.
  let distinctiveAllExact = true;
  let distinctiveAny = false;
  for (const pair of pairs) {
    if (leftUsed[pair.left] || rightUsed[pair.right]) continue;
    leftUsed[pair.left] = true;
    rightUsed[pair.right] = true;
    matched += pair.weight * pair.quality;
    total += pair.weight * EXACT;
    if (pair.weight >= DISTINCTIVE_WEIGHT) {
      distinctiveAny = true;
      if (pair.quality !== EXACT) distinctiveAllExact = false;
    }
  }
  const leftRest = left.tokens.filter((_, i) => !leftUsed[i]);
  const rightRest = right.tokens.filter((_, j) => !rightUsed[j]);
  const conflict = leftRest.length > 0 && rightRest.length > 0;
  for (const token of [...leftRest, ...rightRest]) {
    const weight = weightOf(token, company);
    total += (conflict ? Math.max(weight, CONFLICT_WEIGHT) : weight) * EXACT;
  }

  const score = total === 0 ? 0 : Math.round((matched / total) * 1000) / 1000;
  let result: NameMatchResult = 'no_match';
  if (distinctiveAny) {
    if (score >= MATCH_SCORE && distinctiveAllExact) result = 'match';
    else if (score >= CLOSE_MATCH_SCORE) result = 'close_match';
  }
  return { result, score, company };
}
