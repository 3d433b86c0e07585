import { followUpMessage } from '../slack/views/prep-messages.js';
import { sendDueFollowUps } from '../use-cases/meetings.js';
import type { Job } from './index.js';

export const meetingFollowUpsJob: Job = {
  name: 'meeting-followups',
  description: 'ask, the day after each career conversation, how it went (once per meeting and date)',
  // Due at 10:00 on each user's clock: every quarter hour finds it soon after, in any zone.
  schedule: '*/15 * * * *',
  async run(deps, at) {
    return sendDueFollowUps(deps, at, { message: followUpMessage });
  },
};
