import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatTimeOfDay,
  isValidZone,
  isoWeekBefore,
  isoWeekOf,
  latestWeeklyOccurrence,
  localDate,
  mondayOfIsoWeek,
  nextWeeklyOccurrence,
  parseTimeOfDay,
  startOfDayAfter,
} from '../../src/schedule/weekly.js';

const FRIDAY_15 = { isoWeekday: 5, minuteOfDay: 900 };
const next = (tz: string, after: string, slot = FRIDAY_15) =>
  nextWeeklyOccurrence({ ...slot, tz }, new Date(after)).toISOString();
/** The wall-clock reading of an instant in a zone, to say what the user sees. */
const wallClock = (iso: string, tz: string) => DateTime.fromISO(iso, { zone: tz }).toFormat("cccc yyyy-MM-dd HH:mm ZZ");

describe('nextWeeklyOccurrence', () => {
  // DST 2026: US springs forward 8 March and falls back 1 November; the EU on 29 March and 25 October.
  // DST 2027: US 14 March and 7 November; the EU 28 March and 31 October.
  it.each([
    // America/New_York, spring 2026: EST (-5) before, EDT (-4) after.
    ['America/New_York', '2026-03-02T00:00:00Z', '2026-03-06T20:00:00.000Z'],
    ['America/New_York', '2026-03-09T00:00:00Z', '2026-03-13T19:00:00.000Z'],
    // autumn 2026
    ['America/New_York', '2026-10-26T00:00:00Z', '2026-10-30T19:00:00.000Z'],
    ['America/New_York', '2026-11-02T00:00:00Z', '2026-11-06T20:00:00.000Z'],
    // spring and autumn 2027
    ['America/New_York', '2027-03-08T00:00:00Z', '2027-03-12T20:00:00.000Z'],
    ['America/New_York', '2027-03-15T00:00:00Z', '2027-03-19T19:00:00.000Z'],
    ['America/New_York', '2027-11-01T00:00:00Z', '2027-11-05T19:00:00.000Z'],
    ['America/New_York', '2027-11-08T00:00:00Z', '2027-11-12T20:00:00.000Z'],
    // Europe/Berlin, spring 2026: CET (+1) before, CEST (+2) after.
    ['Europe/Berlin', '2026-03-23T00:00:00Z', '2026-03-27T14:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30T00:00:00Z', '2026-04-03T13:00:00.000Z'],
    // autumn 2026
    ['Europe/Berlin', '2026-10-19T00:00:00Z', '2026-10-23T13:00:00.000Z'],
    ['Europe/Berlin', '2026-10-26T00:00:00Z', '2026-10-30T14:00:00.000Z'],
    // spring and autumn 2027
    ['Europe/Berlin', '2027-03-22T00:00:00Z', '2027-03-26T14:00:00.000Z'],
    ['Europe/Berlin', '2027-03-29T00:00:00Z', '2027-04-02T13:00:00.000Z'],
    ['Europe/Berlin', '2027-10-25T00:00:00Z', '2027-10-29T13:00:00.000Z'],
    ['Europe/Berlin', '2027-11-01T00:00:00Z', '2027-11-05T14:00:00.000Z'],
    // Asia/Kolkata: +05:30 all year, a half-hour offset.
    ['Asia/Kolkata', '2026-03-02T00:00:00Z', '2026-03-06T09:30:00.000Z'],
    ['Asia/Kolkata', '2026-07-06T00:00:00Z', '2026-07-10T09:30:00.000Z'],
    // Pacific/Auckland: southern hemisphere, NZDT (+13) until 5 April 2026, NZST (+12) until 27 September.
    ['Pacific/Auckland', '2026-03-29T00:00:00Z', '2026-04-03T02:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-06T00:00:00Z', '2026-04-10T03:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-21T00:00:00Z', '2026-09-25T03:00:00.000Z'],
    ['Pacific/Auckland', '2026-09-28T00:00:00Z', '2026-10-02T02:00:00.000Z'],
  ])('when the user is in %s and it is %s, then the next Friday 15:00 local is %s', (tz, after, expected) => {
    const at = next(tz, after);
    expect(at).toBe(expected);
    expect(wallClock(at, tz)).toMatch(/^Friday \d{4}-\d{2}-\d{2} 15:00/);
  });

  it('when a week crosses a DST change, then the nudge stays at 15:00 on the wall clock and the gap is 167 or 169 hours', () => {
    const before = new Date(next('Europe/Berlin', '2026-03-23T00:00:00Z'));
    const after = nextWeeklyOccurrence({ ...FRIDAY_15, tz: 'Europe/Berlin' }, before);
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(167);
    const autumn = new Date(next('America/New_York', '2026-10-26T00:00:00Z'));
    const afterAutumn = nextWeeklyOccurrence({ ...FRIDAY_15, tz: 'America/New_York' }, autumn);
    expect((afterAutumn.getTime() - autumn.getTime()) / 3_600_000).toBe(169);
  });

  it('when it is exactly the slot, then the next one is a week later (never the same instant twice)', () => {
    expect(next('Europe/Berlin', '2026-11-27T14:00:00Z')).toBe('2026-12-04T14:00:00.000Z');
    expect(next('Europe/Berlin', '2026-11-27T13:59:59Z')).toBe('2026-11-27T14:00:00.000Z');
  });

  it('when the slot is on Sunday and it is Sunday evening, then the next one is the following Sunday', () => {
    const sunday = { isoWeekday: 7, minuteOfDay: 9 * 60 };
    expect(next('Asia/Kolkata', '2026-11-29T12:00:00Z', sunday)).toBe('2026-12-06T03:30:00.000Z');
  });

  it('when the slot falls in a spring-forward gap, then it happens once that day, just after the gap', () => {
    // New York, Sunday 8 March 2026: 02:00 jumps to 03:00, so 02:30 does not exist.
    const gapSlot = { isoWeekday: 7, minuteOfDay: 150 };
    const atGap = next('America/New_York', '2026-03-07T12:00:00Z', gapSlot);
    expect(wallClock(atGap, 'America/New_York')).toBe('Sunday 2026-03-08 03:30 -04:00');
    // And the week after, it is 02:30 again.
    const following = nextWeeklyOccurrence({ ...gapSlot, tz: 'America/New_York' }, new Date(atGap)).toISOString();
    expect(wallClock(following, 'America/New_York')).toBe('Sunday 2026-03-15 02:30 -04:00');
  });

  it('when the slot falls in the repeated autumn hour, then it happens once, the first time round', () => {
    // New York, Sunday 1 November 2026: 01:30 happens twice.
    const repeated = { isoWeekday: 7, minuteOfDay: 90, tz: 'America/New_York' };
    const first = nextWeeklyOccurrence(repeated, new Date('2026-10-31T12:00:00Z'));
    expect(first.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const second = nextWeeklyOccurrence(repeated, first);
    expect(second.toISOString()).toBe('2026-11-08T06:30:00.000Z');
  });

  it('when the zone is unknown or missing, then UTC is used rather than failing', () => {
    expect(next('Not/AZone', '2026-11-23T00:00:00Z')).toBe('2026-11-27T15:00:00.000Z');
  });
});

describe('latestWeeklyOccurrence', () => {
  const latest = (tz: string, at: string, slot = FRIDAY_15) => latestWeeklyOccurrence({ ...slot, tz }, new Date(at)).toISOString();

  it('when it is exactly the slot, then the latest is that slot; a second before, the week before', () => {
    expect(latest('Europe/Berlin', '2026-11-27T14:00:00Z')).toBe('2026-11-27T14:00:00.000Z');
    expect(latest('Europe/Berlin', '2026-11-27T13:59:59Z')).toBe('2026-11-20T14:00:00.000Z');
  });

  it('when weeks have gone by since a stored slot, then the latest is this week\'s, not the next after the stored one', () => {
    expect(latest('Europe/Berlin', '2026-12-18T15:00:00Z')).toBe('2026-12-18T14:00:00.000Z');
    expect(latest('Asia/Kolkata', '2026-12-19T03:00:00Z')).toBe('2026-12-18T09:30:00.000Z');
  });

  it.each([
    // The week after a change: still 15:00 on the wall clock.
    ['Europe/Berlin', '2026-04-03T13:30:00Z', '2026-04-03T13:00:00.000Z'],
    ['Europe/Berlin', '2026-10-30T14:30:00Z', '2026-10-30T14:00:00.000Z'],
    ['America/New_York', '2026-03-13T19:30:00Z', '2026-03-13T19:00:00.000Z'],
    ['America/New_York', '2026-11-06T20:30:00Z', '2026-11-06T20:00:00.000Z'],
    // Just before the slot in the week after a change: the slot of the week before, on the other offset.
    ['Europe/Berlin', '2026-04-03T12:59:00Z', '2026-03-27T14:00:00.000Z'],
    ['America/New_York', '2026-11-06T19:59:00Z', '2026-10-30T19:00:00.000Z'],
  ])('when the user is in %s and it is %s, across a DST change, then the latest Friday 15:00 local is %s', (tz, at, expected) => {
    expect(latest(tz, at)).toBe(expected);
    expect(wallClock(expected, tz)).toMatch(/^Friday \d{4}-\d{2}-\d{2} 15:00/);
  });

  it('when the slot falls in a spring-forward gap, then the latest is the one that happened, just after the gap', () => {
    const gapSlot = { isoWeekday: 7, minuteOfDay: 150 };
    expect(wallClock(latest('America/New_York', '2026-03-08T12:00:00Z', gapSlot), 'America/New_York')).toBe('Sunday 2026-03-08 03:30 -04:00');
  });
});

describe('ISO weeks and calendar days', () => {
  it('when an instant is near midnight, then its ISO week is the one on the user\'s wall clock', () => {
    // Sunday 29 Nov 2026 23:30 UTC is Monday 30 Nov in Auckland (week 49), still Sunday in New York (week 48).
    const at = new Date('2026-11-29T23:30:00Z');
    expect(isoWeekOf(at, 'Pacific/Auckland')).toBe('2026-W49');
    expect(isoWeekOf(at, 'America/New_York')).toBe('2026-W48');
    expect(isoWeekBefore(at, 'Pacific/Auckland')).toBe('2026-W48');
  });

  it('when a date is in the first days of January, then the ISO week year can be the year before', () => {
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekBefore(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekOf(new Date('2026-01-05T12:00:00Z'), 'UTC')).toBe('2026-W02');
  });

  it('when an ISO week is named, then its Monday is the first day of that week, across a year end too', () => {
    expect(mondayOfIsoWeek('2026-W47')).toBe('2026-11-16');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2027-W01')).toBe('2027-01-04');
  });

  it('when a pause ends on a date, then it ends at the local midnight after it', () => {
    expect(startOfDayAfter('2026-12-11', 'Europe/Berlin').toISOString()).toBe('2026-12-11T23:00:00.000Z');
    expect(startOfDayAfter('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('when days are added across a month or year end, then the calendar date is right', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(localDate(new Date('2026-11-27T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-28');
  });

  it('when a time is typed, then only 24-hour HH:MM is accepted', () => {
    expect(parseTimeOfDay('15:00')).toBe(900);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('3pm')).toBeNull();
    expect(formatTimeOfDay(545)).toBe('09:05');
  });
});

describe('isValidZone', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'])('when Slack gives %s, then it is a zone', (tz) => {
    expect(isValidZone(tz)).toBe(true);
  });

  it.each([null, undefined, '', 'Mars/Olympus_Mons', 'Europe/Berlin; DROP TABLE'])('when Slack gives %s, then it is not', (tz) => {
    expect(isValidZone(tz)).toBe(false);
  });

  it('when the same zone is asked about again, then the answer is the same', () => {
    expect([isValidZone('Europe/Paris'), isValidZone('Europe/Paris'), isValidZone('Nowhere/Land'), isValidZone('Nowhere/Land')]).toEqual([true, true, false, false]);
  });
});
