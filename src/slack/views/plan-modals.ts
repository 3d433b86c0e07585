// The plan's modals: the three builder steps (criteria, dates and cadence, review), the
// overview of a running plan, and the edit modal the engineer and the manager both use.
// Pure builders over PlanData; the draft row behind them is the truth.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { CriterionStatus } from '../../use-cases/plan-messages.js';
import { CRITERION_MAX, MAX_PLAN_CRITERIA, type PlanData } from '../../use-cases/plans.js';
import { CHECKIN_ACTIONS, OUTCOME_ACTIONS, PLAN_ACTIONS, PLAN_VIEWS } from '../ids.js';
import { formatDay } from './nudge.js';
import { escapeMrkdwn, modalView, selectOption, truncate } from './text.js';

export const STATUS_MARK: Record<CriterionStatus, string> = { not_started: '⚪', in_progress: '🟡', done: '✅' };
export const STATUS_LABEL: Record<CriterionStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done' };

const CADENCE_OPTIONS: PlainTextOption[] = [selectOption('Monthly (recommended)', '1'), selectOption('Every three months', '3')];

const mrkdwn = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });

export const criterionBlock = (i: number) => `${PLAN_VIEWS.criterionBlockPrefix}${i}`;
export const dateBlock = (i: number) => `${PLAN_VIEWS.dateBlockPrefix}${i}`;

function modal(callbackId: string, title: string, blocks: KnownBlock[], metadata: string, submit?: string, close = 'Later'): ModalView {
  return modalView({ callbackId, title, blocks, metadata, close, ...(submit ? { submit } : {}) });
}

