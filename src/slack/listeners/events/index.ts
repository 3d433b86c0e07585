import type { App } from '@slack/bolt';
import { syncTimeZone } from '../../../use-cases/profile.js';
import type { Deps } from '../../../use-cases/deps.js';
import { refreshHome } from '../refresh-home.js';
import { dmWin } from './dm-win.js';

export function registerEvents(app: App, deps: Deps) {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    // A Home visit is a cheap moment to notice a changed time zone (users.info is Tier 4).
    await syncTimeZone(deps, event.user).catch((err: unknown) =>
      deps.logger.warn({ err, userId: event.user }, 'could not refresh time zone'),
    );
    await refreshHome(deps, client, event.user);
  });
  app.event('message', dmWin(deps));
}
