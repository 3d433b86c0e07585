import { sendDueNudges } from '../use-cases/nudges.js';
import type { Job } from './index.js';

export const weeklyNudgesJob: Job = {
  name: 'weekly-nudges',
  description: 'send every weekly win nudge (and snoozed re-nudge) that is due and not yet sent',
  // Often, so a nudge goes out within minutes of its local time and a restart catches up soon;
  // a tick with nothing due is one indexed query.
  schedule: '*/5 * * * *',
  async run(deps, at) {
    return sendDueNudges(deps, at);
  },
};
