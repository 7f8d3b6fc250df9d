import { parse } from 'tldts';
import { BRANDS, GOV_VN_BRAND, type BrandDefinition, type BrandKind } from './data/brands.js';
import {
  ABUSED_SUFFIXES,
  CONTEXT_WORDS,
  EDGE_PREFIXES,
  EDGE_SUFFIX,
  FILLER_WORDS,
  VIETNAMESE_ONSETS,
  VIETNAMESE_RHYMES,
} from './data/words.js';
import { osaDistanceWithin } from './distance.js';
import { extractHost } from './host.js';
import { asciiSkeleton, foldToAscii, hasNonAscii } from './skeleton.js';
import { WordTrie } from './word-trie.js';

/**
 * Lookalike-domain detection: does a host imitate a protected brand (bank, e-wallet, telco,
 * government, large platform) without belonging to it? Pure and synchronous; the brand index is built
 * once per checker. See ./README.md for the method and its measured error rates.
 */

export type LookalikeVerdict = 'official' | 'lookalike' | 'none';

export type LookalikeTechnique =
  'confusable' | 'added_words' | 'other_tld' | 'typo' | 'subdomain' | 'hyphenation';

export interface LookalikeBrand {
  readonly id: string;
  readonly name: string;
  readonly kind: BrandKind;
}

export interface LookalikeResult {
  readonly verdict: LookalikeVerdict;
  /** The host that was analysed (lower case, IDN decoded), when one could be read. */
  readonly host?: string;
  readonly brand?: LookalikeBrand;
  readonly technique?: LookalikeTechnique;
  /** The brand's official domains ("*.gov.vn" stands for every host under gov.vn). */
  readonly officialDomains?: readonly string[];
  /** The brand name or code recognised in the host, as the brand writes it. */
  readonly matchedName?: string;
  /** Official domain on which anyone can publish (facebook.com, sites.google.com): the page may still be a scam. */
  readonly userContent?: boolean;
  /** Plain-English explanation. */
  readonly reason: string;
}

export interface LookalikeChecker {
  check(hostOrUrl: string): LookalikeResult;
}

type Strength = 'name' | 'bounded' | 'code';
/** 0 = filler, 2 = weak context (vn, viet, vietnam), 3 = context. */
type WordRole = 0 | 2 | 3;

const WEAK_CONTEXT_WORDS = new Set(['vn', 'viet', 'vietnam']);

interface NameEntry {
  readonly brandIndex: number;
  readonly plain: string;
  readonly skeleton: string;
  readonly strength: Strength;
  /** Largest edit distance accepted as a typo; 0 = exact matches only. */
  readonly typoLimit: number;
  /** Two-letter code + "bank" (tpbank, cbbank): must start at a word boundary. */
  readonly needsLeftBoundary: boolean;
  /** Counts at the start of a label whatever follows ("vcb" + random letters). */
  readonly labelPrefix: boolean;
}

interface CompiledBrand {
  readonly brand: LookalikeBrand;
  readonly officialDomains: readonly string[];
  readonly ownsCountryDomains: boolean;
  readonly international: boolean;
  readonly notTypos: ReadonlySet<string>;
}

interface LookalikeIndex {
  readonly brands: readonly CompiledBrand[];
  readonly official: ReadonlyMap<string, number>;
  readonly unverified: ReadonlyMap<string, number>;
  readonly userContent: ReadonlySet<string>;
  /** Names by their first two characters (`pairAt`). */
  readonly namesByPrefix: ReadonlyMap<number, readonly NameEntry[]>;
  readonly typoEntries: readonly NameEntry[];
  /** Typo entries by the bigrams (`pairAt`) of their names. */
  readonly typoByBigram: ReadonlyMap<number, readonly number[]>;
  readonly typoNeededBigrams: readonly number[];
  /**
   * Skeletons of known words (two letters or more) with their role, and of Vietnamese syllables (two
   * letters or more).
   */
  readonly words: WordTrie;
  /** Single letters allowed only at the start (e-, i-, m-banking) or end (plural s) of a part. */
  readonly edgePrefixes: readonly string[];
  readonly edgeSuffix: string;
  readonly abusedSuffixes: ReadonlySet<string>;
  readonly govBrand: CompiledBrand;
}

