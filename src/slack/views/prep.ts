// `/promo prep` in modals: one view per step, each a pure function of the step's screen
// (use-cases/prep.ts). The coach's findings sit right under the field they are about.
import type { ActionsBlock, Button, ContextBlock, InputBlock, KnownBlock, ModalView, PlainTextInput, PlainTextOption, SectionBlock } from '@slack/types';
import type { Finding } from '../../coach/index.js';
import type { MeetingForm, MeetingScheduled } from '../../use-cases/meetings.js';
import { cadenceLabel } from '../../use-cases/one-pager.js';
import { BEHAVIOR_MAX, GAP_MAX, MAX_CASE_WINS, OPENING_MAX, STRETCH_MAX, type PrepScreen, type PrepStep, type WinChoice } from '../../use-cases/prep.js';
import { PREP_ACTIONS, PREP_VIEWS } from '../ids.js';
import { encodeMetadata } from '../metadata.js';
import { escapeMrkdwn, modalView, plural, selectOption, truncate } from './text.js';

/** Each step's title (24 characters at most) and what Home calls it. */
export const STEP_TITLES: Record<PrepStep, string> = {
  timing: 'Prep: timing',
  opening: 'Act 1: the ask',
  case: 'Act 2: the case',
  behaviors: 'Act 2: each example',
  gap: 'Act 3: the gap',
  comp: 'The pay question',
  review: 'Review your prep',
};

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(truncate(text, 3000)) });


const ICON: Record<Finding['severity'], string> = { error: ':warning:', warning: ':bulb:', info: ':white_check_mark:' };

/** The coach's findings as one context line each (at most ten: Slack's limit per context block). */
export function findingBlocks(findings: readonly Finding[]): ContextBlock[] {
  if (findings.length === 0) return [];
  return [
    {
      type: 'context',
      elements: findings.slice(0, 10).map((f) => mrkdwn(truncate(`${ICON[f.severity]} ${[f.message, f.suggestion].filter(Boolean).join(' ')}`, 3000))),
    },
  ];
}

function progress(screen: PrepScreen): ContextBlock {
  return {
    type: 'context',
    elements: [mrkdwn(`Step ${screen.stepNumber} of ${screen.stepCount} · going for *${escapeMrkdwn(screen.targetLevelName)}* in *${escapeMrkdwn(screen.targetCycle)}* · saved as you go`)],
  };
}

function resumedBanner(screen: PrepScreen): KnownBlock[] {
  if (!screen.resumed) return [];
  return [
    {
      type: 'section',
      text: mrkdwn('*Welcome back.* Here is your prep where you left it: everything you wrote is saved.'),
      accessory: {
        type: 'button',
        action_id: PREP_ACTIONS.startOver,
        value: screen.draftId,
        text: plain('Start over'),
        confirm: {
          title: plain('Start over?'),
          text: plain('This clears the answers in this prep. Your wins stay as they are.'),
          confirm: plain('Start over'),
          deny: plain('Keep my answers'),
          style: 'danger',
        },
      },
    },
  ];
}

function backButton(screen: PrepScreen): ActionsBlock[] {
  if (screen.stepNumber === 1) return [];
  const back: Button = { type: 'button', action_id: PREP_ACTIONS.back, value: screen.draftId, text: plain('Back') };
  return [{ type: 'actions', elements: [back] }];
}

function input(args: { blockId: string; label: string; element: InputBlock['element']; hint?: string; optional?: boolean }): InputBlock {
  return {
    type: 'input',
    block_id: args.blockId,
    label: plain(args.label),
    ...(args.hint ? { hint: plain(args.hint) } : {}),
    ...(args.optional ? { optional: true } : {}),
    element: args.element,
  };
}

function textInput(actionId: string, value: string, max: number, placeholder: string, multiline = true): PlainTextInput {
  return {
    type: 'plain_text_input' as const,
    action_id: actionId,
    multiline,
    max_length: max,
    placeholder: plain(placeholder),
    ...(value ? { initial_value: value } : {}),
  };
}

export const winOption = (w: WinChoice): PlainTextOption => selectOption(`${w.date} · ${w.text.replace(/\s+/g, ' ')}`, w.id);

/** Every step of the prep, by its screen. */
export function prepStepModal(screen: PrepScreen): ModalView {
  const blocks: KnownBlock[] = [...resumedBanner(screen), ...stepBlocks(screen), ...backButton(screen), progress(screen)];
  return modalView({
    callbackId: PREP_VIEWS.step,
    title: STEP_TITLES[screen.step],
    submit: screen.step === 'review' ? 'Make my one-pager' : 'Next',
    close: 'Save for later',
    metadata: encodeMetadata({ draftId: screen.draftId, step: screen.step }),
    blocks,
  });
}

