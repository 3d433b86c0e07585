import { describe, expect, it } from 'vitest';
import { CHECKIN_ACTIONS, CHECKIN_VIEWS, PLAN_ACTIONS } from '../../src/slack/ids.js';
import { NOT_THE_MANAGER, NOT_YOUR_PLAN } from '../../src/slack/respond.js';
import { startTestApp, TEST_BOT_TOKEN, type TestApp } from '../support/app-harness.js';
import { createTestDatabase, databaseKinds, postgresAvailable } from '../support/databases.js';
import { startFakeSlack, type RecordedCall } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type StateValues } from '../support/slack-requests.js';
import { activePlan, buttons, changesOf, dmsTo, ENGINEER, MANAGER, NOW, OTHER, planRow, runCheckIns, settle, startPlanApp, updatedView } from './plan-support.js';

const kinds = await databaseKinds();

/** A month after the plan started, at 15:00 in New York. */
const DUE = '2026-12-23T20:00:00Z';
const checkInDms = (app: TestApp) => dmsTo(app, ENGINEER).filter((c) => buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.open));
const checkInIdOf = (call: RecordedCall) => buttons(call).find((b) => b.action_id === CHECKIN_ACTIONS.open)?.value ?? '';

async function sharePlan(app: TestApp, planId: string): Promise<string> {
  await app.slack.blockAction({ userId: ENGINEER, actionId: PLAN_ACTIONS.share, value: planId, view: { id: 'VHOME', type: 'home', callback_id: '' } });
  const post = await app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === PLAN_ACTIONS.confirm));
  return String(post.args.channel);
}

