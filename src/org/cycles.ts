// Promotion cycles an install starts with, until an admin sets its own
// (`promo-coach cycles set "2027 H1" 2027-06-15`). Two calibrations a year is the most
// common rhythm; mid-June and early December keep clear of year-end holidays.
import { DateTime } from 'luxon';

export interface CycleSeed {
  name: string;
  calibrationDate: string;
}

export function defaultCycles(today: string, count = 4): CycleSeed[] {
  const start = DateTime.fromISO(today, { zone: 'utc' });
  const cycles: CycleSeed[] = [];
  for (let year = start.year; cycles.length < count; year++) {
    for (const [half, date] of [
      ['H1', `${year}-06-15`],
      ['H2', `${year}-12-01`],
    ] as const) {
      if (date > today && cycles.length < count) cycles.push({ name: `${year} ${half}`, calibrationDate: date });
    }
  }
  return cycles;
}
