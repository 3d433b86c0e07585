import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { captureWin, fromSlackText, recentWins } from '../../../use-cases/wins.js';
import { winReply, winSavedMessage, winsListMessage } from '../../views/wins-list.js';
import { refreshHome } from '../refresh-home.js';

type CommandArgs = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'ack' | 'client'>;

const HOW_TO =
  'Tell me what you did, right after the command: `/promo win Ran the incident review for the billing outage; the fix list is now the team’s template`. For a date, a link or criteria, use *Log a win* in my Home tab.';

// The list in a reply: enough to see the recent weeks; "My wins" on Home shows more.
const COMMAND_WINS = 10;

/** `/promo win <text>`: stored with today's date, tagged by the coach, confirmed only to the user. */
export async function winCommand(deps: Deps, { command, ack, client }: CommandArgs, rest: string): Promise<void> {
  if (rest.trim().length === 0) {
    await ack({ response_type: 'ephemeral', ...winReply(HOW_TO) });
    return;
  }
  const result = await captureWin(deps, command.user_id, { text: fromSlackText(rest), source: 'command' });
  if (result.kind !== 'saved') {
    const problem = result.kind === 'invalid' ? (result.errors.text ?? 'I could not save that one.') : 'Run `/promo settings` first.';
    await ack({ response_type: 'ephemeral', ...winReply(`${problem} Nothing saved yet.`) });
    return;
  }
  await ack({ response_type: 'ephemeral', ...winSavedMessage(result) });
  await refreshHome(deps, client, command.user_id);
}

/** `/promo wins`: the latest wins, each with Edit and Delete. */
export async function winsCommand(deps: Deps, { command, ack }: CommandArgs): Promise<void> {
  await ack({ response_type: 'ephemeral', ...winsListMessage({ wins: await recentWins(deps, command.user_id, COMMAND_WINS) }) });
}
