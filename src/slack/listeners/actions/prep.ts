// The prep's buttons (Back, Start over, the cycle switch, the suggested opening), the
// meeting's (set, move, cancel), the follow-up's, and the wins search behind the case
// picker. Every draft or meeting id a button carries is checked against the user who
// pressed it by the use case; a forged one changes nothing and is logged.
import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { NotYourPrepError } from '../../../use-cases/errors.js';
import { cancelMeeting, followUpFor, meetingFormFor } from '../../../use-cases/meetings.js';
import { prepBack, searchPrepWins, startPrepOver, switchToNextCycle, useSuggestedOpening, type PrepScreen } from '../../../use-cases/prep.js';
import { PREP_ACTIONS, PREP_VIEWS } from '../../ids.js';
import { parsePrepMetadata } from '../../metadata.js';
import { refusalMessage } from '../../respond.js';
import { meetingCancelledMessage } from '../../views/prep-messages.js';
import { meetingModal, prepNoticeModal, prepStepModal, winOption } from '../../views/prep.js';
import { openPrepModal } from '../open-prep.js';
import { refreshHome } from '../refresh-home.js';
import { openHedgeModal } from '../open-plan-modals.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A button inside the prep modal: the draft it names must be the one on screen, and the user's. */
function inPrepModal(deps: Deps, change: (deps: Deps, userId: string, draftId: string, from: PrepScreen['step']) => Promise<PrepScreen>) {
  return async ({ ack, body, action, client }: ButtonArgs) => {
    await ack();
    const userId = body.user.id;
    const view = body.view;
    if (!view) return;
    const meta = parsePrepMetadata(view.private_metadata);
    let next;
    try {
      if (!meta || meta.draftId !== action.value) throw new NotYourPrepError(userId, action.value ?? '');
      next = prepStepModal(await change(deps, userId, meta.draftId, meta.step));
    } catch (error) {
      next = prepNoticeModal(refusalMessage(deps, error, userId, `prep button ${action.action_id}`));
    }
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  };
}

export function registerPrepActions(app: App, deps: Deps) {
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.open, async ({ ack, body, client }) => {
    await ack();
    await openPrepModal(deps, client, body.trigger_id, body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.back, inPrepModal(deps, prepBack));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.startOver, inPrepModal(deps, (d, u, id) => startPrepOver(d, u, id)));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.useOpening, inPrepModal(deps, (d, u, id) => useSuggestedOpening(d, u, id)));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.switchCycle, async (args) => {
    await inPrepModal(deps, (d, u, id) => switchToNextCycle(d, u, id))(args);
    await refreshHome(deps, args.client, args.body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.setMeeting, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    let view;
    try {
      view = meetingModal({ form: await meetingFormFor(deps, userId, action.value ?? ''), afterPrep: false });
    } catch (error) {
      view = prepNoticeModal(refusalMessage(deps, error, userId, 'meeting date'));
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.cancelMeeting, async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    try {
      await cancelMeeting(deps, userId, action.value ?? '');
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: refusalMessage(deps, error, userId, 'meeting cancel') });
      return;
    }
    await respond({ replace_original: true, ...meetingCancelledMessage(action.value ?? '') });
    await refreshHome(deps, client, userId);
  });

  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.answerFollowUp, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    let view;
    try {
      // What the manager said goes to the coach's hedge reading, kept on this meeting.
      const followUp = await followUpFor(deps, userId, action.value ?? '');
      await openHedgeModal(deps, client, {
        triggerId: body.trigger_id,
        userId,
        meetingId: followUp.meetingId,
        ...(followUp.managerSaid ? { text: followUp.managerSaid } : {}),
      });
      return;
    } catch (error) {
      view = prepNoticeModal(refusalMessage(deps, error, userId, 'meeting follow-up'));
    }
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  // Past 100 wins the case picker searches: Slack asks here as the user types. Only the
  // user's own wins are ever offered, whatever the request carries.
  app.options<'block_suggestion'>({ action_id: PREP_VIEWS.winsAction }, async ({ ack, body }) => {
    const wins = await searchPrepWins(deps, body.user.id, body.value ?? '');
    await ack({ options: wins.map(winOption) });
  });
}
