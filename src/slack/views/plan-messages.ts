// Every message the plan flow posts: the shared plan (with the manager's buttons), the
// notices the engineer gets, the check-in DM and its channel summary, the outcome question
// and the walk advice. One object implements the use cases' PlanMessages.
import type { KnownBlock } from '@slack/types';
import type { WalkResult } from '../../coach/walk.js';
import type { CheckInDmArgs, CheckInSummaryArgs, OutcomeAskArgs, PlanEditChange, PlanLine, PlanMessages, SharedPlanPost } from '../../use-cases/plan-messages.js';
import { CHECKIN_ACTIONS, OUTCOME_ACTIONS, PLAN_ACTIONS } from '../ids.js';
import { formatDay } from './nudge.js';
import { STATUS_LABEL, STATUS_MARK } from './plan-modals.js';
import { escapeMrkdwn, plural, truncate } from './text.js';

interface Message {
  text: string;
  blocks: KnownBlock[];
}

const mrkdwn = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });
const button = (actionId: string, text: string, value: string, primary = false) => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text },
  value,
  ...(primary ? { style: 'primary' as const } : {}),
});

function planLines(criteria: PlanLine[]): string {
  return criteria
    .map((c) => `${STATUS_MARK[c.status]} ${escapeMrkdwn(truncate(c.text, 400))}${c.dueDate ? ` — by ${formatDay(c.dueDate)}` : ''}`)
    .join('\n');
}

const CHANGE_NAMES: Record<string, string> = {
  created: 'started the plan',
  edited: 'edited the plan',
  changes_suggested: 'suggested changes',
  confirmed: 'confirmed the plan',
  status_updated: 'checked in',
  check_in_acknowledged: 'acknowledged a check-in',
};

export function sharedPlanMessage(post: SharedPlanPost): Message {
  const cadence = post.cadenceMonths === 3 ? 'every three months' : 'monthly';
  const schedule = [
    post.checkIns.length > 0 ? `Check-ins ${cadence}, next ${formatDay(post.checkIns[0] as string)}` : null,
    post.docDue ? `promo doc to <@${post.managerId}> by ${formatDay(post.docDue)}` : null,
    `calibration ${formatDay(post.calibrationDate)}`,
  ].filter(Boolean);
  const status = post.confirmedBy
    ? `✅ *Confirmed by <@${post.confirmedBy}>*${post.confirmedOn ? ` on ${formatDay(post.confirmedOn)}` : ''}.`
    : `⏳ Waiting for <@${post.managerId}> to confirm, or to suggest changes.`;
  const blocks: KnownBlock[] = [
    mrkdwn(`*<@${post.engineerId}>’s promotion plan.* What needs to be true by calibration, agreed in writing so neither of you is surprised.`),
    mrkdwn(planLines(post.criteria) || '_No criteria yet._'),
    context(`${schedule.join(' · ')}.`),
    mrkdwn(status),
    {
      type: 'actions',
      elements: [
        button(PLAN_ACTIONS.confirm, 'Confirm', post.planId, true),
        button(PLAN_ACTIONS.suggestChanges, 'Suggest changes', post.planId),
      ],
    },
    context(
      [`Only <@${post.managerId}> can confirm or change this plan.`, post.lastChange ? `Last change: <@${post.lastChange.actorId}> ${CHANGE_NAMES[post.lastChange.kind] ?? 'changed it'} on ${formatDay(post.lastChange.on)}.` : null]
        .filter(Boolean)
        .join(' '),
    ),
  ];
  return { text: `Promotion plan for calibration on ${formatDay(post.calibrationDate)}`, blocks };
}

function planConfirmed({ managerId, calibrationDate }: { managerId: string; calibrationDate: string }): Message {
  const text = `<@${managerId}> confirmed your plan. Those criteria and dates are now the agreed bar for calibration on ${formatDay(calibrationDate)}. I will keep checking in as planned.`;
  return { text, blocks: [mrkdwn(`🎉 ${text}`)] };
}

function describeChange(c: PlanEditChange): string {
  const n = `Criterion ${c.position + 1}`;
  const quote = (s: string | null) => `“${escapeMrkdwn(truncate(s ?? '', 300))}”`;
  switch (c.change) {
    case 'added':
      return `${n} added: ${quote(c.to)}`;
    case 'removed':
      return `${n} removed: ${quote(c.from)}`;
    case 'text':
      return `${n} reworded: ${quote(c.from)} → ${quote(c.to)}`;
    case 'date':
      return `${n} due ${c.to ? formatDay(c.to) : 'without a date'} (was ${c.from ? formatDay(c.from) : 'undated'})`;
  }
}

