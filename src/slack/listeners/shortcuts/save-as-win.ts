import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { captureWin, clipToWinLength, fromSlackText, isOnboarded } from '../../../use-cases/wins.js';
import { winReply, winSavedMessage } from '../../views/wins-list.js';
import { openProfileModal } from '../open-profile-modal.js';
import { refreshHome } from '../refresh-home.js';

/** "Save as win" on any message: its text, a link back to it, and who wrote it. */
export function saveAsWin(deps: Deps) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    if (!(await isOnboarded(deps, userId))) {
      await openProfileModal(deps, client, shortcut.trigger_id, userId);
      return;
    }
    const text = fromSlackText(shortcut.message.text ?? '');
    if (text.trim().length === 0) {
      await respond({
        response_type: 'ephemeral',
        ...winReply('That message has no text I can keep. Log it with `/promo win` and a sentence about what it shows.'),
      });
      return;
    }
    const channel = shortcut.channel.id;
    const ts = shortcut.message.ts;
    let permalink: string | null = null;
    try {
      permalink = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
    } catch (err) {
      // The win is worth keeping without its link; the text and author are still there.
      deps.logger.warn({ err, userId }, 'chat.getPermalink failed; saving the win without a link');
    }
    const result = await captureWin(deps, userId, {
      // A launch post can run past a win's 3,000 characters; the permalink keeps the whole thing.
      text: clipToWinLength(text),
      source: 'shortcut',
      sourceKey: `shortcut:${userId}:${channel}:${ts}`,
      permalink,
      authorId: shortcut.message.user ?? null,
    });
    const reply =
      result.kind === 'saved'
        ? winSavedMessage(result)
        : winReply(result.kind === 'invalid' ? 'I could not save that message as a win.' : 'Run `/promo settings` first.');
    await respond({ response_type: 'ephemeral', ...reply });
    if (result.kind === 'saved' && !result.duplicate) await refreshHome(deps, client, userId);
  };
}
