import { describe, expect, it } from 'vitest';
import { HEDGE_ACTIONS, HEDGE_VIEWS, PLAN_ACTIONS, PLAN_VIEWS } from '../../src/slack/ids.js';
import { databaseKinds } from '../support/databases.js';
import { state } from '../support/slack-requests.js';
import { CALIBRATION, changesOf, ENGINEER, OTHER, planRow, settle, startPlanApp, updatedView } from './plan-support.js';

const kinds = await databaseKinds();

const HEDGE = 'You are doing great work. Let’s keep it on the radar, I want to make sure we are setting you up well.';
const SPECIFIC = 'Lead the design review for the search migration, signed off by the payments and ads teams';

const criteriaValues = (texts: string[]) =>
  Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`${PLAN_VIEWS.criterionBlockPrefix}${i}`, { [PLAN_VIEWS.criterionAction]: state.plainTextInput(texts[i] ?? null) }]),
  );
const dateValues = (dates: (string | null)[], cadence = '1') => ({
  ...Object.fromEntries(dates.map((d, i) => [`${PLAN_VIEWS.dateBlockPrefix}${i}`, { [PLAN_VIEWS.dateAction]: state.datepicker(d) }])),
  [PLAN_VIEWS.cadenceBlock]: { [PLAN_VIEWS.cadenceAction]: state.staticSelect(cadence) },
});

