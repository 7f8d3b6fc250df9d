import { describe, expect, it } from 'vitest';
import { durationParts } from './duration';
import { isOpenStatus, timeLeft } from './timeLeft';

const sentAt = '2026-11-26T01:00:00.000Z';
const dueAt = '2026-11-26T02:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('durationParts', () => {
  it('says minutes, hours and minutes, days and hours', () => {
    expect(durationParts(0)).toEqual({ key: 'underMinute', values: { days: 0, hours: 0, minutes: 0 } });
    expect(durationParts(0.4).key).toBe('underMinute');
    expect(durationParts(1)).toEqual({ key: 'minutes', values: { days: 0, hours: 0, minutes: 1 } });
    expect(durationParts(45.4)).toEqual({ key: 'minutes', values: { days: 0, hours: 0, minutes: 45 } });
    expect(durationParts(60)).toEqual({ key: 'hours', values: { days: 0, hours: 1, minutes: 0 } });
    expect(durationParts(130)).toEqual({ key: 'hoursMinutes', values: { days: 0, hours: 2, minutes: 10 } });
    expect(durationParts(3 * 1440)).toEqual({ key: 'days', values: { days: 3, hours: 0, minutes: 0 } });
    expect(durationParts(3 * 1440 + 4 * 60 + 59)).toEqual({
      key: 'daysHours',
      values: { days: 3, hours: 4, minutes: 0 },
    });
    expect(durationParts(-25)).toEqual({ key: 'minutes', values: { days: 0, hours: 0, minutes: 25 } });
  });
});

describe('timeLeft', () => {
  const request = { status: 'sent' as const, sentAt, dueAt, overdue: false };

  it('counts the minutes left while the request is open', () => {
    expect(timeLeft(request, at('2026-11-26T01:10:00.000Z'))).toEqual({ state: 'ok', minutes: 50 });
    expect(timeLeft({ ...request, status: 'acknowledged' }, at('2026-11-26T01:50:30.000Z'))).toEqual({
      state: 'soon',
      minutes: 9,
    });
  });

  it('highlights the last quarter of the limit, at least 15 minutes', () => {
    expect(timeLeft(request, at('2026-11-26T01:46:00.000Z')).state).toBe('soon');
    expect(timeLeft(request, at('2026-11-26T01:40:00.000Z')).state).toBe('ok');
    const day = { ...request, dueAt: '2026-11-27T01:00:00.000Z' };
    expect(timeLeft(day, at('2026-11-26T20:00:00.000Z')).state).toBe('soon');
    expect(timeLeft(day, at('2026-11-26T12:00:00.000Z')).state).toBe('ok');
  });

  it('marks an overdue request with the minutes past the limit', () => {
    expect(timeLeft(request, at('2026-11-26T02:25:00.000Z'))).toEqual({ state: 'overdue', minutes: -25 });
    // The server's word counts even when the device's clock is behind.
    expect(timeLeft({ ...request, overdue: true }, at('2026-11-26T01:59:00.000Z')).state).toBe('overdue');
  });

  it('stops counting once answered, refused or cancelled', () => {
    for (const status of ['answered', 'refused', 'cancelled'] as const) {
      expect(timeLeft({ ...request, status, overdue: true }, at('2026-11-27T00:00:00.000Z'))).toEqual({
        state: 'done',
        minutes: 0,
      });
      expect(isOpenStatus(status)).toBe(false);
    }
    expect(isOpenStatus('sent')).toBe(true);
  });
});
