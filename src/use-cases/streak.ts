// The weekly streak: consecutive ISO weeks the user answered, with a win or with
// "nothing this week". Both count, because the habit being built is looking back at
// the week, not having something to show every single time.
import { DateTime } from 'luxon';

/** "2026-W01" → "2025-W53"; ISO weeks, so year boundaries follow ISO 8601. */
export function previousIsoWeek(week: string): string {
  const monday = DateTime.fromISO(`${week}-1`, { zone: 'UTC' });
  if (!monday.isValid) throw new Error(`not an ISO week: ${week}`);
  return monday.minus({ weeks: 1 }).toFormat("kkkk-'W'WW");
}

/**
 * How many consecutive weeks were answered, ending this week or last week: a streak
 * is not broken on Monday morning just because this week's nudge has not come yet.
 */
export function weekStreak(answeredWeeks: Iterable<string>, currentWeek: string): number {
  const answered = new Set(answeredWeeks);
  let week = answered.has(currentWeek) ? currentWeek : previousIsoWeek(currentWeek);
  let streak = 0;
  while (answered.has(week)) {
    streak += 1;
    week = previousIsoWeek(week);
  }
  return streak;
}
