// `/promo prep` end to end: the three acts in one modal, the one-pager and invite in the
// DM, the meeting's reminder and follow-up, and everything that must not go wrong on the
// way (Back, field errors, restarts, forged ids, too many wins to list).
import { afterEach, describe, expect, it } from 'vitest';
import { HEDGE_VIEWS, VIEWS } from '../../src/slack/ids.js';
import { databaseKinds } from '../support/databases.js';
import { profileFormValues } from '../support/onboarding.js';
import {
  CASE_WINS,
  closeFakes,
  ENGINEER,
  GOOD_BEHAVIORS,
  GOOD_GAP,
  GOOD_OPENING,
  GOOD_STRETCH,
  MANAGER,
  onboardEngineer,
  PREP_ACTIONS,
  PREP_VIEWS,
  PrepDriver,
  runFollowUps,
  seedWins,
  startPrepApp,
  values,
} from './prep-support.js';

const kinds = await databaseKinds();

afterEach(closeFakes);

const draftOf = (d: PrepDriver) => d.app.coach.database.prisma.prepDraft.findUnique({ where: { id: d.draftId } });
const meetingsOf = (d: PrepDriver) => d.app.coach.database.prisma.meeting.findMany({ where: { userId: ENGINEER } });

describe.each(kinds)('/promo prep, on %s', (database) => {
  it('when an engineer walks every step, then the coach speaks inline, the one-pager and invite reach the DM, and the meeting gets a reminder, an .ics and a follow-up', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    const wins = await seedWins(p.app, CASE_WINS);
    const d = await new PrepDriver(p).open();

    // Timing: a year to the 2027 H2 calibration.
    expect(d.title).toBe('Prep: timing');
    expect(d.text).toContain('53 weeks');
    expect(d.text).toContain('a good time to have this conversation');
    expect(d.text).not.toContain(PREP_ACTIONS.back);
    await d.submit(values.timing('2027 H2'));

    // Act 1: a vague opening is shown back with the coach's advice and a rewrite one click away.
    expect(d.title).toBe('Act 1: the ask');
    await d.submit(values.opening('I wanted to talk about my career growth and what comes next.'));
    expect(d.step).toBe('opening');
    expect(d.text).toContain('talks around the ask');
    await d.press(PREP_ACTIONS.useOpening);
    expect(d.text).toContain('My goal is to be promoted to Staff Engineer in the 2027 H2 cycle.');
    expect((await draftOf(d))?.opening).toContain('Staff Engineer in the 2027 H2 cycle');
    const rewrite = (await draftOf(d))?.opening ?? '';
    await d.submit(values.opening(rewrite));

    // Act 2: four wins with no enabling-others among them: the coach says so; a fifth fixes it.
    expect(d.title).toBe('Act 2: the case');
    await d.submit(values.case([wins[0], wins[2], wins[3], wins[4]] as string[]));
    expect(d.step).toBe('case');
    expect(d.text).toContain('No example shows work you enabled');
    await d.submit(values.case([wins[0], wins[1], wins[2], wins[3], wins[4]] as string[]));
    expect(d.title).toBe('Act 2: each example');
    expect(d.text).toContain('Aligned payments and checkout teams');

    // Each example as a behavior; an outcome-only one is flagged next to it, and can be kept.
    const behaviors = [...GOOD_BEHAVIORS, { criterion: 'staff.scope', behavior: 'The billing outage review happened and costs went down' }];
    await d.submit(values.behaviors(behaviors));
    expect(d.step).toBe('behaviors');
    expect(d.text).toContain('Example 5 says what the project achieved');
    await d.submit(values.behaviors(behaviors));

    // Act 3: a humble-brag is flagged; kept on purpose, it carries on to the review.
    expect(d.title).toBe('Act 3: the gap');
    await d.submit(values.gap('Honestly I push too hard and care too much', GOOD_STRETCH));
    expect(d.step).toBe('gap');
    expect(d.text).toContain('strength dressed up as a weakness');
    await d.submit(values.gap(GOOD_GAP, GOOD_STRETCH));

    expect(d.title).toBe('The pay question');
    expect(d.text).toContain('where in the Staff Engineer pay band');
    await d.submit(values.comp(true));

    expect(d.title).toBe('Review your prep');
    expect(d.text).toContain('Example 5 says what the project achieved');
    expect(d.text).toContain(GOOD_GAP.slice(0, 30));

    // Make the one-pager: the modal asks for the date; the DM gets the message and the file.
    const draftId = d.draftId;
    const ack = await d.submit({});
    expect(ack.view?.callback_id).toBe(PREP_VIEWS.meeting);
    const posted = await p.fake.waitForCall('chat.postMessage', (c) => String(c.args.text).includes('one-pager'));
    expect(JSON.stringify(posted.args.blocks)).toContain('Career conversation: scoping the next level');
    expect(JSON.stringify(posted.args.blocks)).toContain('not our 1:1');
    await p.fake.waitForCall('files.completeUploadExternal');
    const file = p.fake.uploads.find((u) => u.filename === 'career-conversation-one-pager.md');
    expect(file?.content).toContain('# Promotion case: Staff Engineer, 2027 H2');
    expect(file?.content).toContain(rewrite.slice(0, 40));
    expect(file?.content).toContain('**Cross-team collaboration** — Aligned two teams');
    expect(file?.content).toContain('## Pay');
    expect((await p.app.coach.database.prisma.prepDraft.findUnique({ where: { id: draftId } }))?.status).toBe('done');
    const [meeting] = await meetingsOf(d);
    expect(meeting?.title).toBe('Career conversation: scoping the next level');
    expect(meeting?.durationMinutes).toBe(45);

    // The date: 3 Dec 14:00 in New York. Reminder 2 Dec 10:00 there; the .ics invites Maya by email.
    await d.submit(values.meeting('2026-12-03', '14:00'));
    const saved = await p.fake.waitForCall('views.update', (c) => JSON.stringify(c.args.view).includes('Booked'));
    expect(JSON.stringify(saved.args.view)).toContain('Thursday 3 Dec, 14:00');
    const scheduled = p.fake.callsTo('chat.scheduleMessage')[0];
    expect(Number(scheduled?.args.post_at)).toBe(Date.parse('2026-12-02T15:00:00Z') / 1000);
    expect(String(scheduled?.args.text)).toContain(`<@${MANAGER}>`);
    await p.fake.waitForCalls('files.completeUploadExternal', 2);
    // iCalendar folds lines at 75 octets; unfolded, each property reads whole.
    const ics = (p.fake.uploads.find((u) => u.filename === 'career-conversation.ics')?.content ?? '').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20261203T190000Z');
    expect(ics).toContain('DURATION:PT45M');
    expect(ics).toContain('mailto:maya@example.com');
    expect(ics).toContain('SUMMARY:Career conversation: scoping the next level');
    const booked = (await meetingsOf(d))[0];
    expect(booked?.scheduledAt?.toISOString()).toBe('2026-12-03T19:00:00.000Z');
    expect(booked?.reminderMessageId).toBe((scheduled?.response as { scheduled_message_id: string }).scheduled_message_id);

    // Home shows the meeting.
    const home = await p.fake.waitForCall('views.publish', (c) => JSON.stringify(c.args.view).includes('Thursday 3 Dec, 14:00'));
    expect(JSON.stringify(home.args.view)).toContain(PREP_ACTIONS.setMeeting);

    // The day after, 10:05 in New York: how did it go? Answered once, kept on the meeting.
    expect(await runFollowUps(p, new Date('2026-12-04T14:00:00Z'))).toMatchObject({ followup_sent: 0 });
    expect(await runFollowUps(p, new Date('2026-12-04T15:05:00Z'))).toMatchObject({ followup_sent: 1 });
    const followUp = await p.fake.waitForCall('chat.postMessage', (c) => String(c.args.text).includes('How did the career conversation go'));
    await p.app.slack.blockAction({ userId: ENGINEER, actionId: PREP_ACTIONS.answerFollowUp, value: booked?.id ?? '', message: { ts: String((followUp.response as { ts: string }).ts) } });
    // The answer goes to the coach's hedge reading (issue 10's flow), kept on this meeting.
    const modal = await p.fake.waitForCall('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === HEDGE_VIEWS.input);
    const res = await p.app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: HEDGE_VIEWS.input,
      privateMetadata: (modal.args.view as { private_metadata: string }).private_metadata,
      values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: { type: 'plain_text_input', value: "Great work, let's keep it on the radar" } } },
    });
    expect(res.json<{ response_action: string; view: { callback_id: string } }>()).toMatchObject({ response_action: 'update', view: { callback_id: HEDGE_VIEWS.result } });
    expect((await meetingsOf(d))[0]).toMatchObject({ managerSaid: "Great work, let's keep it on the radar", hedgeKind: 'soft_hedge' });
    expect(await runFollowUps(p, new Date('2026-12-04T15:20:00Z'))).toMatchObject({ followup_sent: 0 });
  });

  it('when someone who has not onboarded types /promo prep, then onboarding opens first and saving it lands them in the prep', async () => {
    const p = await startPrepApp(database);
    p.fake.setUser(ENGINEER, { tz: 'America/New_York' });
    await p.app.slack.command({ userId: ENGINEER, text: 'prep' });
    const open = await p.fake.waitForCall('views.open');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEWS.onboarding);
    expect(JSON.parse(view.private_metadata)).toEqual({ then: 'prep' });
    const res = await p.app.slack.viewSubmission({ userId: ENGINEER, callbackId: VIEWS.onboarding, values: profileFormValues(), privateMetadata: view.private_metadata });
    const ack = res.json<{ response_action: string; view: { callback_id: string; title: { text: string } } }>();
    expect(ack.response_action).toBe('update');
    expect(ack.view.callback_id).toBe(PREP_VIEWS.step);
    expect(ack.view.title.text).toBe('Prep: timing');
  });

  it('when Back is pressed on every step, then each earlier step comes back with its saved answers', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    const wins = await seedWins(p.app, CASE_WINS);
    const d = await new PrepDriver(p).open();
    await d.walkToReview(wins);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await d.press(PREP_ACTIONS.back);
      seen.push(d.step);
    }
    expect(seen).toEqual(['comp', 'gap', 'behaviors', 'case', 'opening', 'timing']);
    expect(d.text).not.toContain(PREP_ACTIONS.back);
    expect((await draftOf(d))?.step).toBe('timing');
    // Forward again: every answer is still there.
    await d.submit(values.timing('2027 H2'));
    expect(d.text).toContain('promoted to Staff Engineer');
    await d.submit(values.opening(GOOD_OPENING));
    expect(d.text).toContain('Aligned payments and checkout teams');
  });

  it('when a step gets invalid input, then it is a field error on that block and nothing moves on', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    const wins = await seedWins(p.app, CASE_WINS);
    const d = await new PrepDriver(p).open();

    expect((await d.submit(values.timing(null))).errors).toHaveProperty(PREP_VIEWS.cycleBlock);
    expect((await d.submit(values.timing('1999 H1'))).errors).toHaveProperty(PREP_VIEWS.cycleBlock);
    await d.submit(values.timing('2027 H2'));
    expect((await d.submit(values.opening(null))).errors).toHaveProperty(PREP_VIEWS.openingBlock);
    expect((await d.submit(values.opening('x'.repeat(601)))).errors?.[PREP_VIEWS.openingBlock]).toContain('601');
    await d.submit(values.opening(GOOD_OPENING));
    expect((await d.submit(values.case(wins.slice(0, 3)))).errors?.[PREP_VIEWS.winsBlock]).toContain('you picked 3');
    expect((await d.submit(values.case(wins.concat('cforgedwin00000000000000')))).errors).toHaveProperty(PREP_VIEWS.winsBlock);
    await d.submit(values.case(wins.slice(0, 4)));
    const missing = GOOD_BEHAVIORS.map((b, i) => (i === 2 ? { criterion: null, behavior: '' } : b));
    const errors = (await d.submit(values.behaviors(missing))).errors ?? {};
    expect(Object.keys(errors).sort()).toEqual([`${PREP_VIEWS.behaviorBlockPrefix}2`, `${PREP_VIEWS.criterionBlockPrefix}2`]);
    await d.submit(values.behaviors(GOOD_BEHAVIORS));
    const gapErrors = (await d.submit(values.gap(GOOD_GAP, '', null))).errors ?? {};
    expect(Object.keys(gapErrors).sort()).toEqual([PREP_VIEWS.cadenceBlock, PREP_VIEWS.stretchBlock]);
    expect((await draftOf(d))?.step).toBe('gap');
    expect((await draftOf(d))?.stretchProject).toBeNull();

    // The meeting's date: a time already past is refused, on the date field.
    await d.submit(values.gap(GOOD_GAP, GOOD_STRETCH));
    await d.submit(values.comp(false));
    await d.submit({});
    expect((await d.submit(values.meeting('2026-11-20', '10:00'))).errors).toHaveProperty(PREP_VIEWS.dateBlock);
    expect((await d.submit(values.meeting('2026-12-01', null))).errors).toHaveProperty(PREP_VIEWS.timeBlock);
    expect(p.fake.callsTo('chat.scheduleMessage')).toHaveLength(0);
  });
});
