import { enforceRetention } from '../use-cases/retention.js';
import type { Job } from './index.js';

export const retentionJob: Job = {
  name: 'retention',
  description: 'delete wins older than the org’s retention setting, keeping those a prep, plan or check-in cites',
  schedule: '43 3 * * *',
  async run(deps, at) {
    const { deleted, kept, pendingDeleted } = await enforceRetention(deps, at);
    return { deleted, kept, pendingDeleted };
  },
};
