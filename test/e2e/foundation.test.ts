import { describe, expect, it, vi } from 'vitest';
import { ONBOARDING, VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { profileFormValues } from '../support/onboarding.js';

const kinds = await databaseKinds();


describe.each(kinds)('foundation on %s', (database) => {
  const start = (): Promise<TestApp> => startTestApp({ database, now: new Date('2026-11-23T12:00:00Z') });

  it('when Slack asks for /promo help, then the answer is an ephemeral help message', async () => {
    const app = await start();
    const res = await app.slack.command({ userId: 'UENG', text: 'help' });
    expect(res.status).toBe(200);
    const body = res.json<{ response_type: string; text: string; blocks: unknown[] }>();
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/promo settings');
    expect(app.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('when a request has a bad signature or a stale timestamp, then it is refused with 401 and nothing runs', async () => {
    const app = await start();
    const body = 'command=%2Fpromo&text=help&user_id=UENG&trigger_id=1.2.3';
    const forged = await app.slack.raw(body, {
      contentType: 'application/x-www-form-urlencoded',
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });
    expect(forged.status).toBe(401);
    const wrongSecret = await app.slack.raw(body, {
      contentType: 'application/x-www-form-urlencoded',
      signingSecret: 'not-the-secret',
    });
    expect(wrongSecret.status).toBe(401);
    const stale = await app.slack.raw(body, {
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
  });

  it('when Slack verifies the events URL, then the challenge comes back', async () => {
    const app = await start();
    const res = await app.slack.urlVerification('challenge-xyz');
    expect(res.status).toBe(200);
    expect(res.body).toContain('challenge-xyz');
  });

  it('when /healthz is asked, then it answers 200 with the database checked', async () => {
    const app = await start();
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('when a new user opens the Home tab, then a welcome Home view is published', async () => {
    const app = await start();
    await app.slack.event({ type: 'app_home_opened', user: 'UNEW', tab: 'home', channel: 'DNEW' });
    const publish = await app.fake.waitForCall('views.publish');
    expect(publish.args.user_id).toBe('UNEW');
    expect(JSON.stringify(publish.args.view)).toContain('Get started');
  });

  it('when Slack retries an event it already handled, then the app acts on it once', async () => {
    const app = await start();
    const event = { type: 'app_home_opened', user: 'UNEW', tab: 'home', channel: 'DNEW' };
    await app.slack.event(event, { eventId: 'Ev0RETRY' });
    await app.fake.waitForCall('views.publish');
    // An event counts as handled once its handlers finished (a failed one is left to the retry).
    await vi.waitFor(async () => expect(await app.coach.deps.repos.events.wasProcessed('Ev0RETRY')).toBe(true));
    const retry = await app.slack.event(event, { eventId: 'Ev0RETRY', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.fake.callsTo('views.publish')).toHaveLength(1);
  });

  it('when a new user runs /promo, then onboarding opens, and submitting stores the profile with the Slack time zone', async () => {
    const app = await start();
    app.fake.setUser('UENG', { tz: 'Europe/Berlin' });
    const res = await app.slack.command({ userId: 'UENG', text: 'wins' });
    expect(res.status).toBe(200);
    const open = await app.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(res.triggerId);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);

    const submit = await app.slack.viewSubmission({
      userId: 'UENG',
      callbackId: VIEWS.onboarding,
      values: profileFormValues(),
    });
    expect(submit.status).toBe(200);
    expect(submit.body).toBe('');
    const home = await app.fake.waitForCall('views.publish', (c) => c.args.user_id === 'UENG');
    expect(JSON.stringify(home.args.view)).toContain('Going for Staff Engineer');

    const profile = await app.coach.deps.repos.users.findProfile('UENG');
    expect(profile).toMatchObject({
      currentLevel: 'senior',
      targetLevel: 'staff',
      managerId: 'UMANAGER',
      targetCycle: '2027 H2',
      nudgeDay: 5,
      nudgeMinute: 900,
    });
    expect((await app.coach.deps.repos.users.find('UENG'))?.tz).toBe('Europe/Berlin');
    // Friday 27 November 2026, 15:00 in Berlin (UTC+1).
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-11-27T14:00:00.000Z');

    // Once onboarded, an unknown subcommand shows help instead of the modal.
    const again = await app.slack.command({ userId: 'UENG', text: 'dance' });
    expect(again.json<{ text: string }>().text).toContain("I don't know `dance`");
  });

  it.each([
    ['no manager', { manager: null }, ONBOARDING.managerBlock],
    ['themselves as manager', { manager: 'UENG' }, ONBOARDING.managerBlock],
    ['a target below today', { currentLevel: 'staff', targetLevel: 'senior' }, ONBOARDING.targetLevelBlock],
    ['a target equal to today', { currentLevel: 'staff', targetLevel: 'staff' }, ONBOARDING.targetLevelBlock],
    ['a forged level', { currentLevel: 'emperor' }, ONBOARDING.currentLevelBlock],
    ['a forged cycle', { cycle: '1999 H1' }, ONBOARDING.cycleBlock],
    ['no time', { time: null }, ONBOARDING.nudgeTimeBlock],
  ])('when onboarding is submitted with %s, then the modal shows a field error and nothing is stored', async (_, values, block) => {
    const app = await start();
    const res = await app.slack.viewSubmission({
      userId: 'UENG',
      callbackId: VIEWS.onboarding,
      values: profileFormValues(values),
    });
    expect(res.status).toBe(200);
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toContain(block);
    expect(await app.coach.deps.repos.users.findProfile('UENG')).toBeNull();
  });
});
