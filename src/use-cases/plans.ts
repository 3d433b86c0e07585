// The plan a hedge turns into: up to five specific criteria with dates up to calibration and
// a check-in cadence, built in three saved steps, then shared with the manager (who alone
// may confirm or change it), with every change kept as history.
import { DateTime } from 'luxon';
import { checkCriterion, MAX_PLAN_CRITERIA } from '../coach/criterion.js';
import { buildPlanTimeline, type PlanTimeline } from '../coach/plan.js';
import type { PlanRecord } from '../db/index.js';
import { isValidZone, localDate } from '../schedule/weekly.js';
import { slackErrorCode, type Deps } from './deps.js';
import { NoCalibrationAheadError, NotOnboardedError, NotThePlanManagerError, NotYourPlanError } from './errors.js';
import { formatLocalInstant } from './home.js';
import type { PlanEditChange, PlanLine, PlanMessages, SharedPlanPost } from './plan-messages.js';
import { hasErrors, invalid, ok, type FieldErrors, type Result } from './result.js';

export { MAX_PLAN_CRITERIA };
export const CRITERION_MAX = 300;
export type PlanStep = 'criteria' | 'dates' | 'review';
/** Monthly is the guide's default; quarterly for a long runway. */
export const CADENCE_MONTHS = [1, 3] as const;

/** Field names double as the modal's block ids' suffixes: criterion_0 … date_4, cadence. */
export type PlanField = `criterion_${number}` | `date_${number}` | 'cadence' | 'criteria';

export interface PlanCriterionItem extends PlanLine {
  id: string | null;
  evidenceCount: number;
}

/** Everything a plan screen shows (builder steps, overview, Home, the shared post). */
export interface PlanData {
  planId: string;
  engineerId: string;
  managerId: string;
  status: PlanRecord['status'];
  today: string;
  calibrationDate: string;
  cadenceMonths: number;
  criteria: PlanCriterionItem[];
  timeline: PlanTimeline;
  shared: boolean;
  confirmedBy: string | null;
  /** The next check-in on the engineer's wall clock, e.g. "Wednesday 23 Dec, 15:00". */
  nextCheckIn: string | null;
}

export type OpenedPlan = { mode: 'draft'; data: PlanData } | { mode: 'open'; data: PlanData };

// ---- reading ----

async function contextOf(deps: Deps, userId: string) {
  const [user, profile] = await Promise.all([deps.repos.users.find(userId), deps.repos.users.findProfile(userId)]);
  if (!profile) throw new NotOnboardedError(userId);
  const tz = user?.tz ?? null;
  return { profile, tz, today: localDate(deps.clock(), tz) };
}

/** The user's plan by id, or NotYourPlanError (forged ids are logged by the caller's catch). */
export async function ownedPlan(deps: Deps, userId: string, planId: string, statuses?: PlanRecord['status'][]): Promise<PlanRecord> {
  const plan = await deps.repos.plans.find(planId);
  if (!plan || plan.userId !== userId || (statuses && !statuses.includes(plan.status))) throw new NotYourPlanError(userId, planId);
  return plan;
}

/** The plan, for its engineer's manager only: the profile's manager today, not whoever else is in the channel. */
export async function managedPlan(deps: Deps, actorId: string, planId: string): Promise<PlanRecord> {
  const plan = await deps.repos.plans.find(planId);
  if (!plan || plan.status === 'draft' || plan.status === 'closed') throw new NotYourPlanError(actorId, planId);
  const profile = await deps.repos.users.findProfile(plan.userId);
  if (profile?.managerId !== actorId) throw new NotThePlanManagerError(actorId, planId);
  return plan;
}

export function timelineOf(today: string, calibrationDate: string, cadenceMonths: number, texts: string[]): PlanTimeline {
  return buildPlanTimeline({ today, calibration: calibrationDate, cadence: cadenceMonths === 3 ? 'quarterly' : 'monthly', criteria: texts });
}

export async function dataOf(deps: Deps, plan: PlanRecord): Promise<PlanData> {
  const user = await deps.repos.users.find(plan.userId);
  const tz = user?.tz ?? null;
  const today = localDate(deps.clock(), tz);
  const criteria = plan.criteria.map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate, status: c.status, evidenceCount: c.evidence.length }));
  return {
    planId: plan.id,
    engineerId: plan.userId,
    managerId: plan.managerId,
    status: plan.status,
    today,
    calibrationDate: plan.calibrationDate,
    cadenceMonths: plan.cadenceMonths,
    criteria,
    timeline: timelineOf(today, plan.calibrationDate, plan.cadenceMonths, criteria.map((c) => c.text)),
    shared: plan.sharedMessageTs !== null,
    confirmedBy: plan.confirmedBy,
    nextCheckIn: plan.nextCheckInAt ? formatLocalInstant(plan.nextCheckInAt, tz) : null,
  };
}

