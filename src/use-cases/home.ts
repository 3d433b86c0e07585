// What the Home tab shows a user, gathered from the profile, the ladder, their wins and the coach.
import { DateTime } from 'luxon';
import { checkTiming, type TimingResult } from '../coach/timing.js';
import { findLevel } from '../ladder/index.js';
import { isValidZone, localDate } from '../schedule/weekly.js';
import { needsNextCycle } from './cycles.js';
import type { Deps } from './deps.js';
import { prepStatusFor, type PrepStatus } from './prep.js';
import { recentWins, winsSummary, type WinItem, type WinsSummary } from './wins.js';
import { currentPlan, type PlanData } from './plans.js';

export type { WinsSummary };

/** Everything the Home tab shows; the view turns it into blocks. */
export interface HomeArgs {
  /** Absent until the user has onboarded. */
  dashboard?: {
    currentLevelName: string;
    targetLevelName: string;
    targetCycle: string;
    calibrationDate: string | null;
    /** Calibration for the target cycle has met (or the cycle is gone): time to pick the next one. */
    cyclePassed: boolean;
    /** Null once the cycle has passed. */
    timing: TimingResult | null;
    nudgeDay: number;
    nudgeMinute: number;
    /** Set only while a pause is in force (today or later). */
    nudgesPausedUntil: string | null;
    /** The next nudge on the user's wall clock, e.g. "Friday 27 Nov, 15:00". */
    nextNudge: string | null;
    wins: WinsSummary;
    recentWins: WinItem[];
    /** The open plan (a draft, running, or waiting for its calibration outcome); null before there is one. */
    plan?: PlanData | null;
    /** The career conversation: a prep underway, the next meeting, or nothing yet. */
    prep?: PrepStatus;
  };
}

// The dashboard shows the latest few; "My wins" opens the longer list.
export const HOME_RECENT_WINS = 5;

export async function homeFor(deps: Deps, userId: string): Promise<HomeArgs> {
  const [user, profile] = await Promise.all([deps.repos.users.find(userId), deps.repos.users.findProfile(userId)]);
  if (!profile) return {};
  const tz = user?.tz ?? null;
  const [cycle, summary, recent, plan, prep] = await Promise.all([
    deps.repos.settings.findCycle(profile.targetCycle),
    winsSummary(deps, userId, profile.targetLevel, tz),
    recentWins(deps, userId, HOME_RECENT_WINS),
    currentPlan(deps, userId),
    prepStatusFor(deps, userId),
  ]);
  const today = localDate(deps.clock(), tz);
  const calibrationDate = cycle?.calibrationDate ?? null;
  // Once calibration has met there is nothing to count down to: Home asks for the next cycle.
  const cyclePassed = needsNextCycle(calibrationDate, today);
  const timing = calibrationDate && !cyclePassed ? checkTiming({ today, calibration: calibrationDate }) : null;
  // A pause that ended before today is over, whether or not anything has cleared it yet.
  const pausedUntil = profile.nudgesPausedUntil && profile.nudgesPausedUntil >= today ? profile.nudgesPausedUntil : null;
  return {
    dashboard: {
      currentLevelName: findLevel(deps.ladder, profile.currentLevel)?.name ?? profile.currentLevel,
      targetLevelName: findLevel(deps.ladder, profile.targetLevel)?.name ?? profile.targetLevel,
      targetCycle: profile.targetCycle,
      calibrationDate,
      cyclePassed,
      timing,
      nudgeDay: profile.nudgeDay,
      nudgeMinute: profile.nudgeMinute,
      nudgesPausedUntil: pausedUntil,
      nextNudge: profile.nextNudgeAt ? formatLocalInstant(profile.nextNudgeAt, tz) : null,
      wins: summary,
      recentWins: recent,
      plan,
      prep,
    },
  };
}

/**
 * The Home to publish, with the hash of the one Slack shows now (as far as we know: null
 * before the first publish). The hash is read before the data: a publish that Slack lets
 * through under it then carries data at least as new as the Home it replaces.
 */
export async function homeToPublish(deps: Deps, userId: string): Promise<{ home: HomeArgs; shownHash: string | null }> {
  const shownHash = await deps.repos.users.homeHash(userId);
  return { home: await homeFor(deps, userId), shownHash };
}

/** Keeps the hash Slack gave the Home just published, for the next publish to name. */
export async function homePublished(deps: Deps, userId: string, hash: string, publishedOver: string | null): Promise<void> {
  await deps.repos.users.setHomeHash(userId, hash, publishedOver);
}

/** An instant on the user's wall clock, e.g. "Friday 27 Nov, 15:00". */
export function formatLocalInstant(at: Date, tz: string | null): string {
  return DateTime.fromJSDate(at, { zone: isValidZone(tz) ? tz : 'UTC' }).setLocale('en-GB').toFormat('cccc d LLL, HH:mm');
}
