import { adminSettingsFor } from '../../../use-cases/admin-settings.js';
import type { Deps } from '../../../use-cases/deps.js';
import { NotAnAdminError } from '../../../use-cases/errors.js';
import { messageFor } from '../../respond.js';
import { adminSettingsModal } from '../../views/admin-settings.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo admin`: the workspace settings modal for admins; a short, kind no for everyone else. */
export async function adminCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  try {
    const form = await adminSettingsFor(deps, command.user_id);
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: adminSettingsModal(form) });
  } catch (error) {
    if (!(error instanceof NotAnAdminError)) throw error;
    deps.logger.info({ userId: command.user_id }, 'admin settings refused: not an admin');
    await ack({ response_type: 'ephemeral', text: messageFor(error) ?? '' });
  }
}
