import { describe, expect, it } from 'vitest';
import { classifyHedge, hedgeNextStep, shouldConsiderWalking, type HedgeKind } from '../../src/coach/index.js';
import { CHECKIN_ACTIONS, CHECKIN_VIEWS, HEDGE_ACTIONS, HEDGE_VIEWS, OUTCOME_ACTIONS, OUTCOME_VIEWS, PLAN_ACTIONS, PLAN_VIEWS } from '../../src/slack/ids.js';
import { checkInModal, checkInSavedModal } from '../../src/slack/views/checkin-modal.js';
import { hedgeInputModal, hedgeResultModal } from '../../src/slack/views/hedge-modal.js';
import { homeView } from '../../src/slack/views/home.js';
import { planHomeBlocks } from '../../src/slack/views/plan-home.js';
import { checkInSummaryMessage, planMessages, sharedPlanMessage } from '../../src/slack/views/plan-messages.js';
import { planCriteriaModal, planDatesModal, planEditModal, planOverviewModal, planReviewModal, planStartedModal } from '../../src/slack/views/plan-modals.js';
import { outcomeModal, outcomeSavedModal } from '../../src/slack/views/plan-outcome.js';
import type { HedgeOutcome } from '../../src/use-cases/hedge.js';
import type { CriterionStatus, SharedPlanPost } from '../../src/use-cases/plan-messages.js';
import { timelineOf, type PlanData } from '../../src/use-cases/plans.js';
import { checkBlocks, checkMessage, checkView } from '../support/block-kit-limits.js';

const LONG = 'Lead the design review for the search migration <!channel> & get it signed off by the payments team '.repeat(3).slice(0, 290);

const STATUSES: CriterionStatus[] = ['not_started', 'in_progress', 'done'];

function plan(overrides: Partial<PlanData> = {}): PlanData {
  const criteria = Array.from({ length: 5 }, (_, i) => ({ id: `crit${i}`, text: `${LONG} ${i}`, dueDate: '2027-0' + (i + 3) + '-30', status: STATUSES[i % 3] as CriterionStatus, evidenceCount: i }));
  return {
    planId: 'cplan000000000000000000001',
    engineerId: 'UENG',
    managerId: 'UMANAGER',
    status: 'active',
    today: '2026-11-23',
    calibrationDate: '2027-12-01',
    cadenceMonths: 1,
    criteria,
    timeline: timelineOf('2026-11-23', '2027-12-01', 1, criteria.map((c) => c.text)),
    shared: false,
    confirmedBy: null,
    nextCheckIn: 'Wednesday 23 Dec, 15:00',
    ...overrides,
  };
}

type Block = { type: string; block_id?: string; elements?: { action_id: string; value?: string }[]; accessory?: { action_id: string } };
const actionsOf = (blocks: unknown[]) =>
  (blocks as Block[]).flatMap((b) => [...(b.type === 'actions' ? (b.elements ?? []) : []), ...(b.accessory ? [b.accessory] : [])]).map((e) => e.action_id);

