import type { App } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { COMMAND } from '../../ids.js';
import { promoCommand } from './promo.js';

export function registerCommands(app: App, deps: Deps) {
  app.command(COMMAND, promoCommand(deps));
}
