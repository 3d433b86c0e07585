import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { buildPromoDoc, sendPromoDoc, type DocEdits, type DocParagraph } from '../../../use-cases/doc.js';
import { DOC_VIEWS } from '../../ids.js';
import { refusedAsFieldError } from '../../respond.js';
import { docSentModal, parseParagraphBlockId } from '../../views/doc.js';

type ViewValues = ViewSubmitAction['view']['state']['values'];

/** The paragraphs as edited, in the order the modal showed them; a forged block id is ignored. */
export function readDocForm(values: ViewValues): DocEdits {
  const paragraphs: (DocParagraph & { index: number })[] = [];
  for (const [blockId, actions] of Object.entries(values)) {
    const at = parseParagraphBlockId(blockId);
    if (at) paragraphs.push({ ...at, text: actions[DOC_VIEWS.paragraphAction]?.value ?? '' });
  }
  paragraphs.sort((a, b) => a.index - b.index);
  return {
    title: values[DOC_VIEWS.titleBlock]?.[DOC_VIEWS.titleAction]?.value ?? '',
    paragraphs: paragraphs.map(({ section, dimensionId, text }) => ({ section, dimensionId, text })),
    peerIds: values[DOC_VIEWS.peersBlock]?.[DOC_VIEWS.peersAction]?.selected_users ?? [],
  };
}

/** "Send to my DM": the doc is checked, the modal shows the check, the file follows. */
export function docSubmit(deps: Deps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const outcome = await refusedAsFieldError(deps, userId, DOC_VIEWS.titleBlock, () => buildPromoDoc(deps, userId, readDocForm(view.state.values)));
    if ('refused' in outcome) {
      await ack(outcome.refused);
      return;
    }
    await ack({ response_action: 'update', view: docSentModal(outcome) });
    await sendPromoDoc(deps, userId, outcome);
  };
}
