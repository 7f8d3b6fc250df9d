import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { osaDistanceWithin } from './distance.js';
import { decodePunycode, extractHost } from './host.js';
import { asciiSkeleton, foldToAscii, hasNonAscii, skeleton } from './skeleton.js';

describe('foldToAscii', () => {
  it('folds ASCII by lower-casing it only', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          // What the full fold (NFKD, marks, confusables) gives: ASCII has none of them.
          expect(foldToAscii(text)).toBe(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
        },
      ),
    );
  });
  it('maps Cyrillic, Greek, fullwidth and mathematical look-alikes to ASCII', () => {
    expect(foldToAscii('v\u0456etcombank')).toBe('vietcombank'); // Cyrillic і
    expect(foldToAscii('\u0430gribank')).toBe('agribank'); // Cyrillic а
    expect(foldToAscii('m\u03bfm\u03bf')).toBe('momo'); // Greek ο
    expect(foldToAscii('\uff56\uff43\uff42')).toBe('vcb'); // fullwidth
    expect(foldToAscii('\u{1d41b}idv')).toBe('bidv'); // mathematical bold b
    expect(foldToAscii('\u0440\u0430\u0443\u0440\u0430l')).toBe('paypal'); // Cyrillic р а у р а
  });
  it('removes Vietnamese diacritics and maps đ', () => {
    expect(foldToAscii('Việtcombank')).toBe('vietcombank');
    expect(foldToAscii('đăngký')).toBe('dangky');
  });
  it('keeps characters that look like no ASCII letter', () => {
    expect(foldToAscii('ngân-hàng-中国')).toBe('ngan-hang-中国');
  });
});

describe('asciiSkeleton and skeleton', () => {
  it('collapses look-alike ASCII', () => {
    expect(asciiSkeleton('vietc0mbank')).toBe(asciiSkeleton('vietcombank'));
    expect(asciiSkeleton('vietcornbank')).toBe(asciiSkeleton('vietcombank'));
    expect(asciiSkeleton('vletcombank')).toBe(asciiSkeleton('vietcombank'));
    expect(asciiSkeleton('b1dv')).toBe(asciiSkeleton('bidv'));
    expect(asciiSkeleton('vvesternunion')).toBe(asciiSkeleton('westernunion'));
    expect(asciiSkeleton('tiki11', false)).toBe('tlkl11');
    expect(asciiSkeleton('rnomo')).toBe('momo');
  });
  it('gives distinct brands distinct skeletons', () => {
    expect(skeleton('vietcombank')).not.toBe(skeleton('vietinbank'));
    expect(skeleton('acb')).not.toBe(skeleton('vcb'));
  });
  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = skeleton(text);
        expect(skeleton(once)).toBe(once);
      }),
    );
  });
  it('hasNonAscii tells IDN labels from ASCII ones', () => {
    expect(hasNonAscii('vietcombank')).toBe(false);
    expect(hasNonAscii('v\u0456etcombank')).toBe(true);
  });
});

/** Plain optimal-string-alignment distance, the slow way, to check the bounded version against. */
function referenceOsa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

describe('osaDistanceWithin', () => {
  it('counts transpositions, insertions, deletions and substitutions as one edit', () => {
    expect(osaDistanceWithin('vietcombnak', 'vietcombank', 2)).toBe(1);
    expect(osaDistanceWithin('vietcombak', 'vietcombank', 2)).toBe(1);
    expect(osaDistanceWithin('vietcombankk', 'vietcombank', 2)).toBe(1);
    expect(osaDistanceWithin('vietconbank', 'vietcombank', 2)).toBe(1);
    expect(osaDistanceWithin('same', 'same', 1)).toBe(0);
    expect(osaDistanceWithin('kitten', 'sitting', 2)).toBe(3); // over the limit: limit + 1
  });
  it('agrees with the full dynamic programme up to the limit', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(letters, letters, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        expect(osaDistanceWithin(a, b, limit)).toBe(Math.min(referenceOsa(a, b), limit + 1));
      }),
    );
  });
});

describe('extractHost', () => {
  it('reads hosts from URLs, bare hosts, e-mail addresses and defanged links', () => {
    expect(extractHost('https://Vietcombank-HoTro.com/login?x=1')).toBe('vietcombank-hotro.com');
    expect(extractHost('vietcombank-hotro.com')).toBe('vietcombank-hotro.com');
    expect(extractHost('hxxps://vietcombank-hotro[.]com/a')).toBe('vietcombank-hotro.com');
    expect(extractHost('cskh@vietcombank-hotro.com')).toBe('vietcombank-hotro.com');
    expect(extractHost('http://user:pass@example.com:8080/')).toBe('example.com');
    expect(extractHost('www.example.com.')).toBe('www.example.com');
  });
  it('decodes IDN labels so that look-alike characters stay visible', () => {
    expect(extractHost('http://v\u0456etcombank.com.vn')).toBe('v\u0456etcombank.com.vn');
    expect(extractHost('xn--vetcombank-x2i.com.vn')).toBe('v\u0456etcombank.com.vn');
    expect(extractHost('http://xn--vitcombank-dv3e.vn')).toBe('việtcombank.vn');
  });
  it('returns null when there is no host', () => {
    expect(extractHost('')).toBeNull();
    expect(extractHost('   ')).toBeNull();
    expect(extractHost('not a host at all')).toBeNull();
    expect(extractHost(42 as unknown as string)).toBeNull();
  });
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        extractHost(text);
        decodePunycode(text);
      }),
    );
  });
  it('gives back a plain host name as the URL parser reads it, without parsing it', () => {
    const label = fc.string({ unit: fc.constantFrom(...'abcxn019-'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
        const host = labels.join('.');
        let parsed: string | null;
        try {
          parsed = new URL(`http://${host}`).hostname;
        } catch {
          parsed = null;
        }
        // Where the URL parser reads the host as it is, so does extractHost (fast or not).
        if (parsed === host && !host.includes('xn--')) expect(extractHost(host)).toBe(host);
      }),
      { numRuns: 3000 },
    );
  });
  it('round-trips Unicode labels through the URL parser and the punycode decoder', () => {
    const label = fc.string({
      unit: fc.constantFrom('a', 'b', 'v', 'i', 'ệ', 'ơ', 'đ', '\u0456', '\u0430', '\u03bf', '中'),
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(label, (text) => {
        let ascii: string;
        try {
          ascii = new URL(`http://${text}.com`).hostname;
        } catch {
          return; // rejected by IDNA: nothing to round-trip
        }
        const decoded = ascii
          .split('.')
          .map((part) => (part.startsWith('xn--') ? decodePunycode(part.slice(4)) : part))
          .join('.');
        expect(decoded).toBe(`${text.normalize('NFC')}.com`);
      }),
    );
  });
});
