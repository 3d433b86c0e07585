import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { ACTIONS, NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { weeklyNudgeMessage } from '../../src/jobs/weekly-nudges.js';
import { nudgeSettingsFor, sendDueNudges } from '../../src/use-cases/nudges.js';
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from '../support/app-harness.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { allDms, buttonsOf, dmsTo, onboard, tick } from './nudges-fixtures.js';

const kinds = await databaseKinds();
// Wednesday 25 November 2026 (ISO week 48); the default nudge is Friday 27 November, 15:00 local.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');
const BERLIN_FRIDAY_15 = '2026-11-27T14:00:00.000Z';

describe.each(kinds)('weekly nudges on %s', (database) => {
  const start = (): Promise<TestApp> => startTestApp({ database, now: WEDNESDAY, logLevel: 'info' });

  it('when each user\'s local nudge time comes, then each gets one DM with the four buttons, and next week is scheduled', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    await onboard(app, 'UNEWYORK', 'America/New_York', WEDNESDAY);
    await onboard(app, 'UKOLKATA', 'Asia/Kolkata', WEDNESDAY);

    // 15:00 in Kolkata is 09:30 UTC; nobody else is due yet.
    expect(await tick(app, '2026-11-27T09:30:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(dmsTo(app, 'UKOLKATA')).toHaveLength(1);
    expect(await tick(app, '2026-11-27T13:55:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(await tick(app, '2026-11-27T14:05:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(await tick(app, '2026-11-27T20:00:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(await tick(app, '2026-11-27T20:05:00Z')).toMatchObject({ weekly_sent: 0 });

    for (const user of ['UBERLIN', 'UNEWYORK', 'UKOLKATA']) expect(dmsTo(app, user)).toHaveLength(1);
    const [dm] = dmsTo(app, 'UBERLIN');
    const buttons = buttonsOf(dm as NonNullable<typeof dm>);
    expect(buttons.map((b) => b.action_id)).toEqual([
      NUDGE_ACTIONS.logWin,
      NUDGE_ACTIONS.nothingThisWeek,
      NUDGE_ACTIONS.snoozeToMonday,
      NUDGE_ACTIONS.pause,
    ]);
    expect(buttons.map((b) => b.text.text)).toEqual(['Log a win', 'Nothing this week', 'Snooze to Monday', 'Pause nudges']);
    expect(new Set(buttons.map((b) => b.value))).toEqual(new Set(['2026-W48']));
    expect(String(dm?.args.text)).toMatch(/this week/);

    const delivery = await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48');
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, channelId: 'DUBERLIN' });
    const profile = await app.coach.deps.repos.users.findProfile('UBERLIN');
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    // The DM channel was opened once and cached.
    expect(app.fake.callsTo('conversations.open').filter((c) => c.args.users === 'UBERLIN')).toHaveLength(1);

    // Next Friday (Kolkata's is due again too), the next week's nudge, with the DM channel from the cache.
    expect(await tick(app, '2026-12-04T14:00:00Z')).toMatchObject({ weekly_sent: 2 });
    expect(buttonsOf(dmsTo(app, 'UBERLIN')[1] as NonNullable<typeof dm>)[0]?.value).toBe('2026-W49');
    expect(app.fake.callsTo('conversations.open').filter((c) => c.args.users === 'UBERLIN')).toHaveLength(1);
  });

  it('when the app was down at the nudge minute, then the nudge goes out on the next tick that day', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    // Back up almost four hours later.
    expect(await tick(app, '2026-11-27T17:55:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(1);
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it('when the nudge is more than 12 hours late, then it is skipped and next week\'s is scheduled', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    // Back up on Saturday morning, 13 hours after Friday 15:00.
    expect(await tick(app, '2026-11-28T03:00:00Z')).toMatchObject({ weekly_sent: 0, weekly_late: 1 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(0);
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(await tick(app, '2026-12-04T14:05:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(buttonsOf(dmsTo(app, 'UBERLIN')[0] as NonNullable<ReturnType<typeof dmsTo>[0]>)[0]?.value).toBe('2026-W49');
  });

  it('when the app was down for three weeks and this week\'s slot passed an hour ago, then this week\'s nudge goes out and the missed weeks are skipped', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    // The stored slot is Friday 27 November (W48); the app comes back on Friday 18 December (W51), 16:00 local.
    expect(await tick(app, '2026-12-18T15:00:00Z')).toMatchObject({ weekly_sent: 1 });
    const dms = dmsTo(app, 'UBERLIN');
    expect(dms).toHaveLength(1);
    expect(new Set(buttonsOf(dms[0] as NonNullable<(typeof dms)[0]>).map((b) => b.value))).toEqual(new Set(['2026-W51']));
    expect(await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48')).toBeNull();
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-25T14:00:00.000Z');
    expect(await tick(app, '2026-12-18T15:05:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(1);
  });

  it('when the app was down for three weeks and this week\'s slot passed more than 12 hours ago, then nothing is sent and next week\'s is scheduled', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    // Back on Saturday 19 December, 04:00 local: 13 hours after this week's Friday 15:00.
    expect(await tick(app, '2026-12-19T03:00:00Z')).toMatchObject({ weekly_sent: 0, weekly_late: 1 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(0);
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-25T14:00:00.000Z');
    expect(await tick(app, '2026-12-25T14:00:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(buttonsOf(dmsTo(app, 'UBERLIN')[0] as NonNullable<ReturnType<typeof dmsTo>[0]>)[0]?.value).toBe('2026-W52');
  });

  it('when a process crashed between claiming and sending, then a later tick retries it, and it is sent once', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    // The crashed process: it claimed this week's delivery at 15:00 local and never sent it.
    const claim = await app.coach.deps.repos.deliveries.claim('UBERLIN', 'weekly_nudge', '2026-W48', {
      now: new Date(BERLIN_FRIDAY_15),
      leaseMs: 600_000,
      maxAttempts: 3,
    });
    expect(claim).not.toBeNull();

    // Within the claim's lease another sender may still be at work: leave it, keep the user due.
    expect(await tick(app, '2026-11-27T14:05:00Z')).toMatchObject({ weekly_sent: 0, weekly_in_flight: 1 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(0);
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe(BERLIN_FRIDAY_15);

    // After the lease, the stale claim is taken over and the nudge goes out.
    expect(await tick(app, '2026-11-27T14:15:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(await tick(app, '2026-11-27T14:20:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(1);
    expect(await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when Slack answers channel_not_found once, then the delivery is marked failed, the DM channel reopened, and the next tick sends it', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    await app.coach.deps.repos.users.cacheDmChannel('UBERLIN', 'DSTALE');
    app.fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_sent: 0, weekly_failed: 1 });
    expect(await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48')).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await app.coach.deps.repos.users.find('UBERLIN'))?.dmChannelId).toBeNull();

    expect(await tick(app, '2026-11-27T14:05:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(1);
    expect(await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48')).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it('when Slack keeps failing, then the nudge is tried three times, given up, and next week is scheduled', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    app.fake.failNext('chat.postMessage', { error: 'account_inactive' }, 5);

    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_failed: 1 });
    expect(await tick(app, '2026-11-27T14:05:00Z')).toMatchObject({ weekly_failed: 1 });
    expect(await tick(app, '2026-11-27T14:10:00Z')).toMatchObject({ weekly_given_up: 1 });
    expect(await tick(app, '2026-11-27T14:15:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(await app.coach.deps.repos.deliveries.find('UBERLIN', 'weekly_nudge', '2026-W48')).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await app.coach.deps.repos.users.findProfile('UBERLIN'))?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(app.logs.some((l) => l.includes('scheduled DM not delivered') && l.includes('"givenUp":true'))).toBe(true);
  });

  it('when Slack rate-limits a DM with 429 Retry-After, then the client waits and sends it, once', async () => {
    const app = await start();
    await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
    await onboard(app, 'UPARIS', 'Europe/Paris', WEDNESDAY);
    app.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });

    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_sent: 2 });
    const calls = app.fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status).sort()).toEqual([200, 200, 429]);
    expect(dmsTo(app, 'UBERLIN')).toHaveLength(1);
    expect(dmsTo(app, 'UPARIS')).toHaveLength(1);
    const limited = calls.find((c) => c.status === 429) as NonNullable<(typeof calls)[0]>;
    const retried = calls.filter((c) => c.status === 200 && c.args.channel === limited.args.channel)[0];
    expect((retried?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(950);
  });

  it('when a user has paused nudges, then they get nothing and their next nudge is the first after the pause', async () => {
    const app = await start();
    await onboard(app, 'UAWAY', 'Europe/Berlin', WEDNESDAY, { pausedUntil: '2026-12-08' });
    await onboard(app, 'UHERE', 'Europe/Berlin', WEDNESDAY);
    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_sent: 1, weekly_paused: 1 });
    expect(dmsTo(app, 'UAWAY')).toHaveLength(0);
    // Paused through Tuesday 8 December: Friday 4 December is skipped, Friday 11 December is next.
    expect((await app.coach.deps.repos.users.findProfile('UAWAY'))?.nextNudgeAt?.toISOString()).toBe('2026-12-11T14:00:00.000Z');
    expect(await tick(app, '2026-12-04T14:00:00Z')).toMatchObject({ weekly_sent: 1 });
    expect(await tick(app, '2026-12-11T14:00:00Z')).toMatchObject({ weekly_sent: 2 });
    expect(dmsTo(app, 'UAWAY')).toHaveLength(1);
  });

  it('when a pause has ended, then the nudge settings no longer offer it, and the next tick sends the nudge and clears it', async () => {
    const app = await start();
    await onboard(app, 'UBACK', 'Europe/Berlin', WEDNESDAY, { pausedUntil: '2026-12-08' });
    expect(await tick(app, '2026-11-27T14:00:00Z')).toMatchObject({ weekly_paused: 1 });
    expect((await app.coach.deps.repos.users.findProfile('UBACK'))?.nextNudgeAt?.toISOString()).toBe('2026-12-11T14:00:00.000Z');
    // Thursday 10 December: the pause is over, nothing has touched the profile yet.
    app.setNow(new Date('2026-12-10T09:00:00Z'));
    expect(await nudgeSettingsFor(app.coach.deps, 'UBACK')).toMatchObject({ nudgesPausedUntil: null });
    expect((await app.coach.deps.repos.users.findProfile('UBACK'))?.nudgesPausedUntil).toBe('2026-12-08');

    expect(await tick(app, '2026-12-11T14:00:00Z')).toMatchObject({ weekly_sent: 1 });
    const profile = await app.coach.deps.repos.users.findProfile('UBACK');
    expect(profile?.nudgesPausedUntil).toBeNull();
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-12-18T14:00:00.000Z');
  });

  it('when a user\'s target calibration has passed, then their nudge asks them to pick the next cycle, and nobody else\'s does', async () => {
    const app = await start();
    await onboard(app, 'UPASSED', 'Europe/Berlin', WEDNESDAY);
    await onboard(app, 'UAHEAD', 'Europe/Berlin', WEDNESDAY);
    const prisma = app.coach.database.prisma;
    await prisma.cycle.create({ data: { name: 'Autumn 2026', calibrationDate: '2026-11-20' } });
    await prisma.profile.update({ where: { userId: 'UPASSED' }, data: { targetCycle: 'Autumn 2026' } });

    expect(await tick(app, BERLIN_FRIDAY_15)).toMatchObject({ weekly_sent: 2 });
    const actions = (user: string) => JSON.stringify(dmsTo(app, user)[0]?.args.blocks);
    expect(actions('UPASSED')).toContain(ACTIONS.homeEditProfile);
    expect(actions('UAHEAD')).not.toContain(ACTIONS.homeEditProfile);
  });

  it('when 300 users are due at the same minute, then one tick pages through them and each gets exactly one DM', async () => {
    const app = await start();
    const users = Array.from({ length: 300 }, (_, i) => `UBULK${String(i).padStart(4, '0')}`);
    const prisma = app.coach.database.prisma;
    await prisma.user.createMany({ data: users.map((id) => ({ id, tz: 'Europe/Berlin' })) });
    await prisma.profile.createMany({
      data: users.map((userId) => ({
        userId,
        currentLevel: 'senior',
        targetLevel: 'staff',
        managerId: 'UMANAGER',
        targetCycle: '2027 H2',
        nextNudgeAt: new Date(BERLIN_FRIDAY_15),
      })),
    });
    app.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    app.setNow(new Date('2026-11-27T14:00:00Z'));
    // Small pages, so that paging over users who share one slot is exercised too.
    const result = await sendDueNudges(app.coach.deps, new Date('2026-11-27T14:00:00Z'), { pageSize: 64, concurrency: 16, message: weeklyNudgeMessage });
    expect(result).toMatchObject({ weekly_sent: 300 });
    expect(Object.keys(result).filter((k) => !k.endsWith('_sent'))).toEqual([]);
    const channels = allDms(app).map((c) => c.args.channel);
    expect(channels).toHaveLength(300);
    expect(new Set(channels).size).toBe(300);
    expect(await tick(app, '2026-11-27T14:05:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(allDms(app)).toHaveLength(300);
    expect(app.logs.filter((l) => /"level":50/.test(l))).toEqual([]);
  });

  it('when an operator runs `promo-coach job weekly-nudges --at`, then that tick runs once and says what it did', async () => {
    // The app is stopped first, as during an outage: in one process, a second SQLite
    // library copy (the CLI's migration) closing the file would upset the app's connection.
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const db = await createTestDatabase(database);
    try {
      const app = await startTestApp({ sharedDatabase: db, sharedFake: fake, now: WEDNESDAY });
      await onboard(app, 'UBERLIN', 'Europe/Berlin', WEDNESDAY);
      await app.stop();
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        readStdin: () => Promise.resolve(''),
        env: {
          SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          DATABASE_URL: db.url,
          LOG_LEVEL: 'silent',
        },
      };
      const code = await runCli(['job', 'weekly-nudges', '--at', '2026-11-27T16:00:00Z'], io);
      expect(err.join('')).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toMatchObject({ job: 'weekly-nudges', at: '2026-11-27T16:00:00.000Z', weekly_sent: 1 });
      const dms = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DUBERLIN');
      expect(dms()).toHaveLength(1);
      // Run again (an operator double-checking): nothing more is sent.
      expect(await runCli(['job', 'weekly-nudges', '--at', '2026-11-27T16:05:00Z'], io), err.join('')).toBe(0);
      expect(dms()).toHaveLength(1);
    } finally {
      await fake.close();
      await db.drop();
    }
  });
});
