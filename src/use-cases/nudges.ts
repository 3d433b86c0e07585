// Weekly win nudges: the tick that sends every due nudge exactly once (on any number of
// replicas, after any outage), and the controls on the nudge itself.
import pLimit from 'p-limit';
import type { DeliveryKind, DueCursor, DueNudge, NudgeState } from '../db/index.js';
import {
  addDays,
  isoWeekBefore,
  isoWeekOf,
  isValidZone,
  localDate,
  nextWeeklyOccurrence,
  startOfDayAfter,
  type WeeklySlot,
} from '../schedule/weekly.js';
import { nudgeMessage, type SlackMessageView } from '../slack/views/nudge.js';
import type { Deps } from './deps.js';

/** A nudge found more than this late (an outage) is skipped: a Friday nudge on Sunday night helps nobody. */
export const LATE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** A claim unsent after this long is from a process that died mid-send: it may be claimed again. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;
/** Tries per message (Slack errors, crashes) before a week's nudge is given up. */
export const MAX_ATTEMPTS = 3;
/** Pause at most about six months ahead: longer than that is leaving, not a holiday. */
export const MAX_PAUSE_DAYS = 183;

/**
 * Slack calls in flight at once. Every nudge goes to a different DM channel, so the
 * per-channel limit never bites; the workspace-wide cap answers 429 and the WebClient
 * waits out Retry-After for the whole queue.
 */
export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_PAGE_SIZE = 500;

export interface TickOptions {
  /** Users read per query; one page is all a tick holds in memory. */
  pageSize?: number;
  /** Slack calls in flight at once; the WebClient also waits out any 429 Retry-After. */
  concurrency?: number;
}

type Outcome = 'sent' | 'already_sent' | 'in_flight' | 'failed' | 'late' | 'paused' | 'answered' | 'error';

/** How many users ended each way, e.g. { weekly_sent: 9998, weekly_late: 2, reNudge_sent: 40 }. */
export type TickResult = Record<string, number>;

/** One tick: every weekly nudge and every "Snooze to Monday" re-nudge due at `at`. */
export async function sendDueNudges(deps: Deps, at: Date, options: TickOptions = {}): Promise<TickResult> {
  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const counts: TickResult = { weekly_sent: 0, reNudge_sent: 0 };
  const count = (prefix: string) => (outcome: Outcome) => {
    counts[`${prefix}_${outcome}`] = (counts[`${prefix}_${outcome}`] ?? 0) + 1;
  };
  await forEachDue(deps, limit, (after) => deps.repos.nudges.dueWeeklyPage(at, after, pageSize), (due) => weeklyNudge(deps, due, at), count('weekly'));
  await forEachDue(deps, limit, (after) => deps.repos.nudges.dueSnoozePage(at, after, pageSize), (due) => snoozeReNudge(deps, due, at), count('reNudge'));
  return counts;
}

/** Walks the due users page by page, handling each page with bounded concurrency. */
async function forEachDue(
  deps: Deps,
  limit: ReturnType<typeof pLimit>,
  page: (after: DueCursor | undefined) => Promise<DueNudge[]>,
  handle: (due: DueNudge) => Promise<Outcome>,
  record: (outcome: Outcome) => void,
): Promise<void> {
  let cursor: DueCursor | undefined;
  for (;;) {
    const rows = await page(cursor);
    if (rows.length === 0) return;
    const outcomes = await Promise.all(
      rows.map((due) =>
        limit(() =>
          handle(due).catch((err: unknown) => {
            // One user's database hiccup must not stop everyone else's nudge; the next tick retries.
            deps.logger.error({ err, userId: due.userId }, 'nudge handling failed');
            return 'error' as const;
          }),
        ),
      ),
    );
    outcomes.forEach(record);
    const last = rows[rows.length - 1] as DueNudge;
    // Handled rows have moved past `at` anyway; the cursor also steps over the ones that stay due.
    cursor = { dueAt: last.dueAt, userId: last.userId };
  }
}

