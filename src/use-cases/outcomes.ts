// Cycles to the end: once a plan's calibration has met, the engineer is asked how it went
// (once, by DM, the morning after at their nudge time). Promoted closes the plan; "not this
// time" keeps the reason and closes it or rolls it into the next cycle. Two cycles in a
// row without a promotion and with every criterion done bring the walk advice, by DM only.
import { DateTime } from 'luxon';
import type { WalkResult } from '../coach/walk.js';
import type { DuePlan } from '../db/repositories/plans.js';
import { deliveryEngine, SETTLED, type RunCounts } from '../delivery/engine.js';
import { addDays, isValidZone, localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { walkAdviceFor } from './hedge.js';
import type { PlanMessages } from './plan-messages.js';
import { nextCheckInAfter, ownedPlan, timelineOf } from './plans.js';
import { invalid, ok, type Result } from './result.js';

/** Asking a few weeks late is still better than never asking. */
export const OUTCOME_LATE_LIMIT_MS = 30 * 24 * 60 * 60 * 1000;
export const OUTCOME_REASON_MAX = 1000;

/** When to ask: the day after calibration, at the engineer's nudge time, on their wall clock. */
export function outcomeDueAt(calibrationDate: string, minuteOfDay: number, tz: string | null): Date {
  const zone = isValidZone(tz) ? tz : 'UTC';
  return DateTime.fromISO(addDays(calibrationDate, 1), { zone }).set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toJSDate();
}

export async function askDueOutcomes(deps: Deps, at: Date, messages: PlanMessages): Promise<RunCounts> {
  const engine = deliveryEngine({ deliveries: deps.repos.deliveries, slack: deps.slack, logger: deps.logger }, { lateLimitMs: OUTCOME_LATE_LIMIT_MS });
  // The widest zone is UTC+14: a calibration before tomorrow (UTC) may be over somewhere.
  const before = addDays(localDate(at, 'UTC'), 1);
  return engine.runDue<DuePlan>(
    {
      name: 'outcome',
      page: (after, limit) => deps.repos.plans.duePastCalibrationPage(before, after, limit),
      plan: async (rows) => {
        const out = [];
        for (const due of rows) {
          const dueAt = outcomeDueAt(due.calibrationDate, due.nudgeMinute, due.tz);
          if (dueAt.getTime() > at.getTime()) {
            out.push({ skip: 'not_yet' });
            continue;
          }
          const cycleName = await cycleNameOf(deps, due.userId, due.calibrationDate);
          out.push({
            kind: 'cycle_outcome',
            period: due.id,
            dueAt,
            userId: due.userId,
            dmChannelId: due.dmChannelId,
            message: () => messages.outcomeAsk({ planId: due.id, cycleName, calibrationDate: due.calibrationDate }),
          });
        }
        return out;
      },
      // Asked (or given up): the plan waits for the answer, and its check-ins stop.
      settle: (rows, outcomes) => deps.repos.plans.markAwaitingOutcome(rows.filter((_, i) => SETTLED.has(outcomes[i] ?? '')).map((r) => r.id)),
    },
    at,
  );
}

async function cycleNameOf(deps: Deps, userId: string, calibrationDate: string): Promise<string> {
  const cycles = await deps.repos.settings.listCycles();
  const cycle = cycles.find((c) => c.calibrationDate === calibrationDate);
  if (cycle) return cycle.name;
  return (await deps.repos.users.findProfile(userId))?.targetCycle ?? `Calibration ${calibrationDate}`;
}

export interface OutcomeForm {
  planId: string;
  cycleName: string;
  calibrationDate: string;
  /** The cycle a "not this time" plan rolls into; null when none is set up yet. */
  nextCycle: { name: string; calibrationDate: string } | null;
  allDone: boolean;
}

/** What the outcome modal shows; refuses a plan that is not this user's or not finished. */
export async function outcomeForm(deps: Deps, userId: string, planId: string): Promise<OutcomeForm> {
  const plan = await ownedPlan(deps, userId, planId, ['active', 'awaiting_outcome']);
  const cycles = await deps.repos.settings.listCycles();
  const next = cycles.find((c) => c.calibrationDate > plan.calibrationDate && c.calibrationDate > localDate(deps.clock(), 'UTC'));
  return {
    planId,
    cycleName: await cycleNameOf(deps, userId, plan.calibrationDate),
    calibrationDate: plan.calibrationDate,
    nextCycle: next ? { name: next.name, calibrationDate: next.calibrationDate } : null,
    allDone: plan.criteria.length > 0 && plan.criteria.every((c) => c.status === 'done'),
  };
}

export interface OutcomeInput {
  promoted: boolean;
  reason: string | null;
  /** For "not this time": carry the plan into the next cycle, or close it. */
  next: 'roll' | 'close';
}

export interface OutcomeRecorded {
  promoted: boolean;
  /** The cycle the plan now runs toward, when it rolled. */
  rolledInto: string | null;
  /** The walk advice went to the engineer's DM. */
  walkAdviceSent: boolean;
}

export async function recordCycleOutcome(
  deps: Deps,
  userId: string,
  planId: string,
  input: OutcomeInput,
  messages: PlanMessages,
): Promise<Result<OutcomeRecorded, 'reason'>> {
  const form = await outcomeForm(deps, userId, planId);
  const reason = input.reason?.trim() || null;
  if (!input.promoted && !reason) return invalid({ reason: 'What reason were you given? Even “no reason” is worth writing down: it counts later.' });
  if (reason && reason.length > OUTCOME_REASON_MAX) return invalid({ reason: `Keep it under ${OUTCOME_REASON_MAX.toLocaleString('en-US')} characters.` });
  const plan = await ownedPlan(deps, userId, planId, ['active', 'awaiting_outcome']);
  const cycle = (await deps.repos.settings.listCycles()).find((c) => c.name === form.cycleName);
  const roll = !input.promoted && input.next === 'roll' && form.nextCycle ? form.nextCycle : null;
  let rollInto;
  if (roll) {
    const [user, profile] = await Promise.all([deps.repos.users.find(userId), deps.repos.users.findProfile(userId)]);
    const tz = user?.tz ?? null;
    const today = localDate(deps.clock(), tz);
    const timeline = timelineOf(today, roll.calibrationDate, plan.cadenceMonths, plan.criteria.map((c) => c.text));
    const due = timeline.docDue ?? roll.calibrationDate;
    rollInto = {
      cycleName: roll.name,
      calibrationDate: roll.calibrationDate,
      nextCheckInAt: nextCheckInAfter(today, plan.cadenceMonths, profile?.nudgeMinute ?? 900, tz, roll.calibrationDate, deps.clock()),
      // Every criterion starts the new cycle due by the doc hand-off; the engineer re-dates them in the plan.
      dueDates: plan.criteria.map(() => due),
    };
  }
  const recorded = await deps.repos.plans.recordOutcome(
    { userId, planId, cycleName: form.cycleName, cycleId: cycle?.id ?? null, promoted: input.promoted, reason, ...(rollInto ? { rollInto } : {}) },
    form.allDone,
  );
  if (!recorded) return ok({ promoted: input.promoted, rolledInto: null, walkAdviceSent: false });
  await deps.repos.plans.addChange(planId, userId, 'outcome_recorded', { promoted: input.promoted, rolledInto: rollInto?.cycleName ?? null });
  deps.logger.info({ userId, planId, promoted: input.promoted, rolled: Boolean(rollInto) }, 'cycle outcome recorded');
  const walk = input.promoted ? null : await walkAdviceFor(deps, userId);
  if (walk) await sendWalkAdvice(deps, userId, walk, messages);
  return ok({ promoted: input.promoted, rolledInto: rollInto?.cycleName ?? null, walkAdviceSent: walk !== null });
}

/** The walk advice goes to the engineer's DM and nowhere else: never the shared conversation. */
async function sendWalkAdvice(deps: Deps, userId: string, walk: WalkResult, messages: PlanMessages): Promise<void> {
  await deps.slack.postDm(userId, messages.walkAdvice(walk));
  deps.logger.info({ userId, misses: walk.closedGapMisses }, 'walk advice sent');
}