describe.each(kinds)('after the meeting: what the manager said, then the plan builder, on %s', (database) => {
  it('when the engineer records a soft hedge with /promo hedge, then the coach reads it, gives the script, and a correction is stored beside its reading', async () => {
    const app = await startPlanApp(database);
    const res = await app.slack.command({ userId: ENGINEER, text: 'hedge' });
    const open = await app.fake.waitForCall('views.open', (c) => c.args.trigger_id === res.triggerId);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(HEDGE_VIEWS.input);

    const submitted = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: HEDGE_VIEWS.input,
      values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput(HEDGE) } },
    });
    const result = updatedView(submitted);
    expect(result.callback_id).toBe(HEDGE_VIEWS.result);
    const shown = JSON.stringify(result.blocks);
    expect(shown).toContain('a soft hedge');
    expect(shown).toContain('What exactly would you need to see from me');
    expect(shown).toContain(HEDGE_ACTIONS.buildPlan);
    const { meetingId } = JSON.parse(result.private_metadata ?? '{}') as { meetingId: string };
    const stored = await app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(stored).toMatchObject({ userId: ENGINEER, managerSaid: HEDGE, hedgeKind: 'soft_hedge', hedgeKindSuggested: 'soft_hedge' });

    await app.slack.blockAction({
      userId: ENGINEER,
      actionId: HEDGE_ACTIONS.correctKind,
      selectedOption: 'not_yet_vague',
      view: { id: 'VRESULT', type: 'modal', callback_id: HEDGE_VIEWS.result, private_metadata: result.private_metadata ?? '' },
    });
    const update = await app.fake.waitForCall('views.update', (c) => c.args.view_id === 'VRESULT');
    expect(JSON.stringify(update.args.view)).toContain('usually means one of three things');
    const corrected = await app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(corrected).toMatchObject({ hedgeKind: 'not_yet_vague', hedgeKindSuggested: 'soft_hedge' });
  });

  it('when someone else sends a correction for that answer, then it is refused, logged, and the kind stays', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    const submitted = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: HEDGE_VIEWS.input,
      values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput('No. The answer is no, not this year and not next year either.') } },
    });
    const result = updatedView(submitted);
    expect(JSON.stringify(result.blocks)).toContain('a clear no');
    const { meetingId } = JSON.parse(result.private_metadata ?? '{}') as { meetingId: string };
    await app.slack.blockAction({
      userId: OTHER,
      actionId: HEDGE_ACTIONS.correctKind,
      selectedOption: 'clear_yes',
      view: { id: 'VFORGED', type: 'modal', callback_id: HEDGE_VIEWS.result, private_metadata: result.private_metadata ?? '' },
    });
    const update = await app.fake.waitForCall('views.update', (c) => c.args.view_id === 'VFORGED');
    expect(JSON.stringify(update.args.view)).toContain('I could not');
    expect((await app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).hedgeKind).toBe('clear_no');
    expect(app.logs.some((l) => l.includes('plan flow request refused'))).toBe(true);
  });

  it('when the engineer builds the plan, then a vague criterion gets the coach’s suggestion, dates past calibration are refused, and the started plan is saved with its first check-in', async () => {
    const app = await startPlanApp(database);
    const submitted = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: HEDGE_VIEWS.input,
      values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput(HEDGE) } },
    });
    const result = updatedView(submitted);
    const { meetingId } = JSON.parse(result.private_metadata ?? '{}') as { meetingId: string };
    await app.slack.blockAction({
      userId: ENGINEER,
      actionId: HEDGE_ACTIONS.buildPlan,
      value: meetingId,
      view: { id: 'VHEDGE', type: 'modal', callback_id: HEDGE_VIEWS.result, private_metadata: result.private_metadata ?? '' },
    });
    const builder = await app.fake.waitForCall('views.update', (c) => c.args.view_id === 'VHEDGE');
    const step1 = builder.args.view as { callback_id: string; private_metadata: string };
    expect(step1.callback_id).toBe(PLAN_VIEWS.builder);
    const meta = JSON.parse(step1.private_metadata) as { planId: string; step: string };
    expect(meta.step).toBe('criteria');
    expect((await planRow(app, meta.planId))?.meetingId).toBe(meetingId);

    // Step 1: a vague criterion is a field error with the coach's advice; what was typed is kept.
    const vague = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: PLAN_VIEWS.builder, privateMetadata: step1.private_metadata, values: criteriaValues([SPECIFIC, 'Be more visible']) });
    const errors = vague.json<{ response_action: string; errors: Record<string, string> }>();
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual([`${PLAN_VIEWS.criterionBlockPrefix}1`]);
    expect(errors.errors[`${PLAN_VIEWS.criterionBlockPrefix}1`]).toMatch(/visible/i);
    expect((await planRow(app, meta.planId))?.criteria.map((c) => c.text)).toEqual([SPECIFIC, 'Be more visible']);

    const step2 = updatedView(await app.slack.viewSubmission({ userId: ENGINEER, callbackId: PLAN_VIEWS.builder, privateMetadata: step1.private_metadata, values: criteriaValues([SPECIFIC]) }));
    expect(JSON.parse(step2.private_metadata ?? '{}')).toEqual({ planId: meta.planId, step: 'dates' });
    expect((await planRow(app, meta.planId))?.criteria).toHaveLength(1);

    // Step 2: a date after calibration cannot count.
    const late = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: PLAN_VIEWS.builder, privateMetadata: step2.private_metadata ?? '', values: dateValues(['2028-01-10']) });
    expect(late.json<{ errors: Record<string, string> }>().errors[`${PLAN_VIEWS.dateBlockPrefix}0`]).toContain(CALIBRATION);
    const step3 = updatedView(await app.slack.viewSubmission({ userId: ENGINEER, callbackId: PLAN_VIEWS.builder, privateMetadata: step2.private_metadata ?? '', values: dateValues(['2027-04-30']) }));
    expect(JSON.stringify(step3.blocks)).toContain('*April 2027:* criterion 1 due · check-in with your manager (Friday 23 April)');
    expect(JSON.stringify(step3.blocks)).toContain('calibration (Wednesday 1 December)');
    expect((await planRow(app, meta.planId))?.status).toBe('draft');

    // Step 3: start it.
    const started = updatedView(await app.slack.viewSubmission({ userId: ENGINEER, callbackId: PLAN_VIEWS.builder, privateMetadata: step3.private_metadata ?? '', values: {} }));
    expect(JSON.stringify(started.blocks)).toContain('Your plan is running');
    const plan = await planRow(app, meta.planId);
    expect(plan).toMatchObject({ status: 'active', cadenceMonths: 1, calibrationDate: CALIBRATION, managerId: 'UMANAGER' });
    expect(plan?.criteria).toMatchObject([{ text: SPECIFIC, dueDate: '2027-04-30', status: 'not_started' }]);
    // A month on, at the engineer's nudge time (15:00 in New York).
    expect(plan?.nextCheckInAt?.toISOString()).toBe('2026-12-23T20:00:00.000Z');
    expect((await changesOf(app, meta.planId)).map((c) => [c.kind, c.actorId])).toEqual([['created', ENGINEER]]);
    const home = await app.fake.waitForCall('views.publish', (c) => JSON.stringify(c.args.view).includes(PLAN_ACTIONS.share));
    expect(JSON.stringify(home.args.view)).toContain('0 of 1 criterion done');
  });

  it('when another user submits a builder step with the engineer’s plan id, then it is refused, logged and the draft is unchanged', async () => {
    const app = await startPlanApp(database, [ENGINEER, OTHER]);
    await app.slack.command({ userId: ENGINEER, text: 'plan' });
    const open = await app.fake.waitForCall('views.open');
    const metadata = (open.args.view as { private_metadata: string }).private_metadata;
    const { planId } = JSON.parse(metadata) as { planId: string };
    const res = await app.slack.viewSubmission({ userId: OTHER, callbackId: PLAN_VIEWS.builder, privateMetadata: metadata, values: criteriaValues([SPECIFIC]) });
    expect(JSON.stringify(updatedView(res).blocks)).toContain('I could not find that plan');
    expect((await planRow(app, planId))?.criteria).toEqual([]);
    await settle(50);
    expect(app.logs.some((l) => l.includes('plan flow submission refused') && l.includes('NotYourPlanError'))).toBe(true);
  });
});
