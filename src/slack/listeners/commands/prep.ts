import type { Deps } from '../../../use-cases/deps.js';
import { openPrepModal } from '../open-prep.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo prep`: ack at once, then the light modal, then the prep. */
export async function prepCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  await openPrepModal(deps, client, command.trigger_id, command.user_id);
}
