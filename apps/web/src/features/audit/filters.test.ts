import { describe, expect, it } from 'vitest';
import { dayBoundary, filtersFrom, paramsFrom } from './filters';

describe('dayBoundary', () => {
  it('covers the whole day in the local time zone', () => {
    const start = new Date(dayBoundary('2026-03-05', false)!);
    const end = new Date(dayBoundary('2026-03-05', true)!);
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([
      2026, 2, 5, 0,
    ]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([
      5, 23, 59, 999,
    ]);
  });

  it('ignores what is not a day', () => {
    expect(dayBoundary('', false)).toBeUndefined();
    expect(dayBoundary('05/03/2026', true)).toBeUndefined();
  });
});

describe('audit filters in the address', () => {
  it('round-trips the form and turns it into the API query', () => {
    const params = paramsFrom(
      { action: ' user.create ', personal: 'true', from: '2026-01-01', to: '', agencyId: null },
      new URLSearchParams('targetId=abc&offset=50'),
    );
    expect(params.toString()).toBe('action=user.create&personal=true&from=2026-01-01&targetId=abc');
    const filters = filtersFrom(params, 50);
    expect(filters).toMatchObject({
      action: 'user.create',
      personalData: 'true',
      targetId: 'abc',
      offset: 0,
      limit: 50,
    });
    expect(filters.from).toBe(dayBoundary('2026-01-01', false));
    expect(filters.to).toBeUndefined();
  });
});