const STRENGTH_RANK: Record<Strength, number> = { name: 3, bounded: 2, code: 1 };

/** "xxbank" names: a short bank code followed by "bank" (abbank, cbbank, hdbank, tpbank…). */
function isCodeBank(plain: string): boolean {
  return plain.endsWith('bank') && plain.length - 4 < 4;
}

function typoLimitFor(plain: string, strength: Strength): number {
  // Bounded names are word-like ("vietin", "shinhan"): one letter off is too often a real word.
  if (strength !== 'name' || plain.length < 6) return 0;
  // "xxbank" names differ from each other by one letter: a typo of one is usually another bank's
  // code, so only names with a stem of four letters or more get typos.
  if (isCodeBank(plain)) return 0;
  return plain.length >= 10 ? 2 : 1;
}

/** The two UTF-16 units at `at` as one number: a bigram looked up without cutting out a string. */
function pairAt(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

function bigrams(text: string): number[] {
  const out: number[] = [];
  for (let index = 0; index + 1 < text.length; index++) out.push(pairAt(text, index));
  return out;
}

/** Builds the index for a brand list. Throws on malformed brand data (a programming error). */
function buildLookalikeIndex(definitions: readonly BrandDefinition[] = BRANDS): LookalikeIndex {
  const brands: CompiledBrand[] = [];
  const official = new Map<string, number>();
  const unverified = new Map<string, number>();
  const userContent = new Set<string>();
  const entries: NameEntry[] = [];
  const vocabulary = new Map<string, WordRole>();

  definitions.forEach((definition, brandIndex) => {
    const officialDomains = [...definition.officialDomains];
    if (definition.officialUnderGovVn) officialDomains.push('*.gov.vn');
    brands.push({
      brand: { id: definition.id, name: definition.name, kind: definition.kind },
      officialDomains,
      ownsCountryDomains: definition.ownsCountryDomains ?? false,
      international: definition.international ?? false,
      notTypos: new Set((definition.notTypos ?? []).map((word) => asciiSkeleton(word))),
    });
    for (const domain of definition.officialDomains) {
      if (official.has(domain)) throw new Error(`official domain listed twice: ${domain}`);
      official.set(domain, brandIndex);
    }
    for (const domain of definition.unverifiedDomains ?? []) unverified.set(domain, brandIndex);
    for (const domain of definition.userContentDomains ?? []) userContent.add(domain);
    const add = (names: readonly string[] | undefined, strength: Strength): void => {
      for (const plain of names ?? []) {
        if (!/^[a-z0-9]+$/.test(plain)) throw new Error(`brand name must be folded ASCII: ${plain}`);
        const entry: NameEntry = {
          brandIndex,
          plain,
          skeleton: asciiSkeleton(plain),
          strength,
          typoLimit: typoLimitFor(plain, strength),
          needsLeftBoundary: strength === 'name' && isCodeBank(plain),
          labelPrefix: (definition.labelPrefixes ?? []).includes(plain),
        };
        entries.push(entry);
        if (!vocabulary.has(entry.skeleton)) vocabulary.set(entry.skeleton, 0);
      }
    };
    add(definition.names, 'name');
    add(definition.boundedNames, 'bounded');
    add(definition.codes, 'code');
  });

  for (const word of FILLER_WORDS) {
    const key = asciiSkeleton(word);
    if (!vocabulary.has(key)) vocabulary.set(key, 0);
  }
  for (const word of CONTEXT_WORDS) vocabulary.set(asciiSkeleton(word), WEAK_CONTEXT_WORDS.has(word) ? 2 : 3);
  for (const key of [...vocabulary.keys()]) if (key.length < 2) vocabulary.delete(key);

  const namesByPrefix = new Map<number, NameEntry[]>();
  for (const entry of entries) {
    // Occurrences are looked for from their first two characters: a shorter skeleton ("rn" is "m")
    // never matches.
    if (entry.skeleton.length < 2) continue;
    const key = pairAt(entry.skeleton, 0);
    const list = namesByPrefix.get(key) ?? [];
    list.push(entry);
    namesByPrefix.set(key, list);
  }
  for (const list of namesByPrefix.values()) list.sort((a, b) => b.skeleton.length - a.skeleton.length);

  const typoEntries = entries.filter((entry) => entry.typoLimit > 0);
  const typoByBigram = new Map<number, number[]>();
  const typoNeededBigrams: number[] = [];
  typoEntries.forEach((entry, entryIndex) => {
    const distinct = new Set(bigrams(entry.skeleton));
    for (const gram of distinct) {
      const list = typoByBigram.get(gram) ?? [];
      list.push(entryIndex);
      typoByBigram.set(gram, list);
    }
    // q-gram lemma: one edit destroys at most three of the name's bigrams (a transposition).
    typoNeededBigrams.push(Math.max(1, distinct.size - 3 * entry.typoLimit));
  });

  const syllables = new Set<string>();
  for (const onset of VIETNAMESE_ONSETS) {
    for (const rhyme of VIETNAMESE_RHYMES) {
      const first = rhyme[0] as string;
      const front = first === 'i' || first === 'e' || first === 'y';
      if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !front) continue;
      if ((onset === 'c' || onset === 'g' || onset === 'ng') && front) continue;
      if (onset === 'qu' && first === 'u') continue;
      const syllable = asciiSkeleton(onset + rhyme);
      if (syllable.length >= 2) syllables.add(syllable);
    }
  }
  syllables.add(asciiSkeleton('gi'));

  return {
    brands,
    official,
    unverified,
    userContent,
    namesByPrefix,
    typoEntries,
    typoByBigram,
    typoNeededBigrams,
    words: new WordTrie(vocabulary, syllables),
    edgePrefixes: EDGE_PREFIXES.map((letter) => asciiSkeleton(letter)),
    edgeSuffix: EDGE_SUFFIX,
    abusedSuffixes: new Set(ABUSED_SUFFIXES),
    govBrand: {
      brand: { ...GOV_VN_BRAND },
      officialDomains: ['*.gov.vn'],
      ownsCountryDomains: false,
      international: false,
      notTypos: new Set(),
    },
  };
}

