import { finding, type Finding } from './findings.js';
import { monthsBetween, parseIsoDate, roundTo1 } from './dates.js';

// Guide, "Why the conversation usually comes too late": calibration needs a written
// case, level-framed examples and peer reads, none of which can be rushed in the last
// weeks. So: about six months before calibration is ideal, four months is the floor,
// and anything later should declare the NEXT cycle as the target instead.

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
  /** Calendar months to calibration, one decimal. */
  months: number;
  weeks: number;
  days: number;
  verdict: TimingVerdict;
  /** True when the conversation should name the following cycle as the target. */
  declareNextCycle: boolean;
  /** Months to nextCalibration, when it was given. */
  nextCycleMonths?: number;
  findings: Finding[];
}

export function timingVerdict(months: number): TimingVerdict {
  if (months >= IDEAL_MONTHS) return 'ideal';
  if (months >= FLOOR_MONTHS) return 'enough';
  return 'too_late';
}

export function checkTiming(input: TimingInput): TimingResult {
  const today = parseIsoDate(input.today, 'today');
  const calibration = parseIsoDate(input.calibration, 'calibration');
  const days = Math.round(calibration.diff(today, 'days').days);
  // The verdict is taken on the rounded figure so "6.0 months" never reads as "not ideal".
  const months = roundTo1(monthsBetween(today, calibration));
  const verdict = timingVerdict(months);
  const findings: Finding[] = [];
  let nextCycleMonths: number | undefined;
  if (input.nextCalibration !== undefined) {
    nextCycleMonths = roundTo1(monthsBetween(today, parseIsoDate(input.nextCalibration, 'nextCalibration')));
  }
  const nextHint =
    nextCycleMonths !== undefined
      ? ` The following calibration is ${nextCycleMonths} months away — ${timingVerdict(nextCycleMonths) === 'too_late' ? 'also tight, so start building the case now' : 'enough time to prepare properly'}.`
      : '';

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
        `Calibration is ${months} months away; under ${FLOOR_MONTHS} months your manager has no time to build and pre-sell a case.`,
        `Have the conversation now, but name the next cycle as the target and use this one to close the gap.${nextHint}`,
      ),
    );
  } else if (verdict === 'enough') {
    findings.push(
      finding(
        'enough_time',
        'info',
        `Calibration is ${months} months away: enough time, but not much slack.`,
        'Book the conversation in the next couple of weeks and send your one-page draft the day before.',
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
    findings,
  };
}
