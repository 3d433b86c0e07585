import type { WebClient } from '@slack/web-api';
import { homePublished, homeToPublish, type HomeArgs } from '../../use-cases/home.js';
import { slackErrorCode, type Deps } from '../../use-cases/deps.js';
import { homeView } from '../views/home.js';

// Enough to outlast any burst of clicks; each round is one read and one publish.
const MAX_ROUNDS = 3;

/**
 * Re-publishes the user's Home tab after anything they changed, so the dashboard is
 * never stale. Two quick changes race (on one replica or two): each publishes what it
 * read, and the slower publish may carry the older read. Slack's optimistic lock settles
 * it: each publish names the hash of the Home it replaces (kept on the user's row), so a
 * publish that another one overtook is refused, and that round reads again.
 *
 * With no hash to name (the user's first Home, or a hash that went stale), the publish is
 * unconditional, and then checked the older way: read again, publish again if the data
 * moved on meanwhile. A failure here is logged, never shown: the change itself succeeded.
 */
export async function refreshHome(deps: Deps, client: WebClient, userId: string): Promise<void> {
  try {
    let stale: string | null = null;
    let shownUnlocked: HomeArgs | null = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const { home, shownHash } = await homeToPublish(deps, userId);
      if (shownUnlocked && JSON.stringify(home) === JSON.stringify(shownUnlocked)) return;
      // A hash that was just refused and is still the one stored will be refused again.
      const lock: string | null = shownHash !== stale ? shownHash : null;
      try {
        const published = await client.views.publish({ user_id: userId, view: homeView(home), ...(lock ? { hash: lock } : {}) });
        if (published.view?.hash) await homePublished(deps, userId, published.view.hash, lock);
        if (lock) return;
        shownUnlocked = home;
      } catch (error) {
        if (!lock || slackErrorCode(error) !== 'hash_conflict') throw error;
        stale = lock;
        shownUnlocked = null;
      }
    }
  } catch (err) {
    deps.logger.warn({ err, userId }, 'could not refresh the Home tab');
  }
}
