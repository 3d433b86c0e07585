// Weekly win nudges: which are due and what they ask about (the delivery engine sends
// each exactly once, on any number of replicas, after any outage), and the controls on
// the nudge itself.
import type { DueCursor, DueNudge, NudgeState } from '../db/index.js';
import { deliveryEngine, SETTLED, type DeliveryEngineOptions, type DeliveryMessage, type RunCounts } from '../delivery/engine.js';
import {
  addDays,
  isoWeekBefore,
  isoWeekOf,
  isValidZone,
  latestWeeklyOccurrence,
  localDate,
  mondayOfIsoWeek,
  nextWeeklyOccurrence,
  startOfDayAfter,
  type WeeklySlot,
} from '../schedule/weekly.js';
import { needsNextCycle } from './cycles.js';
import type { Deps } from './deps.js';

/** Pause at most about six months ahead: longer than that is leaving, not a holiday. */
export const MAX_PAUSE_DAYS = 183;

/** What a nudge asks about; the job turns it into a message. */
export interface NudgeContent {
  userId: string;
  /** The ISO week it asks about, e.g. "2026-W48". */
  week: string;
  /** The Monday re-nudge after "Snooze to Monday": cannot be snoozed again. */
  reNudge: boolean;
  /** A re-nudge about a week before last week (an older nudge was snoozed): that week's Monday, "YYYY-MM-DD". */
  olderWeekStart?: string;
  /** Their target cycle has calibrated (or is gone): ask them to pick the next one. */
  pickNextCycle: boolean;
}

export interface TickOptions extends Pick<DeliveryEngineOptions, 'pageSize' | 'concurrency'> {
  /** Builds the DM: the caller owns the words and the Block Kit. */
  message: (content: NudgeContent) => DeliveryMessage;
}

/** How many users ended each way, e.g. { weekly_sent: 9998, weekly_late: 2, reNudge_sent: 40 }. */
export type TickResult = RunCounts;

/** One tick: every weekly nudge and every "Snooze to Monday" re-nudge due at `at`. */
export async function sendDueNudges(deps: Deps, at: Date, options: TickOptions): Promise<TickResult> {
  const engine = deliveryEngine({ deliveries: deps.repos.deliveries, slack: deps.slack, logger: deps.logger }, options);
  const cursor = (row: DueNudge | undefined): DueCursor | undefined => row && { dueAt: row.dueAt, userId: row.userId };
  // Most ticks find nobody due: one indexed query answers that for both kinds.
  const due = await deps.repos.nudges.dueKinds(at);
  const weekly = !due.weekly ? { weekly_sent: 0 } : await engine.runDue<DueNudge>(
    {
      name: 'weekly',
      page: (after, limit) => deps.repos.nudges.dueWeeklyPage(at, cursor(after), limit),
      plan: (rows) =>
        rows.map((due) => {
          if (isPaused(due.nudgesPausedUntil, due.tz, at)) return { skip: 'paused' };
          // Catch-up after an outage of any length: only the latest slot can still be on time.
          const dueAt = latestWeeklyOccurrence(slotOf(due), at);
          const week = isoWeekOf(dueAt, due.tz);
          const message = () => options.message({ userId: due.userId, week, reNudge: false, pickNextCycle: cyclePassed(due, at) });
          return { kind: 'weekly_nudge', period: week, dueAt, userId: due.userId, dmChannelId: due.dmChannelId, message };
        }),
      settle: (rows, outcomes) => deps.repos.nudges.advanceWeekly(weeklyAdvances(rows, outcomes, at)),
    },
    at,
  );
  const reNudge = !due.snooze ? { reNudge_sent: 0 } : await engine.runDue<DueNudge>(
    {
      name: 'reNudge',
      page: (after, limit) => deps.repos.nudges.dueSnoozePage(at, cursor(after), limit),
      plan: async (rows) => {
        const weeks = rows.map(snoozedWeekOf);
        const answered = await deps.repos.nudges.answeredWeeks(rows.map((due, i) => ({ userId: due.userId, week: weeks[i] as string })));
        return rows.map((due, i) => {
          const week = weeks[i] as string;
          if (isPaused(due.nudgesPausedUntil, due.tz, at)) return { skip: 'paused' };
          if (answered.has(`${due.userId} ${week}`)) return { skip: 'answered' };
          const olderWeekStart = week === isoWeekBefore(due.dueAt, due.tz) ? undefined : mondayOfIsoWeek(week);
          const message = () => options.message({ userId: due.userId, week, reNudge: true, olderWeekStart, pickNextCycle: cyclePassed(due, at) });
          return { kind: 'snooze_nudge', period: week, dueAt: due.dueAt, userId: due.userId, dmChannelId: due.dmChannelId, message };
        });
      },
      // A re-nudge is a one-off: once settled (or skipped) it is cleared; a retryable one stays due.
      settle: (rows, outcomes) =>
        deps.repos.nudges.clearSnoozes(rows.filter((_, i) => isDone(outcomes[i])).map((due) => ({ userId: due.userId, from: due.dueAt }))),
    },
    at,
  );
  return { ...weekly, ...reNudge };
}