function planChanged({ managerId, changes, criteria }: { managerId: string; changes: PlanEditChange[]; criteria: PlanLine[] }): Message {
  const list = changes.slice(0, 15).map((c) => `• ${describeChange(c)}`).join('\n');
  return {
    text: `<@${managerId}> suggested changes to your plan.`,
    blocks: [
      mrkdwn(`*<@${managerId}> suggested changes to your plan:*\n${list}`),
      mrkdwn(`*The plan now:*\n${planLines(criteria)}`),
      context('The shared post shows this version. If something looks off, talk it through with them; you can edit the plan from my Home tab.'),
    ],
  };
}

function checkInDm({ checkInId, reask, criteria, calibrationDate }: CheckInDmArgs): Message {
  const text = reask
    ? 'A gentle reminder: your plan check-in is still open. Two minutes now keeps the plan honest.'
    : 'Time for your plan check-in: where does each criterion stand?';
  return {
    text,
    blocks: [
      mrkdwn(reask ? `*A gentle reminder:* your plan check-in from a few days ago is still open. Two minutes now keeps the plan honest.` : `*Time for your plan check-in.* Where does each criterion stand? Link the wins that show it.`),
      mrkdwn(planLines(criteria)),
      context(`Calibration: ${formatDay(calibrationDate)}.`),
      { type: 'actions', elements: [button(CHECKIN_ACTIONS.open, 'Check in', checkInId, true)] },
    ],
  };
}

export function checkInSummaryMessage({ checkInId, engineerId, period, items, note, acknowledgedBy }: CheckInSummaryArgs): Message {
  const done = items.filter((i) => i.to === 'done').length;
  const lines = items.map((i) => {
    const moved = i.from === i.to ? STATUS_LABEL[i.to] : `${STATUS_LABEL[i.from]} → *${STATUS_LABEL[i.to]}*`;
    const evidence = i.evidenceCount > 0 ? ` (${plural(i.evidenceCount, 'win')} as evidence)` : '';
    return `${STATUS_MARK[i.to]} ${escapeMrkdwn(truncate(i.text, 300))}: ${moved}${evidence}`;
  });
  const blocks: KnownBlock[] = [
    mrkdwn(`*<@${engineerId}> checked in on the plan* (${period}): ${done} of ${items.length} done.`),
    mrkdwn(lines.join('\n')),
  ];
  if (note) blocks.push(mrkdwn(`> ${escapeMrkdwn(truncate(note, 1000)).replace(/\n/g, '\n> ')}`));
  blocks.push(
    acknowledgedBy
      ? context(`👍 Acknowledged by <@${acknowledgedBy}>.`)
      : { type: 'actions', elements: [button(CHECKIN_ACTIONS.acknowledge, 'Acknowledge', checkInId, true)] },
  );
  return { text: `Plan check-in from <@${engineerId}>: ${done} of ${items.length} done.`, blocks };
}

function outcomeAsk({ planId, cycleName, calibrationDate }: OutcomeAskArgs): Message {
  const text = `Calibration for ${cycleName} met on ${formatDay(calibrationDate)}. How did it go?`;
  return {
    text,
    blocks: [
      mrkdwn(`*Calibration for ${escapeMrkdwn(cycleName)} met on ${formatDay(calibrationDate)}.* How did it go? Whatever the answer, writing it down now is what lets the next cycle go better.`),
      {
        type: 'actions',
        elements: [button(OUTCOME_ACTIONS.promoted, 'I was promoted', planId, true), button(OUTCOME_ACTIONS.notThisTime, 'Not this time', planId)],
      },
    ],
  };
}

function walkAdvice(walk: WalkResult): Message {
  const steps = walk.steps.map((s) => `• ${s}`).join('\n');
  return {
    text: 'A harder thought, shared with care: it may be time to test the market.',
    blocks: [
      mrkdwn(`*A harder thought, shared with care.* ${walk.message}`),
      mrkdwn(`*If you want to find out:*\n${steps}`),
      mrkdwn(`*One rule:* ${walk.warning ?? ''}`),
      context('This stays between us: I never post it in your shared channel. Your plan and your wins are still here whatever you decide.'),
    ],
  };
}

export const planMessages: PlanMessages = {
  sharedPlan: sharedPlanMessage,
  planConfirmed,
  planChanged,
  checkInDm,
  checkInSummary: checkInSummaryMessage,
  outcomeAsk,
  walkAdvice,
};
