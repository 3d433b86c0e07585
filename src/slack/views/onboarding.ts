import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { Ladder } from '../../ladder/index.js';
import type { CycleChoice } from '../../use-cases/profile.js';
import { formatTimeOfDay, WEEKDAYS } from '../../schedule/weekly.js';
import { ONBOARDING, VIEWS } from '../ids.js';
import { selectOption } from './text.js';

export interface OnboardingArgs {
  ladder: Ladder;
  /** Only cycles still ahead; the use case marks those too close to prepare for. */
  cycles: CycleChoice[];
  /** What to show pre-filled: the saved profile when editing, org defaults when new. */
  initial: {
    currentLevel?: string;
    targetLevel?: string;
    managerId?: string;
    targetCycle?: string;
    nudgeDay: number;
    nudgeMinute: number;
  };
  editing: boolean;
  /** Small, zod-parsed state carried through the modal (see metadata.ts). */
  privateMetadata: string;
}

export function onboardingModal({ ladder, cycles, initial, editing, privateMetadata }: OnboardingArgs): ModalView {
  const levelOptions = ladder.levels.slice(0, 100).map((level) => selectOption(level.name, level.id));
  const cycleOptions = cycles.slice(0, 100).map((c) => selectOption(cycleLabel(c), c.name));
  const dayOptions = WEEKDAYS.map((day, i) => selectOption(day, String(i + 1)));
  const pick = (options: PlainTextOption[], value: string | undefined) =>
    options.find((o) => o.value === value);

  const currentLevel = pick(levelOptions, initial.currentLevel);
  const targetLevel = pick(levelOptions, initial.targetLevel);
  const cycle = pick(cycleOptions, initial.targetCycle);
  const day = pick(dayOptions, String(initial.nudgeDay));

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: editing
          ? 'Update anything that changed. Your wins and plans stay as they are.'
          : "Let's set you up. Five quick answers and I'll start collecting your wins every week, so your case is written long before calibration.",
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.currentLevelBlock,
      label: { type: 'plain_text', text: 'Your level today' },
      element: {
        type: 'static_select',
        action_id: ONBOARDING.currentLevelAction,
        placeholder: { type: 'plain_text', text: 'Choose a level' },
        options: levelOptions,
        ...(currentLevel ? { initial_option: currentLevel } : {}),
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.targetLevelBlock,
      label: { type: 'plain_text', text: 'The level you are going for' },
      element: {
        type: 'static_select',
        action_id: ONBOARDING.targetLevelAction,
        placeholder: { type: 'plain_text', text: 'Choose a level' },
        options: levelOptions,
        ...(targetLevel ? { initial_option: targetLevel } : {}),
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.managerBlock,
      label: { type: 'plain_text', text: 'Your manager' },
      hint: { type: 'plain_text', text: 'They only ever see what you choose to share.' },
      element: {
        type: 'users_select',
        action_id: ONBOARDING.managerAction,
        placeholder: { type: 'plain_text', text: 'Choose a person' },
        ...(initial.managerId ? { initial_user: initial.managerId } : {}),
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.cycleBlock,
      label: { type: 'plain_text', text: 'Calibration you are aiming for' },
      hint: {
        type: 'plain_text',
        text: 'Aim for one about six months away: your manager needs time to build the case.',
      },
      element: {
        type: 'static_select',
        action_id: ONBOARDING.cycleAction,
        placeholder: { type: 'plain_text', text: 'Choose a cycle' },
        options: cycleOptions,
        ...(cycle ? { initial_option: cycle } : {}),
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.nudgeDayBlock,
      label: { type: 'plain_text', text: 'Weekly win check-in day' },
      element: {
        type: 'static_select',
        action_id: ONBOARDING.nudgeDayAction,
        options: dayOptions,
        ...(day ? { initial_option: day } : {}),
      },
    },
    {
      type: 'input',
      block_id: ONBOARDING.nudgeTimeBlock,
      label: { type: 'plain_text', text: 'At what time (your time zone)' },
      element: {
        type: 'timepicker',
        action_id: ONBOARDING.nudgeTimeAction,
        initial_time: formatTimeOfDay(initial.nudgeMinute),
      },
    },
  ];

  return {
    type: 'modal',
    callback_id: VIEWS.onboarding,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: editing ? 'Your profile' : 'Welcome to Promo Coach' },
    submit: { type: 'plain_text', text: editing ? 'Save' : "Let's go" },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** "2027 H1 · 15 Jun", or "2026 H2 · 1 Dec (too soon to prepare)"; the year only when the name lacks it. */
export function cycleLabel({ name, calibrationDate, tooSoon }: CycleChoice): string {
  const date = DateTime.fromISO(calibrationDate, { zone: 'UTC' });
  const day = date.isValid
    ? date.setLocale('en-GB').toFormat(name.includes(String(date.year)) ? 'd LLL' : 'd LLL yyyy')
    : calibrationDate;
  return `${name} · ${day}${tooSoon ? ' (too soon to prepare)' : ''}`;
}
