import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { markHandled, wasHandled } from '../../use-cases/slack-events.js';
import type { Deps } from '../../use-cases/deps.js';

/**
 * Acts on each Slack event once across replicas and retries. The event is marked only
 * after its handlers succeed (Bolt's next() rejects when a listener fails), so a retry
 * of a delivery that failed is processed, never dropped.
 */
export function dedupeEvents(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const { type, event_id: eventId } = body as { type?: string; event_id?: string };
    if (type !== 'event_callback' || !eventId) {
      await next();
      return;
    }
    if (await wasHandled(deps, eventId)) {
      deps.logger.info({ eventId }, 'duplicate Slack event ignored');
      return;
    }
    await next();
    await markHandled(deps, eventId);
  };
}
