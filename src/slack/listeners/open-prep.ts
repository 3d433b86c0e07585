import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../use-cases/deps.js';
import { openPrep } from '../../use-cases/prep.js';
import { isOnboarded } from '../../use-cases/wins.js';
import { refusalMessage } from '../respond.js';
import { prepLoadingModal, prepNoticeModal, prepStepModal } from '../views/prep.js';
import { openProfileModal } from './open-profile-modal.js';

/**
 * `/promo prep`, Home's button and the help's: the prep where the user left it, or a new
 * one. The trigger lasts 3 seconds, so a light modal opens first and the prep replaces it
 * (views.update with the view's hash, so a newer view is never overwritten). A user with
 * no profile gets onboarding first, and lands in the prep when they save it.
 */
export async function openPrepModal(deps: Deps, client: WebClient, triggerId: string, userId: string): Promise<void> {
  if (!(await isOnboarded(deps, userId))) {
    await openProfileModal(deps, client, triggerId, userId, { then: 'prep' });
    return;
  }
  const opened = await client.views.open({ trigger_id: triggerId, view: prepLoadingModal() });
  const viewId = opened.view?.id;
  if (!viewId) return;
  const view = await prepView(deps, userId);
  await client.views.update({ view_id: viewId, ...(opened.view?.hash ? { hash: opened.view.hash } : {}), view });
}

/** The prep's current step, or a short note when it cannot open. */
export async function prepView(deps: Deps, userId: string): Promise<ModalView> {
  try {
    return prepStepModal(await openPrep(deps, userId));
  } catch (error) {
    return prepNoticeModal(refusalMessage(deps, error, userId, 'opening the prep'));
  }
}