function criterionInput(i: number, initial: string | undefined, label: string): KnownBlock {
  return {
    type: 'input',
    block_id: criterionBlock(i),
    optional: true,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: PLAN_VIEWS.criterionAction,
      max_length: CRITERION_MAX,
      ...(i === 0 ? { placeholder: { type: 'plain_text' as const, text: 'e.g. Lead the design review for the search migration, signed off by two other teams' } } : {}),
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

function dateInput(i: number, label: string, initial: string | null, optional = false): KnownBlock {
  return {
    type: 'input',
    block_id: dateBlock(i),
    optional,
    label: { type: 'plain_text', text: truncate(label, 150) },
    element: { type: 'datepicker', action_id: PLAN_VIEWS.dateAction, ...(initial ? { initial_date: initial } : {}) },
  };
}

/** Step 1 of 3: up to five criteria, each one specific and observable. */
export function planCriteriaModal(data: PlanData, privateMetadata: string): ModalView {
  const blocks: KnownBlock[] = [
    mrkdwn('*What would your manager need to see to put you forward?* Up to five things you would both recognise as done. “More ownership” can’t be checked; “Run the on-call review for payments every month” can.'),
  ];
  for (let i = 0; i < MAX_PLAN_CRITERIA; i++) blocks.push(criterionInput(i, data.criteria[i]?.text, `Criterion ${i + 1}`));
  blocks.push(context(`Calibration: *${formatDay(data.calibrationDate)}*. Everything is saved as you go.`));
  return modal(PLAN_VIEWS.builder, 'Your plan (1 of 3)', blocks, privateMetadata, 'Next');
}

/** Step 2 of 3: a date for each criterion, up to calibration, and how often to check in. */
export function planDatesModal(data: PlanData, privateMetadata: string): ModalView {
  const blocks: KnownBlock[] = [mrkdwn('*When will each one be done?* Spread them out, and land them before the doc goes to your manager, so the doc can say “done”.')];
  data.criteria.forEach((c, i) => blocks.push(dateInput(i, c.text, c.dueDate)));
  blocks.push({
    type: 'input',
    block_id: PLAN_VIEWS.cadenceBlock,
    label: { type: 'plain_text', text: 'Check in on progress' },
    element: {
      type: 'static_select',
      action_id: PLAN_VIEWS.cadenceAction,
      options: CADENCE_OPTIONS,
      initial_option: CADENCE_OPTIONS.find((o) => o.value === String(data.cadenceMonths)) ?? CADENCE_OPTIONS[0],
    },
  });
  const doc = data.timeline.docDue ? ` The doc should be with your manager by *${formatDay(data.timeline.docDue)}*.` : '';
  blocks.push(context(`Calibration: *${formatDay(data.calibrationDate)}*.${doc}`));
  return modal(PLAN_VIEWS.builder, 'Your plan (2 of 3)', blocks, privateMetadata, 'Next');
}

/** Step 3 of 3: the plan month by month, then start it. */
export function planReviewModal(data: PlanData, privateMetadata: string): ModalView {
  const blocks: KnownBlock[] = [mrkdwn('*Here is your plan.* Start it, then share it with your manager so you both work from the same list.'), ...criteriaBlocks(data), ...timelineBlocks(data)];
  return modal(PLAN_VIEWS.builder, 'Your plan (3 of 3)', blocks, privateMetadata, 'Start the plan');
}

function criteriaBlocks(data: PlanData, withStatus = false): KnownBlock[] {
  const lines = data.criteria.map((c, i) => {
    const mark = withStatus ? `${STATUS_MARK[c.status]} ` : `${i + 1}. `;
    const due = c.dueDate ? ` — by ${formatDay(c.dueDate)}` : '';
    const status = withStatus ? ` _(${STATUS_LABEL[c.status].toLowerCase()})_` : '';
    return `${mark}${escapeMrkdwn(truncate(c.text, 400))}${due}${status}`;
  });
  return lines.length > 0 ? [mrkdwn(lines.join('\n'))] : [];
}

function timelineBlocks(data: PlanData): KnownBlock[] {
  const lines = data.timeline.months
    .map((m) => {
      const items = [
        // The engineer's own dates win; the coach's spread places the undated ones.
        ...data.criteria.flatMap((c, i) => ((c.dueDate ? c.dueDate.slice(0, 7) === m.month : m.criteriaDue.includes(i)) ? [`criterion ${i + 1} due`] : [])),
        ...m.milestones.map((ms) => `${ms.label.toLowerCase()} (${formatDay(ms.date)})`),
      ];
      return items.length > 0 ? `*${m.label}:* ${items.join(' · ')}` : null;
    })
    .filter((l): l is string => l !== null);
  const notes = data.timeline.findings.map((f) => [f.message, f.suggestion].filter(Boolean).join(' '));
  const cadence = data.cadenceMonths === 3 ? 'every three months' : 'monthly';
  const blocks: KnownBlock[] = [{ type: 'divider' }, mrkdwn(`*Timeline* (check-ins ${cadence})\n${lines.join('\n')}`)];
  if (notes.length > 0) blocks.push(context(notes.join(' ')));
  return blocks;
}

/** A running plan: each criterion's status, the next check-in, and what can be done with it. */
export function planOverviewModal(data: PlanData): ModalView {
  const blocks: KnownBlock[] = [...criteriaBlocks(data, true)];
  const facts = [
    `Calibration: *${formatDay(data.calibrationDate)}*`,
    data.nextCheckIn ? `Next check-in: *${data.nextCheckIn}*, your time` : null,
    data.shared ? (data.confirmedBy ? `Confirmed by <@${data.confirmedBy}>` : `Shared; waiting for <@${data.managerId}> to confirm`) : 'Not shared with your manager yet',
  ].filter(Boolean);
  blocks.push(context(facts.join(' · ')), planActions(data));
  return modal(PLAN_VIEWS.overview, 'Your plan', blocks, '', undefined, 'Close');
}

/** The buttons a running plan offers its engineer (overview and Home). */
export function planActions(data: PlanData): KnownBlock {
  const button = (actionId: string, text: string, primary = false) => ({
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text },
    value: data.planId,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  if (data.status === 'awaiting_outcome') {
    return { type: 'actions', elements: [button(OUTCOME_ACTIONS.promoted, 'I was promoted', true), button(OUTCOME_ACTIONS.notThisTime, 'Not this time')] };
  }
  return {
    type: 'actions',
    elements: [
      button(CHECKIN_ACTIONS.homeOpen, 'Check in now', true),
      button(PLAN_ACTIONS.share, data.shared ? 'Share again' : 'Share with my manager'),
      button(PLAN_ACTIONS.edit, 'Edit plan'),
    ],
  };
}

/** Edits criteria and dates: the engineer's "Edit plan", or the manager's "Suggest changes". */
export function planEditModal(data: PlanData, privateMetadata: string, role: 'engineer' | 'manager'): ModalView {
  const intro =
    role === 'manager'
      ? `*Suggest changes to <@${data.engineerId}>’s plan.* Change any criterion or date; I keep a record of every change and let them know.`
      : '*Edit your plan.* If your manager already confirmed it, they will be asked to confirm the new version.';
  const blocks: KnownBlock[] = [mrkdwn(intro)];
  for (let i = 0; i < MAX_PLAN_CRITERIA; i++) {
    const c = data.criteria[i];
    blocks.push(criterionInput(i, c?.text, `Criterion ${i + 1}`), dateInput(i, `Done by (criterion ${i + 1})`, c?.dueDate ?? null, true));
  }
  blocks.push(context(`Dates run up to calibration on *${formatDay(data.calibrationDate)}*.`));
  return modal(PLAN_VIEWS.edit, role === 'manager' ? 'Suggest changes' : 'Edit your plan', blocks, privateMetadata, 'Save changes', 'Cancel');
}

/** A short note in place of a plan screen (refused, done, nothing to show). */
export function planNoticeModal(text: string, title = 'Your plan'): ModalView {
  return modal(PLAN_VIEWS.notice, title, [mrkdwn(text)], '', undefined, 'OK');
}

/** After "Start the plan". */
export function planStartedModal(data: PlanData): ModalView {
  const next = data.nextCheckIn ? ` Your first check-in is on *${data.nextCheckIn}*, your time.` : '';
  return modal(
    PLAN_VIEWS.notice,
    'Your plan',
    [
      mrkdwn(`*Your plan is running.*${next} The next move: share it with your manager and ask them to confirm it, so “on the radar” becomes something you both signed.`),
      planActions(data),
    ],
    '',
    undefined,
    'Close',
  );
}
