import { describe, expect, it } from 'vitest';
import { followReportLink, prefillFrom, reportLink } from './links';

describe('prefillFrom', () => {
  it('reads the identifiers and the method a check puts in the address', () => {
    expect(prefillFrom(new URLSearchParams('q=0905+333+444&method=loans'))).toEqual({
      identifiers: ['0905 333 444'],
      scamMethod: 'loans',
    });
  });

  it('keeps several identifiers once each, in order, and drops empty ones', () => {
    const params = new URLSearchParams();
    for (const q of [' 0905 333 444 ', '', 'https://vcb-hotro.com', '0905333444', 'HTTPS://VCB-HOTRO.COM'])
      params.append('q', q);
    expect(prefillFrom(params).identifiers).toEqual(['0905 333 444', 'https://vcb-hotro.com']);
  });

  it('stays within the limits of the contract and ignores an unknown method', () => {
    const params = new URLSearchParams();
    for (let index = 0; index < 25; index++) params.append('q', `09053334${String(index).padStart(2, '0')}`);
    params.append('q', 'x'.repeat(600));
    params.set('method', 'bogus');
    const prefill = prefillFrom(params);
    expect(prefill.identifiers).toHaveLength(20);
    expect(prefill.scamMethod).toBeNull();
    expect(prefillFrom(new URLSearchParams('q=' + 'y'.repeat(600))).identifiers[0]).toHaveLength(500);
    expect(prefillFrom(new URLSearchParams())).toEqual({ identifiers: [], scamMethod: null });
  });
});

describe('links', () => {
  it('round-trips identifiers through the form address', () => {
    const link = reportLink(['0905 333 444', 'https://a.vn/x?y=1&z=2'], 'impersonate_bank');
    expect(link.startsWith('/to-giac?')).toBe(true);
    expect(prefillFrom(new URLSearchParams(link.split('?')[1]))).toEqual({
      identifiers: ['0905 333 444', 'https://a.vn/x?y=1&z=2'],
      scamMethod: 'impersonate_bank',
    });
    expect(reportLink([])).toBe('/to-giac');
  });

  it('puts the tracking code, never a secret, in the follow address', () => {
    expect(followReportLink('TG-7Q2M9XKD')).toBe('/to-giac/theo-doi?code=TG-7Q2M9XKD');
  });
});
