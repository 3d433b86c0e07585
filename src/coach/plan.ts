import type { DateTime } from 'luxon';
import { finding, type Finding } from './findings.js';
import { parseIsoDate, toIsoDate } from './dates.js';
import type { Cadence } from './gap.js';
import { FLOOR_MONTHS, hasMonthsLeft } from './timing.js';
import { MAX_PLAN_CRITERIA } from './criterion.js';

// Guide: the promotion is a six-month process in which the meeting is one checkpoint.
// After a hedge the plan turns "on the radar" into dated criteria and regular
// check-ins (monthly is fine) all the way to calibration. The written case has to be
// in the manager's hands well before calibration — a case raised four to six weeks
// out is advocated without preparation — so the plan puts the doc hand-off six weeks
// ahead and spreads the criteria over the months before it.

export const DOC_LEAD_WEEKS = 6;

export interface PlanInput {
  today: string;
  calibration: string;
  /** Defaults to monthly. */
  cadence?: Cadence;
  /** Criteria texts, in the order the user wants to finish them. */
  criteria?: string[];
}

export type MilestoneKind = 'check_in' | 'doc_to_manager' | 'calibration';

export interface Milestone {
  date: string;
  kind: MilestoneKind;
  label: string;
}

export interface PlanMonth {
  /** "2026-12" */
  month: string;
  /** "December 2026" */
  label: string;
  /** Criteria whose target is this month (by index into input.criteria). */
  criteriaDue: number[];
  milestones: Milestone[];
}

export interface PlanTimeline {
  cadence: Cadence;
  months: PlanMonth[];
  checkIns: string[];
  docDue?: string;
  calibration: string;
  findings: Finding[];
}

function step(date: DateTime, cadence: Cadence, n: number): DateTime {
  switch (cadence) {
    case 'weekly':
      return date.plus({ weeks: n });
    case 'biweekly':
      return date.plus({ weeks: 2 * n });
    case 'monthly':
      return date.plus({ months: n });
    case 'quarterly':
      return date.plus({ months: 3 * n });
  }
}

export function buildPlanTimeline(input: PlanInput): PlanTimeline {
  const today = parseIsoDate(input.today, 'today');
  const calibration = parseIsoDate(input.calibration, 'calibration');
  const cadence: Cadence = input.cadence ?? 'monthly';
  const criteria = input.criteria ?? [];
  const findings: Finding[] = [];

  if (calibration <= today) {
    findings.push(finding('calibration_passed', 'error', 'Calibration is today or already past; there is nothing to plan toward.', 'Set the next calibration date as the target.'));
    return { cadence, months: [], checkIns: [], calibration: input.calibration, findings };
  }
  if (!hasMonthsLeft(today, calibration, FLOOR_MONTHS)) {
    findings.push(finding('short_runway', 'warning', `Less than ${FLOOR_MONTHS} months to calibration: the plan will be tight.`, 'Consider planning toward the following cycle instead.'));
  }
  if (criteria.length > MAX_PLAN_CRITERIA) {
    findings.push(finding('too_many_criteria', 'warning', `${criteria.length} criteria; a plan stays credible with ${MAX_PLAN_CRITERIA} or fewer.`, 'Merge or drop the ones that matter least for the next level.'));
  }

  const checkIns: DateTime[] = [];
  for (let n = 1; ; n++) {
    const d = step(today, cadence, n);
    if (d >= calibration) break;
    checkIns.push(d);
  }

  const docDueDate = calibration.minus({ weeks: DOC_LEAD_WEEKS });
  const docDue = docDueDate > today ? docDueDate : undefined;
  if (!docDue) {
    findings.push(finding('doc_overdue', 'warning', `The written case should already be with your manager (${DOC_LEAD_WEEKS} weeks before calibration).`, 'Send the promo doc this week.'));
  }

  // Criteria are spread evenly over the months up to the doc hand-off, so the doc
  // can cite each one as done.
  const lastWorkMonth = (docDue ?? calibration).startOf('month');
  const workMonths: DateTime[] = [];
  for (let m = today.startOf('month'); m <= lastWorkMonth; m = m.plus({ months: 1 })) workMonths.push(m);
  const dueMonthOf = (i: number): string => {
    const slot = Math.min(workMonths.length - 1, Math.floor(((i + 1) * workMonths.length) / Math.max(1, criteria.length)) - 1);
    return (workMonths[Math.max(0, slot)] ?? lastWorkMonth).toFormat('yyyy-LL');
  };

  const months: PlanMonth[] = [];
  for (let m = today.startOf('month'); m <= calibration.startOf('month'); m = m.plus({ months: 1 })) {
    const key = m.toFormat('yyyy-LL');
    const milestones: Milestone[] = [
      ...checkIns.filter((d) => d.toFormat('yyyy-LL') === key).map((d) => ({ date: toIsoDate(d), kind: 'check_in' as const, label: 'Check-in with your manager' })),
    ];
    if (docDue && docDue.toFormat('yyyy-LL') === key) {
      milestones.push({ date: toIsoDate(docDue), kind: 'doc_to_manager', label: 'Promo doc to your manager' });
    }
    if (calibration.toFormat('yyyy-LL') === key) {
      milestones.push({ date: toIsoDate(calibration), kind: 'calibration', label: 'Calibration' });
    }
    milestones.sort((a, b) => a.date.localeCompare(b.date));
    months.push({
      month: key,
      label: m.setLocale('en').toFormat('LLLL yyyy'),
      criteriaDue: criteria.map((_, i) => i).filter((i) => dueMonthOf(i) === key),
      milestones,
    });
  }

  return {
    cadence,
    months,
    checkIns: checkIns.map(toIsoDate),
    ...(docDue ? { docDue: toIsoDate(docDue) } : {}),
    calibration: toIsoDate(calibration),
    findings,
  };
}
