import type { Deps } from '../../../use-cases/deps.js';
import { previewPromoDoc } from '../../../use-cases/doc.js';
import { docPreviewModal } from '../../views/doc.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo doc`: the draft opens in a modal, to edit before it is sent. */
export async function docCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  const preview = await previewPromoDoc(deps, command.user_id);
  await client.views.open({ trigger_id: command.trigger_id, view: docPreviewModal(preview) });
}
