import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { saveMessageAsWin } from '../../../use-cases/wins.js';
import { winReply, winSavedMessage } from '../../views/wins-list.js';
import { openProfileModal } from '../open-profile-modal.js';
import { refreshHome } from '../refresh-home.js';

const NO_TEXT = 'That message has no text I can keep. Log it with `/promo win` and a sentence about what it shows.';

/** "Save as win" on any message. */
export function saveAsWin(deps: Deps) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = shortcut.user.id;
    const result = await saveMessageAsWin(deps, userId, {
      channelId: shortcut.channel.id,
      ts: shortcut.message.ts,
      text: shortcut.message.text ?? '',
      authorId: shortcut.message.user ?? null,
    });
    if (result.kind === 'not_onboarded') {
      await openProfileModal(deps, client, shortcut.trigger_id, userId);
      return;
    }
    const reply =
      result.kind === 'saved'
        ? winSavedMessage(result)
        : winReply(result.kind === 'no_text' ? NO_TEXT : 'I could not save that message as a win.');
    await respond({ response_type: 'ephemeral', ...reply });
    if (result.kind === 'saved' && !result.duplicate) await refreshHome(deps, client, userId);
  };
}
