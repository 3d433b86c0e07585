// Opening the after-the-meeting modals from anywhere (a command, Home, a DM button, prep's
// follow-up): each asks one use case, renders one view, makes one Slack call. A request the
// use case refuses (not onboarded, not yours) shows its message instead, and is logged.
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { checkInForm } from '../../use-cases/checkins.js';
import type { Deps } from '../../use-cases/deps.js';
import { outcomeForm } from '../../use-cases/outcomes.js';
import { openPlanBuilder } from '../../use-cases/plans.js';
import { encodeMetadata, type HedgeMetadata } from '../metadata.js';
import { messageFor } from '../respond.js';
import { checkInModal } from '../views/checkin-modal.js';
import { hedgeInputModal } from '../views/hedge-modal.js';
import { planCriteriaModal, planNoticeModal, planOverviewModal } from '../views/plan-modals.js';
import { outcomeModal } from '../views/plan-outcome.js';

/** Where a modal goes: a new one (trigger), or in place of the open one (view id). */
export type ModalTarget = { triggerId: string } | { viewId: string };

async function show(client: WebClient, target: ModalTarget, view: ModalView): Promise<void> {
  if ('viewId' in target) await client.views.update({ view_id: target.viewId, view });
  else await client.views.open({ trigger_id: target.triggerId, view });
}

/** Builds the view; a named refusal becomes a short note in the modal's place, and a log line. */
export async function showOrRefuse(deps: Deps, client: WebClient, target: ModalTarget, userId: string, build: () => Promise<ModalView>): Promise<void> {
  let view: ModalView;
  try {
    view = await build();
  } catch (error) {
    const message = messageFor(error);
    if (!message) throw error;
    deps.logger.warn({ userId, error: (error as Error).name }, 'plan flow request refused');
    view = planNoticeModal(message);
  }
  await show(client, target, view);
}

export interface OpenHedgeModalArgs {
  triggerId: string;
  userId: string;
  /** Prep's meeting, when the answer is for a meeting it prepared. */
  meetingId?: string;
  /** Text to start with (what followed `/promo hedge`, or prep's follow-up answer). */
  text?: string;
}

/** "What did your manager say?" — for `/promo hedge`, the Home button and prep's day-after follow-up. */
export async function openHedgeModal(_deps: Deps, client: WebClient, args: OpenHedgeModalArgs): Promise<void> {
  const metadata: HedgeMetadata = args.meetingId ? { meetingId: args.meetingId } : {};
  await client.views.open({
    trigger_id: args.triggerId,
    view: hedgeInputModal({ privateMetadata: encodeMetadata(metadata), ...(args.text ? { initialText: args.text } : {}) }),
  });
}

/** The plan builder at its first step (a resumed draft too), or the running plan's overview. */
export async function openPlan(deps: Deps, client: WebClient, target: ModalTarget, userId: string, meetingId?: string): Promise<void> {
  await showOrRefuse(deps, client, target, userId, async () => {
    const opened = await openPlanBuilder(deps, userId, meetingId ? { meetingId } : {});
    if (opened.mode === 'open') return planOverviewModal(opened.data);
    return planCriteriaModal(opened.data, encodeMetadata({ planId: opened.data.planId, step: 'criteria' }));
  });
}

/** The check-in modal: the DM's check-in by id, or this month's from Home or `/promo checkin`. */
export async function openCheckIn(deps: Deps, client: WebClient, target: ModalTarget, userId: string, checkInId?: string): Promise<void> {
  await showOrRefuse(deps, client, target, userId, async () => {
    const form = await checkInForm(deps, userId, checkInId);
    if (!form) return planNoticeModal('There is no plan running yet. Record what your manager said from my Home tab, then build the plan: check-ins follow it.', 'Plan check-in');
    return checkInModal(form, encodeMetadata({ checkInId: form.checkInId }));
  });
}

export async function openOutcome(deps: Deps, client: WebClient, triggerId: string, userId: string, planId: string, preselect: 'promoted' | 'not_this_time'): Promise<void> {
  await showOrRefuse(deps, client, { triggerId }, userId, async () => outcomeModal(await outcomeForm(deps, userId, planId), encodeMetadata({ planId }), preselect));
}