// ── Segmentation of a label part into known words ───────────────────────────────────────────────

/**
 * A position no split reaches. Reached positions carry the context level of the best split: the
 * strongest word in it (filler 0, weak context 2, context 3).
 */
const UNREACHABLE = -1;

interface Segmentation {
  /** prefixLevel[i]: best context level of a split of text[0, i) into known words, or -1. */
  readonly prefixLevel: number[];
  /** suffixLevel[j]: best context level of a split of text[j, n) into known words, or -1. */
  readonly suffixLevel: number[];
  /**
   * As above, also accepting Vietnamese syllables as words: -1 unreachable, 0 only pieces of two
   * letters ("ta", "ro" — too easy to hit by chance: "momotaro"), 1 with a longer piece ("vua").
   */
  readonly prefixLoose: number[];
  readonly suffixLoose: number[];
}

/** `letters` are the text's, from `WordTrie.lettersOf`. */
function segment(text: string, letters: readonly number[], index: LookalikeIndex): Segmentation {
  const { words } = index;
  const length = text.length;
  // Plain arrays: a few dozen entries each, allocated much faster than typed arrays.
  const prefixLevel = new Array<number>(length + 1).fill(UNREACHABLE);
  const suffixLevel = new Array<number>(length + 1).fill(UNREACHABLE);
  const prefixLoose = new Array<number>(length + 1).fill(UNREACHABLE);
  const suffixLoose = new Array<number>(length + 1).fill(UNREACHABLE);
  prefixLevel[0] = 0;
  prefixLoose[0] = 0;
  // Single letters only at the edges: e-/i-/m- in front ("ebidv"), a plural s at the end.
  for (const edge of index.edgePrefixes) if (text.startsWith(edge)) prefixLevel[edge.length] = 0;
  // Both prefix readings at once: every word starting at a reached position, shortest first (the walk
  // stops where no word continues); an entry depends only on entries before it.
  for (let start = 0; start < length; start++) {
    const level = prefixLevel[start] as number;
    const loose = prefixLoose[start] as number;
    if (level === UNREACHABLE && loose === UNREACHABLE) continue;
    for (let end = start, node = 0; end < length;) {
      node = words.child(node, letters[end++] as number);
      if (node < 0) break;
      const role = words.role[node] as number;
      if (role >= 0 && level !== UNREACHABLE) {
        const next = Math.max(level, role);
        if (next > (prefixLevel[end] as number)) prefixLevel[end] = next;
      }
      if ((role >= 0 || words.syllable[node] === 1) && loose !== UNREACHABLE) {
        const next = end - start >= 3 ? 1 : loose;
        if (next > (prefixLoose[end] as number)) prefixLoose[end] = next;
      }
    }
  }
  if (
    length > 0 &&
    text.endsWith(index.edgeSuffix) &&
    (prefixLevel[length - 1] as number) > (prefixLevel[length] as number)
  ) {
    prefixLevel[length] = prefixLevel[length - 1] as number;
  }

  suffixLevel[length] = 0;
  suffixLoose[length] = 0;
  if (length > 0 && text.endsWith(index.edgeSuffix)) suffixLevel[length - 1] = 0;
  // Both suffix readings at once, from the end: an entry depends only on entries after it.
  for (let start = length - 1; start >= 0; start--) {
    for (let end = start, node = 0; end < length;) {
      node = words.child(node, letters[end++] as number);
      if (node < 0) break;
      const role = words.role[node] as number;
      if (role >= 0) {
        const after = suffixLevel[end] as number;
        const next = Math.max(after, role);
        if (after !== UNREACHABLE && next > (suffixLevel[start] as number)) suffixLevel[start] = next;
      }
      if (role >= 0 || words.syllable[node] === 1) {
        const after = suffixLoose[end] as number;
        const next = end - start >= 3 ? 1 : after;
        if (after !== UNREACHABLE && next > (suffixLoose[start] as number)) suffixLoose[start] = next;
      }
    }
  }
  for (const edge of index.edgePrefixes) {
    if (!text.startsWith(edge)) continue;
    const after = suffixLevel[edge.length] as number;
    if (after > (suffixLevel[0] as number)) suffixLevel[0] = after;
  }
  return { prefixLevel, suffixLevel, prefixLoose, suffixLoose };
}

