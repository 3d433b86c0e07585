import type { App } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { VIEWS } from '../../ids.js';
import { profileSubmit } from './profile-submit.js';

export function registerViews(app: App, deps: Deps) {
  app.view({ callback_id: VIEWS.onboarding, type: 'view_submission' }, profileSubmit(deps));
}
