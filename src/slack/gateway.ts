// The Slack side of the SlackGateway port (src/use-cases/deps.ts): the few Web API calls
// use cases and jobs make. Listeners use the client Bolt hands them.
import type { WebClient } from '@slack/web-api';
import type { UsersRepository } from '../db/repositories/users.js';
import { DELIVERY_EVENT_TYPE } from '../delivery/engine.js';
import type { SlackGateway, SlackMessage } from '../use-cases/deps.js';

export type { SlackGateway, SlackMessage };

/** Messages of a DM searched for a delivery's own: a lease's worth of conversation and then some. */
const DELIVERY_LOOKBACK = 100;

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

    async postDm(userId, message: SlackMessage, knownChannelId, deliveryId) {
      const channelId = knownChannelId ?? (await this.dmChannel(userId));
      const result = await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        ...(deliveryId ? { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery: deliveryId } } } : {}),
      });
      return { channelId, ts: result.ts };
    },

    async findDelivered(userId, deliveryId, knownChannelId) {
      const channelId = knownChannelId ?? (await this.dmChannel(userId));
      // A retry follows its lost attempt by one lease: the DM is among the latest messages.
      const { messages } = await client.conversations.history({ channel: channelId, limit: DELIVERY_LOOKBACK, include_all_metadata: true });
      const found = messages?.find(
        (m) => m.metadata?.event_type === DELIVERY_EVENT_TYPE && (m.metadata.event_payload as { delivery?: unknown } | undefined)?.delivery === deliveryId,
      );
      return found?.ts ? { channelId, ts: found.ts } : null;
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

    async uploadDmFile(userId, file) {
      const channelId = await this.dmChannel(userId);
      await client.filesUploadV2({
        channel_id: channelId,
        file: Buffer.from(file.content, 'utf8'),
        filename: file.filename,
        title: file.title,
        initial_comment: file.comment,
      });
    },

    async scheduleDm(userId, postAt, message) {
      const channelId = await this.dmChannel(userId);
      const result = await client.chat.scheduleMessage({
        channel: channelId,
        post_at: Math.floor(postAt.getTime() / 1000),
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
      if (!result.scheduled_message_id) throw new Error('chat.scheduleMessage returned no id');
      return { channelId, scheduledMessageId: result.scheduled_message_id };
    },

    async deleteScheduledDm(userId, scheduledMessageId) {
      const channelId = await this.dmChannel(userId);
      try {
        await client.chat.deleteScheduledMessage({ channel: channelId, scheduled_message_id: scheduledMessageId });
      } catch (err) {
        // Already posted or already removed: either way it will not arrive, which is what was asked.
        if ((err as { data?: { error?: string } }).data?.error !== 'invalid_scheduled_message_id') throw err;
      }
    },

    async userContact(userId) {
      const { user } = await client.users.info({ user: userId });
      return { name: user?.real_name || user?.profile?.real_name || null, email: user?.profile?.email || null };
    },

    async isWorkspaceAdmin(userId) {
      const { user } = await client.users.info({ user: userId });
      return user?.is_admin === true || user?.is_owner === true;
    },

    async downloadFile(fileId) {
      const { file } = await client.files.info({ file: fileId });
      const url = file?.url_private;
      if (!url) throw new Error('files.info returned no url_private');
      // The bot token goes only to Slack's own file host (or the API host a test points at).
      const allowed = new Set(['https://files.slack.com', new URL(client.slackApiUrl).origin]);
      if (!allowed.has(new URL(url).origin)) throw new Error('the file is not on a Slack file host');
      const response = await fetch(url, { headers: { Authorization: `Bearer ${client.token ?? ''}` }, redirect: 'error' });
      if (!response.ok) throw new Error(`downloading the file failed with HTTP ${response.status}`);
      return { name: file?.name ?? fileId, content: await response.text() };
    },

    async replaceMessage(channelId, ts, text) {
      await client.chat.update({ channel: channelId, ts, text, blocks: [] });
    },
  };
}
