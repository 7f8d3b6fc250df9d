import { NetworkListQuery } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { withChanges } from '../registry/filters';
import { filterChange, isFiltered, minReportsOf, networkFiltersFrom, selectedNetworkFrom } from './filters';

const id = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';

describe('networkFiltersFrom', () => {
  it('reads every filter of the list from the address', () => {
    const params = new URLSearchParams(
      'provinceCode=79&method=impersonate_bank&minReports=5&sort=loss&offset=40&network=' + id,
    );
    expect(networkFiltersFrom(params, 20)).toEqual({
      provinceCode: '79',
      method: 'impersonate_bank',
      minReports: 5,
      sort: 'loss',
      limit: 20,
      offset: 40,
    });
    expect(selectedNetworkFrom(params)).toBe(id);
  });

  it('ignores what it does not know, and leaves the defaults out', () => {
    const params = new URLSearchParams(
      'provinceCode=7&method=phishing&minReports=2&sort=reports&offset=-1&network=not-an-id',
    );
    const filters = networkFiltersFrom(params, 20);
    expect(filters).toEqual({
      provinceCode: undefined,
      method: undefined,
      minReports: undefined,
      sort: undefined,
      limit: 20,
      offset: 0,
    });
    expect(isFiltered(filters)).toBe(false);
    expect(minReportsOf(filters)).toBe(2);
    expect(selectedNetworkFrom(params)).toBeNull();
    for (const minReports of ['0', '1.5', 'x', '2000000']) {
      expect(networkFiltersFrom(new URLSearchParams({ minReports }), 20).minReports).toBeUndefined();
    }
  });

  it('gives a query the server accepts, with its defaults where the address says nothing', () => {
    expect(NetworkListQuery.parse({ ...networkFiltersFrom(new URLSearchParams(''), 20) })).toEqual({
      limit: 20,
      offset: 0,
      minReports: 2,
      sort: 'reports',
    });
    const filters = networkFiltersFrom(new URLSearchParams('minReports=1&sort=recent&provinceCode=01'), 20);
    expect(NetworkListQuery.parse({ ...filters })).toMatchObject({
      minReports: 1,
      sort: 'recent',
      provinceCode: '01',
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('round-trips through the address: a default removes its parameter, a change goes back to page one', () => {
    let params = new URLSearchParams(`offset=40&network=${id}`);
    params = withChanges(params, filterChange('minReports', '10'));
    expect(params.toString()).toBe(`network=${id}&minReports=10`);
    expect(networkFiltersFrom(params, 20)).toMatchObject({ minReports: 10, offset: 0 });
    params = withChanges(params, filterChange('sort', 'recent'));
    params = withChanges(params, filterChange('minReports', '2'));
    params = withChanges(params, filterChange('method', 'romance'));
    expect(params.toString()).toBe(`network=${id}&sort=recent&method=romance`);
    params = withChanges(params, filterChange('sort', 'reports'));
    params = withChanges(params, filterChange('method', null));
    expect(params.toString()).toBe(`network=${id}`);
    expect(selectedNetworkFrom(params)).toBe(id);
  });
});
