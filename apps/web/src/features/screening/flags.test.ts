import type { BacktestResult } from '@khien/contracts';
import { FlagReviewBody } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionCounts,
  backtestMaxBytes,
  csvProblem,
  percent,
  rulesWithActivity,
  utf8Bytes,
} from './backtest';
import { evidenceKinds, evidenceLines, formatShare } from './flags';
import { en, vi } from './i18n';
import { initialReviewValues, toReviewBody } from './review';

describe('flag evidence', () => {
  it('lists the known keys first in the detector’s order, then the unknown ones by name', () => {
    const lines = evidenceLines({ zeta: 2, ratio: 0.95, alpha: 1, distinctSenders: 4, amountIn: 8_000_000 });
    expect(lines.map((line) => line.key)).toEqual(['distinctSenders', 'amountIn', 'ratio', 'alpha', 'zeta']);
    expect(lines[0]).toEqual({ key: 'distinctSenders', known: true, kind: 'count', value: 4 });
    expect(lines[3]).toEqual({ key: 'alpha', known: false, value: 1 });
  });

  it('has words for every known key in both languages', () => {
    for (const key of Object.keys(evidenceKinds)) {
      expect(vi.evidence[key as keyof typeof vi.evidence]).toBeTruthy();
      expect(en.evidence[key as keyof typeof en.evidence]).toBeTruthy();
    }
  });

  it('writes a share as a percentage', () => {
    expect(formatShare(0.95)).toBe('95%');
    expect(formatShare(0.025)).toBe('2,5%');
    expect(formatShare(0.025, 'en-GB')).toBe('2.5%');
  });

  it('names every typology in Vietnamese', () => {
    expect(vi.typology.pass_through.label).toBe('Nhận rồi chuyển đi ngay');
    expect(vi.typology.many_new_accounts.label).toBe('Nhiều tài khoản mới của một người');
  });
});

describe('flag review body', () => {
  it('dismisses with a note and no notice, even when one was filled', () => {
    const values = { ...initialReviewValues(null), note: ' không phải ', sendNotice: true };
    const body = toReviewBody('dismissed', values);
    expect(body).toEqual({ outcome: 'dismissed', note: 'không phải' });
    expect(FlagReviewBody.safeParse(body).success).toBe(true);
  });
});

describe('backtest', () => {
  const result: BacktestResult = {
    ruleSet: 'default@1',
    transfers: 3,
    problems: [{ line: 4, message: 'at: not a date-time (x)' }],
    byAction: { allow: 2, hold: 1 } as BacktestResult['byAction'],
    byRule: { quiet: { hits: 0, errors: 0 }, big: { hits: 1, errors: 0 }, broken: { hits: 0, errors: 2 } },
    labelled: { frauds: 1, caught: 1, falseAlarms: 0, precision: 1, recall: 0.875 },
    timing: { totalMs: 1, perSecond: 3000, p50Us: 10, p99Us: 20, maxUs: 30 },
    decisions: [],
  };

  it('refuses more than 5 MB and an empty text', () => {
    expect(csvProblem(backtestMaxBytes + 1)).toBe('tooLarge');
    expect(csvProblem(backtestMaxBytes)).toBeNull();
    expect(csvProblem(3, ' \n')).toBe('empty');
    expect(utf8Bytes('Đ')).toBe(2);
  });

  it('counts every action, zero for the missing ones', () => {
    expect(actionCounts(result)).toEqual([
      { action: 'allow', count: 2 },
      { action: 'warn', count: 0 },
      { action: 'step_up', count: 0 },
      { action: 'hold', count: 1 },
      { action: 'block', count: 0 },
    ]);
  });

  it('keeps only the rules that hit or failed', () => {
    expect(rulesWithActivity(result).map((rule) => rule.id)).toEqual(['big', 'broken']);
  });

  it('writes precision and recall as percentages', () => {
    expect(percent(0.875)).toBe('87,5%');
    expect(percent(1, 'en-GB')).toBe('100%');
    expect(percent(null)).toBeNull();
  });
});