/**
 * True when text[from, to) is made of known words ("vietnam" + "bank") or only of Vietnamese syllables
 * of three letters or more ("chinh" + "chu"): then it is a phrase, not a misspelling of a brand name.
 * `letters` are the whole text's, from `WordTrie.lettersOf`.
 */
function isPhrase(letters: readonly number[], from: number, to: number, index: LookalikeIndex): boolean {
  const { words } = index;
  const length = to - from;
  const byWords = new Array<number>(length + 1).fill(0);
  const bySyllables = new Array<number>(length + 1).fill(0);
  byWords[0] = 1;
  bySyllables[0] = 1;
  for (let start = 0; start < length; start++) {
    if (byWords[start] === 0 && bySyllables[start] === 0) continue;
    for (let end = start, node = 0; end < length;) {
      node = words.child(node, letters[from + end++] as number);
      if (node < 0) break;
      if (byWords[start] === 1 && (words.role[node] as number) >= 0) byWords[end] = 1;
      // Two-letter syllables ("py", "ap") would make almost any string a phrase.
      if (bySyllables[start] === 1 && words.syllable[node] === 1 && end - start >= 3) bySyllables[end] = 1;
    }
  }
  return byWords[length] === 1 || bySyllables[length] === 1;
}

// ── Per-host analysis ────────────────────────────────────────────────────────────────────────────

interface Chunk {
  /** Skeleton text of this part of a label. */
  readonly text: string;
  /** The text's letters in the word trie's alphabet. */
  readonly letters: readonly number[];
  readonly labelIndex: number;
  readonly segmentation: Segmentation;
}

interface Candidate {
  readonly entry: NameEntry;
  readonly distance: number;
  readonly chunk: Chunk;
  readonly matchedText: string;
  readonly score: number;
}

interface HostLabels {
  /** Labels left of the public suffix, registrable label first, then subdomain labels right to left. */
  readonly labels: readonly string[];
  readonly registrableLabelIndex: 0;
}

function chunksOfLabel(label: string, labelIndex: number, index: LookalikeIndex): Chunk[] {
  const folded = foldToAscii(label);
  const texts = new Set<string>();
  // Digits read as letters (vietc0mbank), parts split at hyphens.
  for (const part of asciiSkeleton(folded, true).split('-')) if (part) texts.add(part);
  // Digits read as numbers (tiki11, momo247): split at hyphens and digit runs.
  for (const part of folded.split(/[-0-9]+/)) if (part) texts.add(asciiSkeleton(part, false));
  // Hyphens removed (viet-com-bank).
  if (folded.includes('-')) texts.add(asciiSkeleton(folded.replace(/-/g, ''), true));
  return [...texts].map((text) => {
    const letters = index.words.lettersOf(text);
    return { text, letters, labelIndex, segmentation: segment(text, letters, index) };
  });
}

