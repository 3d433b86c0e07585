import { describe, expect, it } from 'vitest';
import { HEDGE_VIEWS, OUTCOME_ACTIONS, OUTCOME_VIEWS, PLAN_ACTIONS } from '../../src/slack/ids.js';
import type { TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { state } from '../support/slack-requests.js';
import { activePlan, buttons, dmsTo, ENGINEER, planRow, posted, runCheckIns, startPlanApp, updatedView } from './plan-support.js';

const kinds = await databaseKinds();

const outcomeAsks = (app: TestApp) => dmsTo(app, ENGINEER).filter((c) => buttons(c).some((b) => b.action_id === OUTCOME_ACTIONS.notThisTime));

/** Every criterion of the plan done, as a check-in would leave it. */
async function finishCriteria(app: TestApp, planId: string): Promise<void> {
  const repos = app.coach.deps.repos.plans;
  const plan = await repos.find(planId);
  const checkIn = await repos.openCheckIn(planId, ENGINEER, 'done', app.coach.deps.clock());
  await repos.answerCheckIn(checkIn.id, planId, (plan?.criteria ?? []).map((c) => ({ criterionId: c.id, status: 'done' as const, winIds: [] })), null);
}

/** Presses the outcome DM's button and submits the modal. */
async function answerOutcome(app: TestApp, ask: RecordedCall, values: { result: 'promoted' | 'not_this_time'; reason?: string; next?: 'roll' | 'close' }) {
  const planId = buttons(ask).find((b) => b.action_id === OUTCOME_ACTIONS.notThisTime)?.value ?? '';
  const res = await app.slack.blockAction({ userId: ENGINEER, actionId: values.result === 'promoted' ? OUTCOME_ACTIONS.promoted : OUTCOME_ACTIONS.notThisTime, value: planId });
  const open = await app.fake.waitForCall('views.open', (c) => c.args.trigger_id === res.triggerId);
  const metadata = (open.args.view as { private_metadata: string }).private_metadata;
  return app.slack.viewSubmission({
    userId: ENGINEER,
    callbackId: OUTCOME_VIEWS.modal,
    privateMetadata: metadata,
    values: {
      [OUTCOME_VIEWS.resultBlock]: { [OUTCOME_VIEWS.resultAction]: state.radioButtons(values.result) },
      [OUTCOME_VIEWS.reasonBlock]: { [OUTCOME_VIEWS.reasonAction]: state.plainTextInput(values.reason ?? null) },
      [OUTCOME_VIEWS.nextBlock]: { [OUTCOME_VIEWS.nextAction]: state.radioButtons(values.next ?? 'roll') },
    },
  });
}

describe.each(kinds)('cycles to the end on %s', (database) => {
  it('when two calibrations in a row pass without a promotion and with every criterion done, then the walk advice comes by DM, never to the shared channel', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    await app.slack.blockAction({ userId: ENGINEER, actionId: PLAN_ACTIONS.share, value: planId, view: { id: 'VHOME', type: 'home', callback_id: '' } });
    const post = await app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === PLAN_ACTIONS.confirm));
    const channel = String(post.args.channel);
    await finishCriteria(app, planId);

    // Calibration is 1 December 2027: asked the morning after at 15:00 New York time, once.
    expect((await runCheckIns(app, '2027-12-02T19:00:00Z')).outcome_sent).toBe(0);
    expect((await runCheckIns(app, '2027-12-02T20:00:00Z')).outcome_sent).toBe(1);
    expect((await runCheckIns(app, '2027-12-02T20:05:00Z')).outcome_sent).toBe(0);
    expect(outcomeAsks(app)).toHaveLength(1);
    expect((await planRow(app, planId))?.status).toBe('awaiting_outcome');

    const noReason = await answerOutcome(app, outcomeAsks(app)[0] as RecordedCall, { result: 'not_this_time' });
    expect(noReason.json<{ errors: Record<string, string> }>().errors[OUTCOME_VIEWS.reasonBlock]).toContain('reason');
    const rolled = updatedView(await answerOutcome(app, outcomeAsks(app)[0] as RecordedCall, { result: 'not_this_time', reason: 'Headcount was frozen this cycle.', next: 'roll' }));
    expect(JSON.stringify(rolled.blocks)).toContain('2028 H1');
    expect(JSON.stringify(rolled.blocks)).not.toContain('note in our DM');
    expect((await planRow(app, planId))?.status).toBe('closed');
    const next = await app.coach.deps.repos.plans.findOpen(ENGINEER);
    expect(next).toMatchObject({ status: 'active', calibrationDate: '2028-06-15' });
    expect(next?.criteria.map((c) => c.status)).toEqual(['done', 'done']);
    expect((await app.coach.deps.repos.users.findProfile(ENGINEER))?.targetCycle).toBe('2028 H1');
    expect(await app.coach.deps.repos.plans.outcomes(ENGINEER)).toMatchObject([{ cycleName: '2027 H2', promoted: false, planCriteriaDone: true, reason: 'Headcount was frozen this cycle.' }]);

    // The second cycle: calibration 15 June 2028, asked on the 16th at 15:00 (EDT).
    const before = dmsTo(app, ENGINEER).length;
    expect((await runCheckIns(app, '2028-06-16T19:00:00Z')).outcome_sent).toBe(1);
    const second = outcomeAsks(app).at(-1) as RecordedCall;
    const done = updatedView(await answerOutcome(app, second, { result: 'not_this_time', reason: 'The bar moved again.', next: 'close' }));
    expect(JSON.stringify(done.blocks)).toContain('note in our DM');
    const walk = dmsTo(app, ENGINEER).slice(before).find((c) => String(c.args.text).includes('test the market'));
    expect(walk, 'the walk advice DM').toBeDefined();
    const walkText = JSON.stringify(walk?.args.blocks);
    expect(walkText).toContain('Interview outside');
    expect(walkText).toContain('Only bring an outside offer');
    expect(JSON.stringify(posted(app, channel))).not.toContain('outside');
    expect(posted(app, channel)).toHaveLength(1);
    expect(await app.coach.deps.repos.plans.findOpen(ENGINEER)).toBeNull();
  });

  it('when the engineer was promoted, then the plan closes, the outcome is kept, and no walk advice is sent', async () => {
    const app = await startPlanApp(database);
    const planId = await activePlan(app);
    await runCheckIns(app, '2027-12-02T20:00:00Z');
    const saved = updatedView(await answerOutcome(app, outcomeAsks(app)[0] as RecordedCall, { result: 'promoted' }));
    expect(JSON.stringify(saved.blocks)).toContain('Congratulations');
    expect((await planRow(app, planId))?.status).toBe('closed');
    expect(await app.coach.deps.repos.plans.outcomes(ENGINEER)).toMatchObject([{ cycleName: '2027 H2', promoted: true }]);
    expect(dmsTo(app, ENGINEER).filter((c) => String(c.args.text).includes('test the market'))).toHaveLength(0);
    // A second submit of the same outcome finds the plan closed and records nothing more.
    expect(JSON.stringify(updatedView(await answerOutcome(app, outcomeAsks(app)[0] as RecordedCall, { result: 'promoted' })).blocks)).toContain('I could not find that plan');
  });

  it('when a clear no is recorded after two closed-gap misses, then the reading includes the walk advice', async () => {
    const app = await startPlanApp(database);
    for (const cycleName of ['2026 H2', '2027 H1']) {
      await app.coach.database.prisma.cycleOutcome.create({ data: { userId: ENGINEER, cycleName, promoted: false, planCriteriaDone: true } });
    }
    const res = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: HEDGE_VIEWS.input,
      values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput('The answer is no, and it will not change next cycle either.') } },
    });
    const text = JSON.stringify(updatedView(res).blocks);
    expect(text).toContain('a clear no');
    expect(text).toContain('Interview outside');
  });
});
