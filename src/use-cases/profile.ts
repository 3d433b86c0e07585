// Onboarding and profile changes: who the engineer is, what they are going for, when
// they want their weekly nudge.
import { tooLateToPrepare } from '../coach/timing.js';
import { findLevel, isAbove } from '../ladder/index.js';
import type { CycleRecord, ProfileRecord } from '../db/index.js';
import { cycleHasPassed } from '../org/cycles.js';
import { isValidZone, localDate, nextWeeklyOccurrence } from '../schedule/weekly.js';
import type { Deps } from './deps.js';
import { orgSettings } from './settings.js';

export interface ProfileForm {
  currentLevel: string;
  targetLevel: string;
  managerId: string | null;
  targetCycle: string;
  nudgeDay: number;
  nudgeMinute: number;
}

export type ProfileField = keyof ProfileForm;

/** A cycle the profile modal offers: only ones still ahead of the user. */
export interface CycleChoice {
  name: string;
  calibrationDate: string;
  /** Under the coach's four-month floor: the manager has no time to build the case. */
  tooSoon: boolean;
}

/**
 * The cycles still ahead on the user's calendar, each marked too soon or not by the
 * coach's timing rule, and the one to suggest: the first with enough time to prepare.
 */
export function cycleChoices(cycles: readonly CycleRecord[], today: string): { choices: CycleChoice[]; suggested?: string } {
  const choices = cycles
    .filter((c) => !cycleHasPassed(c.calibrationDate, today))
    .map((c) => ({
      name: c.name,
      calibrationDate: c.calibrationDate,
      tooSoon: tooLateToPrepare(today, c.calibrationDate),
    }));
  const suggested = choices.find((c) => !c.tooSoon)?.name;
  return suggested === undefined ? { choices } : { choices, suggested };
}

/** The user's own calendar date: cycles pass at their midnight, not the server's. */
async function userToday(deps: Pick<Deps, 'repos' | 'clock'>, userId: string): Promise<string> {
  return localDate(deps.clock(), (await deps.repos.users.find(userId))?.tz ?? null);
}

/** What is wrong with a submitted profile, by field; empty when it can be saved. */
export async function validateProfile(
  deps: Pick<Deps, 'ladder' | 'repos' | 'clock'>,
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
  const cycle = await deps.repos.settings.findCycle(form.targetCycle);
  if (!cycle) errors.targetCycle = 'Pick a cycle from the list.';
  else if (cycleHasPassed(cycle.calibrationDate, await userToday(deps, userId))) {
    errors.targetCycle = `The ${cycle.name} calibration is no longer ahead of you. Pick a cycle that is still to come.`;
  }
  return errors;
}

/**
 * Saves the profile and schedules the first weekly nudge, with no Slack call in the way:
 * it is written before the modal closes, so a command sent the moment after already finds
 * it. The zone is the one we know (UTC for a brand-new user); syncTimeZone refreshes it from
 * Slack right after, and reschedules the nudge if it changed.
 */
export async function saveProfile(deps: Deps, userId: string, form: ProfileForm): Promise<ProfileRecord> {
  const known = (await deps.repos.users.find(userId))?.tz ?? null;
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

/**
 * What the profile modal starts with: the saved profile, or the org's defaults. Only
 * cycles still ahead are offered; a saved cycle that has passed gives way to the suggestion.
 */
export async function profileFormFor(deps: Pick<Deps, 'repos' | 'ladder' | 'clock' | 'org' | 'logger'>, userId: string) {
  const [profile, settings, cycles, today] = await Promise.all([
    deps.repos.users.findProfile(userId),
    orgSettings(deps),
    deps.repos.settings.listCycles(),
    userToday(deps, userId),
  ]);
  const { choices, suggested } = cycleChoices(cycles, today);
  const savedCycle = choices.some((c) => c.name === profile?.targetCycle) ? profile?.targetCycle : undefined;
  return {
    ladder: deps.ladder,
    cycles: choices,
    editing: profile !== null,
    initial: {
      currentLevel: profile?.currentLevel,
      targetLevel: profile?.targetLevel,
      managerId: profile?.managerId || undefined,
      targetCycle: savedCycle ?? suggested,
      nudgeDay: profile?.nudgeDay ?? settings.defaultNudgeDay,
      nudgeMinute: profile?.nudgeMinute ?? settings.defaultNudgeMinute,
    },
  };
}