/** The label is the name with one of its letters doubled ("shopeee", "techcombankk"). */
function isDoubledLetter(label: string, plain: string): boolean {
  if (label.length !== plain.length + 1) return false;
  for (let index = 0; index < label.length; index++) {
    if (
      label.slice(0, index) + label.slice(index + 1) === plain &&
      label[index] === (label[index - 1] ?? label[index + 1])
    ) {
      return true;
    }
  }
  return false;
}

function isCountryCodeSuffix(suffix: string, index: LookalikeIndex): boolean {
  const topLevel = suffix.slice(suffix.lastIndexOf('.') + 1);
  return /^[a-z]{2}$/.test(topLevel) && !index.abusedSuffixes.has(topLevel);
}

function analyse(hostLabels: HostLabels, publicSuffix: string, index: LookalikeIndex): Candidate | null {
  const chunks: Chunk[] = [];
  hostLabels.labels.forEach((label, labelIndex) => chunks.push(...chunksOfLabel(label, labelIndex, index)));
  const topLevel = publicSuffix.slice(publicSuffix.lastIndexOf('.') + 1);
  const abusedSuffix = index.abusedSuffixes.has(topLevel) || index.abusedSuffixes.has(publicSuffix);

  let best: Candidate | null = null;
  const consider = (candidate: Candidate): void => {
    if (best === null || candidate.score > best.score) best = candidate;
  };
  const scoreOf = (entry: NameEntry, distance: number, chunk: Chunk): number =>
    (distance === 0 ? 10_000 : -200 * distance) +
    STRENGTH_RANK[entry.strength] * 1_000 +
    entry.plain.length * 10 +
    (chunk.labelIndex === hostLabels.registrableLabelIndex ? 1 : 0);

  for (const chunk of chunks) {
    const { text, segmentation } = chunk;
    const length = text.length;
    const pairs = bigrams(text);
    // A scam word in another part of the host ("cskh-bidvst"): lets a bounded name at the edge of
    // an unknown word count.
    // Strongest scam word in the other parts of the host that split entirely into known words.
    let elsewhereLevel = 0;
    for (const other of chunks) {
      if (other.text.includes(text) || text.includes(other.text)) continue;
      elsewhereLevel = Math.max(elsewhereLevel, other.segmentation.suffixLevel[0] as number);
    }
    const contextElsewhere = elsewhereLevel >= 3;
    // Exact occurrences of a name skeleton.
    for (let start = 0; start < pairs.length; start++) {
      const list = index.namesByPrefix.get(pairs[start] as number);
      if (list === undefined) continue;
      for (const entry of list) {
        if (!text.startsWith(entry.skeleton, start)) continue;
        const end = start + entry.skeleton.length;
        if (entry.strength === 'bounded') {
          const strict =
            (segmentation.prefixLevel[start] as number) >= 0 &&
            (segmentation.suffixLevel[end] as number) >= 0;
          const international = (index.brands[entry.brandIndex] as CompiledBrand).international;
          const before = segmentation.prefixLoose[start] as number;
          const after = segmentation.suffixLoose[end] as number;
          const vietnameseGlue = !international && before >= 0 && after >= 0 && Math.max(before, after) === 1;
          const atEdgeWithContext = (start === 0 || end === length) && contextElsewhere;
          const kitPrefix = entry.labelPrefix && start === 0;
          if (!strict && !vietnameseGlue && !atEdgeWithContext && !kitPrefix) continue;
        } else if (entry.strength === 'code') {
          if (
            (segmentation.prefixLevel[start] as number) < 0 ||
            (segmentation.suffixLevel[end] as number) < 0
          )
            continue;
          const bare = start === 0 && end === length;
          const onThrowAwayDomain =
            bare && abusedSuffix && chunk.labelIndex === hostLabels.registrableLabelIndex;
          // Two-letter codes ("fb") need a real scam word; "vn" or "viet" is enough for three letters.
          const neededContext = entry.plain.length <= 2 ? 3 : 2;
          const contextLevel = Math.max(
            elsewhereLevel,
            segmentation.prefixLevel[start] as number,
            segmentation.suffixLevel[end] as number,
          );
          if (contextLevel < neededContext && !onThrowAwayDomain) continue;
        } else if (entry.needsLeftBoundary && (segmentation.prefixLevel[start] as number) < 0) {
          continue; // "cbbank" inside "acbbank" is ACB, not CBBank
        }
        consider({ entry, distance: 0, chunk, matchedText: entry.skeleton, score: scoreOf(entry, 0, chunk) });
      }
    }
    // Approximate occurrences (typos) of long names, standing alone or glued to known words; not in
    // parts that are a phrase of known words ("vietnam" + "bank" is not a typo of "namabank").
    if (isPhrase(chunk.letters, 0, length, index)) continue;
    // How many of each name's bigrams the text has (each distinct bigram once), names in the order
    // first met: candidates of equal score are decided by that order.
    const hits = new Array<number>(index.typoEntries.length).fill(0);
    const hitOrder: number[] = [];
    for (let at = 0; at < pairs.length; at++) {
      const gram = pairs[at] as number;
      if (at > 0 && pairs.lastIndexOf(gram, at - 1) >= 0) continue; // each distinct bigram once
      const list = index.typoByBigram.get(gram);
      if (list === undefined) continue;
      for (const entryIndex of list) if ((hits[entryIndex] as number)++ === 0) hitOrder.push(entryIndex);
    }
    for (const entryIndex of hitOrder) {
      if ((hits[entryIndex] as number) < (index.typoNeededBigrams[entryIndex] as number)) continue;
      const entry = index.typoEntries[entryIndex] as NameEntry;
      const limit = entry.typoLimit;
      const nameLength = entry.skeleton.length;
      for (let start = 0; start < length; start++) {
        if ((segmentation.prefixLevel[start] as number) < 0) continue;
        const minEnd = Math.max(start + 1, start + nameLength - limit);
        const maxEnd = Math.min(length, start + nameLength + limit);
        for (let end = minEnd; end <= maxEnd; end++) {
          if ((segmentation.suffixLevel[end] as number) < 0) continue;
          const candidateText = text.slice(start, end);
          if (candidateText === entry.skeleton) continue;
          const distance = osaDistanceWithin(candidateText, entry.skeleton, limit);
          if (distance > limit) continue;
          const brand = index.brands[entry.brandIndex] as CompiledBrand;
          if (brand.notTypos.has(candidateText)) continue;
          // Made only of known words (another brand's name, "vietnam"+"bank"): not a misspelling.
          if (isPhrase(chunk.letters, start, end, index)) continue;
          consider({
            entry,
            distance,
            chunk,
            matchedText: candidateText,
            score: scoreOf(entry, distance, chunk),
          });
        }
      }
    }
  }
  return best;
}

