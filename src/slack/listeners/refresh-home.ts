import type { WebClient } from '@slack/web-api';
import { homeFor } from '../../use-cases/home.js';
import type { Deps } from '../../use-cases/deps.js';
import { homeView } from '../views/home.js';

/**
 * Re-publishes the user's Home tab after anything they changed, so the dashboard is
 * never stale. A failure here is logged, never shown: the change itself succeeded.
 */
export async function refreshHome(deps: Deps, client: WebClient, userId: string): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: homeView(await homeFor(deps, userId)) });
  } catch (err) {
    deps.logger.warn({ err, userId }, 'could not refresh the Home tab');
  }
}
