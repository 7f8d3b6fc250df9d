import { CreateAppealRequest, DecideAppealRequest } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { appealLink, appealSubject, followLink } from './links';
import {
  appealFiltersFrom,
  emptyAppeal,
  isTrackingCode,
  normaliseTrackingCode,
  toAppealRequest,
  toDecisionRequest,
} from './requests';

function lookup(resource: unknown, key: string): unknown {
  let node = resource;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('toAppealRequest', () => {
  it('leaves out an empty phone or email and is refused without either', () => {
    const request = toAppealRequest({
      ...emptyAppeal(' 0905 333 444 '),
      fullName: ' Trần Văn Chủ ',
      reasons: 'Số này tôi dùng cho cửa hàng từ năm 2015.',
    });
    expect(request).toEqual({
      identifier: '0905 333 444',
      fullName: 'Trần Văn Chủ',
      phone: undefined,
      email: undefined,
      relation: 'holder',
      reasons: 'Số này tôi dùng cho cửa hàng từ năm 2015.',
    });
    const refused = CreateAppealRequest.safeParse(request);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['phone', 'contact.required'],
    ]);
    expect(CreateAppealRequest.safeParse({ ...request, email: 'chu@example.vn' }).success).toBe(true);
  });

  it('names the codes the app has words for', () => {
    const request = toAppealRequest({
      ...emptyAppeal('0905333444'),
      fullName: 'A',
      phone: 'abc',
      reasons: 'ngắn quá',
    });
    const messages = CreateAppealRequest.safeParse(request).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining(['name.too_short', 'phone.invalid', 'reasons.too_short']),
    );
  });
});

describe('toDecisionRequest', () => {
  it('needs a decision and a reason of five characters', () => {
    expect(toDecisionRequest({ decision: 'upheld', reason: '  Số bị giả mạo  ' })).toEqual({
      decision: 'upheld',
      reason: 'Số bị giả mạo',
    });
    expect(
      DecideAppealRequest.safeParse(toDecisionRequest({ decision: '', reason: 'Đủ dài rồi' })).success,
    ).toBe(false);
    const short = DecideAppealRequest.safeParse(toDecisionRequest({ decision: 'rejected', reason: 'ok' }));
    expect(short.error?.issues[0]?.message).toBe('reason.too_short');
  });
});

describe('tracking codes', () => {
  it('reads a code as it is typed or read out on the phone', () => {
    expect(normaliseTrackingCode('KN-7Q2M9XKD')).toBe('KN-7Q2M9XKD');
    expect(normaliseTrackingCode(' kn-7q2m9xkd ')).toBe('KN-7Q2M9XKD');
    expect(normaliseTrackingCode('KN 7Q2M 9XKD')).toBe('KN-7Q2M9XKD');
    expect(normaliseTrackingCode('kn7q2m9xkd')).toBe('KN-7Q2M9XKD');
    expect(normaliseTrackingCode('7q2m9xkd')).toBe('KN-7Q2M9XKD');
    expect(normaliseTrackingCode(' abc ')).toBe('ABC');
  });

  it('agrees with the server on what a code is', () => {
    expect(isTrackingCode('KN-7Q2M9XKD')).toBe(true);
    expect(isTrackingCode('KN-7Q2M9XK')).toBe(false);
    expect(isTrackingCode('kn-7q2m9xkd')).toBe(false);
    expect(isTrackingCode(normaliseTrackingCode('kn-7q2m9xkd'))).toBe(true);
  });
});

describe('links', () => {
  it('puts the identifier in the form address and never a secret in the follow address', () => {
    expect(appealLink('0905 333 444')).toBe('/khieu-nai?q=0905+333+444');
    expect(new URLSearchParams(appealLink('https://a.vn/x?y=1&z=2').split('?')[1]).get('q')).toBe(
      'https://a.vn/x?y=1&z=2',
    );
    expect(followLink('KN-7Q2M9XKD')).toBe('/khieu-nai/theo-doi?ma=KN-7Q2M9XKD');
  });

  it('names the identifier as a number, an account or a site', () => {
    expect(appealSubject('phone')).toBe('phone');
    expect(appealSubject('bank_account')).toBe('account');
    expect(appealSubject('ewallet')).toBe('account');
    expect(appealSubject('url')).toBe('site');
    expect(appealSubject('domain')).toBe('site');
  });
});

describe('filters', () => {
  it('reads the status and the page from the address and ignores unknown values', () => {
    expect(appealFiltersFrom(new URLSearchParams('status=submitted&offset=25'), 25)).toEqual({
      status: 'submitted',
      limit: 25,
      offset: 25,
    });
    expect(appealFiltersFrom(new URLSearchParams('status=bogus&offset=-1'), 25)).toEqual({
      status: undefined,
      limit: 25,
      offset: 0,
    });
  });
});

describe('messages', () => {
  it('has Vietnamese and English words for the codes of appeals and QR images', () => {
    const errorCodes = [
      'appeal.not_listed',
      'appeal.already_open',
      'appeal.already_decided',
      'appeal.not_found',
      'check.image_unreadable',
    ];
    for (const code of errorCodes) {
      expect(typeof lookup(vi, `errors.${code}`), code).toBe('string');
      expect(typeof lookup(en, `errors.${code}`), code).toBe('string');
    }
    const fieldCodes = [
      'contact.required',
      'reasons.too_short',
      'name.too_short',
      'phone.invalid',
      'tracking_code.invalid',
      'qr.not_found',
      'qr.unsupported_format',
      'qr.too_large',
      'qr.corrupt_image',
    ];
    for (const code of fieldCodes) {
      expect(typeof lookup(vi, `fieldErrors.${code}`), code).toBe('string');
      expect(typeof lookup(en, `fieldErrors.${code}`), code).toBe('string');
    }
    expect(vi.appeals.overdue).toBe('Quá hạn');
    expect(vi.nav.appeals).toBe('Khiếu nại');
  });
});
