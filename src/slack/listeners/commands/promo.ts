import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { helpMessage } from '../../views/help.js';
import { openProfileModal } from '../open-profile-modal.js';
import { winCommand, winsCommand } from './wins.js';

/** "/promo win shipped it" → { name: "win", rest: "shipped it" }. */
export function parseSubcommand(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  if (space === -1) return { name: trimmed.toLowerCase(), rest: '' };
  return { name: trimmed.slice(0, space).toLowerCase(), rest: trimmed.slice(space + 1).trim() };
}

export function promoCommand(deps: Deps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const { name, rest } = parseSubcommand(command.text);
    if (name === 'help') {
      await ack({ response_type: 'ephemeral', ...helpMessage() });
      return;
    }
    const profile = await deps.repos.users.findProfile(command.user_id);
    // A new user's first command of any kind starts onboarding: nothing else works without a profile.
    if (!profile || name === 'settings') {
      await ack();
      await openProfileModal(deps, client, command.trigger_id, command.user_id);
      return;
    }
    if (name === 'win') return winCommand(deps, { command, ack, client }, rest);
    if (name === 'wins') return winsCommand(deps, { command, ack, client });
    await ack({ response_type: 'ephemeral', ...helpMessage(name ? { unknown: name } : {}) });
  };
}
