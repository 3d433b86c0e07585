import { planMessages } from '../slack/views/plan-messages.js';
import { sendDueCheckIns } from '../use-cases/checkins.js';
import { askDueOutcomes } from '../use-cases/outcomes.js';
import type { Job } from './index.js';

export const monthlyCheckInsJob: Job = {
  name: 'monthly-checkins',
  description: 'send every plan check-in that is due (and the one reminder three days later), and ask for the outcome once calibration has met',
  // Check-ins are due at the engineer's local nudge time, so the job looks often; a run with
  // nothing due is a couple of indexed queries.
  schedule: '*/5 * * * *',
  async run(deps, at) {
    const checkIns = await sendDueCheckIns(deps, at, { messages: planMessages });
    const outcomes = await askDueOutcomes(deps, at, planMessages);
    return { ...checkIns, ...outcomes };
  },
};