/** The user's open plan (draft, active or waiting for its outcome), or null. */
export async function currentPlan(deps: Deps, userId: string): Promise<PlanData | null> {
  const plan = await deps.repos.plans.findOpen(userId);
  return plan ? dataOf(deps, plan) : null;
}

/** A plan the user owns, in any state but closed, for a screen that shows it. */
export async function planOf(deps: Deps, userId: string, planId: string): Promise<PlanData> {
  return dataOf(deps, await ownedPlan(deps, userId, planId, ['draft', 'active', 'awaiting_outcome']));
}

// ---- the builder ----

/**
 * "Build the plan": resumes the draft, shows the plan already running, or starts a draft
 * toward the target cycle's calibration, linked to the meeting the hedge was said in.
 */
export async function openPlanBuilder(deps: Deps, userId: string, options: { meetingId?: string } = {}): Promise<OpenedPlan> {
  const { profile, today } = await contextOf(deps, userId);
  const open = await deps.repos.plans.findOpen(userId);
  if (open) return { mode: open.status === 'draft' ? 'draft' : 'open', data: await dataOf(deps, open) };
  const cycle = await deps.repos.settings.findCycle(profile.targetCycle);
  if (!cycle || cycle.calibrationDate <= today) throw new NoCalibrationAheadError(userId);
  // A meeting id from a button is only kept when it is this user's.
  const meetingId = options.meetingId && (await deps.repos.plans.findManagerAnswer(userId, options.meetingId)) ? options.meetingId : null;
  if (options.meetingId && !meetingId) deps.logger.warn({ userId, meetingId: options.meetingId }, 'meeting id refused for the plan: not this user\'s answer; building without it');
  const plan = await deps.repos.plans.createDraft({ userId, managerId: profile.managerId, calibrationDate: cycle.calibrationDate, meetingId });
  deps.logger.info({ userId, planId: plan.id }, 'plan draft started');
  return { mode: 'draft', data: await dataOf(deps, plan) };
}

/** Step 1: the criteria. Saved as typed (a closed modal loses nothing), then checked one by one. */
export async function savePlanCriteria(deps: Deps, userId: string, planId: string, texts: string[]): Promise<Result<PlanData, PlanField>> {
  const plan = await ownedPlan(deps, userId, planId, ['draft']);
  const { today } = await contextOf(deps, userId);
  const kept = texts.slice(0, MAX_PLAN_CRITERIA).map((t) => t.trim());
  const errors = criteriaErrors(kept);
  const filled = kept.filter((t) => t.length > 0);
  const timeline = timelineOf(today, plan.calibrationDate, plan.cadenceMonths, filled);
  const defaults = defaultDueDates(timeline, filled.length, today, plan.calibrationDate);
  const dates = filled.map((_, i) => plan.criteria[i]?.dueDate ?? defaults[i] ?? null);
  await deps.repos.plans.saveCriteria(planId, filled.map((text, i) => ({ text, dueDate: dates[i] ?? null })));
  if (hasErrors(errors)) return invalid(errors);
  return ok(await planOf(deps, userId, planId));
}

function criteriaErrors(texts: string[]): FieldErrors<PlanField> {
  const errors: FieldErrors<PlanField> = {};
  texts.forEach((text, i) => {
    if (text.length === 0) return;
    if (text.length > CRITERION_MAX) {
      errors[`criterion_${i}`] = `Keep it under ${CRITERION_MAX} characters: one thing you would both recognise as done.`;
      return;
    }
    const check = checkCriterion(text);
    if (!check.specific) {
      const first = check.findings.find((f) => f.severity === 'error');
      errors[`criterion_${i}`] = [first?.message, first?.suggestion].filter(Boolean).join(' ');
    }
  });
  if (texts.every((t) => t.length === 0)) errors.criterion_0 = 'Write at least one thing your manager would need to see from you.';
  return errors;
}

/** Each criterion's default date: the end of the month the coach's timeline gives it, before the doc hand-off. */
function defaultDueDates(timeline: PlanTimeline, count: number, today: string, calibrationDate: string): string[] {
  const latest = timeline.docDue ?? calibrationDate;
  return Array.from({ length: count }, (_, i) => {
    const month = timeline.months.find((m) => m.criteriaDue.includes(i))?.month;
    const end = month ? DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).endOf('month').toISODate() ?? latest : latest;
    const date = end > latest ? latest : end;
    return date <= today ? latest : date;
  });
}

