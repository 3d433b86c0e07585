// `/promo hedge`, `/promo plan` and `/promo checkin`: each opens its modal.
import type { Deps } from '../../../use-cases/deps.js';
import { openCheckIn, openHedgeModal, openPlan } from '../open-plan-modals.js';
import type { CommandArgs } from './subcommands.js';

/** `/promo hedge [what they said]`: the words typed after it start the modal. */
export async function hedgeCommand(deps: Deps, { command, ack, client }: CommandArgs, rest: string): Promise<void> {
  await ack();
  await openHedgeModal(deps, client, { triggerId: command.trigger_id, userId: command.user_id, ...(rest ? { text: rest } : {}) });
}

export async function planCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  await openPlan(deps, client, { triggerId: command.trigger_id }, command.user_id);
}

export async function checkInCommand(deps: Deps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  await openCheckIn(deps, client, { triggerId: command.trigger_id }, command.user_id);
}