describe('hedge modals', () => {
  it('when the input modal opens with text, then it asks in one field of 3,000 characters and keeps the text', () => {
    const view = hedgeInputModal({ privateMetadata: '{"meetingId":"m1"}', initialText: 'keep it on the radar' });
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(HEDGE_VIEWS.input);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"keep it on the radar"');
    expect(JSON.stringify(view.blocks)).toContain('"max_length":3000');
  });

  it.each(['soft_hedge', 'not_yet_specific', 'not_yet_vague', 'clear_yes', 'clear_no'] as HedgeKind[])('when the reading is %s, then the result fits Block Kit, offers the correction, and the plan button only where the coach says so', (kind) => {
    const outcome: HedgeOutcome = {
      meetingId: 'm1',
      kind,
      suggestedKind: 'soft_hedge',
      managerSaid: '<!channel> keep it on the radar'.repeat(100),
      nextStep: hedgeNextStep(kind),
      ...(kind === 'clear_yes' ? { comp: { question: 'Where in the band?', why: 'Internal promotions land low.', expect: 'They may ask HR.' } } : {}),
      ...(kind === 'clear_no' ? { walk: shouldConsiderWalking({ cycles: [{ cycle: 'a', promoted: false, gapClosed: true }, { cycle: 'b', promoted: false, gapClosed: true }] }) } : {}),
    };
    const view = hedgeResultModal({ outcome, privateMetadata: '{"meetingId":"m1"}' });
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).not.toContain('<!channel>');
    expect(actionsOf(view.blocks)).toContain(HEDGE_ACTIONS.correctKind);
    expect(actionsOf(view.blocks).includes(HEDGE_ACTIONS.buildPlan)).toBe(hedgeNextStep(kind).openPlanBuilder);
    if (kind === 'not_yet_vague') expect(text).toContain('usually means one of three things');
    if (kind === 'clear_yes') expect(text).toContain('/promo doc');
    if (kind === 'clear_no') expect(text).toContain('Interview outside');
    if (kind !== 'soft_hedge') expect(text).toContain('You corrected me');
  });

  it('when the coach reads a textbook hedge, then the view calls it a soft hedge', () => {
    const outcome = classifyHedge('Let’s keep it on the radar.');
    const view = hedgeResultModal({ outcome: { meetingId: 'm', kind: outcome.kind, suggestedKind: outcome.kind, managerSaid: 'x', nextStep: outcome.nextStep }, privateMetadata: '{}' });
    expect(JSON.stringify(view.blocks)).toContain('a soft hedge');
  });
});

describe('plan modals', () => {
  it('when the builder steps render a full plan, then each fits Block Kit and uses the plan block ids', () => {
    const data = plan();
    const steps = [planCriteriaModal(data, '{}'), planDatesModal(data, '{}'), planReviewModal(data, '{}')];
    for (const view of steps) {
      expect(checkView(view)).toEqual([]);
      expect(view.callback_id).toBe(PLAN_VIEWS.builder);
    }
    expect((steps[0]?.blocks as Block[]).filter((b) => b.block_id?.startsWith(PLAN_VIEWS.criterionBlockPrefix))).toHaveLength(5);
    expect((steps[1]?.blocks as Block[]).map((b) => b.block_id).filter(Boolean)).toEqual([
      ...data.criteria.map((_, i) => `${PLAN_VIEWS.dateBlockPrefix}${i}`),
      PLAN_VIEWS.cadenceBlock,
    ]);
    expect(JSON.stringify(steps[2]?.blocks)).toContain('*December 2027:*');
    expect(JSON.stringify(steps[2]?.blocks)).not.toContain('<!channel>');
  });

  it('when a running plan is shown, then the overview and the started note offer check-in, share and edit', () => {
    for (const view of [planOverviewModal(plan()), planStartedModal(plan())]) {
      expect(checkView(view)).toEqual([]);
      expect(actionsOf(view.blocks)).toEqual([CHECKIN_ACTIONS.homeOpen, PLAN_ACTIONS.share, PLAN_ACTIONS.edit]);
    }
    expect(actionsOf(planOverviewModal(plan({ status: 'awaiting_outcome' })).blocks)).toEqual([OUTCOME_ACTIONS.promoted, OUTCOME_ACTIONS.notThisTime]);
  });

  it('when the edit modal opens for the manager, then it has five criteria with dates and says who it is for', () => {
    const view = planEditModal(plan(), '{"planId":"p","role":"manager"}', 'manager');
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(PLAN_VIEWS.edit);
    expect(view.title.text).toBe('Suggest changes');
    expect(JSON.stringify(view.blocks)).toContain('<@UENG>');
    expect((view.blocks as Block[]).filter((b) => b.block_id?.startsWith(PLAN_VIEWS.dateBlockPrefix))).toHaveLength(5);
  });
});

