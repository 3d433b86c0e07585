import type { DateTime } from 'luxon';
import { finding, type Finding } from './findings.js';
import { monthsBetween, parseIsoDate, roundTo1, toIsoDate } from './dates.js';

// Guide, "Why the conversation usually comes too late": calibration needs a written
// case, level-framed examples and peer reads, none of which can be rushed in the last
// weeks. So: about six months before calibration is ideal, four months is the floor,
// and anything later should declare the NEXT cycle as the target instead.
//
// "Four months before" is a calendar rule, not a fraction: the same day of the month,
// four months earlier (luxon's minus, which lands on the month's last day when the
// day does not exist: 30 Jun → 28 Feb). A day later is too late, however close the
// fraction rounds to 4.0 (today 28 Feb, calibration 27 Jun: too late).

export const IDEAL_MONTHS = 6;
export const FLOOR_MONTHS = 4;

export type TimingVerdict = 'ideal' | 'enough' | 'too_late';

export interface TimingInput {
  today: string;
  /** Target calibration date. */
  calibration: string;
  /** The calibration after that, if known: used to suggest the cycle to declare instead. */
  nextCalibration?: string;
}

export interface TimingResult {
  /** Calendar months to calibration, one decimal; never rounded up across the verdict's boundary. */
  months: number;
  weeks: number;
  days: number;
  verdict: TimingVerdict;
  /** True when the conversation should name the following cycle as the target. */
  declareNextCycle: boolean;
  /** Months to nextCalibration, when it was given. */
  nextCycleMonths?: number;
  /** The last day that is still four months before calibration. */
  floorDate: string;
  /** The last day that is still six months before calibration. */
  idealDate: string;
  findings: Finding[];
}

/** The last day with `months` full calendar months left before `calibration`. */
export function monthsBefore(calibration: DateTime, months: number): DateTime {
  return calibration.minus({ months });
}

/** True when `today` is at least `months` calendar months before `calibration`. */
export function hasMonthsLeft(today: DateTime, calibration: DateTime, months: number): boolean {
  return today <= monthsBefore(calibration, months);
}

export function timingVerdict(today: DateTime, calibration: DateTime): TimingVerdict {
  if (hasMonthsLeft(today, calibration, IDEAL_MONTHS)) return 'ideal';
  if (hasMonthsLeft(today, calibration, FLOOR_MONTHS)) return 'enough';
  return 'too_late';
}

/** True when calibration is under the four-month floor away: no time to build the case. */
export function tooLateToPrepare(today: string, calibration: string): boolean {
  return timingVerdict(parseIsoDate(today, 'today'), parseIsoDate(calibration, 'calibration')) === 'too_late';
}

// "4.0 months" next to "too late" would contradict itself: a figure just under a
// boundary is shown just under it.
function shownMonths(months: number, verdict: TimingVerdict): number {
  const rounded = roundTo1(months);
  if (verdict === 'too_late' && rounded >= FLOOR_MONTHS) return FLOOR_MONTHS - 0.1;
  if (verdict === 'enough' && rounded >= IDEAL_MONTHS) return IDEAL_MONTHS - 0.1;
  return rounded;
}

const dayMonth = (date: DateTime) => date.setLocale('en-GB').toFormat('d LLL yyyy');

export function checkTiming(input: TimingInput): TimingResult {
  const today = parseIsoDate(input.today, 'today');
  const calibration = parseIsoDate(input.calibration, 'calibration');
  const days = Math.round(calibration.diff(today, 'days').days);
  const verdict = timingVerdict(today, calibration);
  const months = shownMonths(monthsBetween(today, calibration), verdict);
  const floorDate = monthsBefore(calibration, FLOOR_MONTHS);
  const findings: Finding[] = [];
  let nextCycleMonths: number | undefined;
  let nextHint = '';
  if (input.nextCalibration !== undefined) {
    const next = parseIsoDate(input.nextCalibration, 'nextCalibration');
    const nextVerdict = timingVerdict(today, next);
    nextCycleMonths = shownMonths(monthsBetween(today, next), nextVerdict);
    nextHint = ` The following calibration is ${nextCycleMonths} months away — ${nextVerdict === 'too_late' ? 'also tight, so start building the case now' : 'enough time to prepare properly'}.`;
  }

  if (days <= 0) {
    findings.push(
      finding(
        'calibration_passed',
        'error',
        'That calibration date is today or already past.',
        `Pick the next calibration as your target.${nextHint}`,
      ),
    );
  } else if (verdict === 'too_late') {
    findings.push(
      finding(
        'too_late_for_this_cycle',
        'error',
        `Calibration is ${months} months away, past the ${FLOOR_MONTHS}-month mark (${dayMonth(floorDate)}): your manager has no time to build and pre-sell a case.`,
        `Have the conversation now, but name the next cycle as the target and use this one to close the gap.${nextHint}`,
      ),
    );
  } else if (verdict === 'enough') {
    findings.push(
      finding(
        'enough_time',
        'info',
        `Calibration is ${months} months away: enough time, but not much slack.`,
        `Book the conversation by ${dayMonth(floorDate)}, four months before calibration, and send your one-page draft the day before.`,
      ),
    );
  } else {
    findings.push(
      finding('ideal_time', 'info', `Calibration is ${months} months away: a good time to declare the target.`),
    );
  }

  return {
    months,
    weeks: Math.max(0, Math.floor(days / 7)),
    days,
    verdict: days <= 0 ? 'too_late' : verdict,
    declareNextCycle: days <= 0 || verdict === 'too_late',
    ...(nextCycleMonths !== undefined ? { nextCycleMonths } : {}),
    floorDate: toIsoDate(floorDate),
    idealDate: toIsoDate(monthsBefore(calibration, IDEAL_MONTHS)),
    findings,
  };
}