/** A skip (paused, answered) or a settled delivery; not a live claim, a retryable failure or an error. */
function isDone(outcome: string | undefined): boolean {
  return outcome !== undefined && (SETTLED.has(outcome) || outcome === 'paused' || outcome === 'answered');
}

/** Where each handled user's weekly slot moves: past the pause, or to the next slot after `at`. */
function weeklyAdvances(rows: DueNudge[], outcomes: string[], at: Date) {
  return rows.flatMap((due, i) => {
    const outcome = outcomes[i];
    if (!isDone(outcome)) return [];
    const slot = slotOf(due);
    if (outcome === 'paused') return [{ userId: due.userId, from: due.dueAt, to: firstSlotAfterPause(slot, due.nudgesPausedUntil as string, at), clearPause: false }];
    // Not paused at `at`, so any pause left on the profile has ended: clear it with the move.
    return [{ userId: due.userId, from: due.dueAt, to: nextWeeklyOccurrence(slot, at), clearPause: due.nudgesPausedUntil !== null }];
  });
}

/** The week a re-nudge asks about: the snoozed nudge's; for a snooze stored without it, the week before the Monday. */
function snoozedWeekOf(due: DueNudge): string {
  return due.snoozedWeek ?? isoWeekBefore(due.dueAt, due.tz);
}

function cyclePassed(due: DueNudge, at: Date): boolean {
  return needsNextCycle(due.calibrationDate, localDate(at, due.tz));
}

function slotOf(profile: { nudgeDay: number; nudgeMinute: number; tz: string | null }): WeeklySlot {
  return { isoWeekday: profile.nudgeDay, minuteOfDay: profile.nudgeMinute, tz: isValidZone(profile.tz) ? profile.tz : 'UTC' };
}

function isPaused(pausedUntil: string | null, tz: string | null, at: Date): boolean {
  return pausedUntil !== null && pausedUntil >= localDate(at, tz);
}

/** The first slot after the pause's last day (and after `at`). */
function firstSlotAfterPause(slot: WeeklySlot, pausedUntil: string, at: Date): Date {
  const resume = startOfDayAfter(pausedUntil, slot.tz).getTime() - 1;
  return nextWeeklyOccurrence(slot, new Date(Math.max(resume, at.getTime())));
}

// ---- the controls on the nudge and on the Home tab ----

/** A week's buttons only act for a user we actually nudged about that week. */
async function wasNudged(deps: Deps, userId: string, week: string): Promise<boolean> {
  const [weekly, reNudge] = await Promise.all([
    deps.repos.deliveries.find(userId, 'weekly_nudge', week),
    deps.repos.deliveries.find(userId, 'snooze_nudge', week),
  ]);
  return weekly !== null || reNudge !== null;
}

/** "Nothing this week": the week counts as answered for the streak. False for a week we never asked about. */
export async function answerNothingThisWeek(deps: Deps, userId: string, week: string): Promise<boolean> {
  if (!(await wasNudged(deps, userId, week))) return false;
  await deps.repos.nudges.answerNothing(userId, week);
  return true;
}

/**
 * "Snooze to Monday": one re-nudge next Monday at the user's nudge time, about the week of
 * the nudge that was pressed (an older one too). Null for a week we never asked about.
 */
export async function snoozeToMonday(
  deps: Deps,
  userId: string,
  week: string,
): Promise<{ date: string; minuteOfDay: number } | null> {
  const state = await deps.repos.nudges.state(userId);
  if (!state || !(await wasNudged(deps, userId, week))) return null;
  const slot = { ...slotOf(state), isoWeekday: 1 };
  const at = nextWeeklyOccurrence(slot, deps.clock());
  await deps.repos.nudges.snooze(userId, at, week);
  return { date: localDate(at, slot.tz), minuteOfDay: state.nudgeMinute };
}