describe.each(kinds)('plan check-ins on %s', (database) => {
  it('when a check-in is due, then the engineer gets one DM at their local time, once, and the next one moves a month on', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    expect((await runCheckIns(app, '2026-12-23T19:55:00Z')).checkin_sent).toBe(0);
    expect((await runCheckIns(app, DUE)).checkin_sent).toBe(1);
    expect(checkInDms(app)).toHaveLength(1);
    expect(JSON.stringify(checkInDms(app)[0]?.args.blocks)).toContain('Time for your plan check-in');
    expect((await runCheckIns(app, '2026-12-23T20:05:00Z')).checkin_sent).toBe(0);
    expect(checkInDms(app)).toHaveLength(1);
    expect((await planRow(app, planId))?.nextCheckInAt?.toISOString()).toBe('2027-01-23T20:00:00.000Z');
    expect(await app.coach.database.prisma.checkIn.findMany({ select: { period: true, status: true } })).toEqual([{ period: '2026-12', status: 'sent' }]);
  });

  it('when the app was down on the day, then a check-in found two days late is still sent, and one found a week late waits for next month', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    expect((await runCheckIns(app, '2026-12-25T18:00:00Z')).checkin_sent).toBe(1);
    expect((await planRow(app, planId))?.nextCheckInAt?.toISOString()).toBe('2027-01-23T20:00:00.000Z');
    const counts = await runCheckIns(app, '2027-01-31T12:00:00Z');
    expect(counts).toMatchObject({ checkin_sent: 0, checkin_late: 1 });
    expect(checkInDms(app)).toHaveLength(1);
    expect((await planRow(app, planId))?.nextCheckInAt?.toISOString()).toBe('2027-02-23T20:00:00.000Z');
  });

  it('when the engineer answers, then statuses, evidence and the note are stored, and the shared channel gets a summary only the manager can acknowledge', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    const planId = await activePlan(app);
    const channel = await sharePlan(app, planId);
    const { win } = await app.coach.deps.repos.wins.create({ userId: ENGINEER, text: 'Ran the search migration design review with payments and ads', date: '2026-12-10', source: 'modal', criteria: [], crossTeam: true, enabledOthers: false });
    await runCheckIns(app, DUE);
    const checkInId = checkInIdOf(checkInDms(app)[0] as RecordedCall);

    const res = await app.slack.blockAction({ userId: ENGINEER, actionId: CHECKIN_ACTIONS.open, value: checkInId });
    const open = await app.fake.waitForCall('views.open', (c) => c.args.trigger_id === res.triggerId);
    const modal = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(modal.callback_id).toBe(CHECKIN_VIEWS.modal);
    expect(JSON.stringify(modal.blocks)).toContain('Ran the search migration design review');
    const plan = await planRow(app, planId);
    const [first, second] = plan?.criteria ?? [];
    const values: StateValues = {
      [`${CHECKIN_VIEWS.statusBlockPrefix}${first?.id}`]: { [CHECKIN_VIEWS.statusAction]: state.staticSelect('done') },
      [`${CHECKIN_VIEWS.evidenceBlockPrefix}${first?.id}`]: { [CHECKIN_VIEWS.evidenceAction]: state.multiStaticSelect([win.id, 'cforgedwin0000000000000000']) },
      [`${CHECKIN_VIEWS.statusBlockPrefix}${second?.id}`]: { [CHECKIN_VIEWS.statusAction]: state.staticSelect('in_progress') },
      [CHECKIN_VIEWS.noteBlock]: { [CHECKIN_VIEWS.noteAction]: state.plainTextInput('Design review done; runbook draft is with the on-call group.') },
    };

    // Someone else submitting this check-in's modal changes nothing.
    const forged = await app.slack.viewSubmission({ userId: OTHER, callbackId: CHECKIN_VIEWS.modal, privateMetadata: modal.private_metadata, values });
    expect(JSON.stringify(updatedView(forged).blocks)).toContain(NOT_YOUR_PLAN);

    const saved = updatedView(await app.slack.viewSubmission({ userId: ENGINEER, callbackId: CHECKIN_VIEWS.modal, privateMetadata: modal.private_metadata, values }));
    expect(JSON.stringify(saved.blocks)).toContain('1 of 2 criteria done');
    const after = await planRow(app, planId);
    expect(after?.criteria.map((c) => [c.status, c.evidence])).toEqual([
      ['done', [win.id]],
      ['in_progress', []],
    ]);
    const stored = await app.coach.database.prisma.checkIn.findUniqueOrThrow({ where: { id: checkInId } });
    expect(stored).toMatchObject({ status: 'answered', note: 'Design review done; runbook draft is with the on-call group.' });
    expect((await changesOf(app, planId)).at(-1)).toMatchObject({ kind: 'status_updated', actorId: ENGINEER });

    const summary = await app.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel && buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.acknowledge));
    const summaryText = JSON.stringify(summary.args.blocks);
    expect(summaryText).toContain('1 of 2 done');
    expect(summaryText).toContain('1 win as evidence');
    // The manager sees that evidence exists, never the wins themselves.
    expect(summaryText).not.toContain('Ran the search migration design review');

    await app.slack.blockAction({ userId: OTHER, actionId: CHECKIN_ACTIONS.acknowledge, value: checkInId, channelId: channel });
    expect((await app.fake.waitForCall('chat.postEphemeral')).args).toMatchObject({ user: OTHER, text: NOT_THE_MANAGER });
    expect((await app.coach.database.prisma.checkIn.findUniqueOrThrow({ where: { id: checkInId } })).acknowledgedBy).toBeNull();

    await app.slack.blockAction({ userId: MANAGER, actionId: CHECKIN_ACTIONS.acknowledge, value: checkInId, channelId: channel });
    const ack = await app.fake.waitForCall('chat.update', (c) => c.args.ts === (summary.response as { ts: string }).ts);
    expect(JSON.stringify(ack.args.blocks)).toContain(`Acknowledged by <@${MANAGER}>`);
    expect(await app.coach.database.prisma.checkIn.findUniqueOrThrow({ where: { id: checkInId } })).toMatchObject({ status: 'acknowledged', acknowledgedBy: MANAGER });

    const home = await app.fake.waitForCall('views.publish', (c) => c.args.user_id === ENGINEER && JSON.stringify(c.args.view).includes('1 of 2 criteria done'));
    expect(JSON.stringify(home.args.view)).toContain('Next check-in: *Saturday 23 Jan, 15:00*');
  });

  it('when a check-in is left unanswered for three days, then it is asked once more, and an answered one is not', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    await activePlan(app);
    await activePlan(app, OTHER);
    await runCheckIns(app, DUE);
    expect(dmsTo(app, OTHER)).toHaveLength(1);
    const otherCheckIn = checkInIdOf(dmsTo(app, OTHER)[0] as RecordedCall);
    const form = await app.coach.deps.repos.plans.findCheckIn(otherCheckIn);
    await app.coach.deps.repos.plans.answerCheckIn(otherCheckIn, form?.planId ?? '', [], null);

    expect((await runCheckIns(app, '2026-12-26T19:00:00Z')).reask_sent).toBe(0);
    const counts = await runCheckIns(app, '2026-12-26T20:05:00Z');
    expect(counts.reask_sent).toBe(1);
    const reminders = dmsTo(app, ENGINEER).filter((c) => JSON.stringify(c.args.blocks).includes('gentle reminder'));
    expect(reminders).toHaveLength(1);
    expect(checkInIdOf(reminders[0] as RecordedCall)).toBe(checkInIdOf(checkInDms(app)[0] as RecordedCall));
    expect(dmsTo(app, OTHER)).toHaveLength(1);
    expect((await runCheckIns(app, '2026-12-27T20:05:00Z')).reask_sent).toBe(0);
    expect(dmsTo(app, ENGINEER)).toHaveLength(2);
  });

  it('when someone presses another engineer’s check-in button, then the modal is refused and logged', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    await activePlan(app);
    await runCheckIns(app, DUE);
    const checkInId = checkInIdOf(checkInDms(app)[0] as RecordedCall);
    const res = await app.slack.blockAction({ userId: OTHER, actionId: CHECKIN_ACTIONS.open, value: checkInId });
    const open = await app.fake.waitForCall('views.open', (c) => c.args.trigger_id === res.triggerId);
    expect(JSON.stringify(open.args.view)).toContain(NOT_YOUR_PLAN);
    await settle(50);
    expect(app.logs.some((l) => l.includes('plan flow request refused') && l.includes(OTHER))).toBe(true);
  });
});

