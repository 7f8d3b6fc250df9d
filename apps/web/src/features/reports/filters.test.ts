import { ReportListQuery } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { withChanges } from '../registry/filters';
import { caseFiltersFrom, isFiltered, reportFiltersFrom } from './filters';

describe('reportFiltersFrom', () => {
  it('reads every filter of the inbox from the address', () => {
    const params = new URLSearchParams(
      'status=verifying&overdue=true&assigned=me&provinceCode=19&q=%20TG-7Q2M9XKD%20&sort=received&offset=50',
    );
    expect(reportFiltersFrom(params, 25)).toEqual({
      status: 'verifying',
      overdue: 'true',
      assigned: 'me',
      provinceCode: '19',
      q: 'TG-7Q2M9XKD',
      sort: 'received',
      limit: 25,
      offset: 50,
    });
  });

  it('ignores what it does not know, and leaves the default sort out', () => {
    const params = new URLSearchParams(
      'status=open&overdue=yes&assigned=all&provinceCode=1&q=%20&sort=due&offset=-3',
    );
    expect(reportFiltersFrom(params, 25)).toEqual({
      status: undefined,
      overdue: undefined,
      assigned: undefined,
      provinceCode: undefined,
      q: undefined,
      sort: undefined,
      limit: 25,
      offset: 0,
    });
    expect(isFiltered(reportFiltersFrom(params, 25))).toBe(false);
  });

  it('gives a query the server accepts', () => {
    const filters = reportFiltersFrom(
      new URLSearchParams('overdue=true&assigned=nobody&provinceCode=11'),
      25,
    );
    const parsed = ReportListQuery.parse({ ...filters });
    expect(parsed).toMatchObject({ overdue: true, assigned: 'nobody', provinceCode: '11', sort: 'due' });
    expect(isFiltered(filters)).toBe(true);
  });

  it('goes back to the first page when a filter changes, and round-trips through the address', () => {
    const current = new URLSearchParams('status=received&offset=75');
    const next = withChanges(current, { assigned: 'me' });
    expect(next.toString()).toBe('status=received&assigned=me');
    expect(reportFiltersFrom(next, 25)).toMatchObject({ status: 'received', assigned: 'me', offset: 0 });
    expect(withChanges(next, { status: null }).toString()).toBe('assigned=me');
  });
});

describe('caseFiltersFrom', () => {
  it('reads the page', () => {
    expect(caseFiltersFrom(new URLSearchParams('offset=25'), 25)).toEqual({ limit: 25, offset: 25 });
    expect(caseFiltersFrom(new URLSearchParams('offset=x'), 25)).toEqual({ limit: 25, offset: 0 });
  });
});
