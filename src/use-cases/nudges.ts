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
import { NotOnboardedError, WeekNotNudgedError } from './errors.js';
import { invalid, ok, type Result } from './result.js';

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
  const calendar = tickCalendar(at);
  // Most ticks find nobody due: one indexed query answers that for both kinds.
  const due = await deps.repos.nudges.dueKinds(at);
  const weekly = !due.weekly ? { weekly_sent: 0 } : await engine.runDue<DueNudge>(
    {
      name: 'weekly',
      page: (after, limit) => deps.repos.nudges.dueWeeklyPage(at, cursor(after), limit),
      plan: (rows) =>
        rows.map((due) => {
          if (calendar.isPaused(due)) return { skip: 'paused' };
          // Catch-up after an outage of any length: only the latest slot can still be on time.
          const { latest, week } = calendar.slot(due);
          const message = () => options.message({ userId: due.userId, week, reNudge: false, pickNextCycle: calendar.cyclePassed(due) });
          return { kind: 'weekly_nudge', period: week, dueAt: latest, userId: due.userId, dmChannelId: due.dmChannelId, message };
        }),
      settle: (rows, outcomes) => deps.repos.nudges.advanceWeekly(weeklyAdvances(rows, outcomes, at, calendar)),
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
          if (calendar.isPaused(due)) return { skip: 'paused' };
          if (answered.has(`${due.userId} ${week}`)) return { skip: 'answered' };
          const olderWeekStart = week === isoWeekBefore(due.dueAt, due.tz) ? undefined : mondayOfIsoWeek(week);
          const message = () =>
            options.message({ userId: due.userId, week, reNudge: true, olderWeekStart, pickNextCycle: calendar.cyclePassed(due) });
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
function weeklyAdvances(rows: DueNudge[], outcomes: string[], at: Date, calendar: TickCalendar) {
  return rows.flatMap((due, i) => {
    const outcome = outcomes[i];
    if (!isDone(outcome)) return [];
    if (outcome === 'paused') {
      return [{ userId: due.userId, from: due.dueAt, to: firstSlotAfterPause(slotOf(due), due.nudgesPausedUntil as string, at), clearPause: false }];
    }
    // Not paused at `at`, so any pause left on the profile has ended: clear it with the move.
    return [{ userId: due.userId, from: due.dueAt, to: calendar.slot(due).next, clearPause: due.nudgesPausedUntil !== null }];
  });
}

type TickCalendar = ReturnType<typeof tickCalendar>;

/**
 * The calendar facts one tick needs, each worked out once per zone or slot: thousands of
 * due users share a handful of zones and slots, and each zone conversion is costly.
 */
function tickCalendar(at: Date) {
  const today = memoize((tz: string) => localDate(at, tz));
  const slotTimes = memoize((key: string) => {
    const [day, minute, tz] = key.split('|');
    const slot = slotOf({ nudgeDay: Number(day), nudgeMinute: Number(minute), tz: tz ?? null });
    const latest = latestWeeklyOccurrence(slot, at);
    return { latest, week: isoWeekOf(latest, slot.tz), next: nextWeeklyOccurrence(slot, at) };
  });
  return {
    isPaused: (due: DueNudge) => due.nudgesPausedUntil !== null && due.nudgesPausedUntil >= today(due.tz ?? ''),
    cyclePassed: (due: DueNudge) => needsNextCycle(due.calibrationDate, today(due.tz ?? '')),
    /** The latest slot at or before `at`, the week it falls in, and the next slot after `at`. */
    slot: (due: DueNudge) => slotTimes(`${due.nudgeDay}|${due.nudgeMinute}|${due.tz ?? ''}`),
  };
}

function memoize<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}

/** The week a re-nudge asks about: the snoozed nudge's; for a snooze stored without it, the week before the Monday. */
function snoozedWeekOf(due: DueNudge): string {
  return due.snoozedWeek ?? isoWeekBefore(due.dueAt, due.tz);
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

/** "Nothing this week": the week counts as answered for the streak. */
export async function answerNothingThisWeek(deps: Deps, userId: string, week: string): Promise<void> {
  if (!(await wasNudged(deps, userId, week))) throw new WeekNotNudgedError(userId, week);
  await deps.repos.nudges.answerNothing(userId, week);
}

/**
 * "Snooze to Monday": one re-nudge next Monday at the user's nudge time, about the week of
 * the nudge that was pressed (an older one too).
 */
export async function snoozeToMonday(deps: Deps, userId: string, week: string): Promise<{ date: string; minuteOfDay: number }> {
  const state = await deps.repos.nudges.state(userId);
  if (!state || !(await wasNudged(deps, userId, week))) throw new WeekNotNudgedError(userId, week);
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

export type PauseResult = Result<{ until: string }, 'pausedUntil'>;

/** "Pause nudges until DATE": nothing is sent up to and including that day. */
export async function pauseNudges(deps: Deps, userId: string, until: string | null): Promise<PauseResult> {
  const state = await deps.repos.nudges.state(userId);
  if (!state) throw new NotOnboardedError(userId);
  const error = checkPauseDate(until, localDate(deps.clock(), state.tz));
  if (error || !until) return invalid({ pausedUntil: error ?? 'Pick a date from the calendar.' });
  await saveSchedule(deps, userId, state, { nudgesPausedUntil: until });
  return ok({ until });
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

export type NudgeSettingsResult = Result<void, keyof NudgeSettingsForm>;

/** The nudge settings modal: day, time and an optional pause, rescheduling the next nudge. */
export async function saveNudgeSettings(deps: Deps, userId: string, form: NudgeSettingsForm): Promise<NudgeSettingsResult> {
  const state = await deps.repos.nudges.state(userId);
  if (!state) throw new NotOnboardedError(userId);
  if (form.pausedUntil !== null) {
    const error = checkPauseDate(form.pausedUntil, localDate(deps.clock(), state.tz));
    if (error) return invalid({ pausedUntil: error });
  }
  await saveSchedule(deps, userId, state, {
    nudgeDay: form.nudgeDay,
    nudgeMinute: form.nudgeMinute,
    nudgesPausedUntil: form.pausedUntil,
  });
  return ok(undefined);
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
