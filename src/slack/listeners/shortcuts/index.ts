import type { App, MessageShortcut } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { SHORTCUTS } from '../../ids.js';
import { saveAsWin } from './save-as-win.js';

export function registerShortcuts(app: App, deps: Deps) {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUTS.saveAsWin, type: 'message_action' }, saveAsWin(deps));
}