function stepBlocks(screen: PrepScreen): KnownBlock[] {
  switch (screen.step) {
    case 'timing':
      return timingBlocks(screen);
    case 'opening':
      return openingBlocks(screen);
    case 'case':
      return caseBlocks(screen);
    case 'behaviors':
      return behaviorBlocks(screen);
    case 'gap':
      return gapBlocks(screen);
    case 'comp':
      return compBlocks(screen);
    case 'review':
      return reviewBlocks(screen);
  }
}

type Screen<S extends PrepStep> = Extract<PrepScreen, { step: S }>;

function timingBlocks(s: Screen<'timing'>): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (s.timing && s.calibrationDate) {
    const left = s.timing.days < 14 ? plural(s.timing.days, 'day') : plural(s.timing.weeks, 'week');
    const verdict = { ideal: 'a good time to have this conversation', enough: 'enough time, if you book it soon', too_late: 'too close to build a case for this cycle' }[s.timing.verdict];
    blocks.push(section(`*${left}* to the ${escapeMrkdwn(s.targetCycle)} calibration (${s.calibrationDate}): ${verdict}.`));
    blocks.push(...findingBlocks(s.timing.findings));
  } else {
    blocks.push(section(`The ${escapeMrkdwn(s.targetCycle)} calibration is behind you, so this conversation should aim at a cycle still ahead.`));
  }
  if (s.nextCycle) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`Declare *${escapeMrkdwn(s.nextCycle.name)}* (calibration ${s.nextCycle.calibrationDate}) as your target instead, and use the time until then to close the gap.`),
      accessory: { type: 'button', action_id: PREP_ACTIONS.switchCycle, value: s.draftId, style: 'primary', text: plain(truncate(`Aim for ${s.nextCycle.name}`, 75)) },
    });
  }
  const options = s.cycles.slice(0, 100).map((c) => selectOption(`${c.name} · ${c.calibrationDate}${c.tooSoon ? ' (too soon to prepare)' : ''}`, c.name));
  const initial = options.find((o) => o.value === s.targetCycle);
  blocks.push(
    input({
      blockId: PREP_VIEWS.cycleBlock,
      label: 'The cycle this conversation aims at',
      hint: 'Six months ahead is ideal; four is the least a manager needs to build and pre-sell a case.',
      element: { type: 'static_select', action_id: PREP_VIEWS.cycleAction, placeholder: plain('Choose a cycle'), options, ...(initial ? { initial_option: initial } : {}) },
    }),
  );
  return blocks;
}

function openingBlocks(s: Screen<'opening'>): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section('*Open with the ask.* Your first sentence is the one your manager will repeat to themselves afterwards: name the level and the cycle, then say what you want from the meeting.'),
    input({
      blockId: PREP_VIEWS.openingBlock,
      label: 'Your opening sentence',
      element: textInput(PREP_VIEWS.openingAction, s.opening, OPENING_MAX, 'My goal is to be promoted to … in the … cycle.'),
    }),
    ...findingBlocks(s.findings),
  ];
  if (s.rewrite) {
    blocks.push({
      type: 'section',
      text: mrkdwn(truncate(`${s.opening ? 'One way to put it:' : 'A place to start:'}\n>${escapeMrkdwn(s.rewrite)}`, 3000)),
      accessory: { type: 'button', action_id: PREP_ACTIONS.useOpening, value: s.draftId, text: plain('Use this') },
    });
  }
  return blocks;
}

function caseBlocks(s: Screen<'case'>): KnownBlock[] {
  const initial = s.picked.map(winOption);
  const element =
    s.choices === null
      ? {
          type: 'multi_external_select' as const,
          action_id: PREP_VIEWS.winsAction,
          min_query_length: 0,
          max_selected_items: MAX_CASE_WINS,
          placeholder: plain('Type to search your wins'),
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        }
      : {
          type: 'multi_static_select' as const,
          action_id: PREP_VIEWS.winsAction,
          max_selected_items: MAX_CASE_WINS,
          placeholder: plain('Choose your strongest wins'),
          options: s.choices.slice(0, 100).map(winOption),
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        };
  const blocks: KnownBlock[] = [
    section(
      `*Walk the case.* Pick the 4 to 6 wins from the last 12 months that best match the ${escapeMrkdwn(s.targetLevelName)} bar, not everything you did. ` +
        'Include one where another team moved because of you, and one where you made others better.',
    ),
  ];
  if (s.winsInYear === 0 || (s.choices !== null && s.choices.length < 4)) {
    blocks.push(section(`You have ${plural(s.winsInYear, 'win')} logged from the last 12 months. Close this, log the ones you remember with \`/promo win\` (any date works), then come back: your prep is saved.`));
  }
  if (s.winsInYear > 0) {
    blocks.push(
      input({
        blockId: PREP_VIEWS.winsBlock,
        label: 'Your examples',
        hint: s.choices === null ? `You have ${s.winsInYear} wins from the last 12 months: type a word or a date to find one.` : 'Four to six.',
        element,
      }),
    );
  }
  blocks.push(...findingBlocks(s.findings));
  return blocks;
}

