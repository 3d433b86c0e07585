// The profile modal's submission, onboarding or an edit: check it, save it before the
// modal closes, then (after the ack) settle what needs Slack or may take a moment.
import type { ProfileRecord } from '../db/index.js';
import type { Deps } from './deps.js';
import { saveProfile, syncTimeZone, validateProfile, type ProfileField, type ProfileForm } from './profile.js';
import { hasErrors, invalid, ok, type Result } from './result.js';
import { fileKeptWins, isOnboarded, type WinItem } from './wins.js';

export interface Submitted {
  profile: ProfileRecord;
  /** False on a first onboarding, true when an existing profile was changed. */
  edited: boolean;
}

export async function submitProfile(deps: Deps, userId: string, form: ProfileForm): Promise<Result<Submitted, ProfileField>> {
  const errors = await validateProfile(deps, userId, form);
  if (hasErrors(errors)) return invalid(errors);
  const edited = await isOnboarded(deps, userId);
  const profile = await saveProfile(deps, userId, form);
  deps.logger.info({ userId, edited }, edited ? 'profile updated' : 'user onboarded');
  return ok({ profile, edited });
}

/**
 * After the modal closed: the time zone from the user's Slack profile (the nudge moves if
 * it changed), and the wins they sent before onboarding, filed now. Slack being slow or
 * down loses nothing: the zone is refreshed again on the next Home visit.
 */
export async function settleProfile(deps: Deps, userId: string): Promise<{ filedWins: WinItem[] }> {
  await syncTimeZone(deps, userId).catch((err: unknown) =>
    deps.logger.warn({ err, userId }, 'users.info failed; keeping the stored time zone'),
  );
  return { filedWins: await fileKeptWins(deps, userId) };
}
