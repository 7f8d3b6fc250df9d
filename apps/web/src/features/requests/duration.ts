/**
 * Spans of time as people say them: "45 phút", "2 giờ 10 phút", "3 ngày 4 giờ". The words are in
 * `requests.duration.*`; this only picks the units (whole minutes, never seconds).
 */
export type DurationKey = 'underMinute' | 'minutes' | 'hours' | 'hoursMinutes' | 'days' | 'daysHours';

export interface DurationParts {
  key: DurationKey;
  values: { days: number; hours: number; minutes: number };
}

/** Minutes as days and hours (from a day), hours and minutes (from an hour), minutes, or under a minute. */
export function durationParts(totalMinutes: number): DurationParts {
  if (Math.abs(totalMinutes) < 1) return { key: 'underMinute', values: { days: 0, hours: 0, minutes: 0 } };
  const whole = Math.max(0, Math.round(Math.abs(totalMinutes)));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const minutes = whole % 60;
  if (days > 0) return { key: hours > 0 ? 'daysHours' : 'days', values: { days, hours, minutes: 0 } };
  if (hours > 0) return { key: minutes > 0 ? 'hoursMinutes' : 'hours', values: { days: 0, hours, minutes } };
  return { key: 'minutes', values: { days: 0, hours: 0, minutes } };
}
