import type { Deps } from '../../../use-cases/deps.js';
import { previewPromoDoc } from '../../../use-cases/doc.js';
import { docPreviewModal } from '../../views/doc.js';
import { offerDocDraft } from '../suggestions.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo doc`: the draft opens in a modal, to edit before it is sent. */
export async function docCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  const preview = await previewPromoDoc(deps, command.user_id);
  const view = docPreviewModal(preview);
  const opened = await client.views.open({ trigger_id: command.trigger_id, view });
  if (opened.view?.id && opened.view.hash) await offerDocDraft(deps, client, command.user_id, { id: opened.view.id, hash: opened.view.hash }, view);
}
