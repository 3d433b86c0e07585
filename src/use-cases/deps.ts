import type { KnownBlock } from '@slack/types';
import type { Repositories } from '../db/index.js';
import type { Ladder } from '../ladder/index.js';
import type { Logger } from '../logger.js';

/** A message a use case or job sends; views build it. */
export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * The few Slack calls use cases and jobs make, named by what they do. Declared here, on
 * the use-case side, and implemented in src/slack/gateway.ts: dependencies point from
 * slack/ to use-cases/, never back.
 */
export interface SlackGateway {
  /** The user's IANA time zone from their Slack profile, or null if Slack has none. */
  userTimeZone(userId: string): Promise<string | null>;
  /** The DM channel with a user; cached, since conversations.open is rate-limited (Tier 3). */
  dmChannel(userId: string): Promise<string>;
  /** Posts in the user's DM; pass the DM channel id when the caller already has it. */
  postDm(userId: string, message: SlackMessage, knownChannelId?: string | null): Promise<{ channelId: string; ts: string | undefined }>;
  /** A link to a message; null when Slack will not give one (the message is gone, no access). */
  permalink(channel: string, messageTs: string): Promise<string | null>;
}

/** What every use case may need, passed in so tests control each piece (the clock too). */
export interface Deps {
  repos: Repositories;
  ladder: Ladder;
  logger: Logger;
  slack: SlackGateway;
  clock: () => Date;
}
