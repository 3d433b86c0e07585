// The Slack side of the SlackGateway port (src/use-cases/deps.ts): the few Web API calls
// use cases and jobs make. Listeners use the client Bolt hands them.
import type { WebClient } from '@slack/web-api';
import type { UsersRepository } from '../db/repositories/users.js';
import type { SlackGateway, SlackMessage } from '../use-cases/deps.js';

export type { SlackGateway, SlackMessage };

export function slackGateway(client: WebClient, users: UsersRepository): SlackGateway {
  return {
    async userTimeZone(userId) {
      const result = await client.users.info({ user: userId });
      return result.user?.tz ?? null;
    },

    async dmChannel(userId) {
      const cached = (await users.find(userId))?.dmChannelId;
      if (cached) return cached;
      const result = await client.conversations.open({ users: userId });
      const channelId = result.channel?.id;
      if (!channelId) throw new Error('conversations.open returned no channel');
      await users.cacheDmChannel(userId, channelId);
      return channelId;
    },

    async postDm(userId, message: SlackMessage, knownChannelId) {
      const channelId = knownChannelId ?? (await this.dmChannel(userId));
      const result = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
      return { channelId, ts: result.ts };
    },

    async permalink(channel, messageTs) {
      return (await client.chat.getPermalink({ channel, message_ts: messageTs })).permalink ?? null;
    },

    async createPrivateChannel(name) {
      const result = await client.conversations.create({ name, is_private: true });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.create returned no channel');
      return id;
    },

    async inviteToChannel(channelId, userIds) {
      await client.conversations.invite({ channel: channelId, users: userIds.join(',') });
    },

    async openGroupDm(userIds) {
      const result = await client.conversations.open({ users: userIds.join(',') });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },

    async postMessage(channelId, message) {
      const result = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
      return { ts: result.ts };
    },

    async updateMessage(channelId, ts, message) {
      await client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks ?? [] });
    },
  };
}
