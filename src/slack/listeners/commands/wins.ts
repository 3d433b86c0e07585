import type { Deps } from '../../../use-cases/deps.js';
import { validateWinText } from '../../../use-cases/validate-win.js';
import { captureWin, fromSlackText, recentWins } from '../../../use-cases/wins.js';
import { winKeptMessage, winReply, winSavedMessage, winsListMessage } from '../../views/wins-list.js';
import { openProfileModal } from '../open-profile-modal.js';
import { refreshHome } from '../refresh-home.js';
import { offerWinSuggestion } from '../suggestions.js';
import type { CommandArgs } from './subcommands.js';

const HOW_TO =
  'Tell me what you did, right after the command: `/promo win Ran the incident review for the billing outage; the fix list is now the team’s template`. For a date, a link or criteria, use *Log a win* in my Home tab.';

// The list in a reply: enough to see the recent weeks; "My wins" on Home shows more.
const COMMAND_WINS = 10;

/**
 * `/promo win <text>`: stored with today's date, tagged by the coach, confirmed only to the
 * user. Before onboarding it is kept (and onboarding opens): it is filed once the profile exists.
 *
 * The ack goes first: a burst of wins queues on the database, and Slack shows an error for
 * an ack later than 3 s even though the win is then saved. What happened (saved, or kept)
 * follows through respond() once the write is done.
 */
export async function winCommand(deps: Deps, { command, ack, client, respond }: CommandArgs, rest: string): Promise<void> {
  if (rest.trim().length === 0) {
    await ack({ response_type: 'ephemeral', ...winReply(HOW_TO) });
    return;
  }
  const text = fromSlackText(rest);
  // The text's own problems need no database, so they come back in the ack itself.
  const problem = validateWinText(text);
  if (problem) {
    await ack({ response_type: 'ephemeral', ...winReply(`${problem} Nothing saved yet.`) });
    return;
  }
  await ack();
  const result = await captureWin(deps, command.user_id, {
    text,
    source: 'command',
    // Slack never re-sends a slash command, but the trigger id names this one invocation.
    sourceKey: `command:${command.user_id}:${command.trigger_id}`,
  });
  if (!result.ok) {
    await respond({ response_type: 'ephemeral', ...winReply(`${result.errors.text ?? 'I could not save that one.'} Nothing saved yet.`) });
    return;
  }
  if (result.value.status === 'kept') {
    // The trigger id lapses 3 s after the command: onboarding opens before anything else.
    await openProfileModal(deps, client, command.trigger_id, command.user_id);
    await respond({ response_type: 'ephemeral', ...winKeptMessage(result.value) });
    return;
  }
  await respond({ response_type: 'ephemeral', ...winSavedMessage(result.value) });
  await refreshHome(deps, client, command.user_id);
  await offerWinSuggestion(deps, client, command.user_id, result.value, { kind: 'response_url', respond });
}

/** `/promo wins`: the latest wins, each with Edit and Delete. */
export async function winsCommand(deps: Deps, { command, ack }: CommandArgs): Promise<void> {
  await ack({ response_type: 'ephemeral', ...winsListMessage({ wins: await recentWins(deps, command.user_id, COMMAND_WINS) }) });
}
