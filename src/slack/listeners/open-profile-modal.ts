import type { WebClient } from '@slack/web-api';
import { profileFormFor } from '../../use-cases/profile.js';
import type { Deps } from '../../use-cases/deps.js';
import { onboardingModal } from '../views/onboarding.js';

/** Onboarding and "edit profile" are one modal; the command, Home and settings all open it. */
export async function openProfileModal(deps: Deps, client: WebClient, triggerId: string, userId: string) {
  const form = await profileFormFor(deps, userId);
  await client.views.open({
    trigger_id: triggerId,
    // Nothing to carry: whether it is a first onboarding or an edit is read from the database on submit.
    view: onboardingModal({ ...form, privateMetadata: '' }),
  });
}
