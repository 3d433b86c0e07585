// LLM suggestions arrive after the rules' answer is on screen: these put them in place of
// that screen (chat.update, the response_url, views.update) when they come. The user may
// have moved on by then: Slack's not_found or hash_conflict means the screen is gone, and
// the suggestion is dropped quietly. Nothing here ever throws into the handler that
// called it: the rules' answer is already with the user, and that is enough.
import type { RespondFn } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode, type Deps } from '../../use-cases/deps.js';
import { managerAnswer } from '../../use-cases/hedge.js';
import type { PrepScreen } from '../../use-cases/prep.js';
import { draftDocParagraphs, hedgeSecondOpinion, suggestBehaviorRewrite, suggestWinTags } from '../../use-cases/suggestions.js';
import { encodeMetadata } from '../metadata.js';
import { hedgeResultModal } from '../views/hedge-modal.js';
import { caseRewriteBlocks, docDraftBlocks, hedgeOpinionBlocks, modalWithSuggestionBlocks, suggestionBlocks, winSuggestionBlocks, withSuggestionBlocks } from '../views/suggestions.js';
import { prepStepModal } from '../views/prep.js';
import { winSavedModal } from '../views/win-modal.js';
import { winSavedMessage, type WinSavedArgs } from '../views/wins-list.js';

/** Where the rules' answer is showing. */
export type ShownAt =
  | { kind: 'message'; channel: string; ts: string }
  /** An ephemeral reply (`/promo win`), replaced through its response_url. */
  | { kind: 'response_url'; respond: RespondFn }
  /** A modal; the hash when we know it (a view we opened or updated ourselves). */
  | { kind: 'view'; viewId: string; hash?: string };

// What Slack answers when the screen is no longer there to update.
const SCREEN_GONE = new Set(['not_found', 'hash_conflict', 'message_not_found', 'view_not_found', 'cant_update_message', 'channel_not_found']);

export async function showInPlace(deps: Deps, client: WebClient, userId: string, at: ShownAt, screen: { message?: { text: string; blocks: KnownBlock[] }; view?: ModalView }): Promise<void> {
  try {
    if (at.kind === 'view' && screen.view) await client.views.update({ view_id: at.viewId, ...(at.hash ? { hash: at.hash } : {}), view: screen.view });
    else if (at.kind === 'message' && screen.message) await client.chat.update({ channel: at.channel, ts: at.ts, ...screen.message });
    else if (at.kind === 'response_url' && screen.message) await at.respond({ replace_original: true, ...screen.message });
  } catch (error) {
    const code = slackErrorCode(error);
    if (at.kind === 'response_url' || (code && SCREEN_GONE.has(code))) {
      deps.logger.info({ userId, shownAt: at.kind, code }, 'suggestion dropped: the screen it was for is gone');
      return;
    }
    throw error;
  }
}

async function quietly(deps: Deps, userId: string, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.logger.warn({ err, userId, what }, 'suggestion not shown; the rules’ answer stands');
  }
}

/** Suggested criteria and a behavior-first rewrite under a win's confirmation, once they arrive. */
export async function offerWinSuggestion(deps: Deps, client: WebClient, userId: string, saved: WinSavedArgs, at: ShownAt): Promise<void> {
  // A repeat of a win already filed was offered its suggestion the first time.
  if (saved.duplicate) return;
  await quietly(deps, userId, 'win_tags', async () => {
    const blocks = suggestionBlocks(await suggestWinTags(deps, userId, saved.win.id), winSuggestionBlocks);
    if (!blocks) return;
    await showInPlace(deps, client, userId, at, {
      message: withSuggestionBlocks(winSavedMessage(saved), blocks),
      view: modalWithSuggestionBlocks(winSavedModal({ ...saved.win, edited: false }), blocks),
    });
  });
}

/** A second reading of the manager's answer under the coach's, when the rules were unsure. */
export async function offerHedgeOpinion(deps: Deps, client: WebClient, userId: string, viewId: string, meetingId: string): Promise<void> {
  await quietly(deps, userId, 'hedge_opinion', async () => {
    const opinion = await hedgeSecondOpinion(deps, userId, meetingId);
    const blocks = opinion && suggestionBlocks(opinion, hedgeOpinionBlocks);
    if (!blocks) return;
    // Read again: a correction made while the model was thinking is what the screen shows.
    const outcome = await managerAnswer(deps, userId, meetingId);
    const view = hedgeResultModal({ outcome, privateMetadata: encodeMetadata({ meetingId }) });
    await showInPlace(deps, client, userId, { kind: 'view', viewId }, { view: modalWithSuggestionBlocks(view, blocks, (b) => b.type === 'context') });
  });
}

// A modal holds 100 blocks; a suggestion that would not fit is left out, never squeezed in.
const MODAL_BLOCKS_MAX = 100;

async function showModalSuggestion(deps: Deps, client: WebClient, userId: string, at: ShownAt, view: ModalView): Promise<void> {
  if (view.blocks.length > MODAL_BLOCKS_MAX) {
    deps.logger.info({ userId }, 'suggestion left out: the modal has no room for it');
    return;
  }
  await showInPlace(deps, client, userId, at, { view });
}

/** Prep's behaviors step: the picked wins rewritten behavior first, above the fields. */
export async function offerCaseRewrites(deps: Deps, client: WebClient, userId: string, viewId: string, screen: PrepScreen): Promise<void> {
  if (screen.step !== 'behaviors') return;
  await quietly(deps, userId, 'behavior_rewrite', async () => {
    const blocks = suggestionBlocks(await suggestBehaviorRewrite(deps, userId, screen.examples.map((e) => e.winText)), caseRewriteBlocks);
    if (!blocks) return;
    // After the intro and the coach's findings, before the first example.
    const view = modalWithSuggestionBlocks(prepStepModal(screen), blocks, (_b, i, all) => all[i + 1]?.type === 'divider');
    await showModalSuggestion(deps, client, userId, { kind: 'view', viewId }, view);
  });
}

/** The doc preview: Scope & Impact paragraphs drafted from the user's wins, once they arrive. */
export async function offerDocDraft(deps: Deps, client: WebClient, userId: string, opened: { id: string; hash: string }, preview: ModalView): Promise<void> {
  await quietly(deps, userId, 'doc_draft', async () => {
    const blocks = suggestionBlocks(await draftDocParagraphs(deps, userId), docDraftBlocks);
    if (!blocks) return;
    // Above the fields, under the intro and the coach's check.
    const view = modalWithSuggestionBlocks(preview, blocks, (_b, i, all) => all[i + 1]?.type === 'input');
    await showModalSuggestion(deps, client, userId, { kind: 'view', viewId: opened.id, hash: opened.hash }, view);
  });
}
