import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { captureWin, fromSlackText } from '../../../use-cases/wins.js';
import { winKeptMessage, winReply, winSavedMessage } from '../../views/wins-list.js';
import { refreshHome } from '../refresh-home.js';
import { offerWinSuggestion } from '../suggestions.js';

const SAVE_FAILED =
  'I could not save that just now, sorry. Your message is still here: send it again in a minute and I will file it.';

/**
 * A plain DM to the app is a win. Only a person's own new message counts: edits,
 * deletions, files and bot posts (our own replies included) arrive as other subtypes.
 */
export function dmWin(deps: Deps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user) return;
    const text = fromSlackText(event.text ?? '');
    if (text.trim().length === 0) return;
    const userId = event.user;
    let result;
    try {
      result = await captureWin(deps, userId, {
        text,
        source: 'dm',
        // Keyed on the message itself: however often Slack delivers it, it is one win.
        sourceKey: `dm:${event.channel}:${event.ts}`,
      });
    } catch (error) {
      // Never lost without a word: the user knows, and the event stays unhandled so a retry files it.
      await client.chat.postMessage({ channel: event.channel, ...winReply(SAVE_FAILED) }).catch(() => undefined);
      throw error;
    }
    if (result.ok && result.value.duplicate) return;
    const reply = !result.ok
      ? winReply(`${result.errors.text ?? 'I could not save that one.'} Nothing saved yet.`)
      : result.value.status === 'kept'
        ? winKeptMessage(result.value)
        : winSavedMessage(result.value);
    const posted = await client.chat.postMessage({ channel: event.channel, ...reply });
    if (result.ok && result.value.status === 'saved') {
      await refreshHome(deps, client, userId);
      if (posted.channel && posted.ts) await offerWinSuggestion(deps, client, userId, result.value, { kind: 'message', channel: posted.channel, ts: posted.ts });
    }
  };
}