async function weeklyNudge(deps: Deps, due: DueNudge, at: Date): Promise<Outcome> {
  const slot = slotOf(due);
  if (isPaused(due.nudgesPausedUntil, due.tz, at)) {
    await deps.repos.nudges.advanceWeekly(due.userId, due.dueAt, firstSlotAfterPause(slot, due.nudgesPausedUntil as string, at));
    return 'paused';
  }
  const next = nextWeeklyOccurrence(slot, at);
  if (at.getTime() - due.dueAt.getTime() > LATE_LIMIT_MS) {
    deps.logger.info({ userId: due.userId, dueAt: due.dueAt.toISOString() }, 'weekly nudge too late to send; skipped');
    await deps.repos.nudges.advanceWeekly(due.userId, due.dueAt, next);
    return 'late';
  }
  const week = isoWeekOf(due.dueAt, due.tz);
  const outcome = await deliverOnce(deps, due, 'weekly_nudge', week, at, nudgeMessage({ week }));
  // Only a settled week moves on: an unsent claim or a retryable failure keeps the user due.
  if (outcome === 'sent' || outcome === 'already_sent') await deps.repos.nudges.advanceWeekly(due.userId, due.dueAt, next);
  return outcome;
}

async function snoozeReNudge(deps: Deps, due: DueNudge, at: Date): Promise<Outcome> {
  // The re-nudge always lands on a Monday, so the week it asks about is the one before.
  const week = isoWeekBefore(due.dueAt, due.tz);
  let outcome: Outcome;
  if (isPaused(due.nudgesPausedUntil, due.tz, at)) outcome = 'paused';
  else if (at.getTime() - due.dueAt.getTime() > LATE_LIMIT_MS) outcome = 'late';
  else if (await deps.repos.nudges.weekAnswer(due.userId, week)) outcome = 'answered';
  else outcome = await deliverOnce(deps, due, 'snooze_nudge', week, at, nudgeMessage({ week, reNudge: true }));
  if (outcome !== 'in_flight' && outcome !== 'failed') await deps.repos.nudges.clearSnooze(due.userId, due.dueAt);
  return outcome;
}

/**
 * Sends one message at most once per (user, kind, period), whichever replica gets there
 * first: the delivery row is claimed before the Slack call and marked after it.
 */
async function deliverOnce(
  deps: Deps,
  { userId, dmChannelId }: DueNudge,
  kind: DeliveryKind,
  period: string,
  at: Date,
  message: SlackMessageView,
): Promise<Outcome> {
  const claim = await deps.repos.deliveries.claim(userId, kind, period, { now: at, leaseMs: CLAIM_LEASE_MS, maxAttempts: MAX_ATTEMPTS });
  if (!claim) {
    const existing = await deps.repos.deliveries.find(userId, kind, period);
    // Someone else is sending it (or died doing so: their lease runs out and a later tick retries).
    if (existing?.status === 'claimed') return 'in_flight';
    // Sent, or failed MAX_ATTEMPTS times: either way this period is settled.
    return 'already_sent';
  }
  let sent: { channelId: string; ts: string | undefined };
  try {
    sent = await deps.slack.postDm(userId, message, dmChannelId);
  } catch (err) {
    const code = slackErrorCode(err);
    // A cached DM channel Slack no longer knows would fail every retry the same way.
    if (code === 'channel_not_found' || code === 'is_archived') await deps.repos.nudges.forgetDmChannel(userId);
    await deps.repos.deliveries.markFailed(claim.id, code ?? 'send failed');
    const givenUp = claim.attempts >= MAX_ATTEMPTS;
    deps.logger.warn({ userId, kind, period, code, attempts: claim.attempts, givenUp }, 'nudge not delivered');
    return givenUp ? 'already_sent' : 'failed';
  }
  await deps.repos.deliveries.markSent(claim.id, { channelId: sent.channelId, messageTs: sent.ts, at });
  deps.logger.debug({ userId, kind, period }, 'nudge sent');
  return 'sent';
}

function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
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

/** "Snooze to Monday": one re-nudge next Monday at the user's nudge time. Null for a week we never asked about. */
export async function snoozeToMonday(
  deps: Deps,
  userId: string,
  week: string,
): Promise<{ date: string; minuteOfDay: number } | null> {
  const state = await deps.repos.nudges.state(userId);
  if (!state || !(await wasNudged(deps, userId, week))) return null;
  const slot = { ...slotOf(state), isoWeekday: 1 };
  const at = nextWeeklyOccurrence(slot, deps.clock());
  await deps.repos.nudges.snooze(userId, at);
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

/** What the nudge settings modal starts with; null before onboarding. */
export async function nudgeSettingsFor(deps: Deps, userId: string): Promise<NudgeState | null> {
  return deps.repos.nudges.state(userId);
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
