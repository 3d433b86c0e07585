import { sendUserExport } from '../../../use-cases/data-rights.js';
import type { Deps } from '../../../use-cases/deps.js';
import { forgetConfirmModal } from '../../views/data-rights.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo export`: acknowledged at once; the JSON file follows in the DM. */
export async function exportCommand(deps: Deps, { command, ack, respond }: CommandArgs): Promise<void> {
  await ack({ response_type: 'ephemeral', text: 'Gathering everything I keep about you; the file arrives in our DM in a moment.' });
  try {
    await sendUserExport(deps, command.user_id);
  } catch (error) {
    deps.logger.error({ err: error, userId: command.user_id }, 'export failed');
    await respond({ response_type: 'ephemeral', text: 'I could not send your export just now. Please try `/promo export` again in a minute.' });
  }
}

/** `/promo forget-me`: nothing is deleted until the user confirms in the modal. */
export async function forgetMeCommand(_deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: forgetConfirmModal() });
}