describe('plan messages', () => {
  const post: SharedPlanPost = {
    planId: 'cplan1',
    engineerId: 'UENG',
    managerId: 'UMANAGER',
    calibrationDate: '2027-12-01',
    cadenceMonths: 1,
    criteria: plan().criteria,
    checkIns: ['2026-12-23'],
    docDue: '2027-10-20',
    confirmedBy: null,
    confirmedOn: null,
    lastChange: { actorId: 'UMANAGER', kind: 'changes_suggested', on: '2026-12-01' },
  };

  it('when the plan is posted, then the manager gets Confirm and Suggest changes carrying the plan id, and user text is escaped', () => {
    const message = sharedPlanMessage(post);
    expect(checkMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(actionsOf(message.blocks)).toEqual([PLAN_ACTIONS.confirm, PLAN_ACTIONS.suggestChanges]);
    const text = JSON.stringify(message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Waiting for <@UMANAGER>');
    expect(JSON.stringify(sharedPlanMessage({ ...post, confirmedBy: 'UMANAGER', confirmedOn: '2026-12-02' }).blocks)).toContain('Confirmed by <@UMANAGER>');
  });

  it('when the check-in summary is acknowledged, then the button gives way to who acknowledged it', () => {
    const args = { checkInId: 'ck1', engineerId: 'UENG', period: '2026-12', items: [{ text: LONG, from: 'not_started' as const, to: 'done' as const, evidenceCount: 2 }], note: 'on track <!here>', acknowledgedBy: null };
    const open = checkInSummaryMessage(args);
    expect(checkMessage(open as unknown as Record<string, unknown>)).toEqual([]);
    expect(actionsOf(open.blocks)).toEqual([CHECKIN_ACTIONS.acknowledge]);
    expect(JSON.stringify(open.blocks)).toContain('2 wins as evidence');
    expect(JSON.stringify(open.blocks)).not.toContain('<!here>');
    const acked = checkInSummaryMessage({ ...args, acknowledgedBy: 'UMANAGER' });
    expect(actionsOf(acked.blocks)).toEqual([]);
    expect(JSON.stringify(acked.blocks)).toContain('Acknowledged by <@UMANAGER>');
  });

  it('when the DMs render, then each fits Block Kit and carries the right button', () => {
    const dm = planMessages.checkInDm({ checkInId: 'ck1', reask: true, criteria: plan().criteria, calibrationDate: '2027-12-01' });
    expect(checkMessage(dm as unknown as Record<string, unknown>)).toEqual([]);
    expect(dm.text).toContain('reminder');
    const ask = planMessages.outcomeAsk({ planId: 'p1', cycleName: '2027 H2', calibrationDate: '2027-12-01' });
    expect(actionsOf(ask.blocks ?? [])).toEqual([OUTCOME_ACTIONS.promoted, OUTCOME_ACTIONS.notThisTime]);
    const changed = planMessages.planChanged({ managerId: 'UMANAGER', changes: [{ position: 0, change: 'date', from: '2027-03-01', to: '2027-04-01' }], criteria: plan().criteria });
    expect(JSON.stringify(changed.blocks)).toContain('Criterion 1 due Thursday 1 April');
    const walk = planMessages.walkAdvice(shouldConsiderWalking({ cycles: [{ cycle: 'a', promoted: false, gapClosed: true }, { cycle: 'b', promoted: false, gapClosed: true }] }));
    expect(checkMessage(walk as unknown as Record<string, unknown>)).toEqual([]);
    expect(JSON.stringify(walk.blocks)).toContain('never post it in your shared channel');
  });
});

describe('check-in and outcome modals', () => {
  it('when the check-in modal offers wins, then each criterion has a status and an evidence picker, and the note says who sees it', () => {
    const wins = Array.from({ length: 30 }, (_, i) => ({ id: `w${i}`, text: LONG, date: '2026-12-01' }));
    const form = { checkInId: 'ck1', planId: 'p1', period: '2026-12', criteria: plan().criteria.map((c) => ({ ...c, id: c.id as string, winIds: ['w1'] })), wins, note: null, shared: true };
    const view = checkInModal(form, '{"checkInId":"ck1"}');
    expect(checkView(view)).toEqual([]);
    const blocks = view.blocks as Block[];
    expect(blocks.filter((b) => b.block_id?.startsWith(CHECKIN_VIEWS.statusBlockPrefix))).toHaveLength(5);
    expect(blocks.filter((b) => b.block_id?.startsWith(CHECKIN_VIEWS.evidenceBlockPrefix))).toHaveLength(5);
    expect(JSON.stringify(view.blocks)).toContain('Your manager sees this note');
    const none = checkInModal({ ...form, wins: [], shared: false }, '{}');
    expect((none.blocks as Block[]).filter((b) => b.block_id?.startsWith(CHECKIN_VIEWS.evidenceBlockPrefix))).toHaveLength(0);
    expect(JSON.stringify(none.blocks)).toContain('Only you see this');
    expect(checkView(checkInSavedModal({ items: [{ text: LONG, from: 'in_progress', to: 'done', evidenceCount: 1 }], shared: true }))).toEqual([]);
  });

  it('when the outcome modal opens with a next cycle, then it offers to roll into it; saved notes mention the walk DM only when sent', () => {
    const form = { planId: 'p1', cycleName: '2027 H2', calibrationDate: '2027-12-01', nextCycle: { name: '2028 H1', calibrationDate: '2028-06-15' }, allDone: true };
    const view = outcomeModal(form, '{"planId":"p1"}', 'not_this_time');
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(OUTCOME_VIEWS.modal);
    expect(JSON.stringify(view.blocks)).toContain('Carry it into 2028 H1');
    expect(JSON.stringify(outcomeModal({ ...form, nextCycle: null }, '{}', 'promoted').blocks)).not.toContain('Carry it');
    expect(JSON.stringify(outcomeSavedModal({ promoted: false, rolledInto: null, walkAdviceSent: true }).blocks)).toContain('note in our DM');
    expect(JSON.stringify(outcomeSavedModal({ promoted: true, rolledInto: null, walkAdviceSent: false }).blocks)).toContain('Congratulations');
  });
});

describe('the plan on Home', () => {
  it.each([
    ['no plan', null, [HEDGE_ACTIONS.homeRecord, PLAN_ACTIONS.homeOpen]],
    ['a draft', plan({ status: 'draft' }), [PLAN_ACTIONS.homeOpen]],
    ['a running plan', plan(), [CHECKIN_ACTIONS.homeOpen, PLAN_ACTIONS.share, PLAN_ACTIONS.edit]],
    ['a plan waiting for its outcome', plan({ status: 'awaiting_outcome' }), [OUTCOME_ACTIONS.promoted, OUTCOME_ACTIONS.notThisTime]],
  ] as const)('when Home shows %s, then its blocks fit and offer the next move', (_what, data, actions) => {
    const blocks = planHomeBlocks(data);
    expect(checkBlocks(blocks, 'home')).toEqual([]);
    expect(actionsOf(blocks)).toEqual(actions);
  });

  it('when a running plan is on Home, then each criterion shows its status and the next check-in is named', () => {
    const text = JSON.stringify(planHomeBlocks(plan({ shared: true, confirmedBy: 'UMANAGER' })));
    expect(text).toContain('1 of 5 criteria done');
    expect(text).toContain('_(in progress)_');
    expect(text).toContain('Next check-in: *Wednesday 23 Dec, 15:00*');
    expect(text).toContain('Confirmed by <@UMANAGER>');
  });

  it('when the whole Home tab carries a plan, then it still fits Block Kit', () => {
    const view = homeView({
      dashboard: {
        currentLevelName: 'Senior',
        targetLevelName: 'Staff',
        targetCycle: '2027 H2',
        calibrationDate: '2027-12-01',
        cyclePassed: false,
        timing: null,
        nudgeDay: 5,
        nudgeMinute: 900,
        nudgesPausedUntil: null,
        nextNudge: null,
        wins: { quarterLabel: 'Q4 2026', count: 0, coveredCriteria: 0, totalCriteria: 0, uncovered: [], streakWeeks: 0 },
        recentWins: [],
        plan: plan(),
      },
    });
    expect(checkView(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('Your plan');
  });
});
