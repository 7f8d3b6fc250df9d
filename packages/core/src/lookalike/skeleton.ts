import { CONFUSABLE_SOURCES_BY_TARGET } from './data/confusables.js';

/**
 * Confusable skeletons for host names, after Unicode UTS #39 but tuned for Latin-script domains: the
 * question is "does this label look like a brand name?", not "are these two strings confusable in any
 * script". Two steps:
 *
 * 1. `foldToAscii` — what ASCII the text looks like: compatibility forms folded (NFKD: fullwidth,
 *    mathematical letters, ligatures), Vietnamese and other diacritics removed (combining marks
 *    dropped), lower case, đ → d (it does not decompose under NFD), and every
 *    character from Unicode's confusables.txt that imitates ASCII replaced by it (Cyrillic "і" → i,
 *    Greek "ο" → o, fullwidth "ｖ" → v, mathematical "𝐯" → v …). Other characters are kept.
 * 2. `asciiSkeleton` — collapse ASCII letters and digits that look alike in a URL bar to one
 *    representative: 0 → o, 1 → l, i → l, rn → m, vv → w. A brand name and a host label are compared
 *    after both went through the same steps, so "vietc0mbank", "vіetcombank", "vietcornbank" and
 *    "vletcombank" all have the skeleton of "vietcombank".
 */

const CONFUSABLE_MAP: ReadonlyMap<number, string> = (() => {
  const map = new Map<number, string>();
  for (const [target, sources] of Object.entries(CONFUSABLE_SOURCES_BY_TARGET)) {
    for (const source of sources) {
      const codePoint = source.codePointAt(0);
      if (codePoint !== undefined) map.set(codePoint, target);
    }
  }
  map.set(0x0111, 'd'); // đ
  map.set(0x0110, 'd'); // Đ (kept for callers that did not lower-case first)
  return map;
})();

const COMBINING_MARKS = /\p{M}/gu;

/** The ASCII a text looks like; characters with no ASCII look-alike are kept as they are. */
export function foldToAscii(text: string): string {
  // ASCII has no compatibility form, no diacritic and no confusable to replace: only case to fold.
  if (!hasNonAscii(text)) return text.toLowerCase();
  // NFKD: compatibility forms (fullwidth ｂ, mathematical 𝐛, ligature ﬁ) become plain letters and
  // diacritics become separate marks, which are dropped.
  const stripped = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let out = '';
  for (const char of stripped) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out += char;
      continue;
    }
    out += CONFUSABLE_MAP.get(code) ?? char;
  }
  return out;
}

/** True when the text has a character outside printable ASCII (an IDN, a homoglyph, a diacritic). */
export function hasNonAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) >= 0x80) return true;
  }
  return false;
}

/**
 * Collapse look-alike ASCII to one representative: 0 → o, 1 → l, i → l, "rn" → m, "vv" → w. Letter
 * pairs are folded to the single letter (not the other way round, as UTS #39 does) so that the
 * skeleton keeps the length of the word it imitates and a typo stays one edit. With `digitsAsLetters`
 * false, 0 and 1 stay digits (used when digit runs are read as numbers: "tiki11", "momo247").
 */
export function asciiSkeleton(ascii: string, digitsAsLetters = true): string {
  let out = '';
  for (let index = 0; index < ascii.length; index++) {
    const char = ascii[index] as string;
    const next = ascii[index + 1];
    if (char === 'r' && next === 'n') {
      out += 'm';
      index++;
    } else if (char === 'v' && next === 'v') {
      out += 'w';
      index++;
    } else if (char === 'i') {
      out += 'l';
    } else if (digitsAsLetters && char === '0') {
      out += 'o';
    } else if (digitsAsLetters && char === '1') {
      out += 'l';
    } else {
      out += char;
    }
  }
  return out;
}

/** Full skeleton of a text: `asciiSkeleton(foldToAscii(text))`. */
export function skeleton(text: string): string {
  return asciiSkeleton(foldToAscii(text), true);
}
