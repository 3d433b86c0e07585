import { describe, expect, it } from 'vitest';
import { HOME_ACTIONS, NUDGE_ACTIONS, NUDGE_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { state, type StateValues } from '../support/slack-requests.js';
import { buttonsOf, dmsTo, messageTs, onboard, tick, waitForLog } from './nudges-fixtures.js';

const kinds = await databaseKinds();
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');
const FRIDAY_BERLIN_15 = '2026-11-27T14:00:00Z';
const USER = 'UBERLIN';

/** An onboarded Berlin user who has just received this week's (2026-W48) nudge. */
async function nudged(app: TestApp): Promise<RecordedCall> {
  await onboard(app, USER, 'Europe/Berlin', WEDNESDAY);
  await tick(app, FRIDAY_BERLIN_15);
  const [dm] = dmsTo(app, USER);
  expect(dm).toBeDefined();
  app.setNow(new Date('2026-11-27T14:30:00Z'));
  return dm as RecordedCall;
}

function press(app: TestApp, dm: RecordedCall, actionId: string, value?: string) {
  const button = buttonsOf(dm).find((b) => b.action_id === actionId);
  return app.slack.blockAction({
    userId: USER,
    actionId,
    value: value ?? button?.value ?? '',
    channelId: `D${USER}`,
    message: { type: 'message', ts: messageTs(dm), user: 'U0BOT', text: String(dm.args.text) },
  });
}

const pauseValues = (date: string | null): StateValues => ({
  [NUDGE_VIEWS.pauseUntilBlock]: { [NUDGE_VIEWS.pauseUntilAction]: state.datepicker(date) },
});

const settingsValues = (day: string | null, time: string | null, pause: string | null = null): StateValues => ({
  [NUDGE_VIEWS.dayBlock]: { [NUDGE_VIEWS.dayAction]: state.staticSelect(day) },
  [NUDGE_VIEWS.timeBlock]: { [NUDGE_VIEWS.timeAction]: state.timepicker(time) },
  [NUDGE_VIEWS.pauseUntilBlock]: { [NUDGE_VIEWS.pauseUntilAction]: state.datepicker(pause) },
});

describe.each(kinds)('nudge controls on %s', (database) => {
  const start = (): Promise<TestApp> => startTestApp({ database, now: WEDNESDAY, logLevel: 'info' });

  it('when the user presses "Nothing this week", then the week counts as answered and the message turns into a short note', async () => {
    const app = await start();
    const dm = await nudged(app);
    const res = await press(app, dm, NUDGE_ACTIONS.nothingThisWeek);
    expect(res.status).toBe(200);
    const update = await app.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: `D${USER}`, ts: messageTs(dm) });
    expect(String(update.args.text)).toMatch(/quiet week/);
    expect(JSON.stringify(update.args.blocks)).not.toContain(NUDGE_ACTIONS.nothingThisWeek);
    expect(await app.coach.deps.repos.nudges.weekAnswer(USER, '2026-W48')).toBe('nothing');
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);
  });

  it.each([
    ['a week that was never nudged', '2026-W47'],
    ['a week far in the future', '2099-W01'],
    ['a value that is not a week', 'DROP TABLE users'],
    ['an empty value', ''],
  ])('when a "Nothing this week" press carries %s, then it is ignored with a log line', async (_, value) => {
    const app = await start();
    const dm = await nudged(app);
    const res = await press(app, dm, NUDGE_ACTIONS.nothingThisWeek, value);
    expect(res.status).toBe(200);
    await waitForLog(app, /ignored/);
    expect(app.fake.callsTo('chat.update')).toHaveLength(0);
    expect(await app.coach.deps.repos.nudges.weekAnswer(USER, '2026-W47')).toBeNull();
    expect(await app.coach.deps.repos.nudges.weekAnswer(USER, '2099-W01')).toBeNull();
  });

  it('when the user snoozes to Monday, then one re-nudge comes on Monday at their nudge time, and only one', async () => {
    const app = await start();
    const dm = await nudged(app);
    await press(app, dm, NUDGE_ACTIONS.snoozeToMonday);
    const update = await app.fake.waitForCall('chat.update');
    expect(String(update.args.text)).toContain('Monday 30 November at 15:00');
    expect((await app.coach.deps.repos.nudges.state(USER))?.snoozedNudgeAt?.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);

    expect(await tick(app, '2026-11-30T13:55:00Z')).toMatchObject({ reNudge_sent: 0 });
    // Pressed twice (a double click): still one re-nudge.
    await press(app, dm, NUDGE_ACTIONS.snoozeToMonday);
    await app.fake.waitForCalls('chat.update', 2);
    expect(await tick(app, '2026-11-30T14:00:00Z')).toMatchObject({ reNudge_sent: 1, weekly_sent: 0 });
    expect(await tick(app, '2026-11-30T14:05:00Z')).toMatchObject({ reNudge_sent: 0 });
    const dms = dmsTo(app, USER);
    expect(dms).toHaveLength(2);
    const reNudge = dms[1] as RecordedCall;
    // It asks about last week, and cannot be snoozed again.
    expect(String(reNudge.args.text)).toContain('from last week');
    expect(buttonsOf(reNudge).map((b) => [b.action_id, b.value])).toEqual([
      [NUDGE_ACTIONS.logWin, '2026-W48'],
      [NUDGE_ACTIONS.nothingThisWeek, '2026-W48'],
      [NUDGE_ACTIONS.pause, '2026-W48'],
    ]);
    expect((await app.coach.deps.repos.nudges.state(USER))?.snoozedNudgeAt).toBeNull();
    // "Nothing this week" works from the re-nudge too.
    await press(app, reNudge, NUDGE_ACTIONS.nothingThisWeek);
    await app.fake.waitForCalls('chat.update', 3);
    expect(await app.coach.deps.repos.nudges.weekAnswer(USER, '2026-W48')).toBe('nothing');
  });

  it('when the user snoozes an older nudge, then the Monday re-nudge asks about that nudge\'s week', async () => {
    const app = await start();
    const older = await nudged(app);
    await tick(app, '2026-12-04T14:00:00Z');
    expect(dmsTo(app, USER)).toHaveLength(2);
    // Saturday 5 December: the user scrolls up and snoozes last week's (W48) nudge, not this week's (W49).
    app.setNow(new Date('2026-12-05T10:00:00Z'));
    await press(app, older, NUDGE_ACTIONS.snoozeToMonday);
    const update = await app.fake.waitForCall('chat.update');
    expect(String(update.args.text)).toContain('Monday 7 December at 15:00');

    expect(await tick(app, '2026-12-07T14:00:00Z')).toMatchObject({ reNudge_sent: 1 });
    const reNudge = dmsTo(app, USER)[2] as RecordedCall;
    expect(new Set(buttonsOf(reNudge).map((b) => b.value))).toEqual(new Set(['2026-W48']));
    expect(String(reNudge.args.text)).toContain('the week of Monday 23 November');
    expect(await app.coach.deps.repos.deliveries.find(USER, 'snooze_nudge', '2026-W48')).toMatchObject({ status: 'sent' });
    expect(await app.coach.deps.repos.nudges.state(USER)).toMatchObject({ snoozedNudgeAt: null, snoozedWeek: null });
  });

  it('when the user snoozed but answered the week before Monday, then no re-nudge is sent', async () => {
    const app = await start();
    const dm = await nudged(app);
    await press(app, dm, NUDGE_ACTIONS.snoozeToMonday);
    await app.fake.waitForCall('chat.update');
    await press(app, dm, NUDGE_ACTIONS.nothingThisWeek);
    await app.fake.waitForCalls('chat.update', 2);
    expect(await tick(app, '2026-11-30T14:00:00Z')).toMatchObject({ reNudge_sent: 0, reNudge_answered: 1 });
    expect(dmsTo(app, USER)).toHaveLength(1);
  });

  it('when the user pauses until a date, then the modal stores it, the message and Home update, and no nudge comes until after it', async () => {
    const app = await start();
    const dm = await nudged(app);
    const res = await press(app, dm, NUDGE_ACTIONS.pause);
    const open = await app.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(res.triggerId);
    const modal = open.args.view as { callback_id: string; blocks: { element?: { initial_date?: string } }[] };
    expect(modal.callback_id).toBe(NUDGE_VIEWS.pause);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_date":"2026-12-04"');

    const submit = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.pause, values: pauseValues('2026-12-12') });
    expect(submit.status).toBe(200);
    expect(submit.body).toBe('');
    const update = await app.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: `D${USER}`, ts: messageTs(dm) });
    expect(String(update.args.text)).toContain('Saturday 12 December');
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);
    const profile = await app.coach.deps.repos.users.findProfile(USER);
    expect(profile?.nudgesPausedUntil).toBe('2026-12-12');
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-12-18T14:00:00.000Z');

    expect(await tick(app, '2026-12-04T14:00:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(await tick(app, '2026-12-11T14:00:00Z')).toMatchObject({ weekly_sent: 0 });
    expect(await tick(app, '2026-12-18T14:00:00Z')).toMatchObject({ weekly_sent: 1 });
  });

  it("when the pause modal's nudge reference names another user's nudge, then the pause is saved and no message is rewritten", async () => {
    const app = await start();
    await nudged(app);
    const forged = JSON.stringify({ channelId: 'DSOMEONEELSE', messageTs: '1764000000.000900', week: '2026-W49' });
    const submit = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.pause, values: pauseValues('2026-12-12'), privateMetadata: forged });
    expect(submit.body).toBe('');
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);
    expect(app.fake.callsTo('chat.update')).toHaveLength(0);
    expect((await app.coach.deps.repos.users.findProfile(USER))?.nudgesPausedUntil).toBe('2026-12-12');
  });

  it.each([
    ['a date in the past', '2026-11-20', /after today/],
    ['today', '2026-11-27', /after today/],
    ['no date', null, /calendar/],
    ['something that is not a date', '2026-02-31', /calendar/],
    ['a forged text value', 'next tuesday', /calendar/],
    ['a date more than six months ahead', '2027-07-01', /six months/],
  ])('when the pause modal is submitted with %s, then it shows a field error and nothing changes', async (_, date, message) => {
    const app = await start();
    await nudged(app);
    const res = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.pause, values: pauseValues(date) });
    expect(res.status).toBe(200);
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(body.errors[NUDGE_VIEWS.pauseUntilBlock]).toMatch(message);
    const profile = await app.coach.deps.repos.users.findProfile(USER);
    expect(profile?.nudgesPausedUntil).toBeNull();
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it('when the user resumes from the Home tab, then the pause is cleared and the next nudge is the next slot', async () => {
    const app = await start();
    await onboard(app, USER, 'Europe/Berlin', WEDNESDAY, { pausedUntil: '2027-01-10' });
    const res = await app.slack.blockAction({ userId: USER, actionId: HOME_ACTIONS.resumeNudges, view: { id: 'VHOME', type: 'home' } });
    expect(res.status).toBe(200);
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);
    const profile = await app.coach.deps.repos.users.findProfile(USER);
    expect(profile?.nudgesPausedUntil).toBeNull();
    expect(profile?.nextNudgeAt?.toISOString()).toBe(FRIDAY_BERLIN_15.replace('Z', '.000Z'));
  });

  it('when the user changes day and time in the nudge settings modal, then the next nudge moves to match', async () => {
    const app = await start();
    await onboard(app, USER, 'Europe/Berlin', WEDNESDAY);
    const res = await app.slack.blockAction({ userId: USER, actionId: HOME_ACTIONS.nudgeSettings, view: { id: 'VHOME', type: 'home' } });
    const open = await app.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(res.triggerId);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(NUDGE_VIEWS.settings);
    expect(JSON.stringify(open.args.view)).toContain('"initial_time":"15:00"');

    const submit = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.settings, values: settingsValues('4', '09:30') });
    expect(submit.body).toBe('');
    await app.fake.waitForCall('views.publish', (c) => c.args.user_id === USER);
    const profile = await app.coach.deps.repos.users.findProfile(USER);
    expect(profile).toMatchObject({ nudgeDay: 4, nudgeMinute: 570, nudgesPausedUntil: null });
    // Thursday 26 November, 09:30 in Berlin.
    expect(profile?.nextNudgeAt?.toISOString()).toBe('2026-11-26T08:30:00.000Z');
  });

  it('when the nudge time is moved later on a day the nudge already went out, then that week still gets only one', async () => {
    const app = await start();
    await nudged(app);
    const submit = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.settings, values: settingsValues('5', '17:00') });
    expect(submit.body).toBe('');
    expect(await tick(app, '2026-11-27T16:00:00Z')).toMatchObject({ weekly_sent: 0, weekly_already_sent: 1 });
    expect(dmsTo(app, USER)).toHaveLength(1);
    expect((await app.coach.deps.repos.users.findProfile(USER))?.nextNudgeAt?.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it.each([
    ['no time', settingsValues('5', null), NUDGE_VIEWS.timeBlock],
    ['a forged day', settingsValues('9', '15:00'), NUDGE_VIEWS.dayBlock],
    ['a pause date in the past', settingsValues('5', '15:00', '2026-01-01'), NUDGE_VIEWS.pauseUntilBlock],
  ])('when the nudge settings modal is submitted with %s, then it shows a field error and nothing changes', async (_, values, block) => {
    const app = await start();
    await onboard(app, USER, 'Europe/Berlin', WEDNESDAY);
    const res = await app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.settings, values });
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([block]);
    expect(await app.coach.deps.repos.users.findProfile(USER)).toMatchObject({ nudgeDay: 5, nudgeMinute: 900 });
  });
});