// ── Results and wording ──────────────────────────────────────────────────────────────────────────

function describeDomains(domains: readonly string[]): string {
  const shown = domains.slice(0, 4).join(', ');
  return domains.length > 4 ? `${shown} …` : shown;
}

function lookalikeCharacters(label: string): string[] {
  const found: string[] = [];
  for (const char of label) {
    if ((char.codePointAt(0) ?? 0) >= 0x80 || char === '0' || char === '1') {
      if (!found.includes(char)) found.push(char);
    }
  }
  return found;
}

function none(reason: string, host?: string): LookalikeResult {
  return host === undefined ? { verdict: 'none', reason } : { verdict: 'none', host, reason };
}

function hostSuffixes(host: string): string[] {
  const out: string[] = [];
  let rest = host;
  for (;;) {
    out.push(rest);
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    rest = rest.slice(dot + 1);
  }
  return out;
}

function officialResult(
  host: string,
  brand: CompiledBrand,
  index: LookalikeIndex,
  underGovVn: boolean,
): LookalikeResult {
  const userContent = hostSuffixes(host).some((suffix) => index.userContent.has(suffix));
  let reason = underGovVn
    ? `${host} is under gov.vn, which only Vietnamese government bodies can register${
        brand === index.govBrand ? '' : ` (${brand.brand.name})`
      }.`
    : `${host} is an official domain of ${brand.brand.name}.`;
  if (userContent) {
    reason += ` Anyone can publish pages on this site, so a page there may still be a scam: check who published it.`;
  }
  return {
    verdict: 'official',
    host,
    brand: brand.brand,
    officialDomains: brand.officialDomains,
    ...(userContent ? { userContent: true } : {}),
    reason,
  };
}

