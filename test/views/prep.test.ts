import { describe, expect, it } from 'vitest';
import { checkTiming, compQuestion, type Finding } from '../../src/coach/index.js';
import { PREP_ACTIONS, PREP_VIEWS } from '../../src/slack/ids.js';
import {
  followUpMessage,
  meetingCancelledMessage,
  meetingReminderMessage,
  meetingScheduledMessage,
  prepResultMessage,
} from '../../src/slack/views/prep-messages.js';
import { prepHomeBlocks } from '../../src/slack/views/prep-home.js';
import {
  findingBlocks,
  meetingModal,
  meetingSavedModal,
  prepLoadingModal,
  prepNoticeModal,
  prepStepModal,
} from '../../src/slack/views/prep.js';
import type { MeetingScheduled } from '../../src/use-cases/meetings.js';
import type { PrepResult, PrepScreen } from '../../src/use-cases/prep.js';
import { checkBlocks, checkMessage, checkView } from '../support/block-kit-limits.js';

const base = { draftId: 'cdraft000000000000000001', stepCount: 7, resumed: false, targetLevelName: 'Staff Engineer', targetCycle: '2027 H2' };
const warning: Finding = { code: 'humble_brag', severity: 'error', message: 'That reads as a strength.', suggestion: 'Name a real gap.' };
const long = 'x'.repeat(600);
const wins = Array.from({ length: 100 }, (_, i) => ({ id: `cwin${String(i).padStart(20, '0')}`, date: '2026-06-01', text: `A long win text ${'that goes on '.repeat(10)} ${i}` }));
const criteria = Array.from({ length: 6 }, (_, i) => ({ id: `staff.c${i}`, label: `Criterion ${i}: ${'what a staff engineer does '.repeat(5)}` }));

const screens: PrepScreen[] = [
  {
    ...base,
    step: 'timing',
    stepNumber: 1,
    calibrationDate: '2027-06-15',
    timing: checkTiming({ today: '2027-03-01', calibration: '2027-06-15', nextCalibration: '2027-12-01' }),
    cycles: [
      { name: '2027 H1', calibrationDate: '2027-06-15', tooSoon: true },
      { name: '2027 H2', calibrationDate: '2027-12-01', tooSoon: false },
    ],
    nextCycle: { name: '2027 H2', calibrationDate: '2027-12-01', tooSoon: false },
  },
  { ...base, step: 'opening', stepNumber: 2, opening: long, findings: [warning], rewrite: 'My goal is to be promoted to Staff Engineer in the 2027 H2 cycle.' },
  { ...base, step: 'case', stepNumber: 3, picked: wins.slice(0, 6), choices: wins, winsInYear: 100, findings: [warning] },
  {
    ...base,
    step: 'behaviors',
    stepNumber: 4,
    criteria,
    findings: [warning],
    examples: wins.slice(0, 6).map((w) => ({ winId: w.id, date: w.date, winText: 'w'.repeat(3000), criterionId: 'staff.c1', behavior: 'b'.repeat(500), findings: [warning] })),
  },
  { ...base, step: 'gap', stepNumber: 5, gap: long, stretchProject: long, cadenceMonths: 3, findings: { gap: [warning], stretchProject: [], cadence: [warning] } },
  { ...base, step: 'comp', stepNumber: 6, askComp: true, question: compQuestion({ targetLevelName: 'Staff Engineer' }) },
  {
    ...base,
    step: 'review',
    stepNumber: 7,
    findings: Array.from({ length: 12 }, () => warning),
    review: {
      opening: long,
      examples: Array.from({ length: 6 }, () => ({ criterionName: 'Cross-team collaboration', behavior: 'b'.repeat(500), date: '2026-06-01' })),
      gap: long,
      stretchProject: long,
      cadenceMonths: 1,
      compQuestion: compQuestion({ targetLevelName: 'Staff Engineer' }).question,
      calibrationDate: '2027-12-01',
    },
  },
];

type Block = { type: string; block_id?: string; element?: Record<string, unknown>; accessory?: { action_id?: string } };

