import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../use-cases/deps.js';
import { isOnboarded, recentWins, winModalData } from '../../use-cases/wins.js';
import { encodeMetadata, type WinModalMetadata } from '../metadata.js';
import { NOT_YOUR_WIN } from '../respond.js';
import { winModal, winNoticeModal } from '../views/win-modal.js';
import { winsListModal } from '../views/wins-list.js';
import { openProfileModal } from './open-profile-modal.js';

// The "My wins" modal shows this many; two blocks each keeps it inside a modal's 100.
export const LIST_MODAL_WINS = 40;

export interface OpenWinModalArgs {
  triggerId: string;
  userId: string;
  source: WinModalMetadata['source'];
  /** Edit this win; absent to log a new one. */
  winId?: string;
  /** Push over this open "My wins" modal (views.push) instead of opening a new one. */
  listViewId?: string;
  /** The nudge DM it was opened from, updated once the win is saved. */
  nudge?: WinModalMetadata['nudge'];
}

/**
 * Opens the log/edit win modal. A user who has not onboarded gets onboarding instead
 * (no target level, nothing to tag against); a win that is not theirs gets a short note.
 */
export async function openWinModal(deps: Deps, client: WebClient, args: OpenWinModalArgs): Promise<void> {
  const { triggerId, userId, winId, listViewId } = args;
  if (!(await isOnboarded(deps, userId))) {
    await openProfileModal(deps, client, triggerId, userId);
    return;
  }
  const data = await winModalData(deps, userId, winId);
  const metadata: WinModalMetadata = {
    source: args.source,
    ...(winId ? { winId } : {}),
    ...(listViewId ? { listViewId } : {}),
    ...(args.nudge ? { nudge: args.nudge } : {}),
  };
  const view = data ? winModal({ ...data, privateMetadata: encodeMetadata(metadata) }) : winNoticeModal(NOT_YOUR_WIN);
  if (!data) deps.logger.warn({ userId, winId }, 'win modal refused: no such win for this user');
  if (listViewId) await client.views.push({ trigger_id: triggerId, view });
  else await client.views.open({ trigger_id: triggerId, view });
}

export async function openWinsListModal(deps: Deps, client: WebClient, triggerId: string, userId: string): Promise<void> {
  if (!(await isOnboarded(deps, userId))) {
    await openProfileModal(deps, client, triggerId, userId);
    return;
  }
  await client.views.open({ trigger_id: triggerId, view: winsListModal({ wins: await recentWins(deps, userId, LIST_MODAL_WINS) }) });
}

/** Re-renders an open "My wins" modal after a win in it changed. */
export async function updateWinsListModal(deps: Deps, client: WebClient, viewId: string, userId: string): Promise<void> {
  try {
    await client.views.update({ view_id: viewId, view: winsListModal({ wins: await recentWins(deps, userId, LIST_MODAL_WINS) }) });
  } catch (err) {
    // The user may have closed it meanwhile; the change itself is saved.
    deps.logger.warn({ err, userId }, 'could not refresh the wins list modal');
  }
}
