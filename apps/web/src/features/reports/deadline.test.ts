import { describe, expect, it } from 'vitest';
import { canExtend, deadlineBadge, extensionChoices } from './deadline';

const open = (daysLeft: number, overdue = daysLeft < 0) => ({
  status: 'received' as const,
  daysLeft,
  overdue,
});

describe('deadlineBadge', () => {
  it('is quiet with more than three days left', () => {
    expect(deadlineBadge(open(20))).toEqual({ state: 'ok', key: 'daysLeft', count: 20 });
    expect(deadlineBadge(open(4))).toEqual({ state: 'ok', key: 'daysLeft', count: 4 });
  });

  it('is highlighted with three days or fewer left, and on the last day', () => {
    expect(deadlineBadge(open(3))).toEqual({ state: 'soon', key: 'daysLeft', count: 3 });
    expect(deadlineBadge(open(1))).toEqual({ state: 'soon', key: 'daysLeft', count: 1 });
    expect(deadlineBadge(open(0))).toEqual({ state: 'soon', key: 'dueToday' });
  });

  it('says by how many days a report is overdue', () => {
    expect(deadlineBadge(open(-2))).toEqual({ state: 'overdue', key: 'overdueBy', count: 2 });
    // Past the deadline by hours: overdue, not "due today".
    expect(deadlineBadge(open(0, true))).toEqual({ state: 'overdue', key: 'overdue' });
    expect(deadlineBadge({ status: 'verifying', daysLeft: -1, overdue: true }).state).toBe('overdue');
  });

  it('stops counting once the report is decided or closed', () => {
    expect(deadlineBadge({ status: 'decided', daysLeft: -5, overdue: true })).toEqual({
      state: 'done',
      key: 'done',
    });
    expect(deadlineBadge({ status: 'closed', daysLeft: 10, overdue: false }).state).toBe('done');
  });
});

describe('extensions (art. 147)', () => {
  it('offers the complex-matter extension first, then once the procuracy', () => {
    expect(extensionChoices([])).toEqual([
      { extension: 'complex', available: true },
      { extension: 'procuracy', available: false, blocked: 'needsComplex' },
    ]);
    expect(extensionChoices(['complex'])).toEqual([
      { extension: 'complex', available: false, blocked: 'used' },
      { extension: 'procuracy', available: true },
    ]);
    expect(extensionChoices(['complex', 'procuracy']).every((choice) => !choice.available)).toBe(true);
  });

  it('extends only open reports with an extension left', () => {
    expect(canExtend({ status: 'verifying', extensions: ['complex'] })).toBe(true);
    expect(canExtend({ status: 'verifying', extensions: ['complex', 'procuracy'] })).toBe(false);
    expect(canExtend({ status: 'decided', extensions: [] })).toBe(false);
  });
});
