// An onboarded engineer, written straight to the database the way saveProfile would
// (the onboarding flow itself has its own end-to-end tests).
import { nextWeeklyOccurrence } from '../../src/schedule/weekly.js';
import type { TestApp } from './app-harness.js';

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