function checkWithIndex(hostOrUrl: string, index: LookalikeIndex): LookalikeResult {
  const host = extractHost(hostOrUrl);
  if (host === null) return none('No web address or host name could be read from the input.');
  if (host.startsWith('[') || host.includes(':'))
    return none(`${host} is an IP address, not a domain name.`, host);
  const suffixes = hostSuffixes(host);
  const underGovVn = host === 'gov.vn' || host.endsWith('.gov.vn');

  // Official: the host or one of its parent domains is listed, or it is under gov.vn.
  let officialBrand: CompiledBrand | undefined;
  for (const suffix of suffixes) {
    const brandIndex = index.official.get(suffix);
    if (brandIndex !== undefined) {
      officialBrand = index.brands[brandIndex] as CompiledBrand;
      break;
    }
  }
  if (officialBrand === undefined && underGovVn) officialBrand = index.govBrand;
  if (officialBrand !== undefined) {
    // On user-content domains the customer names the subdomain (paypal-my.sharepoint.com): that
    // part can still imitate another brand.
    const userParent = underGovVn
      ? undefined
      : suffixes.find((suffix) => suffix !== host && index.userContent.has(suffix));
    if (userParent !== undefined) {
      const labels = host
        .slice(0, host.length - userParent.length - 1)
        .split('.')
        .reverse();
      const candidate = analyse({ labels, registrableLabelIndex: 0 }, userParent, index);
      if (candidate !== null && index.brands[candidate.entry.brandIndex] !== officialBrand) {
        return lookalikeResult(host, labels, candidate, userParent, userParent, index, true);
      }
    }
    return officialResult(host, officialBrand, index, underGovVn);
  }

  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp) return none(`${host} is an IP address, not a domain name.`, host);
  const registrable = parsed.domain;
  const registrableLabel = parsed.domainWithoutSuffix;
  const publicSuffix = parsed.publicSuffix;
  if (!registrable || !registrableLabel || !publicSuffix) {
    return none(`${host} is not a complete domain name.`, host);
  }

  for (const suffix of suffixes) {
    const brandIndex = index.unverified.get(suffix);
    if (brandIndex !== undefined) {
      const brand = index.brands[brandIndex] as CompiledBrand;
      return none(
        `${host} is believed to belong to ${brand.brand.name} but is not in Khiên's verified list of its domains, so it is neither confirmed nor flagged.`,
        host,
      );
    }
    if (suffix === registrable) break;
  }

  const subdomainLabels = parsed.subdomain ? parsed.subdomain.split('.').filter((label) => label !== '') : [];
  const labels = [registrableLabel, ...subdomainLabels.reverse()];
  const candidate = analyse({ labels, registrableLabelIndex: 0 }, publicSuffix, index);
  if (candidate === null) {
    return (
      governmentPattern(host, registrable, index) ?? none(`No protected brand name found in ${host}.`, host)
    );
  }
  return lookalikeResult(host, labels, candidate, publicSuffix, registrable, index, false);
}

