// The messages the plan flow posts (shared plan, notices, check-ins, outcome, walk advice),
// named here as data in and a message out. The use cases decide what and to whom; the
// views in src/slack/views/ say it in Block Kit (dependencies point from slack/ to here).
import type { WalkResult } from '../coach/walk.js';
import type { CriterionStatus } from '../db/index.js';
import type { SlackMessage } from './deps.js';

export type { CriterionStatus };

export interface PlanLine {
  text: string;
  dueDate: string | null;
  status: CriterionStatus;
}

/** The plan as the shared conversation shows it: criteria, dates and who confirmed it. */
export interface SharedPlanPost {
  planId: string;
  engineerId: string;
  managerId: string;
  calibrationDate: string;
  cadenceMonths: number;
  criteria: PlanLine[];
  checkIns: string[];
  docDue: string | null;
  confirmedBy: string | null;
  /** "YYYY-MM-DD" */
  confirmedOn: string | null;
  /** The latest change, for the line under the plan. */
  lastChange: { actorId: string; kind: string; on: string } | null;
}

/** One criterion the manager (or the engineer) changed: text, date, added or removed. */
export interface PlanEditChange {
  position: number;
  change: 'added' | 'removed' | 'text' | 'date';
  from: string | null;
  to: string | null;
}

export interface CheckInDmArgs {
  checkInId: string;
  /** The one reminder, three days after an unanswered check-in. */
  reask: boolean;
  criteria: PlanLine[];
  calibrationDate: string;
}

export interface CheckInSummaryArgs {
  checkInId: string;
  engineerId: string;
  period: string;
  items: { text: string; from: CriterionStatus; to: CriterionStatus; evidenceCount: number }[];
  note: string | null;
  acknowledgedBy: string | null;
}

export interface OutcomeAskArgs {
  planId: string;
  cycleName: string;
  calibrationDate: string;
}

export interface PlanMessages {
  sharedPlan(post: SharedPlanPost): SlackMessage;
  /** To the engineer, when the manager confirmed the plan. */
  planConfirmed(args: { managerId: string; calibrationDate: string }): SlackMessage;
  /** To the engineer, when the manager changed criteria or dates. */
  planChanged(args: { managerId: string; changes: PlanEditChange[]; criteria: PlanLine[] }): SlackMessage;
  checkInDm(args: CheckInDmArgs): SlackMessage;
  checkInSummary(args: CheckInSummaryArgs): SlackMessage;
  outcomeAsk(args: OutcomeAskArgs): SlackMessage;
  /** Only ever to the engineer's DM. */
  walkAdvice(walk: WalkResult): SlackMessage;
}
