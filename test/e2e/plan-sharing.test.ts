import { describe, expect, it } from 'vitest';
import { PLAN_ACTIONS, PLAN_VIEWS } from '../../src/slack/ids.js';
import { NOT_THE_MANAGER, NOT_YOUR_PLAN } from '../../src/slack/respond.js';
import type { TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { state, type StateValues } from '../support/slack-requests.js';
import { activePlan, buttons, changesOf, ENGINEER, MANAGER, OTHER, planRow, posted, settle, startPlanApp, updatedView } from './plan-support.js';

const kinds = await databaseKinds();

const HOME = { id: 'VHOME', type: 'home', callback_id: '' };

async function share(app: TestApp, planId: string) {
  await app.slack.blockAction({ userId: ENGINEER, actionId: PLAN_ACTIONS.share, value: planId, view: HOME });
  return app.fake.waitForCall('views.open', (c) => JSON.stringify(c.args.view).includes('Shared'));
}

async function sharedPost(app: TestApp) {
  return app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === PLAN_ACTIONS.confirm));
}

describe.each(kinds)('the shared plan on %s', (database) => {
  it('when the engineer shares, then one private channel is made for the pair, both are invited, the plan is posted there, and a second share updates it in place', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    await share(app, planId);
    const create = await app.fake.waitForCall('conversations.create');
    expect(create.args).toMatchObject({ is_private: 'true', name: 'promo-plan-ueng-umanager' });
    const channel = (create.response as { channel: { id: string } }).channel.id;
    const invite = await app.fake.waitForCall('conversations.invite');
    expect(invite.args).toMatchObject({ channel, users: `${ENGINEER},${MANAGER}` });
    const post = await sharedPost(app);
    expect(post.args.channel).toBe(channel);
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain('Lead the design review for the search migration');
    expect(text).toContain(`Waiting for <@${MANAGER}> to confirm`);
    expect(buttons(post).map((b) => [b.action_id, b.value])).toEqual([
      [PLAN_ACTIONS.confirm, planId],
      [PLAN_ACTIONS.suggestChanges, planId],
    ]);
    expect(await planRow(app, planId)).toMatchObject({ sharedChannelId: channel, sharedMessageTs: (post.response as { ts: string }).ts });

    app.fake.reset();
    await share(app, planId);
    const update = await app.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel, ts: (post.response as { ts: string }).ts });
    expect(app.fake.callsTo('conversations.create')).toHaveLength(0);
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await changesOf(app, planId)).map((c) => c.kind)).toEqual(['created', 'shared', 'shared']);
  });

  it('when the workspace refuses private channels, then the plan goes to a group DM of the two of them', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    app.fake.failNext('conversations.create', { error: 'restricted_action' });
    const notice = await share(app, planId);
    expect(JSON.stringify(notice.args.view)).toContain('a group DM with the two of you');
    const open = await app.fake.waitForCall('conversations.open', (c) => String(c.args.users).includes(','));
    expect(String(open.args.users).split(',').sort()).toEqual([ENGINEER, MANAGER].sort());
    const groupDm = (open.response as { channel: { id: string } }).channel.id;
    expect((await sharedPost(app)).args.channel).toBe(groupDm);
    expect(app.fake.callsTo('conversations.invite')).toHaveLength(0);
    expect(await app.coach.database.prisma.sharedChannel.findMany({ select: { engineerId: true, managerId: true, channelId: true, kind: true } })).toEqual([
      { engineerId: ENGINEER, managerId: MANAGER, channelId: groupDm, kind: 'group_dm' },
    ]);
  });

  it('when the manager presses Confirm, then the plan is confirmed with who and when, the post is updated in place and the engineer is told by DM', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    await share(app, planId);
    const post = await sharedPost(app);
    const channel = String(post.args.channel);
    await app.slack.blockAction({ userId: MANAGER, actionId: PLAN_ACTIONS.confirm, value: planId, channelId: channel, message: { ts: (post.response as { ts: string }).ts } });
    const update = await app.fake.waitForCall('chat.update');
    expect(update.args.channel).toBe(channel);
    expect(JSON.stringify(update.args.blocks)).toContain(`Confirmed by <@${MANAGER}>`);
    const dm = await app.fake.waitForCall('chat.postMessage', (c) => c.args.channel === `D${ENGINEER}`);
    expect(String(dm.args.text)).toContain(`<@${MANAGER}> confirmed your plan`);
    const plan = await planRow(app, planId);
    expect(plan?.confirmedBy).toBe(MANAGER);
    expect(plan?.confirmedAt).toBeInstanceOf(Date);
    expect((await changesOf(app, planId)).at(-1)).toMatchObject({ kind: 'confirmed', actorId: MANAGER });
  });

  it.each([
    ['someone else in the channel', OTHER],
    ['the engineer themselves', ENGINEER],
  ])('when %s presses Confirm, then only they see a polite refusal and nothing changes', async (_who, presser) => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    const planId = await activePlan(app);
    await share(app, planId);
    const channel = String((await sharedPost(app)).args.channel);
    const before = await changesOf(app, planId);
    app.fake.reset();
    await app.slack.blockAction({ userId: presser, actionId: PLAN_ACTIONS.confirm, value: planId, channelId: channel });
    const ephemeral = await app.fake.waitForCall('chat.postEphemeral');
    expect(ephemeral.args).toMatchObject({ channel, user: presser, text: NOT_THE_MANAGER });
    await settle();
    expect((await planRow(app, planId))?.confirmedAt).toBeNull();
    expect(await changesOf(app, planId)).toEqual(before);
    expect(app.fake.callsTo('chat.update')).toHaveLength(0);
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(app.logs.some((l) => l.includes('plan action refused') && l.includes('NotThePlanManagerError'))).toBe(true);
  });

  it('when a Confirm arrives with a forged plan id, then it is refused, logged, and no plan changes', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    await share(app, planId);
    const channel = String((await sharedPost(app)).args.channel);
    await app.slack.blockAction({ userId: MANAGER, actionId: PLAN_ACTIONS.confirm, value: 'cforgedplanid000000000000', channelId: channel });
    expect((await app.fake.waitForCall('chat.postEphemeral')).args.text).toBe(NOT_YOUR_PLAN);
    expect((await planRow(app, planId))?.confirmedAt).toBeNull();
    expect(app.logs.some((l) => l.includes('plan action refused') && l.includes('cforgedplanid'))).toBe(true);
  });

  it('when the manager suggests changes, then the criteria and dates change, the change is kept with who made it, the post is updated and the engineer is told', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    const planId = await activePlan(app);
    await share(app, planId);
    const channel = String((await sharedPost(app)).args.channel);

    // Anyone else pressing "Suggest changes" gets no modal.
    await app.slack.blockAction({ userId: OTHER, actionId: PLAN_ACTIONS.suggestChanges, value: planId, channelId: channel });
    expect((await app.fake.waitForCall('chat.postEphemeral')).args).toMatchObject({ user: OTHER, text: NOT_THE_MANAGER });
    expect(app.fake.callsTo('views.open').filter((c) => (c.args.view as { callback_id: string }).callback_id === PLAN_VIEWS.edit)).toHaveLength(0);

    await app.slack.blockAction({ userId: MANAGER, actionId: PLAN_ACTIONS.suggestChanges, value: planId, channelId: channel });
    const open = await app.fake.waitForCall('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === PLAN_VIEWS.edit);
    const metadata = (open.args.view as { private_metadata: string }).private_metadata;
    const values: StateValues = {
      [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('Lead the design review for the search migration, signed off by the payments, ads and infra teams') },
      [`${PLAN_VIEWS.dateBlockPrefix}0`]: { [PLAN_VIEWS.dateAction]: state.datepicker('2027-03-31') },
      [`${PLAN_VIEWS.criterionBlockPrefix}1`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('Write the on-call runbook for the billing service and run two training sessions for the team') },
      [`${PLAN_VIEWS.dateBlockPrefix}1`]: { [PLAN_VIEWS.dateAction]: state.datepicker('2027-05-31') },
    };

    // The same submission from someone else, with the manager's metadata, changes nothing.
    const forged = await app.slack.viewSubmission({ userId: OTHER, callbackId: PLAN_VIEWS.edit, privateMetadata: metadata, values });
    expect(JSON.stringify(updatedView(forged).blocks)).toContain('Only the manager named on this plan');
    expect((await changesOf(app, planId)).map((c) => c.kind)).toEqual(['created', 'shared']);

    app.fake.reset();
    const res = await app.slack.viewSubmission({ userId: MANAGER, callbackId: PLAN_VIEWS.edit, privateMetadata: metadata, values });
    expect(JSON.stringify(updatedView(res).blocks)).toContain(`I have let <@${ENGINEER}> know`);
    const plan = await planRow(app, planId);
    expect(plan?.criteria.map((c) => c.dueDate)).toEqual(['2027-03-31', '2027-05-31']);
    expect(plan?.criteria[0]?.text).toContain('ads and infra teams');
    const last = (await changesOf(app, planId)).at(-1);
    expect(last).toMatchObject({ kind: 'changes_suggested', actorId: MANAGER });
    expect((last?.detail as { changes: { change: string }[] }).changes.map((c) => c.change)).toEqual(['text', 'date']);
    const update = await app.fake.waitForCall('chat.update');
    expect(JSON.stringify(update.args.blocks)).toContain('ads and infra teams');
    expect(JSON.stringify(update.args.blocks)).toContain(`<@${MANAGER}> suggested changes`);
    const dm = await app.fake.waitForCall('chat.postMessage', (c) => c.args.channel === `D${ENGINEER}`);
    expect(JSON.stringify(dm.args.blocks)).toContain('reworded');
    expect(posted(app, channel)).toHaveLength(0);
  });

  it('when the plan was never shared, then nothing reaches any channel, and the hedge text never does', async () => {
    const app = await startPlanApp(database);
    await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: 'hedge_modal',
      values: { hedge_text: { hedge_text_input: state.plainTextInput('Honestly I am not sure you are ready, keep it on the radar') } },
    });
    const planId = await activePlan(app);
    expect(app.fake.callsTo('conversations.create')).toHaveLength(0);
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(0);
    await share(app, planId);
    const post = await sharedPost(app);
    expect(JSON.stringify(post.args)).not.toContain('not sure you are ready');
  });
});
