// Onboarding and profile changes: who the engineer is, what they are going for, when
// they want their weekly nudge.
import { findLevel, isAbove } from '../ladder/index.js';
import type { ProfileRecord } from '../db/index.js';
import { isValidZone, nextWeeklyOccurrence } from '../schedule/weekly.js';
import type { Deps } from './deps.js';

export interface ProfileForm {
  currentLevel: string;
  targetLevel: string;
  managerId: string | null;
  targetCycle: string;
  nudgeDay: number;
  nudgeMinute: number;
}

export type ProfileField = keyof ProfileForm;

/** What is wrong with a submitted profile, by field; empty when it can be saved. */
export async function validateProfile(
  deps: Pick<Deps, 'ladder' | 'repos'>,
  userId: string,
  form: ProfileForm,
): Promise<Partial<Record<ProfileField, string>>> {
  const errors: Partial<Record<ProfileField, string>> = {};
  if (!findLevel(deps.ladder, form.currentLevel)) errors.currentLevel = 'Pick a level from the list.';
  if (!findLevel(deps.ladder, form.targetLevel)) errors.targetLevel = 'Pick a level from the list.';
  else if (!errors.currentLevel && !isAbove(deps.ladder, form.targetLevel, form.currentLevel)) {
    errors.targetLevel = 'Your target needs to be above the level you are at today.';
  }
  if (!form.managerId) errors.managerId = 'Choose your manager, so a plan can be shared with them later.';
  else if (form.managerId === userId) errors.managerId = 'Choose your manager, not yourself.';
  if (!(await deps.repos.settings.findCycle(form.targetCycle))) errors.targetCycle = 'Pick a cycle from the list.';
  return errors;
}

/**
 * Saves the profile with the time zone from the user's Slack profile, and schedules
 * their first weekly nudge. Slack being slow or down does not lose the answers: the
 * zone we already knew (or UTC) is used and refreshed on the next Home visit.
 */
export async function saveProfile(deps: Deps, userId: string, form: ProfileForm): Promise<ProfileRecord> {
  let tz: string | null = null;
  try {
    tz = await deps.slack.userTimeZone(userId);
  } catch (error) {
    deps.logger.warn({ err: error, userId }, 'users.info failed; keeping the stored time zone');
  }
  const known = tz ?? (await deps.repos.users.find(userId))?.tz ?? null;
  return deps.repos.users.saveProfile(userId, known, {
    currentLevel: form.currentLevel,
    targetLevel: form.targetLevel,
    managerId: form.managerId ?? '',
    targetCycle: form.targetCycle,
    nudgeDay: form.nudgeDay,
    nudgeMinute: form.nudgeMinute,
    nextNudgeAt: nextWeeklyOccurrence(
      { isoWeekday: form.nudgeDay, minuteOfDay: form.nudgeMinute, tz: isValidZone(known) ? known : 'UTC' },
      deps.clock(),
    ),
  });
}

/** Refreshes the user's zone from Slack; reschedules their nudge if it changed. */
export async function syncTimeZone(deps: Deps, userId: string): Promise<void> {
  const tz = await deps.slack.userTimeZone(userId);
  const before = await deps.repos.users.find(userId);
  await deps.repos.users.upsert({ id: userId, tz });
  if (!tz || before?.tz === tz) return;
  const profile = await deps.repos.users.findProfile(userId);
  if (!profile) return;
  await deps.repos.users.setNextNudgeAt(
    userId,
    nextWeeklyOccurrence({ isoWeekday: profile.nudgeDay, minuteOfDay: profile.nudgeMinute, tz }, deps.clock()),
  );
}

/** What the profile modal starts with: the saved profile, or the org's defaults. */
export async function profileFormFor(deps: Pick<Deps, 'repos' | 'ladder'>, userId: string) {
  const [profile, settings, cycles] = await Promise.all([
    deps.repos.users.findProfile(userId),
    deps.repos.settings.get(),
    deps.repos.settings.listCycles(),
  ]);
  return {
    ladder: deps.ladder,
    cycles,
    editing: profile !== null,
    initial: {
      currentLevel: profile?.currentLevel,
      targetLevel: profile?.targetLevel,
      managerId: profile?.managerId || undefined,
      targetCycle: profile?.targetCycle,
      nudgeDay: profile?.nudgeDay ?? settings.defaultNudgeDay,
      nudgeMinute: profile?.nudgeMinute ?? settings.defaultNudgeMinute,
    },
  };
}
