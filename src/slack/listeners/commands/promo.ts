import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { isOnboarded } from '../../../use-cases/wins.js';
import { helpMessage } from '../../views/help.js';
import { openProfileModal } from '../open-profile-modal.js';
import { findSubcommand, HELP_LINES } from './subcommands.js';

/** "/promo win shipped it" → { name: "win", rest: "shipped it" }. */
export function parseSubcommand(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  if (space === -1) return { name: trimmed.toLowerCase(), rest: '' };
  return { name: trimmed.slice(0, space).toLowerCase(), rest: trimmed.slice(space + 1).trim() };
}

/** `/promo <subcommand>`: looked up in the registry; bare or unknown shows the help. */
export function promoCommand(deps: Deps) {
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const { command, ack, client } = args;
    const { name, rest } = parseSubcommand(command.text);
    const subcommand = findSubcommand(name);
    // A new user's first command of any kind starts onboarding: nothing else works without a profile.
    if ((subcommand?.beforeOnboarding ?? 'onboard') === 'onboard' && !(await isOnboarded(deps, command.user_id))) {
      await ack();
      await openProfileModal(deps, client, command.trigger_id, command.user_id);
      return;
    }
    if (!subcommand) {
      await ack({ response_type: 'ephemeral', ...helpMessage({ commands: HELP_LINES, ...(name ? { unknown: name } : {}) }) });
      return;
    }
    await subcommand.handle(deps, args, rest);
  };
}
