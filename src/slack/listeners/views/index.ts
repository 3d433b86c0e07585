import type { App } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { NUDGE_VIEWS, VIEWS, WIN_VIEWS } from '../../ids.js';
import { pauseSubmit, settingsSubmit } from './nudge-modals.js';
import { registerPlanViews } from './plan-submit.js';
import { registerPrepViews } from './prep-submit.js';
import { profileSubmit } from './profile-submit.js';
import { winSubmit } from './win-submit.js';
import { adminSubmit } from './admin-submit.js';
import { ADMIN_VIEWS, DATA_VIEWS, DOC_VIEWS } from '../../ids.js';
import { docSubmit } from './doc-submit.js';
import { forgetSubmit } from './forget-submit.js';

export function registerViews(app: App, deps: Deps) {
  app.view({ callback_id: VIEWS.onboarding, type: 'view_submission' }, profileSubmit(deps));
  app.view({ callback_id: NUDGE_VIEWS.pause, type: 'view_submission' }, pauseSubmit(deps));
  app.view({ callback_id: NUDGE_VIEWS.settings, type: 'view_submission' }, settingsSubmit(deps));
  app.view({ callback_id: WIN_VIEWS.win, type: 'view_submission' }, winSubmit(deps));
  registerPrepViews(app, deps);
  app.view({ callback_id: ADMIN_VIEWS.settings, type: 'view_submission' }, adminSubmit(deps));
  app.view({ callback_id: DATA_VIEWS.forgetConfirm, type: 'view_submission' }, forgetSubmit(deps));
  app.view({ callback_id: DOC_VIEWS.preview, type: 'view_submission' }, docSubmit(deps));
  registerPlanViews(app, deps);
}
