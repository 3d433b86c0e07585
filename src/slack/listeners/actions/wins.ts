import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { deleteWin, recentWins } from '../../../use-cases/wins.js';
import { NUDGE_ACTIONS, WIN_ACTIONS, WIN_VIEWS } from '../../ids.js';
import { winNoticeModal } from '../../views/win-modal.js';
import { winsListMessage } from '../../views/wins-list.js';
import { WinNotFoundError } from '../../../use-cases/errors.js';
import { NOT_YOUR_WIN } from '../../respond.js';
import { openWinModal, openWinsListModal, updateWinsListModal } from '../open-win-modal.js';
import { refreshHome } from '../refresh-home.js';

// Lists in messages (`/promo wins`) show this many.
const MESSAGE_WINS = 10;

/** The open "My wins" modal the button sits in, if that is where it was pressed. */
function listModalId(body: BlockAction): string | undefined {
  return body.view?.type === 'modal' && body.view.callback_id === WIN_VIEWS.list ? body.view.id : undefined;
}

/** The nudge DM a "Log a win" button sits in, so it can be updated once the win is saved. */
function nudgeOf(body: BlockAction, week: string | undefined) {
  const channelId = body.channel?.id;
  const messageTs = body.message?.ts;
  if (!channelId || !messageTs || !week || !/^\d{4}-W\d{2}$/.test(week)) return undefined;
  return { channelId, messageTs, week };
}

export function registerWinActions(app: App, deps: Deps) {
  app.action<BlockAction<ButtonAction>>(NUDGE_ACTIONS.logWin, async ({ ack, body, action, client }) => {
    await ack();
    const nudge = nudgeOf(body, action.value);
    await openWinModal(deps, client, { triggerId: body.trigger_id, userId: body.user.id, source: 'nudge', ...(nudge ? { nudge } : {}) });
  });

  app.action<BlockAction<ButtonAction>>(WIN_ACTIONS.homeLogWin, async ({ ack, body, client }) => {
    await ack();
    await openWinModal(deps, client, { triggerId: body.trigger_id, userId: body.user.id, source: 'home' });
  });

  app.action<BlockAction<ButtonAction>>(WIN_ACTIONS.homeListWins, async ({ ack, body, client }) => {
    await ack();
    await openWinsListModal(deps, client, body.trigger_id, body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(WIN_ACTIONS.edit, async ({ ack, body, action, client }) => {
    await ack();
    const listViewId = listModalId(body);
    await openWinModal(deps, client, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      source: 'modal',
      winId: action.value ?? '',
      ...(listViewId ? { listViewId } : {}),
    });
  });

  app.action<BlockAction<ButtonAction>>(WIN_ACTIONS.delete, async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    try {
      await deleteWin(deps, userId, action.value ?? '');
    } catch (error) {
      if (!(error instanceof WinNotFoundError)) throw error;
      deps.logger.warn({ userId, winId: action.value }, 'delete refused: no such win for this user');
      await client.views.open({ trigger_id: body.trigger_id, view: winNoticeModal(NOT_YOUR_WIN) });
      return;
    }
    // Show the list without the deleted win, wherever it was pressed.
    const viewId = listModalId(body);
    if (viewId) await updateWinsListModal(deps, client, viewId, userId);
    else if (body.container.type === 'message') {
      await respond({ replace_original: true, ...winsListMessage({ wins: await recentWins(deps, userId, MESSAGE_WINS) }) });
    }
    await refreshHome(deps, client, userId);
  });
}
