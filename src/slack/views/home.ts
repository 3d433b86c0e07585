import type { HomeView, KnownBlock } from '@slack/types';
import type { TimingResult } from '../../coach/timing.js';
import { formatTimeOfDay, WEEKDAYS } from '../../schedule/weekly.js';
import { ACTIONS } from '../ids.js';
import { plural } from './text.js';

export interface HomeArgs {
  /** Absent until the user has onboarded. */
  dashboard?: {
    currentLevelName: string;
    targetLevelName: string;
    targetCycle: string;
    calibrationDate: string | null;
    timing: TimingResult | null;
    nudgeDay: number;
    nudgeMinute: number;
    nudgesPausedUntil: string | null;
  };
}

export function homeView({ dashboard }: HomeArgs): HomeView {
  return { type: 'home', blocks: dashboard ? dashboardBlocks(dashboard) : welcomeBlocks() };
}

function welcomeBlocks(): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Your promotion coach' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          'Promotions are won months before calibration, by whoever has the clearest written case. ' +
          "I'll help you build yours: a weekly nudge to capture wins, prep for the career conversation, " +
          'and a plan with dates when your manager says "not yet".',
      },
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.homeGetStarted,
          style: 'primary',
          text: { type: 'plain_text', text: 'Get started' },
        },
      ],
    },
  ];
}

function dashboardBlocks(d: NonNullable<HomeArgs['dashboard']>): KnownBlock[] {
  const countdown = d.timing
    ? `*${plural(d.timing.weeks, 'week')}* to calibration (${d.calibrationDate})`
    : 'Calibration date not set yet: ask your admin to add it.';
  const nudge = d.nudgesPausedUntil
    ? `Weekly nudges are paused until ${d.nudgesPausedUntil}.`
    : `Weekly win nudge: ${WEEKDAYS[d.nudgeDay - 1] ?? 'Friday'}s at ${formatTimeOfDay(d.nudgeMinute)}, your time.`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Going for ${d.targetLevelName}` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Today*\n${d.currentLevelName}` },
        { type: 'mrkdwn', text: `*Target cycle*\n${d.targetCycle}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: countdown } },
  ];
  const timingNote = d.timing?.findings[0];
  if (timingNote) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: [timingNote.message, timingNote.suggestion].filter(Boolean).join(' ') },
      ],
    });
  }
  blocks.push(
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: nudge }] },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.homeEditProfile, text: { type: 'plain_text', text: 'Edit profile' } },
      ],
    },
  );
  return blocks;
}
