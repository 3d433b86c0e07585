import type { KnownBlock } from '@slack/types';
import type { Repositories } from '../db/index.js';
import type { Ladder } from '../ladder/index.js';
import type { Logger } from '../logger.js';
import type { FileSettings } from '../org/settings-file.js';
import type { LlmCoach } from './llm-port.js';

/** A message a use case or job sends; views build it. */
export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** The error code Slack refused a call with ("hash_conflict", "channel_not_found"), if it was Slack that refused. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
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
  /**
   * Posts in the user's DM; pass the DM channel id when the caller already has it. A delivery
   * id (the delivery engine's) travels in the message's metadata, so a retry can find the DM.
   */
  postDm(userId: string, message: SlackMessage, knownChannelId?: string | null, deliveryId?: string): Promise<{ channelId: string; ts: string | undefined }>;
  /** The DM posted with this delivery id, among the DM's latest messages; null when there is none. */
  findDelivered(userId: string, deliveryId: string, knownChannelId?: string | null): Promise<{ channelId: string; ts: string } | null>;
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
  /** Uploads a text file into the user's DM (files.uploadV2), with a comment above it. */
  uploadDmFile(userId: string, file: { filename: string; title: string; content: string; comment: string }): Promise<void>;
  /** Schedules a DM that Slack posts at `postAt` itself, so it arrives even if the app is down then. */
  scheduleDm(userId: string, postAt: Date, message: SlackMessage): Promise<{ channelId: string; scheduledMessageId: string }>;
  /** Removes a scheduled DM; one Slack no longer holds (already posted, already removed) is not an error. */
  deleteScheduledDm(userId: string, scheduledMessageId: string): Promise<void>;
  /** A person's name and work email as Slack shows them; email is null without users:read.email or when hidden. */
  userContact(userId: string): Promise<{ name: string | null; email: string | null }>;
  /** Slack's own word on whether a user is a workspace admin or owner (users.info). */
  isWorkspaceAdmin(userId: string): Promise<boolean>;
  /** A file someone shared with the app (e.g. through a modal's file input), as text. */
  downloadFile(fileId: string): Promise<{ name: string; content: string }>;
  /** Replaces a message the app posted with plain text (its blocks go). */
  replaceMessage(channelId: string, ts: string, text: string): Promise<void>;
}

/** What the operator configured for the whole org, besides what admins set in Slack. */
export interface OrgRuntime {
  /** Admins by configuration (ADMIN_USER_IDS), on top of Slack's admins and owners. */
  adminUserIds: readonly string[];
  /** The operator's settings file (SETTINGS_FILE), parsed at start; its values win over the modal. */
  settingsFile: FileSettings | null;
  /** LADDER_FILE or the built-in ladder: what runs when neither the file nor an admin set one. */
  baseLadder: Ladder;
}

/** What every use case may need, passed in so tests control each piece (the clock too). */
export interface Deps {
  repos: Repositories;
  ladder: Ladder;
  logger: Logger;
  slack: SlackGateway;
  clock: () => Date;
  /** Absent in tests that build Deps by hand: no configured admins, no file, the ladder as given. */
  org?: OrgRuntime;
  /** The optional LLM (OPENAI_API_KEY); absent, the rules answer alone. */
  llm?: LlmCoach;
}