describe('prepStepModal', () => {
  it.each(screens.map((s) => [s.step, s] as const))('when the %s step is at its longest, then it stays within Block Kit’s limits and carries only the draft id and step', (_step, screen) => {
    const view = prepStepModal(screen);
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(PREP_VIEWS.step);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ draftId: base.draftId, step: screen.step });
    expect(view.close?.text).toBe('Save for later');
  });

  it('when on the first step, then there is no Back; on every other step Back carries the draft id', () => {
    for (const screen of screens) {
      const backs = JSON.stringify(prepStepModal(screen).blocks).includes(PREP_ACTIONS.back);
      expect(backs).toBe(screen.stepNumber > 1);
    }
  });

  it('when the timing is too late, then the verdict, the coach’s note and a one-click switch to the next cycle show', () => {
    const text = JSON.stringify(prepStepModal(screens[0] as PrepScreen).blocks);
    expect(text).toContain('too close to build a case for this cycle');
    expect(text).toContain(PREP_ACTIONS.switchCycle);
    expect(text).toContain('Aim for 2027 H2');
    expect(text).toContain('2027 H1 · 2027-06-15 (too soon to prepare)');
  });

  it('when findings exist, then each sits right under the field it concerns', () => {
    const gap = prepStepModal(screens[4] as PrepScreen).blocks as Block[];
    const at = (id: string) => gap.findIndex((b) => b.block_id === id);
    expect(gap[at(PREP_VIEWS.gapBlock) + 1]?.type).toBe('context');
    expect(gap[at(PREP_VIEWS.stretchBlock) + 1]?.type).toBe('input');
    expect(gap[at(PREP_VIEWS.cadenceBlock) + 1]?.type).toBe('context');
    const opening = prepStepModal(screens[1] as PrepScreen).blocks as Block[];
    expect(opening.find((b) => b.accessory?.action_id === PREP_ACTIONS.useOpening)).toBeTruthy();
  });

  it('when there are more than 100 wins, then the picker is an external select with the picked ones kept', () => {
    const view = prepStepModal({ ...(screens[2] as Extract<PrepScreen, { step: 'case' }>), choices: null, winsInYear: 140 });
    const picker = (view.blocks as Block[]).find((b) => b.block_id === PREP_VIEWS.winsBlock)?.element;
    expect(picker).toMatchObject({ type: 'multi_external_select', min_query_length: 0, max_selected_items: 6 });
    expect((picker?.initial_options as unknown[]).length).toBe(6);
    expect(checkView(view)).toEqual([]);
  });

  it('when resumed, then it says so and offers Start over with a confirmation', () => {
    const text = JSON.stringify(prepStepModal({ ...(screens[3] as PrepScreen), resumed: true }).blocks);
    expect(text).toContain('Welcome back');
    expect(text).toContain(PREP_ACTIONS.startOver);
    expect(text).toContain('Keep my answers');
  });

  it('when user text holds Slack control sequences, then it is shown literally', () => {
    const text = JSON.stringify(prepStepModal({ ...(screens[6] as Extract<PrepScreen, { step: 'review' }>), review: { ...(screens[6] as Extract<PrepScreen, { step: 'review' }>).review, gap: '<!channel> ping' } }).blocks);
    expect(text).toContain('&lt;!channel&gt; ping');
    expect(text).not.toContain('<!channel>');
  });
});

