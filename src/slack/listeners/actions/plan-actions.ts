// Buttons of the after-the-meeting flow: the hedge result, the plan (Home, overview, the
// shared post), check-ins and the outcome. Every one re-checks in its use case that the
// person pressing may act on that plan; a refusal is logged and shown only to them.
import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { acknowledgeCheckIn } from '../../../use-cases/checkins.js';
import type { Deps } from '../../../use-cases/deps.js';
import { correctHedgeKind, isHedgeKind } from '../../../use-cases/hedge.js';
import { confirmPlan, planForEdit, sharePlan } from '../../../use-cases/plans.js';
import { CHECKIN_ACTIONS, HEDGE_ACTIONS, OUTCOME_ACTIONS, PLAN_ACTIONS } from '../../ids.js';
import { encodeMetadata, parseHedgeMetadata } from '../../metadata.js';
import { messageFor } from '../../respond.js';
import { hedgeResultModal } from '../../views/hedge-modal.js';
import { planEditModal, planNoticeModal } from '../../views/plan-modals.js';
import { planMessages } from '../../views/plan-messages.js';
import { openCheckIn, openHedgeModal, openOutcome, openPlan, showOrRefuse, type ModalTarget } from '../open-plan-modals.js';
import { refreshHome } from '../refresh-home.js';

/** In place of the modal the button sits in, else a new modal. */
function targetOf(body: BlockAction): ModalTarget {
  return body.view?.type === 'modal' ? { viewId: body.view.id } : { triggerId: body.trigger_id };
}

/**
 * A button in a shared conversation that this person may not press (or with a forged id):
 * nothing changes, a log line says who tried what, and only they see a polite note.
 */
async function refuseInChannel(deps: Deps, client: WebClient, body: BlockAction, value: string | undefined, error: unknown): Promise<void> {
  const message = messageFor(error);
  if (!message) throw error;
  deps.logger.warn({ userId: body.user.id, action: body.actions[0]?.action_id, value, error: (error as Error).name }, 'plan action refused');
  const channel = body.channel?.id;
  if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: message });
}

export function registerPlanActions(app: App, deps: Deps) {
  app.action<BlockAction<ButtonAction>>(HEDGE_ACTIONS.homeRecord, async ({ ack, body, client }) => {
    await ack();
    await openHedgeModal(deps, client, { triggerId: body.trigger_id, userId: body.user.id });
  });

  app.action<BlockAction<StaticSelectAction>>(HEDGE_ACTIONS.correctKind, async ({ ack, body, action, client }) => {
    await ack();
    const kind = action.selected_option.value;
    const { meetingId } = parseHedgeMetadata(body.view?.private_metadata);
    if (!isHedgeKind(kind) || !meetingId || !body.view) return;
    await showOrRefuse(deps, client, { viewId: body.view.id }, body.user.id, async () =>
      hedgeResultModal({ outcome: await correctHedgeKind(deps, body.user.id, meetingId, kind), privateMetadata: encodeMetadata({ meetingId }) }),
    );
  });

  app.action<BlockAction<ButtonAction>>(HEDGE_ACTIONS.buildPlan, async ({ ack, body, action, client }) => {
    await ack();
    await openPlan(deps, client, targetOf(body), body.user.id, action.value);
  });

  app.action<BlockAction<ButtonAction>>(PLAN_ACTIONS.homeOpen, async ({ ack, body, client }) => {
    await ack();
    await openPlan(deps, client, { triggerId: body.trigger_id }, body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(PLAN_ACTIONS.share, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    await showOrRefuse(deps, client, targetOf(body), userId, async () => {
      const shared = await sharePlan(deps, userId, action.value ?? '', planMessages);
      const where = shared.kind === 'private_channel' ? `<#${shared.channelId}>, a private channel for the two of you` : 'a group DM with the two of you';
      return planNoticeModal(`*Shared.* Your plan is in ${where}. Your manager can confirm it or suggest changes there; I will let you know when they do. Your wins and notes stay private.`);
    });
    await refreshHome(deps, client, userId);
  });

  app.action<BlockAction<ButtonAction>>(PLAN_ACTIONS.edit, async ({ ack, body, action, client }) => {
    await ack();
    const planId = action.value ?? '';
    await showOrRefuse(deps, client, targetOf(body), body.user.id, async () =>
      planEditModal(await planForEdit(deps, body.user.id, planId, 'engineer'), encodeMetadata({ planId, role: 'engineer' }), 'engineer'),
    );
  });

  app.action<BlockAction<ButtonAction>>(PLAN_ACTIONS.confirm, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const { engineerId } = await confirmPlan(deps, body.user.id, action.value ?? '', planMessages);
      await refreshHome(deps, client, engineerId);
    } catch (error) {
      await refuseInChannel(deps, client, body, action.value, error);
    }
  });

  app.action<BlockAction<ButtonAction>>(PLAN_ACTIONS.suggestChanges, async ({ ack, body, action, client }) => {
    await ack();
    const planId = action.value ?? '';
    try {
      const data = await planForEdit(deps, body.user.id, planId, 'manager');
      await client.views.open({ trigger_id: body.trigger_id, view: planEditModal(data, encodeMetadata({ planId, role: 'manager' }), 'manager') });
    } catch (error) {
      await refuseInChannel(deps, client, body, planId, error);
    }
  });

  app.action<BlockAction<ButtonAction>>(CHECKIN_ACTIONS.open, async ({ ack, body, action, client }) => {
    await ack();
    await openCheckIn(deps, client, { triggerId: body.trigger_id }, body.user.id, action.value ?? '');
  });

  app.action<BlockAction<ButtonAction>>(CHECKIN_ACTIONS.homeOpen, async ({ ack, body, client }) => {
    await ack();
    await openCheckIn(deps, client, targetOf(body), body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(CHECKIN_ACTIONS.acknowledge, async ({ ack, body, action, client }) => {
    await ack();
    try {
      await acknowledgeCheckIn(deps, body.user.id, action.value ?? '', planMessages);
    } catch (error) {
      await refuseInChannel(deps, client, body, action.value, error);
    }
  });

  app.action<BlockAction<ButtonAction>>(OUTCOME_ACTIONS.promoted, async ({ ack, body, action, client }) => {
    await ack();
    await openOutcome(deps, client, body.trigger_id, body.user.id, action.value ?? '', 'promoted');
  });

  app.action<BlockAction<ButtonAction>>(OUTCOME_ACTIONS.notThisTime, async ({ ack, body, action, client }) => {
    await ack();
    await openOutcome(deps, client, body.trigger_id, body.user.id, action.value ?? '', 'not_this_time');
  });
}
