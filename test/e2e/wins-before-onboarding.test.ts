// A win sent before onboarding is kept, and filed once the profile exists: the user is
// told so, and never asked to send it again.
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { profileFormValues } from '../support/onboarding.js';
import { ENGINEER, NOW, settle, weekAnswer, winCommand, winsOf } from './wins-support.js';

const kinds = await databaseKinds();

const dm = (text: string, ts = '1763900000.000100') => ({ type: 'message', channel_type: 'im', channel: `D${ENGINEER}`, user: ENGINEER, text, ts });

async function onboardThroughModal(app: TestApp) {
  const res = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: VIEWS.onboarding, values: profileFormValues() });
  expect(res.status).toBe(200);
  expect(res.body).toBe('');
}

describe.each(kinds)('wins sent before onboarding, on %s', (database) => {
  const start = async () => {
    const app = await startTestApp({ database, now: NOW });
    app.fake.setUser(ENGINEER, { tz: 'America/New_York' });
    return app;
  };

  it('when a new user DMs a win, then it is kept and they are told so; after onboarding it is filed, tagged, and announced', async () => {
    const app = await start();
    await app.slack.event(dm('Wrote the design doc for the new cache and mentored two engineers through the rollout'));
    const reply = await app.fake.waitForCall('chat.postMessage');
    expect(String(reply.args.text)).toContain('safe with me');
    expect(String(reply.args.text)).toContain('no need to send it again');
    expect(await winsOf(app)).toEqual([]);

    await onboardThroughModal(app);
    const announced = await app.fake.waitForCall('chat.postMessage', (c) => /filed the win/.test(String(c.args.text)));
    expect(announced.args.channel).toBe(`D${ENGINEER}`);
    const [win, ...others] = await winsOf(app);
    expect(others).toEqual([]);
    expect(win).toMatchObject({ source: 'dm', text: 'Wrote the design doc for the new cache and mentored two engineers through the rollout' });
    expect(win?.criteria).toContain('staff.writing');
    expect(await weekAnswer(app)).toBe('wins');
    expect(await app.coach.database.prisma.pendingWin.count()).toBe(0);
    const home = await app.fake.waitForCall('views.publish', (c) => JSON.stringify(c.args.view).includes('Going for'));
    expect(JSON.stringify(home.args.view)).toContain('*Wins in Q4 2026*\\n1');
  });

  it('when a new user types /promo win, then it is kept, onboarding opens, and saving the profile files it once', async () => {
    const app = await start();
    const { reply } = await winCommand(app, 'Ran the incident review for the billing outage');
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('safe with me');
    const open = await app.fake.waitForCall('views.open');
    expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);

    await onboardThroughModal(app);
    await app.fake.waitForCall('chat.postMessage', (c) => /filed the win/.test(String(c.args.text)));
    // Opening and saving the profile again files nothing twice.
    await onboardThroughModal(app);
    await settle();
    expect((await winsOf(app)).map((w) => w.text)).toEqual(['Ran the incident review for the billing outage']);
  });

  it('when Slack retries a DM sent before onboarding, then it is kept once and answered once', async () => {
    const app = await start();
    await app.slack.event(dm('Shipped the search rewrite'), { eventId: 'Ev0KEPT' });
    await app.fake.waitForCall('chat.postMessage');
    await app.slack.event(dm('Shipped the search rewrite'), { eventId: 'Ev0KEPT2', retryNum: 1 });
    await settle();
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await app.coach.database.prisma.pendingWin.count()).toBe(1);
  });

  it('when /promo win comes the moment after the onboarding modal is submitted, then it is logged as a win, not lost', async () => {
    const app = await start();
    // Slack is slow to say the user's time zone: the profile must not wait for it.
    app.fake.delayNext('users.info', 1_500);
    await onboardThroughModal(app);
    const { reply } = await winCommand(app, 'Paired with the new hire on the cache rollout');
    expect(reply.text).toMatch(/^Logged\./);
    expect((await winsOf(app)).map((w) => w.text)).toEqual(['Paired with the new hire on the cache rollout']);
    await settle(1_800);
    expect((await app.coach.deps.repos.users.find(ENGINEER))?.tz).toBe('America/New_York');
  });

  it('when a kept DM is empty or too long, then it gets the usual field error and nothing is kept', async () => {
    const app = await start();
    await app.slack.event(dm('a'.repeat(3001)));
    const reply = await app.fake.waitForCall('chat.postMessage');
    expect(String(reply.args.text)).toContain('Nothing saved yet');
    expect(await app.coach.database.prisma.pendingWin.count()).toBe(0);
  });
});
