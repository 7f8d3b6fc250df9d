import { describe, expect, it } from 'vitest';
import { safeNextPath } from './api';

describe('safeNextPath', () => {
  it('follows paths inside the staff app', () => {
    expect(safeNextPath('/app/co-quan?q=x')).toBe('/app/co-quan?q=x');
    expect(safeNextPath('/app')).toBe('/app');
  });

  it('refuses anything else', () => {
    expect(safeNextPath(null)).toBe('/app');
    expect(safeNextPath('https://evil.example/app')).toBe('/app');
    expect(safeNextPath('//evil.example')).toBe('/app');
    expect(safeNextPath('/apple')).toBe('/app');
  });
});
