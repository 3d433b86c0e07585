// The weekly nudge DM, what it turns into once answered, and the two small nudge
// modals (pause, settings). Pure builders: no client calls, no clock.
import type { KnownBlock, ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import { formatTimeOfDay, WEEKDAYS } from '../../schedule/weekly.js';
import { ACTIONS, NUDGE_ACTIONS, NUDGE_VIEWS } from '../ids.js';
import { plural, selectOption } from './text.js';

export interface NudgeMessageArgs {
  /** The ISO week the nudge asks about, e.g. "2026-W48"; carried by every button. */
  week: string;
  /** The Monday re-nudge after "Snooze to Monday": asks about last week, cannot be snoozed again. */
  reNudge?: boolean;
  /** Consecutive answered weeks, when known; 0 or absent says nothing about it. */
  streakWeeks?: number;
  /** A re-nudge about a week before last week (an older nudge was snoozed): that week's Monday, "YYYY-MM-DD". */
  weekStarting?: string;
  /** The user's target cycle has calibrated: ask them to pick the next one (see needsNextCycle). */
  pickNextCycle?: boolean;
}

export interface SlackMessageView {
  text: string;
  blocks: KnownBlock[];
}

export function nudgeMessage({ week, reNudge = false, streakWeeks = 0, pickNextCycle = false, weekStarting }: NudgeMessageArgs): SlackMessageView {
  const which = weekStarting ? `the week of ${formatDay(weekStarting)}` : 'last week';
  const text = reNudge
    ? `Monday catch-up, as promised: anything from ${which} worth keeping?`
    : 'Weekly check-in: what moved forward this week?';
  const body = reNudge
    ? `*Monday catch-up, as promised.* Anything from ${which} worth keeping? A shipped change, a review that unblocked someone, a doc people quoted: two lines now beats an afternoon of digging before calibration.`
    : '*What moved forward this week?* A shipped change, a review that unblocked someone, a doc people quoted, a new teammate you got up to speed. Two lines now beats an afternoon of digging before calibration.';
  const button = (actionId: string, label: string, primary = false) => ({
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: label },
    value: week,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: body } }];
  if (streakWeeks > 1) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `You have answered ${plural(streakWeeks, 'week')} in a row. Keep it going.` }],
    });
  }
  if (pickNextCycle) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Your target calibration has passed. Which cycle are you aiming for next? Your wins stay.' },
      accessory: { type: 'button', action_id: ACTIONS.homeEditProfile, text: { type: 'plain_text', text: 'Pick next cycle' } },
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      button(NUDGE_ACTIONS.logWin, 'Log a win', true),
      button(NUDGE_ACTIONS.nothingThisWeek, 'Nothing this week'),
      ...(reNudge ? [] : [button(NUDGE_ACTIONS.snoozeToMonday, 'Snooze to Monday')]),
      button(NUDGE_ACTIONS.pause, 'Pause nudges'),
    ],
  });
  return { text, blocks };
}

function note(text: string): SlackMessageView {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** "2026-12-11" → "Friday 11 December". */
export function formatDay(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.isValid ? day.toFormat('cccc d LLLL') : date;
}

export function nothingThisWeekNote(): SlackMessageView {
  return note("Got it: a quiet week. That still counts as showing up, and your streak stays alive. I'll check in again next week.");
}

/** A win was logged from this nudge: its question is answered, so only "Log another" stays. */
export function winLoggedNote({ week }: { week: string }): SlackMessageView {
  const text = 'Logged, nice work. Anything else from this week worth keeping?';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: NUDGE_ACTIONS.logWin, value: week, text: { type: 'plain_text', text: 'Log another' } }],
      },
    ],
  };
}

export function snoozedNote({ date, minuteOfDay }: { date: string; minuteOfDay: number }): SlackMessageView {
  return note(`Snoozed. I'll come back on ${formatDay(date)} at ${formatTimeOfDay(minuteOfDay)}, your time.`);
}

export function pausedNote({ until }: { until: string }): SlackMessageView {
  return note(
    `Nudges paused until ${formatDay(until)}. Enjoy the time off; I'll pick up again on your first nudge day after that.`,
  );
}

export interface PauseModalArgs {
  /** Suggested end of the pause, "YYYY-MM-DD". */
  initialDate: string;
  privateMetadata: string;
}

export function pauseModal({ initialDate, privateMetadata }: PauseModalArgs): ModalView {
  return {
    type: 'modal',
    callback_id: NUDGE_VIEWS.pause,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Pause nudges' },
    submit: { type: 'plain_text', text: 'Pause' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Away for a while? Pick the last day you want to be left alone. Your wins and plan stay exactly as they are.',
        },
      },
      pauseInput(initialDate, false),
    ],
  };
}

function pauseInput(initialDate: string | null, optional: boolean): KnownBlock {
  return {
    type: 'input',
    block_id: NUDGE_VIEWS.pauseUntilBlock,
    optional,
    label: { type: 'plain_text', text: 'Pause until' },
    hint: {
      type: 'plain_text',
      text: optional
        ? 'Leave empty to keep nudges on. Up to about six months ahead.'
        : 'Nudges start again after this day. Up to about six months ahead.',
    },
    element: {
      type: 'datepicker',
      action_id: NUDGE_VIEWS.pauseUntilAction,
      ...(initialDate ? { initial_date: initialDate } : {}),
      placeholder: { type: 'plain_text', text: 'Choose a date' },
    },
  };
}

export interface NudgeSettingsModalArgs {
  nudgeDay: number;
  nudgeMinute: number;
  nudgesPausedUntil: string | null;
  privateMetadata: string;
}

export function nudgeSettingsModal({ nudgeDay, nudgeMinute, nudgesPausedUntil, privateMetadata }: NudgeSettingsModalArgs): ModalView {
  const dayOptions = WEEKDAYS.map((day, i) => selectOption(day, String(i + 1)));
  const initialDay = dayOptions[nudgeDay - 1];
  return {
    type: 'modal',
    callback_id: NUDGE_VIEWS.settings,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Weekly nudge' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Pick the moment in your week when you usually have two minutes to look back: many people like Friday afternoon.',
        },
      },
      {
        type: 'input',
        block_id: NUDGE_VIEWS.dayBlock,
        label: { type: 'plain_text', text: 'Day' },
        element: {
          type: 'static_select',
          action_id: NUDGE_VIEWS.dayAction,
          options: dayOptions,
          ...(initialDay ? { initial_option: initialDay } : {}),
        },
      },
      {
        type: 'input',
        block_id: NUDGE_VIEWS.timeBlock,
        label: { type: 'plain_text', text: 'Time (your time zone)' },
        element: { type: 'timepicker', action_id: NUDGE_VIEWS.timeAction, initial_time: formatTimeOfDay(nudgeMinute) },
      },
      pauseInput(nudgesPausedUntil, true),
    ],
  };
}
