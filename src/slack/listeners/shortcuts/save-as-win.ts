import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { saveMessageAsWin } from '../../../use-cases/wins.js';
import { winKeptMessage, winReply, winSavedMessage } from '../../views/wins-list.js';
import { openProfileModal } from '../open-profile-modal.js';
import { refreshHome } from '../refresh-home.js';
import { offerWinSuggestion } from '../suggestions.js';

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
    if (!result.ok) {
      await respond({ response_type: 'ephemeral', ...winReply(result.errors.text ?? 'I could not save that message as a win.') });
      return;
    }
    if (result.value.status === 'kept') {
      await respond({ response_type: 'ephemeral', ...winKeptMessage(result.value) });
      await openProfileModal(deps, client, shortcut.trigger_id, userId);
      return;
    }
    await respond({ response_type: 'ephemeral', ...winSavedMessage(result.value) });
    if (!result.value.duplicate) await refreshHome(deps, client, userId);
    await offerWinSuggestion(deps, client, userId, result.value, { kind: 'response_url', respond });
  };
}
