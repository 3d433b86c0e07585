import type { Job } from './index.js';

// Slack stops retrying an event within about an hour; a day of ids is plenty.
const KEEP_EVENT_IDS_MS = 24 * 60 * 60 * 1000;

export const pruneEventsJob: Job = {
  name: 'prune-events',
  description: 'forget Slack event ids older than a day (they only guard against retries)',
  schedule: '17 3 * * *',
  async run(deps, at) {
    const removed = await deps.repos.events.forgetBefore(new Date(at.getTime() - KEEP_EVENT_IDS_MS));
    return { removed };
  },
};
