import {
  ChangeIndicatorStatusRequest,
  CreateAllowlistEntryRequest,
  CreateIndicatorRequest,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { allowlistFiltersFrom, indicatorFiltersFrom, withChanges } from './filters';
import { emptyReport, toAllowlistRequest, toReportRequest, toStatusRequest } from './requests';

describe('toReportRequest', () => {
  it('leaves out what was not filled in', () => {
    expect(toReportRequest({ ...emptyReport, input: ' 0912 345 678 ' })).toEqual({
      input: '0912 345 678',
      kind: undefined,
      scamMethod: undefined,
      lossVnd: undefined,
      evidenceUrl: undefined,
      note: undefined,
      sharing: 'public',
    });
  });

  it('builds a request the contract accepts', () => {
    const request = toReportRequest({
      input: 'https://vietcombank-hotro.com/login',
      kind: 'url',
      scamMethod: 'impersonate_bank',
      lossVnd: 15_000_000,
      evidenceUrl: 'https://luu-tru.example.vn/anh-chup/1',
      note: '  Gửi qua SMS giả mạo  ',
      sharing: 'agencies',
    });
    expect(request.note).toBe('Gửi qua SMS giả mạo');
    expect(CreateIndicatorRequest.safeParse(request).success).toBe(true);
  });

  it('reads an amount typed with separators', () => {
    expect(toReportRequest({ ...emptyReport, input: 'x', lossVnd: '1.500.000 ₫' }).lossVnd).toBe(1_500_000);
    expect(toReportRequest({ ...emptyReport, input: 'x', lossVnd: 0 }).lossVnd).toBe(0);
  });
});

describe('toStatusRequest', () => {
  it('keeps the sharing unless another is chosen', () => {
    expect(toStatusRequest('confirmed_scam', { reason: ' Đã xác minh ', sharing: '' })).toEqual({
      status: 'confirmed_scam',
      reason: 'Đã xác minh',
    });
    expect(toStatusRequest('cleared', { reason: 'Số của ngân hàng', sharing: 'police' }).sharing).toBe(
      'police',
    );
  });

  it('is refused by the contract when the reason is too short', () => {
    const result = ChangeIndicatorStatusRequest.safeParse(
      toStatusRequest('cleared', { reason: 'ok', sharing: '' }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('reason.too_short');
  });
});

describe('toAllowlistRequest', () => {
  it('builds a request the contract accepts', () => {
    const request = toAllowlistRequest({
      input: ' vietcombank.com.vn ',
      kind: null,
      organisation: ' Vietcombank ',
      category: 'bank',
      note: '',
    });
    expect(request).toEqual({
      input: 'vietcombank.com.vn',
      kind: undefined,
      organisation: 'Vietcombank',
      category: 'bank',
      note: undefined,
    });
    expect(CreateAllowlistEntryRequest.safeParse(request).success).toBe(true);
  });
});

describe('filters', () => {
  it('reads the registry filters from the address and ignores unknown values', () => {
    expect(indicatorFiltersFrom(new URLSearchParams('q=0912&kind=phone&status=bogus&offset=50'), 25)).toEqual(
      {
        q: '0912',
        kind: 'phone',
        status: undefined,
        limit: 25,
        offset: 50,
      },
    );
    expect(indicatorFiltersFrom(new URLSearchParams('offset=-3'), 25).offset).toBe(0);
    expect(allowlistFiltersFrom(new URLSearchParams('category=bank&q=%20'), 25)).toEqual({
      q: undefined,
      category: 'bank',
      limit: 25,
      offset: 0,
    });
  });

  it('starts again at the first page when a filter changes', () => {
    const current = new URLSearchParams('q=a&offset=50');
    expect(withChanges(current, { status: 'reported' }).toString()).toBe('q=a&status=reported');
    expect(withChanges(current, { offset: '75' }).toString()).toBe('q=a&offset=75');
    expect(withChanges(current, { q: null }).toString()).toBe('');
  });
});
