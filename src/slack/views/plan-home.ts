// The plan's part of the Home tab: how to start one, the draft to finish, each criterion's
// status and the next check-in, or the outcome question once calibration has met.
import type { KnownBlock } from '@slack/types';
import type { PlanData } from '../../use-cases/plans.js';
import { HEDGE_ACTIONS, PLAN_ACTIONS } from '../ids.js';
import { formatDay } from './nudge.js';
import { planActions, STATUS_LABEL, STATUS_MARK } from './plan-modals.js';
import { escapeMrkdwn, plural, truncate } from './text.js';

const button = (actionId: string, text: string, primary = false) => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text },
  ...(primary ? { style: 'primary' as const } : {}),
});
const mrkdwn = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });

export function planHomeBlocks(plan: PlanData | null): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Your plan' } }];
  if (!plan) {
    blocks.push(
      mrkdwn('After the career conversation, tell me what your manager said. I will read it with you, and turn a “not yet” into criteria with dates you can both check.'),
      { type: 'actions', elements: [button(HEDGE_ACTIONS.homeRecord, 'What did my manager say?', true), button(PLAN_ACTIONS.homeOpen, 'Build a plan')] },
    );
    return blocks;
  }
  if (plan.status === 'draft') {
    blocks.push(mrkdwn('Your plan is half-built and saved. Pick up where you left off.'), { type: 'actions', elements: [button(PLAN_ACTIONS.homeOpen, 'Continue the plan', true)] });
    return blocks;
  }
  const done = plan.criteria.filter((c) => c.status === 'done').length;
  const lines = plan.criteria.map(
    (c) => `${STATUS_MARK[c.status]} ${escapeMrkdwn(truncate(c.text, 300))}${c.dueDate ? ` — by ${formatDay(c.dueDate)}` : ''} _(${STATUS_LABEL[c.status].toLowerCase()})_`,
  );
  if (plan.status === 'awaiting_outcome') {
    blocks.push(mrkdwn(`*Calibration met on ${formatDay(plan.calibrationDate)}.* How did it go? ${done} of ${plan.criteria.length} criteria were done.`));
  } else {
    blocks.push(mrkdwn(`*${done} of ${plural(plan.criteria.length, 'criterion', 'criteria')} done* toward calibration on ${formatDay(plan.calibrationDate)}.\n${lines.join('\n')}`));
    const shared = plan.shared ? (plan.confirmedBy ? `Confirmed by <@${plan.confirmedBy}>.` : `Shared; waiting for <@${plan.managerId}> to confirm.`) : 'Only you can see it so far.';
    const next = plan.nextCheckIn ? `Next check-in: *${plan.nextCheckIn}*, your time.` : 'No more check-ins before calibration.';
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${next} ${shared}` }] });
  }
  blocks.push(planActions(plan));
  return blocks;
}