/** Why a "pause until" date cannot be used, in the user's words; null when it can. */
export function checkPauseDate(until: string | null | undefined, today: string): string | null {
  if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until) || localDate(new Date(`${until}T12:00:00Z`), 'UTC') !== until) {
    return 'Pick a date from the calendar.';
  }
  if (until <= today) return 'Pick a day after today: that is when nudges start again.';
  if (until > addDays(today, MAX_PAUSE_DAYS)) return 'Pick a date within the next six months.';
  return null;
}

export type PauseResult = { ok: true; until: string } | { ok: false; error: string };

/** "Pause nudges until DATE": nothing is sent up to and including that day. */
export async function pauseNudges(deps: Deps, userId: string, until: string | null): Promise<PauseResult> {
  const state = await deps.repos.nudges.state(userId);
  if (!state) return { ok: false, error: 'Set up your profile first: run /promo settings.' };
  const error = checkPauseDate(until, localDate(deps.clock(), state.tz));
  if (error || !until) return { ok: false, error: error ?? 'Pick a date from the calendar.' };
  await saveSchedule(deps, userId, state, { nudgesPausedUntil: until });
  return { ok: true, until };
}

/** Nudges back on, from the next slot. */
export async function resumeNudges(deps: Deps, userId: string): Promise<boolean> {
  const state = await deps.repos.nudges.state(userId);
  if (!state) return false;
  await saveSchedule(deps, userId, state, { nudgesPausedUntil: null });
  return true;
}

export interface NudgeSettingsForm {
  nudgeDay: number;
  nudgeMinute: number;
  /** Empty means not paused. */
  pausedUntil: string | null;
}

export type NudgeSettingsResult = { ok: true } | { ok: false; errors: Partial<Record<keyof NudgeSettingsForm, string>> };

/** The nudge settings modal: day, time and an optional pause, rescheduling the next nudge. */
export async function saveNudgeSettings(deps: Deps, userId: string, form: NudgeSettingsForm): Promise<NudgeSettingsResult> {
  const state = await deps.repos.nudges.state(userId);
  if (!state) return { ok: false, errors: { nudgeDay: 'Set up your profile first: run /promo settings.' } };
  if (form.pausedUntil !== null) {
    const error = checkPauseDate(form.pausedUntil, localDate(deps.clock(), state.tz));
    if (error) return { ok: false, errors: { pausedUntil: error } };
  }
  await saveSchedule(deps, userId, state, {
    nudgeDay: form.nudgeDay,
    nudgeMinute: form.nudgeMinute,
    nudgesPausedUntil: form.pausedUntil,
  });
  return { ok: true };
}

/** What the nudge settings modal starts with; null before onboarding. A pause that has ended is not offered again. */
export async function nudgeSettingsFor(deps: Deps, userId: string): Promise<NudgeState | null> {
  const state = await deps.repos.nudges.state(userId);
  if (!state || isPaused(state.nudgesPausedUntil, state.tz, deps.clock())) return state;
  return { ...state, nudgesPausedUntil: null };
}

async function saveSchedule(
  deps: Deps,
  userId: string,
  state: NudgeState,
  change: Partial<Pick<NudgeState, 'nudgeDay' | 'nudgeMinute' | 'nudgesPausedUntil'>>,
): Promise<void> {
  const now = deps.clock();
  const next = { nudgeDay: state.nudgeDay, nudgeMinute: state.nudgeMinute, nudgesPausedUntil: state.nudgesPausedUntil, ...change };
  // A pause that is already over is dropped, so the Home tab stops mentioning it.
  if (next.nudgesPausedUntil !== null && !isPaused(next.nudgesPausedUntil, state.tz, now)) next.nudgesPausedUntil = null;
  const slot = slotOf({ ...next, tz: state.tz });
  const nextNudgeAt = next.nudgesPausedUntil ? firstSlotAfterPause(slot, next.nudgesPausedUntil, now) : nextWeeklyOccurrence(slot, now);
  await deps.repos.nudges.saveSchedule(userId, { ...next, nextNudgeAt });
}

/** What the pause modal suggests: a week from today, the usual length of a holiday. */
export async function suggestedPauseEnd(deps: Deps, userId: string): Promise<string> {
  const state = await deps.repos.nudges.state(userId);
  return addDays(localDate(deps.clock(), state?.tz), 7);
}
