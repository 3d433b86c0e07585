import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { NotOnboardedError } from '../../../use-cases/errors.js';
import { isOwnNudge } from '../../../use-cases/nudge-messages.js';
import type { WinField } from '../../../use-cases/validate-win.js';
import { captureWin, updateWin } from '../../../use-cases/wins.js';
import { WIN_FLAGS, WIN_VIEWS } from '../../ids.js';
import { parseWinModalMetadata } from '../../metadata.js';
import { blockErrors, messageFor } from '../../respond.js';
import { winLoggedNote } from '../../views/nudge.js';
import { winNoticeModal, winSavedModal } from '../../views/win-modal.js';
import { updateWinsListModal } from '../open-win-modal.js';
import { refreshHome } from '../refresh-home.js';
import { offerWinSuggestion } from '../suggestions.js';
import type { WinSavedArgs } from '../../views/wins-list.js';

type ViewValues = ViewSubmitAction['view']['state']['values'];

const BLOCK_FOR: Record<WinField, string> = {
  text: WIN_VIEWS.textBlock,
  date: WIN_VIEWS.dateBlock,
  link: WIN_VIEWS.linkBlock,
};

export interface WinForm {
  text: string;
  date: string;
  link: string | null;
  criteria: string[];
  /** Null when neither box is ticked: on a new win the coach then reads the flags from the text. */
  flags: { crossTeam: boolean; enabledOthers: boolean } | null;
}

// A forged payload can leave out anything; a missing field reads as empty and fails
// validation with a field error rather than throwing.
export function readWinForm(values: ViewValues): WinForm {
  const get = (block: string, action: string) => values[block]?.[action];
  const link = get(WIN_VIEWS.linkBlock, WIN_VIEWS.linkAction)?.value?.trim();
  const criteria = (get(WIN_VIEWS.criteriaBlock, WIN_VIEWS.criteriaAction)?.selected_options ?? []).map((o) => o.value);
  const ticked = (get(WIN_VIEWS.flagsBlock, WIN_VIEWS.flagsAction)?.selected_options ?? []).map((o) => o.value);
  return {
    text: get(WIN_VIEWS.textBlock, WIN_VIEWS.textAction)?.value ?? '',
    date: get(WIN_VIEWS.dateBlock, WIN_VIEWS.dateAction)?.selected_date ?? '',
    link: link ? link : null,
    criteria: criteria.filter((c): c is string => typeof c === 'string'),
    flags:
      ticked.length > 0
        ? { crossTeam: ticked.includes(WIN_FLAGS.crossTeam), enabledOthers: ticked.includes(WIN_FLAGS.enabledOthers) }
        : null,
  };
}

export function winSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const meta = parseWinModalMetadata(view.private_metadata);
    const form = readWinForm(view.state.values);
    let logged: WinSavedArgs | null = null;
    try {
      if (meta.winId) {
        // Editing shows every field as stored, so what comes back is the user's choice, flags included.
        const { flags, ...fields } = form;
        const result = await updateWin(deps, userId, meta.winId, { ...fields, crossTeam: flags?.crossTeam ?? false, enabledOthers: flags?.enabledOthers ?? false });
        if (!result.ok) {
          await ack({ response_action: 'errors', errors: blockErrors(result.errors, BLOCK_FOR) });
          return;
        }
        if (meta.listViewId) {
          // Pushed from "My wins": close this one and show the list with the change in it.
          await ack();
          await updateWinsListModal(deps, client, meta.listViewId, userId);
        } else {
          await ack({ response_action: 'update', view: winSavedModal({ ...result.value.win, edited: true }) });
        }
      } else {
        // A view's hash changes whenever it is updated, so the same view and hash twice is one
        // submission delivered twice: the key keeps it to one win.
        const result = await captureWin(deps, userId, { ...form, source: meta.source, sourceKey: `modal:${userId}:${view.id}:${view.hash}` });
        if (!result.ok) {
          await ack({ response_action: 'errors', errors: blockErrors(result.errors, BLOCK_FOR) });
          return;
        }
        if (result.value.status !== 'saved') throw new NotOnboardedError(userId);
        await ack({ response_action: 'update', view: winSavedModal({ ...result.value.win, edited: false }) });
        if (!result.value.duplicate) logged = result.value;
        if (meta.nudge && (await isOwnNudge(deps, userId, meta.nudge))) {
          // The nudge asked for this win: it stops asking, and offers to log another.
          await client.chat
            .update({ channel: meta.nudge.channelId, ts: meta.nudge.messageTs, ...winLoggedNote({ week: meta.nudge.week }) })
            .catch((err: unknown) => deps.logger.warn({ err, userId }, 'could not update the nudge message'));
        }
      }
    } catch (error) {
      const message = messageFor(error);
      if (!message) throw error;
      deps.logger.warn({ userId, winId: meta.winId, error: (error as Error).name }, 'win submission refused');
      await ack({ response_action: 'update', view: winNoticeModal(message) });
      return;
    }
    await refreshHome(deps, client, userId);
    if (logged) await offerWinSuggestion(deps, client, userId, logged, { kind: 'view', viewId: view.id });
  };
}