describe('the other prep modals', () => {
  const scheduled: MeetingScheduled = { meetingId: 'cmeet', when: 'Thursday 3 Dec, 14:00', rescheduled: false, reminder: { at: new Date() }, attendeeByEmail: true, managerId: 'UMANAGER' };

  it('when loading, noticing, or thanking, then each is a small valid modal', () => {
    for (const view of [prepLoadingModal(), prepNoticeModal('Not yours.'), meetingSavedModal(scheduled)]) expect(checkView(view)).toEqual([]);
  });

  it('when asking for the date, then it has a date and a time input, pre-filled when rescheduling, and names the zone', () => {
    const fresh = meetingModal({ form: { meetingId: 'cmeet', date: null, time: null, today: '2026-11-23', zone: 'America/New_York' }, afterPrep: true });
    expect(checkView(fresh)).toEqual([]);
    expect(fresh.submit?.text).toBe('Save the date');
    expect(JSON.stringify(fresh.blocks)).toContain('America/New_York');
    const moving = meetingModal({ form: { meetingId: 'cmeet', date: '2026-12-03', time: '14:00', today: '2026-11-23', zone: 'UTC' }, afterPrep: false });
    expect(moving.submit?.text).toBe('Move it');
    expect(JSON.stringify(moving.blocks)).toContain('"initial_time":"14:00"');
    expect(JSON.parse(moving.private_metadata ?? '')).toEqual({ meetingId: 'cmeet' });
  });

  it('when the reminder could not be scheduled or the email is unknown, then the summary says what to do instead', () => {
    expect(JSON.stringify(meetingSavedModal({ ...scheduled, reminder: { skipped: 'too_soon' } }).blocks)).toContain('send your one-pager today');
    expect(JSON.stringify(meetingSavedModal({ ...scheduled, reminder: { skipped: 'too_far' }, attendeeByEmail: false }).blocks)).toContain('add them as a guest');
  });

  it('when findings exceed a context block’s ten elements, then only ten are shown', () => {
    expect(findingBlocks(Array.from({ length: 14 }, () => warning))[0]?.elements).toHaveLength(10);
    expect(findingBlocks([])).toEqual([]);
  });
});

describe('prep messages and Home', () => {
  const result: PrepResult = {
    meetingId: 'cmeet',
    title: 'Career conversation: scoping the next level',
    durationMinutes: 45,
    onePager: '# x',
    inviteText: 'Title: Career conversation: scoping the next level',
    managerId: 'UMANAGER',
    targetLevelName: 'Staff Engineer',
    targetCycle: '2027 H2',
    review: (screens[6] as Extract<PrepScreen, { step: 'review' }>).review,
  };

  it('when the prep is done, then the DM shows the case, the invite to paste and a button to set the date', () => {
    const message = prepResultMessage(result);
    expect(checkMessage({ ...message })).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('Title: Career conversation: scoping the next level');
    expect(text).toContain(PREP_ACTIONS.setMeeting);
  });

  it('when reminding, booking, cancelling and following up, then each message is valid and carries the meeting id where it acts', () => {
    const scheduled: MeetingScheduled = { meetingId: 'cmeet', when: 'Thursday 3 Dec, 14:00', rescheduled: true, reminder: { at: new Date() }, attendeeByEmail: true, managerId: 'UMANAGER' };
    for (const message of [meetingReminderMessage({ managerId: 'UMANAGER', when: 'Thursday 3 Dec, 14:00' }), meetingScheduledMessage(scheduled), meetingCancelledMessage('cmeet'), followUpMessage({ meetingId: 'cmeet', userId: 'UENG' })]) {
      expect(checkMessage({ ...message })).toEqual([]);
    }
    expect(JSON.stringify(meetingScheduledMessage(scheduled).blocks)).toContain('"value":"cmeet"');
    expect(meetingScheduledMessage(scheduled).text).toContain('*Moved* to Thursday 3 Dec, 14:00');
    expect(JSON.stringify(followUpMessage({ meetingId: 'cmeet', userId: 'UENG' }).blocks)).toContain(PREP_ACTIONS.answerFollowUp);
  });

  it('when Home shows the conversation, then each state has its own line and button', () => {
    const cases = [
      [{ kind: 'none' }, PREP_ACTIONS.open, 'Prep the conversation'],
      [{ kind: 'in_progress', step: 'gap', stepNumber: 5, stepCount: 7 }, PREP_ACTIONS.open, 'step 5 of 7 (Act 3: the gap)'],
      [{ kind: 'ready', meetingId: 'cmeet' }, PREP_ACTIONS.setMeeting, 'one-pager is ready'],
      [{ kind: 'scheduled', meetingId: 'cmeet', when: 'Thursday 3 Dec, 14:00' }, PREP_ACTIONS.setMeeting, 'Thursday 3 Dec, 14:00'],
    ] as const;
    for (const [status, action, words] of cases) {
      const blocks = prepHomeBlocks(status);
      expect(checkBlocks(blocks, 'home')).toEqual([]);
      expect(JSON.stringify(blocks)).toContain(action);
      expect(JSON.stringify(blocks)).toContain(words);
    }
  });
});
