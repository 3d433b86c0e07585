import type { App, BlockAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { ACTIONS, HOME_ACTIONS, NUDGE_ACTIONS } from '../../ids.js';
import { openProfileModal } from '../open-profile-modal.js';
import { nothingThisWeek, openNudgeSettings, openPauseModal, resumeFromHome, snoozeNudge } from './nudge-controls.js';
import { registerPlanActions } from './plan-actions.js';
import { registerPrepActions } from './prep.js';
import { registerSuggestionActions } from './suggestions.js';
import { registerWinActions } from './wins.js';

export function registerActions(app: App, deps: Deps) {
  for (const actionId of [ACTIONS.homeGetStarted, ACTIONS.homeEditProfile]) {
    app.action<BlockAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      await openProfileModal(deps, client, body.trigger_id, body.user.id);
    });
  }
  app.action<BlockAction>(NUDGE_ACTIONS.nothingThisWeek, nothingThisWeek(deps));
  app.action<BlockAction>(NUDGE_ACTIONS.snoozeToMonday, snoozeNudge(deps));
  app.action<BlockAction>(NUDGE_ACTIONS.pause, openPauseModal(deps));
  app.action<BlockAction>(HOME_ACTIONS.resumeNudges, resumeFromHome(deps));
  app.action<BlockAction>(HOME_ACTIONS.nudgeSettings, openNudgeSettings(deps));
  registerWinActions(app, deps);
  registerPrepActions(app, deps);
  registerPlanActions(app, deps);
  registerSuggestionActions(app, deps);
}