function lookalikeResult(
  host: string,
  labels: readonly string[],
  candidate: Candidate,
  publicSuffix: string,
  registrable: string,
  index: LookalikeIndex,
  onUserContentDomain: boolean,
): LookalikeResult {
  const brand = index.brands[candidate.entry.brandIndex] as CompiledBrand;
  const rawLabel = labels[candidate.chunk.labelIndex] as string;
  const plain = candidate.entry.plain;
  const inRegistrable = candidate.chunk.labelIndex === 0 && !onUserContentDomain;
  let technique: LookalikeTechnique;
  if (candidate.distance > 0) {
    technique = hasNonAscii(rawLabel) ? 'confusable' : 'typo';
  } else if (!rawLabel.replace(/-/g, '').includes(plain)) {
    technique = 'confusable';
  } else if (!rawLabel.includes(plain)) {
    technique = 'hyphenation';
  } else if (!inRegistrable) {
    technique = 'subdomain';
  } else if (rawLabel === plain) {
    technique = 'other_tld';
  } else if (isDoubledLetter(rawLabel, plain)) {
    technique = 'typo'; // techcombankk, shopeee
  } else if (brand.officialDomains.includes('*.gov.vn') && /-gov\.vn$/.test(host)) {
    technique = 'hyphenation'; // dichvucong-gov.vn for dichvucong.gov.vn
  } else {
    technique = 'added_words';
  }

  // Global brands own their name under most country-code domains (google.de, hsbc.co.uk); under .vn
  // every such domain is in the list, so an unlisted one stays suspicious.
  if (
    technique === 'other_tld' &&
    brand.ownsCountryDomains &&
    isCountryCodeSuffix(publicSuffix, index) &&
    !publicSuffix.endsWith('vn')
  ) {
    return none(
      `${host} carries the exact name of ${brand.brand.name}, which owns its name under many country domains; it is not in Khiên's list, so it is neither confirmed nor flagged.`,
      host,
    );
  }

  const name = brand.brand.name;
  let reason: string;
  switch (technique) {
    case 'confusable': {
      const characters = lookalikeCharacters(rawLabel);
      const shown = characters.length > 0 ? ` (${characters.join(' ')})` : '';
      reason = `${host} imitates ${name} with look-alike characters${shown}: it reads like "${plain}" but is a different domain.`;
      break;
    }
    case 'typo':
      reason = `${host} imitates ${name}: it contains a misspelling of "${plain}".`;
      break;
    case 'hyphenation':
      reason = `${host} imitates ${name} by adding hyphens to "${plain}" or to its address.`;
      break;
    case 'subdomain':
      reason = `${host} puts "${plain}" in front of another domain: the site belongs to ${registrable}, not to ${name}.`;
      break;
    case 'other_tld':
      reason = `${host} uses the name "${plain}" on a domain that ${name} does not own.`;
      break;
    case 'added_words':
      reason = `${host} adds words to the name "${plain}" on a domain that ${name} does not own.`;
      break;
  }
  reason += ` ${name}'s official domains: ${describeDomains(brand.officialDomains)}.`;
  return {
    verdict: 'lookalike',
    host,
    brand: brand.brand,
    technique,
    officialDomains: brand.officialDomains,
    matchedName: plain,
    reason,
  };
}

/** "gov.vn" imitated outside gov.vn: gplx-gov.vn, cucgplxgov.vn, gov.vn.example.com. */
function governmentPattern(host: string, registrable: string, index: LookalikeIndex): LookalikeResult | null {
  const folded = foldToAscii(host);
  const dotted = folded.replace(/-/g, '.');
  if (!/gov\.vn(?:\.|$)/.test(dotted)) return null;
  let technique: LookalikeTechnique;
  if (hasNonAscii(host)) technique = 'confusable';
  else if (/(?:^|\.)gov\.vn\./.test(folded) && !registrable.includes('gov')) technique = 'subdomain';
  else if (!/gov\.vn(?:\.|$)/.test(folded)) technique = 'hyphenation';
  else technique = 'added_words';
  const brand = index.govBrand;
  return {
    verdict: 'lookalike',
    host,
    brand: brand.brand,
    technique,
    officialDomains: brand.officialDomains,
    matchedName: 'gov.vn',
    reason: `${host} imitates a government address (gov.vn) but is not under gov.vn, where only Vietnamese government bodies can register.`,
  };
}

/** Creates a checker over a brand list (the built-in list by default). Building takes a few ms. */
export function createLookalikeChecker(definitions: readonly BrandDefinition[] = BRANDS): LookalikeChecker {
  const index = buildLookalikeIndex(definitions);
  return {
    check(hostOrUrl: string): LookalikeResult {
      try {
        return checkWithIndex(hostOrUrl, index);
      } catch {
        // Defensive: input handling above is total, but a public check must answer, not crash.
        return none('The input could not be analysed.');
      }
    },
  };
}

let defaultChecker: LookalikeChecker | undefined;

/**
 * Does this host or URL imitate a protected brand? `official` when it belongs to the brand (or is under
 * gov.vn), `lookalike` when it imitates one, `none` otherwise. Never throws.
 */
export function checkLookalike(hostOrUrl: string): LookalikeResult {
  defaultChecker ??= createLookalikeChecker();
  return defaultChecker.check(hostOrUrl);
}