function behaviorBlocks(s: Screen<'behaviors'>): KnownBlock[] {
  const criteria = s.criteria.slice(0, 100).map((c) => selectOption(c.label, c.id));
  const blocks: KnownBlock[] = [
    section(`*Name the behavior.* For each example, say what you did that a ${escapeMrkdwn(s.targetLevelName)} does, not what the project achieved, and pick the criterion it shows.`),
    ...findingBlocks(s.findings),
  ];
  s.examples.forEach((e, i) => {
    const initial = criteria.find((o) => o.value === e.criterionId);
    blocks.push(
      { type: 'divider' },
      { type: 'context', elements: [mrkdwn(truncate(`*Example ${i + 1}* · ${e.date} · ${escapeMrkdwn(e.winText)}`, 3000))] },
      input({
        blockId: `${PREP_VIEWS.criterionBlockPrefix}${i}`,
        label: 'Criterion it shows',
        element: { type: 'static_select', action_id: PREP_VIEWS.criterionAction, placeholder: plain('Choose a criterion'), options: criteria, ...(initial ? { initial_option: initial } : {}) },
      }),
      input({
        blockId: `${PREP_VIEWS.behaviorBlockPrefix}${i}`,
        label: 'What you did, as a behavior',
        element: textInput(PREP_VIEWS.behaviorAction, e.behavior, BEHAVIOR_MAX, 'Aligned three teams on…, Set the direction for…, Mentored…'),
      }),
      ...findingBlocks(e.findings),
    );
  });
  return blocks;
}

function gapBlocks(s: Screen<'gap'>): KnownBlock[] {
  const cadences = [1, 2, 3].map((m) => selectOption(m === 1 ? 'Monthly (recommended)' : cadenceLabel(m).replace(/^./, (c) => c.toUpperCase()), String(m)));
  const cadence = cadences.find((o) => o.value === String(s.cadenceMonths));
  return [
    section('*Name the gap honestly.* Nobody is at the next level on every dimension; saying where you are still building, with a plan to close it, is what makes the rest of the case believable.'),
    input({
      blockId: PREP_VIEWS.gapBlock,
      label: 'Where you are still building',
      hint: 'Common real ones: scope beyond your team, design docs others adopt, technical leadership outside the company.',
      element: textInput(PREP_VIEWS.gapAction, s.gap, GAP_MAX, 'e.g. My influence stops at my team’s boundary'),
    }),
    ...findingBlocks(s.findings.gap),
    input({
      blockId: PREP_VIEWS.stretchBlock,
      label: 'A stretch project that would close it',
      hint: 'If nothing fits on your team yet, say so: finding one is a fair thing to ask your manager for.',
      element: textInput(PREP_VIEWS.stretchAction, s.stretchProject, STRETCH_MAX, 'e.g. Lead the cross-team migration planned for Q2'),
    }),
    ...findingBlocks(s.findings.stretchProject),
    input({
      blockId: PREP_VIEWS.cadenceBlock,
      label: 'Check in on it',
      element: { type: 'static_select', action_id: PREP_VIEWS.cadenceAction, options: cadences, ...(cadence ? { initial_option: cadence } : {}) },
    }),
    ...findingBlocks(s.findings.cadence),
  ];
}

function compBlocks(s: Screen<'comp'>): KnownBlock[] {
  const option = { text: plain('Add this question to my one-pager'), value: 'ask' };
  return [
    section(`*Optional: the pay question.* ${s.question.why}`),
    section(`>${escapeMrkdwn(s.question.question)}`),
    { type: 'context', elements: [mrkdwn(escapeMrkdwn(s.question.expect))] },
    input({
      blockId: PREP_VIEWS.compBlock,
      label: 'Ask it?',
      optional: true,
      element: { type: 'checkboxes', action_id: PREP_VIEWS.compAction, options: [option], ...(s.askComp ? { initial_options: [option] } : {}) },
    }),
  ];
}

