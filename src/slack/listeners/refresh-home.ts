import type { WebClient } from '@slack/web-api';
import { homeFor } from '../../use-cases/home.js';
import type { Deps } from '../../use-cases/deps.js';
import { homeView } from '../views/home.js';

// Enough to outlast any burst of clicks; each round is one read and one publish.
const MAX_PUBLISHES = 3;

/**
 * Re-publishes the user's Home tab after anything they changed, so the dashboard is
 * never stale. Two quick changes race (on one replica or two): each publishes what it
 * read, and the slower publish may carry the older read. So after publishing, read
 * again, and publish once more if the data moved on meanwhile: whichever publish lands
 * last then shows the newest data. A failure here is logged, never shown: the change
 * itself succeeded.
 */
export async function refreshHome(deps: Deps, client: WebClient, userId: string): Promise<void> {
  try {
    let shown = await homeFor(deps, userId);
    for (let round = 0; round < MAX_PUBLISHES; round++) {
      await client.views.publish({ user_id: userId, view: homeView(shown) });
      const latest = await homeFor(deps, userId);
      if (JSON.stringify(latest) === JSON.stringify(shown)) return;
      shown = latest;
    }
  } catch (err) {
    deps.logger.warn({ err, userId }, 'could not refresh the Home tab');
  }
}
