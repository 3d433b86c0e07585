import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import type { Logger } from '../../logger.js';

export const SUBMIT_FAILED = 'I could not save that just now, sorry. Everything you typed is still here: submit again in a minute.';
export const REQUEST_FAILED = 'I could not do that just now, sorry, and nothing was saved. Try again in a minute.';

type Body = {
  type?: string;
  command?: string;
  response_url?: string;
  view?: { blocks?: { type?: string; block_id?: string }[] };
};
type Args = AnyMiddlewareArgs & { ack?: (response?: unknown) => Promise<void>; respond?: RespondFn; next: () => Promise<void> };

/**
 * A request whose listener fails (the database went away mid-request, a bug) still gets an
 * answer the person can act on, instead of Slack's "trouble connecting" or silence: a modal
 * stays open with a field error on its first input (everything typed stays in it), and a
 * command or a message button is answered through its response_url. The error then goes on
 * to the app's error handler, which logs it.
 */
export function tellOnFailure(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      await tell(args as Args).catch((err: unknown) => logger.warn({ err }, 'could not tell the user a request failed'));
      throw error;
    }
  };
}

async function tell({ body, ack, respond }: Args): Promise<void> {
  const b = body as Body;
  if (b.type === 'view_submission') {
    const input = b.view?.blocks?.find((block) => block.type === 'input' && block.block_id);
    if (input?.block_id) await ackIfNotYet(ack, { response_action: 'errors', errors: { [input.block_id]: SUBMIT_FAILED } });
    return;
  }
  if (b.command !== undefined || (b.type === 'block_actions' && b.response_url)) {
    const answer = { response_type: 'ephemeral' as const, replace_original: false, text: REQUEST_FAILED };
    // A command acked before its work (the usual case) answers through its response_url.
    if (b.command !== undefined && (await ackIfNotYet(ack, { response_type: 'ephemeral', text: REQUEST_FAILED }))) return;
    await respond?.(answer);
  }
}

/** Acks with `response` unless the listener already did; true when this ack went out. */
async function ackIfNotYet(ack: Args['ack'], response: unknown): Promise<boolean> {
  if (!ack) return false;
  try {
    await ack(response);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'slack_bolt_receiver_ack_multiple_error') return false;
    throw error;
  }
}
