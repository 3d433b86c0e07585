import { DateTime } from 'luxon';

// Dates cross every boundary of the app as ISO "YYYY-MM-DD" strings; rules never
// read the clock, the caller passes `today` in.

export function parseIsoDate(value: string, field: string): DateTime {
  const date = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !date.isValid) {
    throw new RangeError(`${field}: expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return date.startOf('day');
}

export function toIsoDate(date: DateTime): string {
  return date.toISODate() ?? '';
}

/** Calendar months from `from` to `to`, fractional (luxon's calendar-aware diff). */
export function monthsBetween(from: DateTime, to: DateTime): number {
  return to.diff(from, 'months').months;
}

export function roundTo1(n: number): number {
  return Math.round(n * 10) / 10;
}
