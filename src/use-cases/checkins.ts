// Gap check-ins: for every active plan, one DM per cadence period at the engineer's local
// time (the delivery engine sends each exactly once, on any number of replicas), one
// reminder three days later if it is still unanswered, the answer itself (each criterion's
// status, wins as evidence, a note) and, for a shared plan, a summary the manager acknowledges.
import { DateTime } from 'luxon';
import { CRITERION_STATUSES, type CheckInRecord, type CriterionStatus, type DuePlan, type DueReask, type PlanRecord } from '../db/repositories/plans.js';
import { deliveryEngine, SETTLED, type DeliveryEngineOptions, type RunCounts } from '../delivery/engine.js';
import { isValidZone, localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { NotYourPlanError } from './errors.js';
import type { PlanMessages } from './plan-messages.js';
import { managedPlan, nextCheckInAfter, ownedPlan, refreshSharedPost } from './plans.js';
import { invalid, ok, type Result } from './result.js';

export const REASK_AFTER_DAYS = 3;
/** A monthly check-in a day or two late after an outage still helps; later than this, wait for the next one. */
export const CHECKIN_LATE_LIMIT_MS = 3 * 24 * 60 * 60 * 1000;
/** The reminder is only worth sending close to its day. */
export const REASK_LATE_LIMIT_MS = 24 * 60 * 60 * 1000;
export const CHECKIN_NOTE_MAX = 1000;
/** Wins offered as evidence: the latest since the last check-in. */
export const EVIDENCE_WINS_MAX = 25;

const DAY_MS = 24 * 60 * 60 * 1000;

export type { CriterionStatus };
export { CRITERION_STATUSES };

/** The period a check-in is for: the local month it was due in, e.g. "2027-01". */
export function checkInPeriod(at: Date, tz: string | null): string {
  return DateTime.fromJSDate(at, { zone: isValidZone(tz) ? tz : 'UTC' }).toFormat('yyyy-LL');
}

export interface CheckInRunOptions extends Pick<DeliveryEngineOptions, 'pageSize' | 'concurrency'> {
  messages: PlanMessages;
}

/** Every check-in due at `at`, and every reminder for one left unanswered for three days. */
export async function sendDueCheckIns(deps: Deps, at: Date, options: CheckInRunOptions): Promise<RunCounts> {
  const base = { deliveries: deps.repos.deliveries, slack: deps.slack, logger: deps.logger };
  const { messages } = options;
  const checkIns = await deliveryEngine(base, { ...options, lateLimitMs: CHECKIN_LATE_LIMIT_MS }).runDue<DuePlan>(
    {
      name: 'checkin',
      page: (after, limit) => deps.repos.plans.dueCheckInPage(at, after && { dueAt: after.dueAt, id: after.id }, limit),
      plan: async (rows) => {
        const out = [];
        for (const due of rows) {
          const period = checkInPeriod(due.dueAt, due.tz);
          // Asked now: its reminder counts from this DM, even if it was opened from Home before.
          const [checkIn, plan] = await Promise.all([deps.repos.plans.askCheckIn(due.id, due.userId, period, at), deps.repos.plans.find(due.id)]);
          // Answered early (from Home): nothing to ask this period.
          if (checkIn.status !== 'sent' || !plan) {
            out.push({ skip: 'answered' });
            continue;
          }
          out.push({
            kind: 'checkin',
            period: `${due.id}/${period}`,
            dueAt: due.dueAt,
            userId: due.userId,
            dmChannelId: due.dmChannelId,
            message: () => messages.checkInDm({ checkInId: checkIn.id, reask: false, criteria: linesOf(plan), calibrationDate: plan.calibrationDate }),
          });
        }
        return out;
      },
      settle: (rows, outcomes) =>
        deps.repos.plans.advanceCheckIns(
          rows.flatMap((due, i) => {
            const outcome = outcomes[i];
            if (!outcome || !(SETTLED.has(outcome) || outcome === 'answered')) return [];
            const to = nextCheckInAfter(localDate(due.dueAt, due.tz), due.cadenceMonths, due.nudgeMinute, due.tz, due.calibrationDate, at);
            return [{ planId: due.id, from: due.dueAt, to }];
          }),
        ),
    },
    at,
  );

  const reasks = await deliveryEngine(base, { ...options, lateLimitMs: REASK_LATE_LIMIT_MS }).runDue<DueReask>(
    {
      name: 'reask',
      page: (after, limit) => deps.repos.plans.dueReaskPage(new Date(at.getTime() - REASK_AFTER_DAYS * DAY_MS), after, limit),
      plan: async (rows) => {
        const out = [];
        for (const due of rows) {
          const period = `${due.planId}/${due.period}`;
          const [first, plan] = await Promise.all([deps.repos.deliveries.find(due.userId, 'checkin', period), deps.repos.plans.find(due.planId)]);
          // Only a check-in that reached the engineer gets its reminder.
          if (first?.status !== 'sent' || !plan) {
            out.push({ skip: 'never_sent' });
            continue;
          }
          out.push({
            kind: 'checkin_reask',
            period,
            dueAt: new Date(due.createdAt.getTime() + REASK_AFTER_DAYS * DAY_MS),
            userId: due.userId,
            dmChannelId: due.dmChannelId,
            message: () => messages.checkInDm({ checkInId: due.id, reask: true, criteria: linesOf(plan), calibrationDate: plan.calibrationDate }),
          });
        }
        return out;
      },
      settle: (rows, outcomes) =>
        deps.repos.plans.markReminded(
          rows.filter((_, i) => SETTLED.has(outcomes[i] ?? '') || outcomes[i] === 'never_sent').map((r) => r.id),
          at,
        ),
    },
    at,
  );
  return { ...checkIns, ...reasks };
}

function linesOf(plan: PlanRecord) {
  return plan.criteria.map(({ text, dueDate, status }) => ({ text, dueDate, status }));
}

// ---- answering ----

export interface CheckInForm {
  checkInId: string;
  planId: string;
  period: string;
  criteria: { id: string; text: string; dueDate: string | null; status: CriterionStatus; winIds: string[] }[];
  /** The engineer's wins since the last check-in, offered as evidence. */
  wins: { id: string; text: string; date: string }[];
  note: string | null;
  shared: boolean;
}

/**
 * The check-in modal's content: the DM's check-in by id (refused unless it is this user's),
 * or, from Home or `/promo checkin`, this month's for the running plan. Null: no plan running.
 */
export async function checkInForm(deps: Deps, userId: string, checkInId?: string): Promise<CheckInForm | null> {
  let checkIn: CheckInRecord;
  let plan: PlanRecord;
  if (checkInId) {
    const found = await deps.repos.plans.findCheckIn(checkInId);
    if (!found || found.userId !== userId) throw new NotYourPlanError(userId, checkInId);
    plan = await ownedPlan(deps, userId, found.planId, ['active', 'awaiting_outcome']);
    checkIn = found;
  } else {
    const open = await deps.repos.plans.findOpen(userId);
    if (!open || open.status === 'draft') return null;
    plan = open;
    const tz = (await deps.repos.users.find(userId))?.tz ?? null;
    checkIn = await deps.repos.plans.openCheckIn(plan.id, userId, checkInPeriod(deps.clock(), tz), deps.clock());
  }
  const since = (await deps.repos.plans.lastAnsweredAt(plan.id)) ?? plan.createdAt;
  // Wins already linked stay on offer, so re-answering keeps them.
  const wins = await deps.repos.plans.winsSince(userId, checkIn.status === 'sent' ? since : plan.createdAt, EVIDENCE_WINS_MAX);
  const answerOf = new Map(checkIn.answers.map((a) => [a.criterionId, a]));
  return {
    checkInId: checkIn.id,
    planId: plan.id,
    period: checkIn.period,
    criteria: plan.criteria.map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate, status: c.status, winIds: answerOf.get(c.id)?.winIds ?? [] })),
    wins,
    note: checkIn.note,
    shared: plan.sharedMessageTs !== null,
  };
}

