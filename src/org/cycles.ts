// Promotion cycles an install starts with and keeps rolling forward, until an admin sets
// its own (`promo-coach cycles set "2027 H1" 2027-06-15`). Two calibrations a year is the
// most common rhythm; mid-June and early December keep clear of year-end holidays.
import { DateTime } from 'luxon';

export interface CycleSeed {
  name: string;
  calibrationDate: string;
}

/** How many cycles a brand-new install starts with: about two years of choices. */
export const FIRST_START_CYCLES = 4;
/** Onboarding needs a choice past the four-month floor; two future cycles always give one. */
export const MIN_FUTURE_CYCLES = 2;

/** The default H1/H2 calibrations of one year. */
function defaultsOfYear(year: number): CycleSeed[] {
  return [
    { name: `${year} H1`, calibrationDate: `${year}-06-15` },
    { name: `${year} H2`, calibrationDate: `${year}-12-01` },
  ];
}

export function defaultCycles(today: string, count = FIRST_START_CYCLES): CycleSeed[] {
  const cycles: CycleSeed[] = [];
  for (let year = yearOf(today); cycles.length < count; year++) {
    for (const cycle of defaultsOfYear(year)) {
      if (cycle.calibrationDate > today && cycles.length < count) cycles.push(cycle);
    }
  }
  return cycles;
}

/**
 * The default cycles to add so that at least MIN_FUTURE_CYCLES lie after `today`.
 * Only dates after the latest existing cycle are considered, and taken names are
 * skipped: a cycle an admin set is never overwritten, and one an admin removed from
 * the middle of the list is never brought back.
 */
export function cyclesToAdd(existing: readonly CycleSeed[], today: string): CycleSeed[] {
  if (existing.length === 0) return defaultCycles(today);
  let future = existing.filter((c) => c.calibrationDate > today).length;
  if (future >= MIN_FUTURE_CYCLES) return [];
  const taken = new Set(existing.map((c) => c.name));
  const after = existing.reduce((latest, c) => (c.calibrationDate > latest ? c.calibrationDate : latest), today);
  const added: CycleSeed[] = [];
  // Each year brings two new names; the taken ones are finitely many, so this ends.
  for (let year = yearOf(after); future < MIN_FUTURE_CYCLES; year++) {
    for (const cycle of defaultsOfYear(year)) {
      if (future < MIN_FUTURE_CYCLES && cycle.calibrationDate > after && !taken.has(cycle.name)) {
        added.push(cycle);
        future++;
      }
    }
  }
  return added;
}

/** A calibration on or before today has happened: it is no longer something to aim for. */
export function cycleHasPassed(calibrationDate: string, today: string): boolean {
  return calibrationDate <= today;
}

/** True for a real calendar date written YYYY-MM-DD ("2027-02-30" is not one). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
