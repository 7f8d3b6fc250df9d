import { describe, expect, it } from 'vitest';
import { firstMatch, foldVietnamese, foldingFilter, matchesSearch } from './text';

describe('foldVietnamese', () => {
  it('removes diacritics including đ', () => {
    expect(foldVietnamese('Điện Biên Phủ')).toBe('dien bien phu');
    expect(foldVietnamese('  Thái   Nguyên ')).toBe('thai nguyen');
    expect(foldVietnamese('Ủy ban nhân dân')).toBe('uy ban nhan dan');
  });
});

describe('matchesSearch', () => {
  it('finds text typed without diacritics or in another word order', () => {
    expect(matchesSearch('Thành phố Hà Nội', 'ha noi')).toBe(true);
    expect(matchesSearch('Công an xã/phường', 'cong an xa')).toBe(true);
    expect(matchesSearch('Công an tỉnh', 'tinh cong')).toBe(true);
    expect(matchesSearch('Công an tỉnh', 'huyen')).toBe(false);
    expect(matchesSearch('Bất kỳ', '')).toBe(true);
  });
});

describe('foldingFilter', () => {
  it('keeps matching options in order, up to the limit', () => {
    const options = [
      { value: 'police_province', label: 'Công an tỉnh' },
      { value: 'police_commune', label: 'Công an xã/phường' },
      { value: 'court', label: 'Tòa án nhân dân' },
    ];
    expect(
      foldingFilter({ options, search: 'cong an', limit: 10 }).map((o) => ('value' in o ? o.value : '')),
    ).toEqual(['police_province', 'police_commune']);
    expect(foldingFilter({ options, search: '', limit: 1 })).toHaveLength(1);
  });
});

describe('firstMatch', () => {
  it('finds the first option for a search typed without diacritics, and nothing for an empty search', () => {
    const options = [
      { value: '19', label: 'Thái Nguyên' },
      { value: '20', label: 'Lạng Sơn' },
    ];
    expect(firstMatch(options, 'lang son')?.value).toBe('20');
    expect(firstMatch(options, '  ')).toBeUndefined();
    expect(firstMatch(options, 'hue')).toBeUndefined();
  });
});