export interface CheckInAnswerInput {
  /** Criterion id → status; a criterion left out keeps its status. */
  statuses: Record<string, string>;
  /** Criterion id → win ids linked as evidence. */
  evidence: Record<string, string[]>;
  note: string | null;
}

export interface CheckInDone {
  items: { text: string; from: CriterionStatus; to: CriterionStatus; evidenceCount: number }[];
  /** The summary went to the shared conversation. */
  shared: boolean;
}

export async function submitCheckIn(
  deps: Deps,
  userId: string,
  checkInId: string,
  input: CheckInAnswerInput,
  messages: PlanMessages,
): Promise<Result<CheckInDone, 'note'>> {
  const form = await checkInForm(deps, userId, checkInId);
  if (!form) throw new NotYourPlanError(userId, checkInId);
  const note = input.note?.trim() || null;
  if (note && note.length > CHECKIN_NOTE_MAX) return invalid({ note: `Keep the note under ${CHECKIN_NOTE_MAX.toLocaleString('en-US')} characters.` });
  // Only wins this form offered can be linked: a forged id is dropped, not stored.
  const offered = new Set(form.wins.map((w) => w.id));
  const answers = form.criteria.map((c) => {
    const wanted = input.statuses[c.id];
    const status = (CRITERION_STATUSES as readonly string[]).includes(wanted ?? '') ? (wanted as CriterionStatus) : c.status;
    return { criterionId: c.id, status, winIds: (input.evidence[c.id] ?? []).filter((id) => offered.has(id)) };
  });
  const existing = await deps.repos.plans.findCheckIn(checkInId);
  if (existing && existing.status !== 'sent' && existing.note === note && JSON.stringify(existing.answers) === JSON.stringify(answers)) {
    // The same answer again (a second click, or one submission delivered twice): the stored
    // answer, its history entry and the summary already say it. A second history entry would
    // show no movement and hide the real one the summary reads its "from" out of.
    deps.logger.info({ userId, planId: form.planId, checkInId }, 'check-in answered again, unchanged; nothing to do');
    const plan = await deps.repos.plans.find(form.planId);
    const previous = plan ? await previousStatuses(deps, plan, existing) : new Map<string, CriterionStatus>();
    const items = form.criteria.map((c, i) => ({ text: c.text, from: previous.get(c.id) ?? c.status, to: answers[i]?.status ?? c.status, evidenceCount: answers[i]?.winIds.length ?? 0 }));
    return ok({ items, shared: form.shared });
  }
  await deps.repos.plans.answerCheckIn(checkInId, form.planId, answers, note);
  const items = form.criteria.map((c, i) => ({ text: c.text, from: c.status, to: answers[i]?.status ?? c.status, evidenceCount: answers[i]?.winIds.length ?? 0 }));
  await deps.repos.plans.addChange(form.planId, userId, 'status_updated', {
    checkInId,
    period: form.period,
    changes: items.flatMap((item, i) => (item.from === item.to ? [] : [{ criterion: i, from: item.from, to: item.to }])),
  });
  deps.logger.info({ userId, planId: form.planId, checkInId }, 'check-in answered');
  if (form.shared) await postSummary(deps, checkInId, messages);
  return ok({ items, shared: form.shared });
}

