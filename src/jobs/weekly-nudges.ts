import { nudgeMessage } from '../slack/views/nudge.js';
import { sendDueNudges, type NudgeContent } from '../use-cases/nudges.js';
import type { Job } from './index.js';

/** The nudge DM: the use case says which week, the view says it in Block Kit. */
export const weeklyNudgeMessage = ({ week, reNudge, olderWeekStart, pickNextCycle }: NudgeContent) =>
  nudgeMessage({ week, reNudge, weekStarting: olderWeekStart, pickNextCycle });

export const weeklyNudgesJob: Job = {
  name: 'weekly-nudges',
  description: 'send every weekly win nudge (and snoozed re-nudge) that is due and not yet sent',
  // Often, so a nudge goes out within minutes of its local time and a restart catches up soon;
  // a tick with nothing due is one indexed query.
  schedule: '*/5 * * * *',
  async run(deps, at) {
    return sendDueNudges(deps, at, { message: weeklyNudgeMessage });
  },
};
