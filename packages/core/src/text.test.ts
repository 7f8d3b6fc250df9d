import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text.js';

describe('foldVietnamese', () => {
  it('removes diacritics, maps đ and folds case and spaces', () => {
    expect(foldVietnamese('  Công an  tỉnh ĐIỆN BIÊN ')).toBe('cong an tinh dien bien');
    expect(foldVietnamese('Thanh Hoá')).toBe(foldVietnamese('Thanh Hóa'));
    expect(foldVietnamese('Sin Suối Hồ')).toBe('sin suoi ho');
  });
  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
      }),
    );
  });
});
