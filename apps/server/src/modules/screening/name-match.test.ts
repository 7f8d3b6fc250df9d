import fc from 'fast-check';
import { foldVietnamese } from '@khien/core';
import { describe, expect, it } from 'vitest';
import { matchNames, prepareName } from './name-match.js';

describe('Confirmation of Payee: examples', () => {
  it.each([
    ['Nguyễn Văn An', 'NGUYEN VAN AN', 'match'],
    ['Nguyễn Văn An', 'An Nguyễn Văn', 'match'],
    ['Đặng Thị Đào', 'DANG THI DAO', 'match'],
    ['Nguyễn An', 'Nguyễn Văn An', 'match'],
    ['NGUYENVANAN', 'Nguyễn Văn An', 'match'],
    ['NGUYEN V A', 'Nguyễn Văn An', 'close_match'],
    ['Nguyen Thi L', 'Nguyễn Thị Lan', 'close_match'],
    ['Tran Quoc Tuaan', 'Trần Quốc Tuấn', 'close_match'],
    ['Nguyen Thi', 'Nguyễn Thị Lan', 'no_match'],
    ['Nguyen Thi', 'Nguyen Thi', 'no_match'],
    ['Nguyễn Văn', 'Nguyễn Văn Bình', 'no_match'],
    ['Trần Văn Bình', 'Nguyễn Văn Bình', 'no_match'],
    ['Lê Thị Hoa', 'Phạm Minh Tuấn', 'no_match'],
    ['', 'Nguyễn Văn An', 'no_match'],
    ['CÔNG TY TNHH HÒA PHÁT', 'Cong ty trach nhiem huu han Hoa Phat', 'match'],
    ['CTCP Sữa Việt Nam', 'Công ty Cổ phần Sữa Việt Nam', 'match'],
    ['Công ty TNHH Thương mại Dịch vụ Ánh Dương', 'ANH DUONG CO., LTD', 'match'],
    ['Công ty TNHH Ánh Dương', 'Nguyễn Văn An', 'no_match'],
    ['Công ty TNHH Thương mại', 'Công ty TNHH Dịch vụ', 'no_match'],
  ] as const)('%s ~ %s → %s', (expected, holder, result) => {
    expect(matchNames(expected, holder).result).toBe(result);
  });

  it('scores an exact name 1 and unrelated names 0', () => {
    expect(matchNames('Phạm Minh Tuấn', 'pham minh tuan').score).toBe(1);
    expect(matchNames('Lê Thị Hoa', 'Bùi Quang Khải').score).toBe(0);
  });

  it('says when a company is named', () => {
    expect(matchNames('Công ty TNHH Ánh Dương', 'Ánh Dương').company).toBe(true);
    expect(matchNames('Nguyễn Văn An', 'Nguyễn Văn An').company).toBe(false);
  });

  it('drops legal forms and punctuation', () => {
    expect(prepareName('CÔNG TY CỔ PHẦN  Đầu-tư ABC').tokens).toEqual(['dau', 'tu', 'abc']);
    expect(prepareName('Nguyễn Văn Đức').tokens).toEqual(['nguyen', 'van', 'duc']);
  });
});

// ── Properties ───────────────────────────────────────────────────────────────────────────────────────

const syllables = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Thị',
  'Văn',
  'Đức',
  'Hữu',
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Đào',
  'Giang',
  'Hạnh',
  'Khoa',
  'Lan',
  'Mỹ',
  'Nhung',
  'Phúc',
  'Quyên',
  'Sơn',
  'Tuấn',
  'Yến',
  'V',
  'A',
];
const vietnameseName = fc
  .array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '));
const anyName = fc.oneof(
  vietnameseName,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('Confirmation of Payee: properties', () => {
  it('never throws and keeps the score within 0–1', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const answer = matchNames(a, b);
        expect(answer.score).toBeGreaterThanOrEqual(0);
        expect(answer.score).toBeLessThanOrEqual(1);
        expect(['match', 'close_match', 'no_match']).toContain(answer.result);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(matchNames(a, b)).toEqual(matchNames(b, a));
      }),
    );
  });

  it('ignores case and diacritics', () => {
    fc.assert(
      fc.property(vietnameseName, vietnameseName, (a, b) => {
        expect(matchNames(foldVietnamese(a).toUpperCase(), b)).toEqual(matchNames(a, b));
      }),
    );
  });

  it('ignores word order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 5 }),
        vietnameseName,
        fc.integer(),
        (words, other, seed) => {
          const shuffled = [...words].sort(
            (x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7),
          );
          expect(matchNames(shuffled.join(' '), other)).toEqual(matchNames(words.join(' '), other));
        },
      ),
    );
  });

  it('matches a name with a given name to itself, and never one made only of common words', () => {
    const common = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Thị', 'Văn'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...common), { maxLength: 3 }),
        fc.constantFrom('An', 'Bình', 'Tuấn', 'Yến'),
        fc.array(fc.constantFrom(...common), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...syllables), { maxLength: 3 }),
        (family, given, onlyCommon, extra) => {
          const name = [...family, given].join(' ');
          expect(matchNames(name, name).result).toBe('match');
          expect(matchNames(onlyCommon.join(' '), [...onlyCommon, ...extra].join(' ')).result).not.toBe(
            'match',
          );
        },
      ),
    );
  });
});
