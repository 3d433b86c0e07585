// An onboarded engineer, written straight to the database the way saveProfile would
// (the onboarding flow itself has its own end-to-end tests).
import { nextWeeklyOccurrence } from '../../src/schedule/weekly.js';
import { ONBOARDING } from '../../src/slack/ids.js';
import type { TestApp } from './app-harness.js';
import { state, type StateValues } from './slack-requests.js';

export interface OnboardOptions {
  tz?: string;
  /** When the first nudge is scheduled from; default: the app's clock. */
  now?: Date;
  day?: number;
  minute?: number;
  pausedUntil?: string;
}

export async function onboardUser(app: TestApp, userId: string, options: OnboardOptions = {}) {
  const tz = options.tz ?? 'America/New_York';
  const nudgeDay = options.day ?? 5;
  const nudgeMinute = options.minute ?? 900;
  app.fake.setUser(userId, { tz });
  const profile = await app.coach.deps.repos.users.saveProfile(userId, tz, {
    currentLevel: 'senior',
    targetLevel: 'staff',
    managerId: 'UMANAGER',
    targetCycle: '2027 H2',
    nudgeDay,
    nudgeMinute,
    nextNudgeAt: nextWeeklyOccurrence(
      { isoWeekday: nudgeDay, minuteOfDay: nudgeMinute, tz },
      options.now ?? app.coach.deps.clock(),
    ),
  });
  if (options.pausedUntil) {
    await app.coach.database.prisma.profile.update({ where: { userId }, data: { nudgesPausedUntil: options.pausedUntil } });
  }
  return profile;
}

export interface ProfileFormOverrides {
  currentLevel?: string | null;
  targetLevel?: string | null;
  manager?: string | null;
  cycle?: string | null;
  day?: string | null;
  time?: string | null;
}

/** The onboarding modal's state values, as Slack sends them on submission. */
export function profileFormValues(overrides: ProfileFormOverrides = {}): StateValues {
  const v = { currentLevel: 'senior', targetLevel: 'staff', manager: 'UMANAGER', cycle: '2027 H2', day: '5', time: '15:00', ...overrides };
  return {
    [ONBOARDING.currentLevelBlock]: { [ONBOARDING.currentLevelAction]: state.staticSelect(v.currentLevel ?? null) },
    [ONBOARDING.targetLevelBlock]: { [ONBOARDING.targetLevelAction]: state.staticSelect(v.targetLevel ?? null) },
    [ONBOARDING.managerBlock]: { [ONBOARDING.managerAction]: state.usersSelect(v.manager ?? null) },
    [ONBOARDING.cycleBlock]: { [ONBOARDING.cycleAction]: state.staticSelect(v.cycle ?? null) },
    [ONBOARDING.nudgeDayBlock]: { [ONBOARDING.nudgeDayAction]: state.staticSelect(v.day ?? null) },
    [ONBOARDING.nudgeTimeBlock]: { [ONBOARDING.nudgeTimeAction]: state.timepicker(v.time ?? null) },
  };
}
