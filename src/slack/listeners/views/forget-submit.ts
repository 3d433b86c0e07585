import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { forgetUser } from '../../../use-cases/data-rights.js';
import type { Deps } from '../../../use-cases/deps.js';
import { forgettingModal, forgottenModal } from '../../views/data-rights.js';

/**
 * The confirmation was pressed. Replacing shared posts can take longer than Slack's three
 * seconds, so the modal says it is working first, then what went.
 */
export function forgetSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack({ response_action: 'update', view: forgettingModal() });
    const result = await forgetUser(deps, body.user.id);
    await client.views.update({ view_id: view.id, view: forgottenModal(result) });
  };
}
