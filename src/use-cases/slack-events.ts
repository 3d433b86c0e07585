// Slack re-sends an event it thinks we missed (X-Slack-Retry-Num), to any replica.
// An event counts as handled only once its handlers succeeded: a first delivery that
// failed (database busy, Slack error) leaves the work to the retry. Two deliveries that
// overlap both run, so every handler also de-duplicates at its write (a win's sourceKey).
import type { Deps } from './deps.js';

export async function wasHandled(deps: Pick<Deps, 'repos'>, eventId: string): Promise<boolean> {
  return deps.repos.events.wasProcessed(eventId);
}

export async function markHandled(deps: Pick<Deps, 'repos'>, eventId: string): Promise<void> {
  await deps.repos.events.markProcessed(eventId);
}
