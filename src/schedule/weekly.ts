// Local-time weekly schedules. Luxon does the zone work, so a nudge set for "Friday
// 15:00" stays at 15:00 on the wall clock across daylight-saving changes.
import { DateTime, Info, type WeekdayNumbers } from 'luxon';

export interface WeeklySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** Minutes after local midnight, e.g. 900 = 15:00. */
  minuteOfDay: number;
  /** IANA zone, e.g. "Europe/Berlin". */
  tz: string;
}

/** The first time the slot comes round strictly after `after`, as a UTC instant. */
export function nextWeeklyOccurrence(slot: WeeklySlot, after: Date): Date {
  const zone = isValidZone(slot.tz) ? slot.tz : 'UTC';
  const local = DateTime.fromJSDate(after, { zone });
  const hour = Math.floor(slot.minuteOfDay / 60);
  const minute = slot.minuteOfDay % 60;
  const weekday = slot.isoWeekday as WeekdayNumbers;
  let candidate = local.set({ weekday, hour, minute, second: 0, millisecond: 0 });
  if (candidate.toMillis() <= after.getTime()) {
    candidate = candidate.plus({ weeks: 1 }).set({ weekday, hour, minute });
  }
  return candidate.toJSDate();
}

/**
 * The last time the slot came round at or before `at`. Built from nextWeeklyOccurrence, so
 * a slot in a DST gap or repeated hour is the same instant either way.
 */
export function latestWeeklyOccurrence(slot: WeeklySlot, at: Date): Date {
  // Any eight days hold at least one weekly slot, DST weeks (167 or 169 hours) included.
  let latest = nextWeeklyOccurrence(slot, new Date(at.getTime() - 8 * DAY_MS));
  for (;;) {
    const following = nextWeeklyOccurrence(slot, latest);
    if (following.getTime() > at.getTime()) return latest;
    latest = following;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isValidZone(tz: string | null | undefined): tz is string {
  // Luxon keeps one zone object per name, so this is a lookup after the first check.
  return typeof tz === 'string' && tz.length > 0 && (Info.normalizeZone(tz)?.isValid ?? false);
}

/** "15:00" → 900. Returns null for anything that is not a 24-hour HH:MM time. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 900 → "15:00". */
export function formatTimeOfDay(minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${h}:${m}`;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Today's calendar date in the given zone, "YYYY-MM-DD". */
export function localDate(now: Date, tz: string | null | undefined): string {
  return DateTime.fromJSDate(now, { zone: isValidZone(tz) ? tz : 'UTC' }).toISODate() ?? '';
}

/** The ISO week an instant falls in on the user's wall clock, e.g. "2026-W48". */
export function isoWeekOf(at: Date, tz: string | null | undefined): string {
  return DateTime.fromJSDate(at, { zone: isValidZone(tz) ? tz : 'UTC' }).toFormat("kkkk-'W'WW");
}

/** The local ISO week just before the one `at` falls in. */
export function isoWeekBefore(at: Date, tz: string | null | undefined): string {
  const local = DateTime.fromJSDate(at, { zone: isValidZone(tz) ? tz : 'UTC' });
  return local.minus({ weeks: 1 }).toFormat("kkkk-'W'WW");
}

/** "2026-W47" → "2026-11-16", the Monday that ISO week starts on. */
export function mondayOfIsoWeek(week: string): string {
  return DateTime.fromISO(week, { zone: 'UTC' }).toISODate() ?? week;
}

/** The first instant of the local day after a calendar date: when a pause "until" that date ends. */
export function startOfDayAfter(date: string, tz: string | null | undefined): Date {
  return DateTime.fromISO(date, { zone: isValidZone(tz) ? tz : 'UTC' }).plus({ days: 1 }).startOf('day').toJSDate();
}

/** A calendar date `days` after another, "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}