function reviewBlocks(s: Screen<'review'>): KnownBlock[] {
  const r = s.review;
  const blocks: KnownBlock[] = [
    section(`*When:* ${escapeMrkdwn(s.targetCycle)}${r.calibrationDate ? ` (calibration ${r.calibrationDate})` : ''}`),
    section(`*Act 1, the ask*\n>${escapeMrkdwn(r.opening)}`),
    section('*Act 2, the case*'),
    ...r.examples.map((e, i) => section(`${i + 1}. *${escapeMrkdwn(e.criterionName)}* · ${escapeMrkdwn(e.behavior)} _(${e.date})_`)),
    section(`*Act 3, the gap*\n${escapeMrkdwn(r.gap)}\n*Closing it:* ${escapeMrkdwn(r.stretchProject)}\n*Check-ins:* ${cadenceLabel(r.cadenceMonths)}`),
    section(r.compQuestion ? `*Pay*\n>${escapeMrkdwn(r.compQuestion)}` : '*Pay:* not asking this time.'),
    { type: 'divider' },
  ];
  if (s.findings.length > 0) {
    blocks.push(section('*Still worth a look* (you can keep them, or go Back and change them):'), ...findingBlocks(s.findings));
  } else {
    blocks.push(section(':white_check_mark: The coach has nothing left to flag. This is a case your manager can carry.'));
  }
  blocks.push({ type: 'context', elements: [mrkdwn('Next: your one-pager and the invite arrive in our DM, ready to send the day before.')] });
  return blocks;
}

// ---- the other prep modals ----

/** Shown at once, inside Slack's 3 seconds, while the prep loads. */
export function prepLoadingModal(): ModalView {
  return modalView({ callbackId: PREP_VIEWS.loading, title: 'Career conversation', blocks: [section(':hourglass_flowing_sand: Getting your prep ready…')] });
}

export function prepNoticeModal(message: string): ModalView {
  return modalView({ callbackId: PREP_VIEWS.notice, title: 'Career conversation', blocks: [section(message)] });
}

/** The meeting's date and time: right after the prep, and from the DM or Home to set or move it. */
export function meetingModal(args: { form: MeetingForm; afterPrep: boolean }): ModalView {
  const { form } = args;
  const intro = args.afterPrep
    ? '*Your one-pager is ready* and on its way to our DM, with the invite text to paste.\n\nWhen you know the date, add it here: I will send the calendar invite, remind you the day before to send the one-pager, and ask how it went afterwards.'
    : form.date
      ? '*Move the meeting.* I will move the reminder and the follow-up with it.'
      : '*When is the conversation?* I will send the calendar invite, remind you the day before to send the one-pager, and ask how it went afterwards.';
  return modalView({
    callbackId: PREP_VIEWS.meeting,
    title: args.afterPrep ? 'You are ready' : 'Career conversation',
    submit: form.date ? 'Move it' : 'Save the date',
    close: args.afterPrep ? 'Later' : 'Cancel',
    metadata: encodeMetadata({ meetingId: form.meetingId }),
    blocks: [
      section(intro),
      input({
        blockId: PREP_VIEWS.dateBlock,
        label: 'Date',
        element: { type: 'datepicker', action_id: PREP_VIEWS.dateAction, initial_date: form.date ?? form.today },
      }),
      input({
        blockId: PREP_VIEWS.timeBlock,
        label: 'Start time',
        hint: `Your time (${form.zone}). It is booked for 45 minutes.`,
        element: { type: 'timepicker', action_id: PREP_VIEWS.timeAction, ...(form.time ? { initial_time: form.time } : {}) },
      }),
    ],
  });
}

export function meetingSavedModal(s: MeetingScheduled): ModalView {
  return modalView({ callbackId: PREP_VIEWS.notice, title: 'Career conversation', close: 'Done', blocks: [section(meetingSummary(s))] });
}

/** What was booked, and what happens around it. */
export function meetingSummary(s: MeetingScheduled): string {
  const reminder =
    'at' in s.reminder
      ? 'I will remind you the day before at 10:00 to send your one-pager.'
      : s.reminder.skipped === 'too_soon'
        ? 'It is too close for a day-before reminder, so send your one-pager today.'
        : 'It is more than 120 days away, further than Slack can schedule a reminder: I will not be able to nudge you the day before.';
  const invite = s.attendeeByEmail
    ? `The invite (.ics) is in our DM with <@${s.managerId}> on it.`
    : `The invite (.ics) is in our DM; Slack did not share <@${s.managerId}>'s email with me, so add them as a guest when you open it.`;
  return `${s.rescheduled ? '*Moved* to' : '*Booked:*'} ${s.when}, your time. ${reminder} ${invite} The day after, I will ask how it went.`;
}

