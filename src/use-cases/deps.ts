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
  /** Creates a private channel (the bot is its first member); throws Slack's error when refused. */
  createPrivateChannel(name: string): Promise<string>;
  /** Invites these users to a channel the bot is in. */
  inviteToChannel(channelId: string, userIds: string[]): Promise<void>;
  /** The group DM of the bot and these users (conversations.open with several users). */
  openGroupDm(userIds: string[]): Promise<string>;
  /** Posts in any conversation the bot is in. */
  postMessage(channelId: string, message: SlackMessage): Promise<{ ts: string | undefined }>;
  /** Rewrites a message the bot posted, in place. */
  updateMessage(channelId: string, ts: string, message: SlackMessage): Promise<void>;
}

/** What every use case may need, passed in so tests control each piece (the clock too). */
export interface Deps {
  repos: Repositories;
  ladder: Ladder;
  logger: Logger;
  slack: SlackGateway;
  clock: () => Date;
}
