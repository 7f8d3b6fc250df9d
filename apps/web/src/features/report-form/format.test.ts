import { describe, expect, it } from 'vitest';
import { formatMoment } from './format';

describe('formatMoment', () => {
  it('writes the full year, and leaves what is not a time as it is', () => {
    expect(formatMoment('2026-11-25T12:30:00.000Z')).toMatch(
      /\d{2}:\d{2}.*25\/11\/2026|25\/11\/2026.*\d{2}:\d{2}/,
    );
    expect(formatMoment('not a time')).toBe('not a time');
  });
});
