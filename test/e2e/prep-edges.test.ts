// `/promo prep` off the happy path: a restart mid-way, a cycle too close, more wins than a
// list holds, someone else's ids, and a meeting moved and then cancelled.
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { ACTIONS } from '../../src/slack/ids.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { RESPONSE_URL_METHOD } from '../support/fake-slack.js';
import {
  CASE_WINS,
  closeFakes,
  ENGINEER,
  NOW,
  onboardEngineer,
  OTHER,
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

describe.each(kinds)('/promo prep edge cases, on %s', (database) => {
  it('when the app restarts mid-prep, then /promo prep resumes at the same step with every answer, offers Start over, and keeps one draft', async () => {
    // The database outlives both processes: the test owns it, not either app.
    const shared = await createTestDatabase(database);
    onTestFinished(() => shared.drop());
    const first = await startPrepApp(database, { sharedDatabase: shared });
    await onboardEngineer(first);
    const wins = await seedWins(first.app, CASE_WINS);
    const d = await new PrepDriver(first).open();
    await d.submit(values.timing('2027 H2'));
    await d.submit(values.opening('My goal is to be promoted to Staff Engineer in the 2027 H2 cycle.'));
    await d.submit(values.case(wins.slice(0, 4)));
    expect(d.step).toBe('behaviors');

    // The modal is closed and the process stops; a new one starts on the same database.
    await first.app.stop();
    const second = await startPrepApp(database, { sharedDatabase: shared, sharedFake: first.fake, clock: first.clock });
    const again = await new PrepDriver(second).open();
    expect(again.step).toBe('behaviors');
    expect(again.draftId).toBe(d.draftId);
    expect(again.text).toContain('Welcome back');
    expect(again.text).toContain(PREP_ACTIONS.startOver);
    expect(again.text).toContain('Aligned payments and checkout teams');

    // Two more /promo prep at once still find the one draft.
    await Promise.all([new PrepDriver(second).open(), new PrepDriver(second).open()]);
    expect(await second.app.coach.database.prisma.prepDraft.count({ where: { userId: ENGINEER, status: 'draft' } })).toBe(1);

    await again.press(PREP_ACTIONS.startOver);
    expect(again.step).toBe('timing');
    const draft = await second.app.coach.database.prisma.prepDraft.findUnique({ where: { id: again.draftId } });
    expect(draft).toMatchObject({ step: 'timing', opening: null, examples: [] });
  });

  it('when calibration is too close, then the timing step says so and one click aims the prep and the profile at the next cycle', async () => {
    const p = await startPrepApp(database, { now: new Date('2027-03-01T15:00:00Z') });
    await onboardEngineer(p);
    await p.app.coach.database.prisma.profile.update({ where: { userId: ENGINEER }, data: { targetCycle: '2027 H1' } });
    const d = await new PrepDriver(p).open();
    expect(d.text).toContain('too close to build a case for this cycle');
    expect(d.text).toContain('Aim for 2027 H2');
    await d.press(PREP_ACTIONS.switchCycle);
    expect(d.text).toContain('a good time to have this conversation');
    expect(d.text).toContain('2027 H2');
    expect(d.text).not.toContain(PREP_ACTIONS.switchCycle);
    expect((await p.app.coach.deps.repos.users.findProfile(ENGINEER))?.targetCycle).toBe('2027 H2');
    expect((await p.app.coach.database.prisma.prepDraft.findUnique({ where: { id: d.draftId } }))?.targetCycle).toBe('2027 H2');
    await p.fake.waitForCall('views.publish', (c) => JSON.stringify(c.args.view).includes('2027 H2'));
  });

  it('when the engineer has more than 100 wins in the year, then the picker searches them through the options endpoint, theirs only', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    await onboardEngineer(p, OTHER);
    const many = Array.from({ length: 118 }, (_, i) => ({ text: `Routine fix number ${i}`, date: '2026-06-01' }));
    await seedWins(p.app, [...CASE_WINS, ...many]);
    await seedWins(p.app, [{ text: 'Mentored the whole other team', date: '2026-06-02' }], OTHER);
    const d = await new PrepDriver(p).open();
    await d.submit(values.timing('2027 H2'));
    await d.submit(values.opening('My goal is to be promoted to Staff Engineer in the 2027 H2 cycle.'));
    expect(d.text).toContain('multi_external_select');
    expect(d.text).toContain('124 wins');

    const search = async (value: string) => {
      const res = await p.app.slack.blockSuggestion({ userId: ENGINEER, actionId: PREP_VIEWS.winsAction, blockId: PREP_VIEWS.winsBlock, value, view: d.view });
      return res.json<{ options: { text: { text: string }; value: string }[] }>().options;
    };
    expect(await search('')).toHaveLength(100);
    const mentored = await search('mentored');
    expect(mentored.map((o) => o.text.text)).toEqual(['2026-09-12 · Mentored two new engineers until they ran on-call alone']);
    const picks = [...mentored, ...(await search('aligned')), ...(await search('rfc')), ...(await search('scoped'))].map((o) => o.value);
    await d.submit(values.case(picks));
    expect(d.step).toBe('behaviors');
  });

  it('when someone sends another person’s draft or meeting id, then nothing changes, they are told it is not theirs, and it is logged', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    await onboardEngineer(p, OTHER);
    const wins = await seedWins(p.app, CASE_WINS);
    const mine = await new PrepDriver(p).open();
    await mine.walkToReview(wins);
    const before = await p.app.coach.database.prisma.prepDraft.findUnique({ where: { id: mine.draftId } });

    // A forged submission of the review, and a forged Back, by another user.
    const forged = await p.app.slack.viewSubmission({ userId: OTHER, callbackId: PREP_VIEWS.step, values: {}, privateMetadata: mine.view.private_metadata });
    expect(JSON.stringify(forged.json())).toContain('no longer open here');
    const theirs = await new PrepDriver(p, OTHER).open();
    const updates = p.fake.callsTo('views.update').length;
    await p.app.slack.blockAction({ userId: OTHER, actionId: PREP_ACTIONS.back, value: mine.draftId, view: { ...theirs.view, private_metadata: mine.view.private_metadata } });
    const [refused] = (await p.fake.waitForCalls('views.update', updates + 1)).slice(updates);
    expect(JSON.stringify(refused?.args.view)).toContain('no longer open here');
    expect(await p.app.coach.database.prisma.prepDraft.findUnique({ where: { id: mine.draftId } })).toEqual(before);
    expect(await p.app.coach.database.prisma.meeting.count()).toBe(0);

    // The real author finishes; the other user cannot move or cancel that meeting.
    await mine.submit({});
    const meeting = await p.app.coach.database.prisma.meeting.findFirstOrThrow({ where: { userId: ENGINEER } });
    await p.app.slack.blockAction({ userId: OTHER, actionId: PREP_ACTIONS.setMeeting, value: meeting.id });
    const notice = await p.fake.waitForCall('views.open', (c) => JSON.stringify(c.args.view).includes('could not find that meeting'));
    expect(notice).toBeTruthy();
    const res = await p.app.slack.viewSubmission({ userId: OTHER, callbackId: PREP_VIEWS.meeting, values: values.meeting('2026-12-03', '14:00'), privateMetadata: JSON.stringify({ meetingId: meeting.id }) });
    expect(JSON.stringify(res.json())).toContain('could not find that meeting');
    await p.app.slack.blockAction({ userId: OTHER, actionId: PREP_ACTIONS.cancelMeeting, value: meeting.id, responseUrl: p.fake.responseUrl('forged-cancel') });
    await p.fake.waitForCall(RESPONSE_URL_METHOD, (c) => c.responseUrlId === 'forged-cancel');
    expect(await p.app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toEqual(meeting);
    expect(p.app.logs.filter((l) => l.includes('refused') && l.includes(OTHER)).length).toBeGreaterThanOrEqual(4);
  });

  it('when the meeting is moved, then the reminder and follow-up move with it; when cancelled, both are gone', async () => {
    const p = await startPrepApp(database);
    await onboardEngineer(p);
    const wins = await seedWins(p.app, CASE_WINS);
    const d = await new PrepDriver(p).open();
    await d.walkToReview(wins);
    await d.submit({});
    await d.submit(values.meeting('2026-12-03', '14:00'));
    const meeting = await p.app.coach.database.prisma.meeting.findFirstOrThrow({ where: { userId: ENGINEER } });
    const first = await p.fake.waitForCall('chat.scheduleMessage');
    const firstId = (first.response as { scheduled_message_id: string }).scheduled_message_id;

    // Reschedule from the DM's button: the modal opens with the date, and saving moves everything.
    await p.app.slack.blockAction({ userId: ENGINEER, actionId: PREP_ACTIONS.setMeeting, value: meeting.id });
    const modal = await p.fake.waitForCall('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === PREP_VIEWS.meeting);
    expect(JSON.stringify(modal.args.view)).toContain('"initial_date":"2026-12-03"');
    await p.app.slack.viewSubmission({ userId: ENGINEER, callbackId: PREP_VIEWS.meeting, values: values.meeting('2026-12-10', '09:30'), privateMetadata: (modal.args.view as { private_metadata: string }).private_metadata });
    const deleted = await p.fake.waitForCall('chat.deleteScheduledMessage');
    expect(deleted.args.scheduled_message_id).toBe(firstId);
    const [, second] = await p.fake.waitForCalls('chat.scheduleMessage', 2);
    expect(Number(second?.args.post_at)).toBe(Date.parse('2026-12-09T15:00:00Z') / 1000);
    await p.fake.waitForCall('views.update', (c) => JSON.stringify(c.args.view).includes('Moved'));
    const moved = await p.app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(moved.scheduledAt?.toISOString()).toBe('2026-12-10T14:30:00.000Z');
    expect(moved.reminderMessageId).toBe((second?.response as { scheduled_message_id: string }).scheduled_message_id);
    expect(await runFollowUps(p, new Date('2026-12-04T15:05:00Z'))).toMatchObject({ followup_sent: 0 });

    // Cancel: the reminder is deleted, no follow-up will ask, and the message offers a new date.
    await p.app.slack.blockAction({ userId: ENGINEER, actionId: PREP_ACTIONS.cancelMeeting, value: meeting.id, responseUrl: p.fake.responseUrl('cancel') });
    const replaced = await p.fake.waitForCall(RESPONSE_URL_METHOD, (c) => c.responseUrlId === 'cancel');
    expect(String(replaced.args.text)).toContain('Cancelled');
    const [, secondDelete] = await p.fake.waitForCalls('chat.deleteScheduledMessage', 2);
    expect(secondDelete?.args.scheduled_message_id).toBe(moved.reminderMessageId);
    expect(await p.app.coach.database.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ scheduledAt: null, reminderMessageId: null });
    expect(await runFollowUps(p, new Date('2026-12-11T15:05:00Z'))).toMatchObject({ followup_sent: 0 });
    const home = await p.fake.waitForCall('views.publish', (c) => JSON.stringify(c.args.view).includes('Your one-pager is ready'));
    expect(JSON.stringify(home.args.view)).toContain(PREP_ACTIONS.setMeeting);
  });

  it('when Home is opened before any prep, then it offers the prep, and its button opens it', async () => {
    const p = await startPrepApp(database, { now: NOW });
    await onboardEngineer(p);
    await p.app.slack.event({ type: 'app_home_opened', user: ENGINEER, tab: 'home', channel: `D${ENGINEER}` });
    const home = await p.fake.waitForCall('views.publish');
    expect(JSON.stringify(home.args.view)).toContain('Prep the conversation');
    expect(JSON.stringify(home.args.view)).toContain(ACTIONS.homeEditProfile);
    await p.app.slack.blockAction({ userId: ENGINEER, actionId: PREP_ACTIONS.open, view: { id: 'VHOME', type: 'home' } });
    await p.fake.waitForCall('views.update', (c) => JSON.stringify(c.args.view).includes('Prep: timing'));
  });
});
