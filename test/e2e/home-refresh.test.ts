import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { ENGINEER, NOW, onboard, settle } from './wins-support.js';

const kinds = await databaseKinds();

describe.each(kinds)('the Home tab on %s', (database) => {
  it('when two quick changes race and the older publish lands last, then Home still ends on the newer data', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    // The first change's publish is held up in the network, so it reaches Slack after the second's.
    app.fake.delayNext('views.publish', 700);
    const first = app.slack.command({ userId: ENGINEER, text: 'win Led the incident review for the billing outage' });
    await settle(150);
    await app.slack.command({ userId: ENGINEER, text: 'win Paired with the new hire on the cache rollout' });
    await first;
    // Every request's work after its ack (the write, then the Home publishes) is done.
    await app.coach.idle();

    const publishes = app.fake.callsTo('views.publish').filter((c) => c.args.user_id === ENGINEER);
    const homeId = (publishes[0]?.response as { view: { id: string } }).view.id;
    const shown = JSON.stringify(app.fake.viewById(homeId));
    expect(shown).toContain('*Wins in Q4 2026*\\n2');
  });
});
