import {
  ChangeIndicatorStatusRequest,
  CreateAllowlistEntryRequest,
  CreateDelegationRequest,
  CreateIndicatorRequest,
  MergeIndicatorRequest,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { allowlistFiltersFrom, indicatorFiltersFrom, withChanges } from './filters';
import {
  emptyDelegation,
  emptyReport,
  toAllowlistRequest,
  toDelegationRequest,
  toMergeRequest,
  toReportRequest,
  toStatusRequest,
} from './requests';

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

describe('toMergeRequest', () => {
  const intoId = '0197a2b4-7c1e-7d3a-9f00-000000000009';

  it('builds a request the contract accepts, the reason trimmed', () => {
    const request = toMergeRequest({ intoId, reason: '  Cùng một trang lừa đảo  ' });
    expect(request).toEqual({ intoId, reason: 'Cùng một trang lừa đảo' });
    expect(MergeIndicatorRequest.safeParse(request).success).toBe(true);
  });

  it('is refused by the contract until an entry is chosen and the reason is long enough', () => {
    expect(toMergeRequest({ intoId: '', reason: 'Trùng' }).intoId).toBeUndefined();
    const result = MergeIndicatorRequest.safeParse(toMergeRequest({ intoId: '', reason: 'ok' }));
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['intoId', 'reason']);
  });
});

describe('toDelegationRequest', () => {
  it('builds a request the contract accepts', () => {
    const request = toDelegationRequest({
      delegateAgencyId: '0197a2b4-7c1e-7d3a-9f00-000000000012',
      kinds: ['bank_account', 'card'],
      reason: ' Theo quy chế phối hợp ',
    });
    expect(request.reason).toBe('Theo quy chế phối hợp');
    expect(CreateDelegationRequest.safeParse(request).success).toBe(true);
  });

  it('is refused by the contract without an agency, a kind or a reason', () => {
    const result = CreateDelegationRequest.safeParse(toDelegationRequest(emptyDelegation));
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'delegateAgencyId',
      'kinds',
      'reason',
    ]);
    expect(toDelegationRequest(emptyDelegation).delegateAgencyId).toBeUndefined();
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
