import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { captureWin, fromSlackText } from '../../../use-cases/wins.js';
import { winReply, winSavedMessage } from '../../views/wins-list.js';
import { refreshHome } from '../refresh-home.js';

const NOT_ONBOARDED =
  'I would love to log that, but first I need to know what you are going for. Open my *Home* tab and press *Get started* (or type `/promo settings`): it takes a minute. Then send me this again.';

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
    const result = await captureWin(deps, userId, {
      text,
      source: 'dm',
      // Keyed on the message itself: however often Slack delivers it, it is one win.
      sourceKey: `dm:${event.channel}:${event.ts}`,
    });
    if (result.kind === 'saved' && result.duplicate) return;
    const reply =
      result.kind === 'saved'
        ? winSavedMessage(result)
        : winReply(result.kind === 'invalid' ? `${result.errors.text ?? 'I could not save that one.'} Nothing saved yet.` : NOT_ONBOARDED);
    await client.chat.postMessage({ channel: event.channel, ...reply });
    if (result.kind === 'saved') await refreshHome(deps, client, userId);
  };
}