/** Posts (or, once acknowledged or re-answered, rewrites) the check-in's summary in the shared conversation. */
async function postSummary(deps: Deps, checkInId: string, messages: PlanMessages): Promise<void> {
  const checkIn = await deps.repos.plans.findCheckIn(checkInId);
  const plan = checkIn && (await deps.repos.plans.find(checkIn.planId));
  if (!checkIn || !plan?.sharedChannelId) return;
  const byId = new Map(plan.criteria.map((c) => [c.id, c]));
  const previous = await previousStatuses(deps, plan, checkIn);
  const message = messages.checkInSummary({
    checkInId,
    engineerId: plan.userId,
    period: checkIn.period,
    items: checkIn.answers.flatMap((a) => {
      const c = byId.get(a.criterionId);
      return c ? [{ text: c.text, from: previous.get(a.criterionId) ?? 'not_started', to: a.status, evidenceCount: a.winIds.length }] : [];
    }),
    note: checkIn.note,
    acknowledgedBy: checkIn.acknowledgedBy,
  });
  if (checkIn.summaryTs) await deps.slack.updateMessage(plan.sharedChannelId, checkIn.summaryTs, message);
  else {
    const { ts } = await deps.slack.postMessage(plan.sharedChannelId, message);
    if (ts) await deps.repos.plans.setSummaryTs(checkInId, ts);
  }
  await refreshSharedPost(deps, plan.id, messages);
}

/** Each criterion's status before this check-in: from the history entry it wrote. */
async function previousStatuses(deps: Deps, plan: PlanRecord, checkIn: CheckInRecord): Promise<Map<string, CriterionStatus>> {
  const changes = await deps.repos.plans.changes(plan.id);
  const entry = changes.filter((c) => c.kind === 'status_updated' && (c.detail as { checkInId?: string } | null)?.checkInId === checkIn.id).at(-1);
  const moved = ((entry?.detail as { changes?: { criterion: number; from: CriterionStatus }[] } | null)?.changes ?? []);
  const out = new Map<string, CriterionStatus>();
  plan.criteria.forEach((c, i) => out.set(c.id, moved.find((m) => m.criterion === i)?.from ?? c.status));
  return out;
}

/** "Acknowledge" on a check-in summary: the engineer's manager only. */
export async function acknowledgeCheckIn(deps: Deps, actorId: string, checkInId: string, messages: PlanMessages): Promise<void> {
  const checkIn = await deps.repos.plans.findCheckIn(checkInId);
  if (!checkIn) throw new NotYourPlanError(actorId, checkInId);
  await managedPlan(deps, actorId, checkIn.planId);
  if (await deps.repos.plans.acknowledge(checkInId, actorId, deps.clock())) {
    await deps.repos.plans.addChange(checkIn.planId, actorId, 'check_in_acknowledged', { checkInId, period: checkIn.period });
    deps.logger.info({ actorId, checkInId }, 'check-in acknowledged by the manager');
  }
  await postSummary(deps, checkInId, messages);
}
