import type { App, BlockAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { ACTIONS } from '../../ids.js';
import { openProfileModal } from '../open-profile-modal.js';

export function registerActions(app: App, deps: Deps) {
  for (const actionId of [ACTIONS.homeGetStarted, ACTIONS.homeEditProfile]) {
    app.action<BlockAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      await openProfileModal(deps, client, body.trigger_id, body.user.id);
    });
  }
}
