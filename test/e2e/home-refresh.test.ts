import { describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { ENGINEER, NOW, onboard, settle } from './wins-support.js';

const kinds = await databaseKinds();

describe.each(kinds)('the Home tab on %s', (database) => {
  it('when two quick changes race and the older publish lands last, then Home still ends on the newer data', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    await twoQuickWins(app);

    expect(JSON.stringify(app.fake.viewById(homeIdOf(homePublishes(app))))).toContain('*Wins in Q4 2026*\\n2');
  });

  it('when two quick changes race after Home has been published before, then Slack refuses the overtaken publish and Home ends on the newer data', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    await app.slack.command({ userId: ENGINEER, text: 'win Wrote the on-call handbook' });
    await app.coach.idle();

    await twoQuickWins(app);

    const publishes = homePublishes(app);
    expect(JSON.stringify(app.fake.viewById(homeIdOf(publishes)))).toContain('*Wins in Q4 2026*\\n3');
    // Every publish named the hash it meant to replace.
    expect(app.fake.callsTo('views.publish').slice(1).every((c) => typeof c.args.hash === 'string')).toBe(true);
  });

  it('when nothing races, then one publish, naming the hash of the Home it replaces', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    await app.slack.command({ userId: ENGINEER, text: 'win Led the incident review for the billing outage' });
    await app.coach.idle();
    const before = homePublishes(app);

    await app.slack.command({ userId: ENGINEER, text: 'win Paired with the new hire on the cache rollout' });
    await app.coach.idle();

    const after = homePublishes(app);
    expect(after).toHaveLength(before.length + 1);
    const previous = (before.at(-1)?.response as { view: { hash: string } }).view.hash;
    expect(after.at(-1)?.args.hash).toBe(previous);
    expect(JSON.stringify(app.fake.viewById(homeIdOf(after)))).toContain('*Wins in Q4 2026*\\n2');
  });

  it('when the hash on record is not the one Slack has (a publish we never heard back from), then the refresh still lands the newest data', async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    await app.slack.command({ userId: ENGINEER, text: 'win Led the incident review for the billing outage' });
    await app.coach.idle();
    await app.coach.deps.repos.users.setHomeHash(ENGINEER, 'a-hash-slack-no-longer-has', null);

    await app.slack.command({ userId: ENGINEER, text: 'win Paired with the new hire on the cache rollout' });
    await app.coach.idle();

    const publishes = homePublishes(app);
    expect(JSON.stringify(app.fake.viewById(homeIdOf(publishes)))).toContain('*Wins in Q4 2026*\\n2');
    // Refused once for the stale hash, then published without one, and its hash kept for the next.
    expect(app.fake.callsTo('views.publish').filter((c) => (c.response as { error?: string }).error === 'hash_conflict')).toHaveLength(1);
    expect(await app.coach.deps.repos.users.homeHash(ENGINEER)).toBe((publishes.at(-1)?.response as { view: { hash: string } }).view.hash);
  });
});

/** Two wins by command, the first one's Home publish held up so it reaches Slack after the second's. */
async function twoQuickWins(app: TestApp): Promise<void> {
  app.fake.delayNext('views.publish', 700);
  const first = app.slack.command({ userId: ENGINEER, text: 'win Led the incident review for the billing outage' });
  await settle(150);
  await app.slack.command({ userId: ENGINEER, text: 'win Paired with the new hire on the cache rollout' });
  await first;
  // Every request's work after its ack (the write, then the Home publishes) is done.
  await app.coach.idle();
}

function homePublishes(app: TestApp) {
  return app.fake.callsTo('views.publish').filter((c) => c.args.user_id === ENGINEER && (c.response as { ok?: boolean }).ok === true);
}

function homeIdOf(publishes: ReturnType<typeof homePublishes>): string {
  return (publishes[0]?.response as { view: { id: string } }).view.id;
}
