import {
  AllowlistCategory,
  IndicatorKind,
  IndicatorStatus,
  PublicVerdict,
  ScamMethod,
  Sharing,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import {
  allowlistCategoryOf,
  fillVariable,
  itemVerdictKey,
  localised,
  safeLink,
  verdictBodyKey,
  verdictPresentation,
  verdictTitleKey,
} from './verdict';

function lookup(resource: unknown, key: string): unknown {
  let node = resource;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('verdictPresentation', () => {
  it('gives each verdict its own colour and its own icon', () => {
    expect(verdictPresentation.confirmed_scam.color).toBe('red');
    expect(verdictPresentation.suspicious.color).toBe('orange');
    expect(verdictPresentation.no_data.color).toBe('gray');
    expect(verdictPresentation.official.color).toBe('green');
    const icons = PublicVerdict.options.map((v) => verdictPresentation[v].icon);
    expect(new Set(icons).size).toBe(PublicVerdict.options.length);
    expect(fillVariable(verdictPresentation.confirmed_scam)).toBe('var(--mantine-color-red-9)');
  });

  it('has the words the brief asks for, in both languages', () => {
    expect(lookup(vi, verdictTitleKey.confirmed_scam)).toBe('LỪA ĐẢO — đã được Công an xác minh');
    expect(lookup(vi, verdictTitleKey.suspicious)).toBe('NGHI VẤN LỪA ĐẢO');
    expect(lookup(vi, verdictTitleKey.no_data)).toBe('Chưa có thông tin');
    expect(lookup(vi, verdictTitleKey.official)).toBe('CHÍNH THỨC');
    expect(lookup(vi, verdictBodyKey.no_data)).toMatch(/không có nghĩa là an toàn/);
    expect(lookup(en, verdictBodyKey.no_data)).toMatch(/does not mean it is safe/);
    for (const verdict of PublicVerdict.options) {
      for (const key of [verdictTitleKey[verdict], verdictBodyKey[verdict], itemVerdictKey[verdict]]) {
        expect(typeof lookup(vi, key), key).toBe('string');
        expect(typeof lookup(en, key), key).toBe('string');
      }
    }
  });
});

describe('labels', () => {
  it('has a Vietnamese and an English label for every value of the registry enums', () => {
    const groups: Array<[string, readonly string[]]> = [
      ['indicatorKind', IndicatorKind.options],
      ['indicatorStatus', IndicatorStatus.options],
      ['sharing', Sharing.options],
      ['scamMethod', ScamMethod.options],
      ['allowlistCategory', AllowlistCategory.options],
    ];
    for (const [group, values] of groups) {
      for (const value of values) {
        expect(typeof lookup(vi, `${group}.${value}`), `${group}.${value}`).toBe('string');
        expect(typeof lookup(en, `${group}.${value}`), `${group}.${value}`).toBe('string');
      }
    }
    expect(vi.indicatorKind.crypto).toBe('Ví tiền mã hóa');
    expect(vi.scamMethod.impersonate_telco_sim_upgrade).toBe('Giả danh nhà mạng (nâng cấp SIM)');
    expect(vi.indicatorStatus.confirmed_scam).toBe('Đã xác minh lừa đảo');
    expect(vi.sharing.police).toBe('Chỉ Công an');
  });

  it('has messages for the new error and field codes', () => {
    const errorCodes = [
      'indicator.unrecognised',
      'indicator.allowlisted',
      'indicator.invalid_transition',
      'allowlist.exists',
      'rate_limited',
    ];
    for (const code of errorCodes) {
      expect(typeof lookup(vi, `errors.${code}`), code).toBe('string');
      expect(typeof lookup(en, `errors.${code}`), code).toBe('string');
    }
    // Validation messages of the contracts arrive in errors[].message and are field codes.
    for (const code of ['check.empty', 'check.too_long', 'reason.too_short']) {
      expect(typeof lookup(vi, `fieldErrors.${code}`), code).toBe('string');
      expect(typeof lookup(en, `fieldErrors.${code}`), code).toBe('string');
    }
  });
});

describe('localised', () => {
  it('picks the text of the current language, Vietnamese by default', () => {
    const text = { code: 'stop', vi: 'Dừng liên lạc.', en: 'Stop all contact.' };
    expect(localised(text, 'vi')).toBe('Dừng liên lạc.');
    expect(localised(text, 'en')).toBe('Stop all contact.');
    expect(localised(text, 'fr')).toBe('Dừng liên lạc.');
  });
});

describe('safeLink', () => {
  it('keeps paths on this site and http(s) addresses only', () => {
    expect(safeLink(null)).toBeNull();
    expect(safeLink('')).toBeNull();
    expect(safeLink('/to-giac?phone=0912345678')).toBe('/to-giac?phone=0912345678');
    expect(safeLink('https://khien.example.vn/to-giac')).toBe('https://khien.example.vn/to-giac');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,x')).toBeNull();
    expect(safeLink('//evil.example')).toBeNull();
    expect(safeLink('https://')).toBeNull();
  });
});

describe('allowlistCategoryOf', () => {
  it('recognises the categories the app has labels for', () => {
    expect(allowlistCategoryOf('bank')).toBe('bank');
    expect(allowlistCategoryOf('government')).toBe('government');
    expect(allowlistCategoryOf('something else')).toBeNull();
  });
});
