import { LiveLadder } from '../ladder/live-ladder.js';
import { orgSettings } from '../use-cases/settings.js';
import type { Job } from './index.js';

// An admin's change is live at once on the replica that saved it; the others pick up a
// new leveling guide here, within a minute, without a restart.
export const syncSettingsJob: Job = {
  name: 'sync-settings',
  description: 'bring this replica’s leveling guide up to date with the stored org settings',
  schedule: '* * * * *',
  async run(deps) {
    const keyOf = () => (deps.ladder instanceof LiveLadder ? deps.ladder.key : deps.ladder.name);
    const before = keyOf();
    await orgSettings(deps);
    return { ladderChanged: keyOf() === before ? 0 : 1 };
  },
};
