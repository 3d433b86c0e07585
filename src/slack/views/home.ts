import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeArgs, WinsSummary } from '../../use-cases/home.js';
import { formatTimeOfDay, WEEKDAYS } from '../../schedule/weekly.js';
import { ACTIONS, HOME_ACTIONS, WIN_ACTIONS } from '../ids.js';
import { escapeMrkdwn, plural, truncate } from './text.js';
import { winBlocks } from './wins-list.js';
import { planHomeBlocks } from './plan-home.js';
import { prepHomeBlocks } from './prep-home.js';

export type { HomeArgs, WinsSummary };

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
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`Going for ${d.targetLevelName}`, 150) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Today*\n${escapeMrkdwn(d.currentLevelName)}` },
        { type: 'mrkdwn', text: `*Target cycle*\n${escapeMrkdwn(d.targetCycle)}` },
      ],
    },
    d.cyclePassed ? pickNextCycleBlock(d) : { type: 'section', text: { type: 'mrkdwn', text: countdown(d) } },
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
  if (d.prep !== undefined) blocks.push(...prepHomeBlocks(d.prep));
  blocks.push(mainActions(), { type: 'divider' }, ...winsBlocks(d), { type: 'divider' }, ...nudgeBlocks(d));
  if (d.plan !== undefined) blocks.push({ type: 'divider' }, ...planHomeBlocks(d.plan));
  blocks.push({ type: 'header', text: { type: 'plain_text', text: 'Recent wins' } });
  if (d.recentWins.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Nothing logged yet. The first one is the hardest: what went well this week?' },
    });
  } else {
    blocks.push(...winBlocks(d.recentWins));
  }
  return blocks;
}

function countdown(d: NonNullable<HomeArgs['dashboard']>): string {
  if (!d.timing) return 'Calibration date not set yet: ask your admin to add it.';
  // Under two weeks, whole weeks would read "0 weeks" or "1 week" when it is 13 days.
  const left = d.timing.days < 14 ? plural(d.timing.days, 'day') : plural(d.timing.weeks, 'week');
  return `*${left}* to calibration (${d.calibrationDate})`;
}

function pickNextCycleBlock(d: NonNullable<HomeArgs['dashboard']>): KnownBlock {
  const when = d.calibrationDate ? ` took place on ${d.calibrationDate}` : ' is no longer on the calendar';
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*Time to pick your next cycle.* The ${escapeMrkdwn(d.targetCycle)} calibration${when}. Choose the one you are aiming for now; every win you logged stays with you.`,
    },
    accessory: {
      type: 'button',
      action_id: ACTIONS.homeEditProfile,
      style: 'primary',
      text: { type: 'plain_text', text: 'Pick next cycle' },
    },
  };
}

function mainActions(): KnownBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: WIN_ACTIONS.homeLogWin, style: 'primary', text: { type: 'plain_text', text: 'Log a win' } },
      { type: 'button', action_id: WIN_ACTIONS.homeListWins, text: { type: 'plain_text', text: 'My wins' } },
      { type: 'button', action_id: HOME_ACTIONS.nudgeSettings, text: { type: 'plain_text', text: 'Nudge settings' } },
      { type: 'button', action_id: ACTIONS.homeEditProfile, text: { type: 'plain_text', text: 'Edit profile' } },
    ],
  };
}

function winsBlocks(d: NonNullable<HomeArgs['dashboard']>): KnownBlock[] {
  const w = d.wins;
  const streak =
    w.streakWeeks === 0 ? 'Starts with your next answer' : `${plural(w.streakWeeks, 'week')} in a row`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Wins in ${w.quarterLabel}*\n${w.count}` },
        { type: 'mrkdwn', text: `*Criteria covered*\n${w.coveredCriteria} of ${w.totalCriteria}` },
        { type: 'mrkdwn', text: `*Streak*\n${streak}` },
      ],
    },
  ];
  // The gap is the useful part: which criteria still have no evidence this quarter.
  if (w.uncovered.length > 0 && w.totalCriteria > 0) {
    const names = truncate(w.uncovered.map(escapeMrkdwn).join(', '), 2500);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `No evidence yet this quarter for: ${names}. Worth looking for one.` }],
    });
  }
  return blocks;
}

function nudgeBlocks(d: NonNullable<HomeArgs['dashboard']>): KnownBlock[] {
  if (d.nudgesPausedUntil) {
    return [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `Weekly nudges are *paused until ${d.nudgesPausedUntil}*.` },
        accessory: {
          type: 'button',
          action_id: HOME_ACTIONS.resumeNudges,
          text: { type: 'plain_text', text: 'Resume nudges' },
        },
      },
    ];
  }
  const when = d.nextNudge
    ? `Next win nudge: *${d.nextNudge}*, your time.`
    : `Weekly win nudge: ${WEEKDAYS[d.nudgeDay - 1] ?? 'Friday'}s at ${formatTimeOfDay(d.nudgeMinute)}, your time.`;
  return [{ type: 'section', text: { type: 'mrkdwn', text: when } }];
}