const runOnPostgres = process.env.CI || (await postgresAvailable()) ? describe : describe.skip;

runOnPostgres('plan check-ins on two replicas of one PostgreSQL database', () => {
  it('when two app instances run the same check-in job at the same moment, then every engineer gets exactly one check-in DM', async () => {
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const database = await createTestDatabase('postgres');
    try {
      const a = await startTestApp({ sharedDatabase: database, sharedFake: fake, now: NOW, logLevel: 'info' });
      const b = await startTestApp({ sharedDatabase: database, sharedFake: fake, now: NOW, logLevel: 'info' });
      const users = Array.from({ length: 12 }, (_, i) => `UPLAN${String(i).padStart(3, '0')}`);
      for (const user of users) {
        await onboardUser(a, user, { tz: 'America/New_York', now: NOW });
        await activePlan(a, user);
      }
      const [ra, rb] = await Promise.all([runCheckIns(a, DUE), runCheckIns(b, DUE)]);
      expect((ra.checkin_sent ?? 0) + (rb.checkin_sent ?? 0)).toBe(users.length);
      const dms = fake.callsTo('chat.postMessage').filter((c) => (c.response as { ok?: boolean }).ok);
      expect(dms).toHaveLength(users.length);
      expect(new Set(dms.map((c) => c.args.channel))).toEqual(new Set(users.map((u) => `D${u}`)));
      expect(await a.coach.database.prisma.checkIn.count()).toBe(users.length);

      const again = await Promise.all([runCheckIns(a, '2026-12-23T20:05:00Z'), runCheckIns(b, '2026-12-23T20:05:00Z')]);
      expect(again.map((r) => r.checkin_sent)).toEqual([0, 0]);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(users.length);
      await a.stop();
      await b.stop();
    } finally {
      await fake.close();
      await database.drop();
    }
    // Two apps and a dozen engineers on one PostgreSQL: generous room on a busy 2-core machine.
  }, 120_000);
});
