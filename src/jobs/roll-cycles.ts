import { rollCyclesForward } from '../use-cases/cycles.js';
import type { Job } from './index.js';

export const rollCyclesJob: Job = {
  name: 'roll-cycles',
  description: 'add the next default promotion cycles when fewer than two are still ahead',
  // Daily: a long-running replica keeps offering future cycles without a restart.
  schedule: '41 2 * * *',
  async run(deps, at) {
    const added = await rollCyclesForward({ repos: deps.repos, clock: () => at });
    return { added: added.length };
  },
};
