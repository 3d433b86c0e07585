// Buttons on a nudge DM carry a reference to that message, so the app can update it once
// answered. The reference comes back from the client: it is only trusted when it names a
// nudge this user was actually sent (a forged one could otherwise rewrite someone else's DM).
import type { Deps } from './deps.js';

export interface NudgeMessageRef {
  channelId: string;
  messageTs: string;
  /** The ISO week the nudge asked about. */
  week: string;
}

const NUDGE_KINDS = ['weekly_nudge', 'snooze_nudge'] as const;

export async function isOwnNudge(deps: Pick<Deps, 'repos' | 'logger'>, userId: string, ref: NudgeMessageRef): Promise<boolean> {
  const sent = await Promise.all(NUDGE_KINDS.map((kind) => deps.repos.deliveries.find(userId, kind, ref.week)));
  const own = sent.some((delivery) => delivery?.channelId === ref.channelId && delivery.messageTs === ref.messageTs);
  if (!own) deps.logger.warn({ userId, channelId: ref.channelId, week: ref.week }, 'nudge reference refused: not a nudge this user was sent');
  return own;
}