export interface DatesInput {
  dueDates: (string | null)[];
  cadenceMonths: number;
}

/** Step 2: a date for each criterion, up to calibration, and the check-in cadence. */
export async function savePlanDates(deps: Deps, userId: string, planId: string, input: DatesInput): Promise<Result<PlanData, PlanField>> {
  const plan = await ownedPlan(deps, userId, planId, ['draft']);
  const { today } = await contextOf(deps, userId);
  const errors = datesErrors(input.dueDates.slice(0, plan.criteria.length), plan.criteria.length, today, plan.calibrationDate);
  if (!(CADENCE_MONTHS as readonly number[]).includes(input.cadenceMonths)) errors.cadence = 'Pick how often to check in.';
  await deps.repos.plans.saveCriteria(planId, plan.criteria.map((c, i) => ({ text: c.text, dueDate: input.dueDates[i] ?? c.dueDate })));
  if (!errors.cadence) await deps.repos.plans.update(planId, { cadenceMonths: input.cadenceMonths });
  if (hasErrors(errors)) return invalid(errors);
  return ok(await planOf(deps, userId, planId));
}

function datesErrors(dates: (string | null)[], count: number, today: string, calibrationDate: string): FieldErrors<PlanField> {
  const errors: FieldErrors<PlanField> = {};
  for (let i = 0; i < count; i++) {
    const date = dates[i];
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) errors[`date_${i}`] = 'Pick a date from the calendar.';
    else if (date <= today) errors[`date_${i}`] = 'Pick a day after today.';
    else if (date > calibrationDate) errors[`date_${i}`] = `Pick a day on or before calibration (${calibrationDate}): after that it cannot count.`;
  }
  return errors;
}

/** Step 3: the plan starts, and its first check-in is scheduled at the engineer's nudge time. */
export async function startPlan(deps: Deps, userId: string, planId: string): Promise<PlanData> {
  const plan = await ownedPlan(deps, userId, planId, ['draft', 'active']);
  if (plan.status === 'draft') {
    const { profile, tz, today } = await contextOf(deps, userId);
    const first = nextCheckInAfter(today, plan.cadenceMonths, profile.nudgeMinute, tz, plan.calibrationDate, deps.clock());
    if (await deps.repos.plans.activate(planId, first)) {
      await deps.repos.plans.addChange(planId, userId, 'created', { criteria: plan.criteria.map((c) => ({ text: c.text, dueDate: c.dueDate })) });
      deps.logger.info({ userId, planId }, 'plan started');
    }
  }
  return planOf(deps, userId, planId);
}

/**
 * The first check-in slot after `at`: `cadenceMonths` after a local date, at the engineer's
 * nudge time, stepping on by the cadence past any slots an outage skipped; null once the
 * next slot is on or after calibration (the outcome question takes over then).
 */
export function nextCheckInAfter(fromDate: string, cadenceMonths: number, minuteOfDay: number, tz: string | null, calibrationDate: string, at: Date): Date | null {
  const zone = isValidZone(tz) ? tz : 'UTC';
  const start = DateTime.fromISO(fromDate, { zone }).set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
  for (let n = 1; ; n++) {
    const slot = start.plus({ months: n * cadenceMonths });
    if ((slot.toISODate() ?? '') >= calibrationDate) return null;
    if (slot.toMillis() > at.getTime()) return slot.toJSDate();
  }
}

// ---- edits (engineer's own, or the manager's "Suggest changes") ----

export interface PlanEditInput {
  criteria: { text: string; dueDate: string | null }[];
}

/** What the edit modal starts with; the manager's copy is refused to anyone else. */
export async function planForEdit(deps: Deps, actorId: string, planId: string, role: 'engineer' | 'manager'): Promise<PlanData> {
  const plan = role === 'manager' ? await managedPlan(deps, actorId, planId) : await ownedPlan(deps, actorId, planId, ['active', 'awaiting_outcome']);
  return dataOf(deps, plan);
}

export interface PlanEdited {
  data: PlanData;
  changes: PlanEditChange[];
}

/** The engineer edits their running plan; a confirmed plan then waits for the manager to confirm again. */
export async function editPlan(deps: Deps, userId: string, planId: string, input: PlanEditInput, messages: PlanMessages): Promise<Result<PlanEdited, PlanField>> {
  const plan = await ownedPlan(deps, userId, planId, ['active', 'awaiting_outcome']);
  return applyEdit(deps, userId, plan, input, 'edited', messages);
}

