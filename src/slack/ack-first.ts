import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { awaitingAnswer } from '../db/taking-turns.js';

export interface RequestTracker {
  /** Resolves once every request taken in so far has finished, its after-ack work included. */
  idle(): Promise<void>;
  /** Requests still being processed, for the drain on stop. */
  readonly inFlight: ReadonlySet<Promise<unknown>>;
}

/**
 * Acks go first. Slack shows an error for any ack later than 3 s; an ack is cheap, but
 * under a burst it waits on the event loop behind the work of every request acked before
 * it. So a request's queries run ahead of other work until it has acked (see
 * db/taking-turns.ts), and the work after an ack continues on a later turn of the event
 * loop, once the requests already waiting on the socket have been read.
 *
 * Both of Bolt's receivers hand requests to `app.processEvent` only, so the receiver is
 * given this wrapper in its place; it also tracks every request, so stop() can drain them.
 */
export function ackFirst(app: App, receiver: Receiver): RequestTracker {
  const inFlight = new Set<Promise<unknown>>();

  function processEvent(event: ReceiverEvent): Promise<void> {
    const request = { answered: false };
    const ack: ReceiverEvent['ack'] = async (response) => {
      await event.ack(response);
      request.answered = true;
      await nextTurn();
    };
    return awaitingAnswer.run(request, () => app.processEvent({ ...event, ack }));
  }

  receiver.init({
    processEvent(event: ReceiverEvent) {
      const work = processEvent(event);
      inFlight.add(work);
      const done = () => inFlight.delete(work);
      work.then(done, done);
      return work;
    },
  } as unknown as App);

  return {
    inFlight,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
