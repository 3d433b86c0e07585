import type { WebClient } from '@slack/web-api';
import { profileFormFor } from '../../use-cases/profile.js';
import type { Deps } from '../../use-cases/deps.js';
import { encodeMetadata, type ProfileModalMetadata } from '../metadata.js';
import { onboardingModal } from '../views/onboarding.js';

/** Onboarding and "edit profile" are one modal; the command, Home and settings all open it. */
export async function openProfileModal(deps: Deps, client: WebClient, triggerId: string, userId: string, then: ProfileModalMetadata = {}) {
  const form = await profileFormFor(deps, userId);
  await client.views.open({
    trigger_id: triggerId,
    // Whether it is a first onboarding or an edit is read from the database on submit; only
    // where to go next (the prep it was opened on the way to) travels with the modal.
    view: onboardingModal({ ...form, privateMetadata: then.then ? encodeMetadata(then) : '' }),
  });
}