/** "Suggest changes": only the engineer's manager; the change is stored, the post updated, the engineer told. */
export async function suggestPlanChanges(deps: Deps, actorId: string, planId: string, input: PlanEditInput, messages: PlanMessages): Promise<Result<PlanEdited, PlanField>> {
  const plan = await managedPlan(deps, actorId, planId);
  const result = await applyEdit(deps, actorId, plan, input, 'changes_suggested', messages);
  if (result.ok && result.value.changes.length > 0) {
    const criteria = result.value.data.criteria;
    await deps.slack.postDm(plan.userId, messages.planChanged({ managerId: actorId, changes: result.value.changes, criteria }));
  }
  return result;
}

async function applyEdit(
  deps: Deps,
  actorId: string,
  plan: PlanRecord,
  input: PlanEditInput,
  kind: 'edited' | 'changes_suggested',
  messages: PlanMessages,
): Promise<Result<PlanEdited, PlanField>> {
  const rows = input.criteria.slice(0, MAX_PLAN_CRITERIA).map((c) => ({ text: c.text.trim(), dueDate: c.dueDate }));
  const today = localDate(deps.clock(), (await deps.repos.users.find(plan.userId))?.tz);
  const errors = criteriaErrors(rows.map((r) => r.text));
  rows.forEach((r, i) => {
    if (r.text.length === 0) return;
    const dateError = datesErrors([r.dueDate], 1, today, plan.calibrationDate).date_0;
    // A date left as it was may be in the past now; only a changed one must be ahead.
    if (dateError && r.dueDate !== plan.criteria[i]?.dueDate) errors[`date_${i}`] = dateError;
    else if (!r.dueDate) errors[`date_${i}`] = 'Pick a date from the calendar.';
  });
  if (hasErrors(errors)) return invalid(errors);
  const kept = rows.filter((r) => r.text.length > 0);
  const changes = diffCriteria(plan, kept);
  if (changes.length > 0) {
    await deps.repos.plans.saveCriteria(plan.id, kept);
    await deps.repos.plans.addChange(plan.id, actorId, kind, { changes });
    // The manager confirmed the old plan, not this one.
    if (kind === 'edited' && plan.confirmedAt) await deps.repos.plans.update(plan.id, { confirmedAt: null, confirmedBy: null });
    deps.logger.info({ actorId, planId: plan.id, kind, changes: changes.length }, 'plan changed');
    await refreshSharedPost(deps, plan.id, messages);
  }
  const fresh = await deps.repos.plans.find(plan.id);
  return ok({ data: await dataOf(deps, fresh ?? plan), changes });
}

function diffCriteria(plan: PlanRecord, next: { text: string; dueDate: string | null }[]): PlanEditChange[] {
  const changes: PlanEditChange[] = [];
  const count = Math.max(plan.criteria.length, next.length);
  for (let position = 0; position < count; position++) {
    const before = plan.criteria[position];
    const after = next[position];
    if (!before && after) changes.push({ position, change: 'added', from: null, to: after.text });
    else if (before && !after) changes.push({ position, change: 'removed', from: before.text, to: null });
    else if (before && after) {
      if (before.text !== after.text) changes.push({ position, change: 'text', from: before.text, to: after.text });
      if (before.dueDate !== after.dueDate) changes.push({ position, change: 'date', from: before.dueDate, to: after.dueDate });
    }
  }
  return changes;
}

// ---- sharing with the manager ----

/** Slack's answers when a workspace will not let the app make a private channel: fall back to a group DM. */
const CHANNEL_REFUSALS = new Set(['restricted_action', 'missing_scope', 'not_allowed_token_type', 'no_permission', 'access_denied', 'team_access_not_granted', 'invalid_name_specials']);

export interface SharedResult {
  channelId: string;
  kind: 'private_channel' | 'group_dm';
  /** True when this share created the conversation. */
  created: boolean;
}

/**
 * "Share with my manager": the engineer's explicit share, the only way anything reaches the
 * manager. One private channel per engineer–manager pair (a group DM where the workspace
 * refuses), made on the first share; the plan is posted there, or updated in place.
 */
export async function sharePlan(deps: Deps, userId: string, planId: string, messages: PlanMessages): Promise<SharedResult> {
  const plan = await ownedPlan(deps, userId, planId, ['active', 'awaiting_outcome']);
  const { profile } = await contextOf(deps, userId);
  const managerId = profile.managerId;
  let shared = await deps.repos.plans.findShared(userId, managerId);
  let created = false;
  if (!shared) {
    shared = await deps.repos.plans.saveShared(userId, managerId, await openSharedConversation(deps, userId, managerId));
    created = true;
  }
  const post = messages.sharedPlan(await sharedPostOf(deps, plan));
  if (plan.sharedChannelId === shared.channelId && plan.sharedMessageTs) {
    await deps.slack.updateMessage(shared.channelId, plan.sharedMessageTs, post);
  } else {
    const { ts } = await deps.slack.postMessage(shared.channelId, post);
    await deps.repos.plans.update(planId, { sharedChannelId: shared.channelId, sharedMessageTs: ts ?? null });
  }
  await deps.repos.plans.addChange(planId, userId, 'shared', { channelId: shared.channelId, kind: shared.kind });
  deps.logger.info({ userId, planId, channelId: shared.channelId, kind: shared.kind, created }, 'plan shared');
  return { ...shared, created };
}

