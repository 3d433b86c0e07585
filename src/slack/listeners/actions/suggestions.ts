// The buttons that accept an LLM suggestion. Each is the user's own choice about their own
// data, re-checked in its use case (the win or meeting must be theirs); a suggestion never
// acts by itself.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { correctHedgeKind, isHedgeKind } from '../../../use-cases/hedge.js';
import { useSuggestedCriteria } from '../../../use-cases/suggestions.js';
import { SUGGESTION_IDS } from '../../ids.js';
import { encodeMetadata, parseHedgeMetadata } from '../../metadata.js';
import { NOT_YOUR_WIN, refusalMessage } from '../../respond.js';
import { hedgeResultModal } from '../../views/hedge-modal.js';
import { criteriaUsedNote, modalWithSuggestionBlocks, useCriteriaValue, withSuggestionBlocks } from '../../views/suggestions.js';
import { winNoticeModal, winSavedModal } from '../../views/win-modal.js';
import { winSavedMessage } from '../../views/wins-list.js';
import { showOrRefuse } from '../open-plan-modals.js';
import { refreshHome } from '../refresh-home.js';
import { showInPlace } from '../suggestions.js';

function parseValue(value: string | undefined) {
  try {
    return useCriteriaValue.safeParse(JSON.parse(value ?? ''));
  } catch {
    return useCriteriaValue.safeParse(null);
  }
}

export function registerSuggestionActions(app: App, deps: Deps) {
  app.action<BlockAction<ButtonAction>>(SUGGESTION_IDS.useWinCriteria, async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    const parsed = parseValue(action.value);
    const view = body.view?.type === 'modal' ? body.view : undefined;
    const at = view ? ({ kind: 'view', viewId: view.id, hash: view.hash } as const) : ({ kind: 'response_url', respond } as const);
    const refuse = async (message: string) => {
      if (view) await showInPlace(deps, client, userId, at, { view: winNoticeModal(message) });
      else await respond({ response_type: 'ephemeral', replace_original: false, text: message });
    };
    if (!parsed.success) {
      deps.logger.warn({ userId, value: action.value?.slice(0, 200) }, 'using suggested criteria refused: unreadable value');
      await refuse(NOT_YOUR_WIN);
      return;
    }
    try {
      const { win, targetLevelName } = await useSuggestedCriteria(deps, userId, parsed.data.w, parsed.data.c);
      await showInPlace(deps, client, userId, at, {
        message: withSuggestionBlocks(winSavedMessage({ win, targetLevelName, duplicate: false }), criteriaUsedNote()),
        view: modalWithSuggestionBlocks(winSavedModal({ ...win, edited: true }), criteriaUsedNote()),
      });
    } catch (error) {
      await refuse(refusalMessage(deps, error, userId, 'using suggested criteria'));
      return;
    }
    await refreshHome(deps, client, userId);
  });

  app.action<BlockAction<ButtonAction>>(SUGGESTION_IDS.useHedgeKind, async ({ ack, body, action, client }) => {
    await ack();
    const kind = action.value;
    const { meetingId } = parseHedgeMetadata(body.view?.private_metadata);
    if (!isHedgeKind(kind) || !meetingId || !body.view) return;
    await showOrRefuse(deps, client, { viewId: body.view.id }, body.user.id, async () =>
      hedgeResultModal({ outcome: await correctHedgeKind(deps, body.user.id, meetingId, kind), privateMetadata: encodeMetadata({ meetingId }) }),
    );
  });
}
