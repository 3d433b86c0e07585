// The few Web API calls use cases and jobs make, behind names that say what they do.
// Listeners use the client Bolt hands them; everything else goes through here.
import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { UsersRepository } from '../db/repositories/users.js';

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

export function slackGateway(client: WebClient, users: UsersRepository) {
  return {
    /** The user's IANA time zone from their Slack profile, or null if Slack has none. */
    async userTimeZone(userId: string): Promise<string | null> {
      const result = await client.users.info({ user: userId });
      return result.user?.tz ?? null;
    },

    /** The DM channel with a user; cached, since conversations.open is rate-limited (Tier 3). */
    async dmChannel(userId: string): Promise<string> {
      const cached = (await users.find(userId))?.dmChannelId;
      if (cached) return cached;
      const result = await client.conversations.open({ users: userId });
      const channelId = result.channel?.id;
      if (!channelId) throw new Error('conversations.open returned no channel');
      await users.cacheDmChannel(userId, channelId);
      return channelId;
    },

    /** Posts in the user's DM; pass the DM channel id when the caller already has it. */
    async postDm(
      userId: string,
      message: SlackMessage,
      knownChannelId?: string | null,
    ): Promise<{ channelId: string; ts: string | undefined }> {
      const channelId = knownChannelId ?? (await this.dmChannel(userId));
      const result = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
      return { channelId, ts: result.ts };
    },

    /** A link to a message; null when Slack will not give one (the message is gone, no access). */
    async permalink(channel: string, messageTs: string): Promise<string | null> {
      return (await client.chat.getPermalink({ channel, message_ts: messageTs })).permalink ?? null;
    },
  };
}

export type SlackGateway = ReturnType<typeof slackGateway>;