async function openSharedConversation(deps: Deps, engineerId: string, managerId: string): Promise<{ channelId: string; kind: 'private_channel' | 'group_dm' }> {
  const members = [...new Set([engineerId, managerId])];
  const settings = await deps.repos.settings.get();
  if (settings.sharedPlanMode === 'private_channel') {
    try {
      const channelId = await deps.slack.createPrivateChannel(channelName(engineerId, managerId));
      await deps.slack.inviteToChannel(channelId, members);
      return { channelId, kind: 'private_channel' };
    } catch (err) {
      const code = slackErrorCode(err);
      if (!code || !CHANNEL_REFUSALS.has(code)) throw err;
      deps.logger.warn({ engineerId, code }, 'private channel refused; sharing in a group DM instead');
    }
  }
  return { channelId: await deps.slack.openGroupDm(members), kind: 'group_dm' };
}

/** Slack channel names: lower-case, 80 characters at most; one per pair. */
function channelName(engineerId: string, managerId: string): string {
  return `promo-plan-${engineerId}-${managerId}`.toLowerCase().replace(/[^a-z0-9_-]/g, '').slice(0, 80);
}


async function sharedPostOf(deps: Deps, plan: PlanRecord): Promise<SharedPlanPost> {
  const [data, changes, profile] = await Promise.all([dataOf(deps, plan), deps.repos.plans.changes(plan.id), deps.repos.users.findProfile(plan.userId)]);
  const last = changes.filter((c) => c.kind !== 'shared').at(-1);
  return {
    planId: plan.id,
    engineerId: plan.userId,
    managerId: profile?.managerId ?? plan.managerId,
    calibrationDate: plan.calibrationDate,
    cadenceMonths: plan.cadenceMonths,
    criteria: data.criteria.map(({ text, dueDate, status }) => ({ text, dueDate, status })),
    checkIns: data.timeline.checkIns,
    docDue: data.timeline.docDue ?? null,
    confirmedBy: plan.confirmedBy,
    confirmedOn: plan.confirmedAt ? plan.confirmedAt.toISOString().slice(0, 10) : null,
    lastChange: last ? { actorId: last.actorId, kind: last.kind, on: last.createdAt.toISOString().slice(0, 10) } : null,
  };
}

/** Rewrites the shared post after any change, in place; a post Slack lost is logged, never fatal. */
export async function refreshSharedPost(deps: Deps, planId: string, messages: PlanMessages): Promise<void> {
  const plan = await deps.repos.plans.find(planId);
  if (!plan?.sharedChannelId || !plan.sharedMessageTs) return;
  try {
    await deps.slack.updateMessage(plan.sharedChannelId, plan.sharedMessageTs, messages.sharedPlan(await sharedPostOf(deps, plan)));
  } catch (err) {
    deps.logger.warn({ err, planId }, 'could not update the shared plan post');
  }
}

/** "Confirm": only the engineer's manager. Stored with who and when, the post updated, the engineer told. */
export async function confirmPlan(deps: Deps, actorId: string, planId: string, messages: PlanMessages): Promise<{ engineerId: string }> {
  const plan = await managedPlan(deps, actorId, planId);
  // An edit clears the confirmation, so a plan still confirmed has not changed since: a second
  // press (or the same click delivered twice) adds no history and no second DM.
  if (plan.confirmedAt && plan.confirmedBy === actorId) {
    deps.logger.info({ actorId, planId }, 'plan already confirmed; nothing to do');
    return { engineerId: plan.userId };
  }
  const at = deps.clock();
  await deps.repos.plans.update(planId, { confirmedAt: at, confirmedBy: actorId });
  await deps.repos.plans.addChange(planId, actorId, 'confirmed', {});
  deps.logger.info({ actorId, planId }, 'plan confirmed by the manager');
  await refreshSharedPost(deps, planId, messages);
  await deps.slack.postDm(plan.userId, messages.planConfirmed({ managerId: actorId, calibrationDate: plan.calibrationDate }));
  return { engineerId: plan.userId };
}

