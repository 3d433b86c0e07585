// What the Home tab shows a user, gathered from the profile, the ladder and the coach.
import { checkTiming } from '../coach/timing.js';
import { findLevel } from '../ladder/index.js';
import { localDate } from '../schedule/weekly.js';
import type { HomeArgs } from '../slack/views/home.js';
import type { Deps } from './deps.js';

export async function homeFor(deps: Deps, userId: string): Promise<HomeArgs> {
  const [user, profile] = await Promise.all([deps.repos.users.find(userId), deps.repos.users.findProfile(userId)]);
  if (!profile) return {};
  const cycle = await deps.repos.settings.findCycle(profile.targetCycle);
  const today = localDate(deps.clock(), user?.tz);
  const timing = cycle && cycle.calibrationDate > today ? checkTiming({ today, calibration: cycle.calibrationDate }) : null;
  return {
    dashboard: {
      currentLevelName: findLevel(deps.ladder, profile.currentLevel)?.name ?? profile.currentLevel,
      targetLevelName: findLevel(deps.ladder, profile.targetLevel)?.name ?? profile.targetLevel,
      targetCycle: profile.targetCycle,
      calibrationDate: cycle?.calibrationDate ?? null,
      timing,
      nudgeDay: profile.nudgeDay,
      nudgeMinute: profile.nudgeMinute,
      nudgesPausedUntil: profile.nudgesPausedUntil,
    },
  };
}
