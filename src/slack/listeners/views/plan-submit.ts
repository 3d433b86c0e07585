// Submissions of the after-the-meeting modals: the manager's answer, the three plan-builder
// steps, the plan edit (engineer or manager), the check-in and the outcome. Each reads its
// form, calls one use case (which re-checks who may act on the plan) and answers with one view.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { submitCheckIn } from '../../../use-cases/checkins.js';
import type { Deps } from '../../../use-cases/deps.js';
import { recordManagerAnswer } from '../../../use-cases/hedge.js';
import { recordCycleOutcome } from '../../../use-cases/outcomes.js';
import { editPlan, MAX_PLAN_CRITERIA, savePlanCriteria, savePlanDates, startPlan, suggestPlanChanges, type PlanField } from '../../../use-cases/plans.js';
import type { FieldErrors } from '../../../use-cases/result.js';
import { CHECKIN_VIEWS, HEDGE_VIEWS, OUTCOME_VIEWS, PLAN_VIEWS } from '../../ids.js';
import { encodeMetadata, parseCheckInMetadata, parseHedgeMetadata, parseOutcomeMetadata, parsePlanBuilderMetadata, parsePlanEditMetadata } from '../../metadata.js';
import { blockErrors, messageFor, NOT_YOUR_PLAN } from '../../respond.js';
import { checkInSavedModal } from '../../views/checkin-modal.js';
import { hedgeResultModal } from '../../views/hedge-modal.js';
import { criterionBlock, dateBlock, planDatesModal, planNoticeModal, planReviewModal, planStartedModal } from '../../views/plan-modals.js';
import { planMessages } from '../../views/plan-messages.js';
import { outcomeSavedModal } from '../../views/plan-outcome.js';
import { refreshHome } from '../refresh-home.js';
import { offerHedgeOpinion } from '../suggestions.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = ViewSubmitAction['view']['state']['values'];

const positions = Array.from({ length: MAX_PLAN_CRITERIA }, (_, i) => i);

/** Plan field → the block it is shown on (criterion_2 → plan_criterion_2). */
function planBlockErrors(errors: FieldErrors<PlanField>): Record<string, string> {
  const blockFor: Record<string, string> = { cadence: PLAN_VIEWS.cadenceBlock, criteria: criterionBlock(0) };
  for (const i of positions) {
    blockFor[`criterion_${i}`] = criterionBlock(i);
    blockFor[`date_${i}`] = dateBlock(i);
  }
  return blockErrors(errors, blockFor as Record<PlanField, string>);
}

const textOf = (values: Values, block: string, action: string) => values[block]?.[action]?.value ?? '';
const dateOf = (values: Values, block: string) => values[block]?.[PLAN_VIEWS.dateAction]?.selected_date ?? null;

/** A named refusal (not yours, not the manager, not onboarded) replaces the modal with its message, and is logged. */
async function refuse({ ack, body }: Args, deps: Deps, error: unknown): Promise<void> {
  const message = messageFor(error);
  if (!message) throw error;
  deps.logger.warn({ userId: body.user.id, callbackId: body.view.callback_id, error: (error as Error).name }, 'plan flow submission refused');
  await ack({ response_action: 'update', view: planNoticeModal(message) });
}

/** Metadata that does not parse was not written by us: refused like a forged id. */
async function refuseForged(args: Args, deps: Deps): Promise<void> {
  deps.logger.warn({ userId: args.body.user.id, callbackId: args.body.view.callback_id }, 'plan flow submission refused: unreadable private_metadata');
  await args.ack({ response_action: 'update', view: planNoticeModal(NOT_YOUR_PLAN) });
}

function hedgeSubmit(deps: Deps) {
  return async (args: Args) => {
    const { ack, body, view } = args;
    const { meetingId } = parseHedgeMetadata(view.private_metadata);
    let recorded: string | null = null;
    try {
      const result = await recordManagerAnswer(deps, body.user.id, { text: textOf(view.state.values, HEDGE_VIEWS.textBlock, HEDGE_VIEWS.textAction), ...(meetingId ? { meetingId } : {}) });
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: blockErrors(result.errors, { text: HEDGE_VIEWS.textBlock }) });
        return;
      }
      await ack({ response_action: 'update', view: hedgeResultModal({ outcome: result.value, privateMetadata: encodeMetadata({ meetingId: result.value.meetingId }) }) });
      recorded = result.value.meetingId;
    } catch (error) {
      await refuse(args, deps, error);
    }
    // After the ack: the coach's reading is on screen; a second opinion may follow in place.
    if (recorded) await offerHedgeOpinion(deps, args.client, body.user.id, view.id, recorded);
  };
}

function builderSubmit(deps: Deps) {
  return async (args: Args) => {
    const { ack, body, view, client } = args;
    const meta = parsePlanBuilderMetadata(view.private_metadata);
    if (!meta) return refuseForged(args, deps);
    const userId = body.user.id;
    const values = view.state.values;
    try {
      if (meta.step === 'criteria') {
        const texts = positions.map((i) => textOf(values, criterionBlock(i), PLAN_VIEWS.criterionAction));
        const result = await savePlanCriteria(deps, userId, meta.planId, texts);
        if (!result.ok) return ack({ response_action: 'errors', errors: planBlockErrors(result.errors) });
        await ack({ response_action: 'update', view: planDatesModal(result.value, encodeMetadata({ planId: meta.planId, step: 'dates' })) });
      } else if (meta.step === 'dates') {
        const dueDates = positions.map((i) => dateOf(values, dateBlock(i)));
        const cadence = Number(values[PLAN_VIEWS.cadenceBlock]?.[PLAN_VIEWS.cadenceAction]?.selected_option?.value ?? 1);
        const result = await savePlanDates(deps, userId, meta.planId, { dueDates, cadenceMonths: cadence });
        if (!result.ok) return ack({ response_action: 'errors', errors: planBlockErrors(result.errors) });
        await ack({ response_action: 'update', view: planReviewModal(result.value, encodeMetadata({ planId: meta.planId, step: 'review' })) });
      } else {
        const data = await startPlan(deps, userId, meta.planId);
        await ack({ response_action: 'update', view: planStartedModal(data) });
        await refreshHome(deps, client, userId);
      }
    } catch (error) {
      await refuse(args, deps, error);
    }
  };
}

function editSubmit(deps: Deps) {
  return async (args: Args) => {
    const { ack, body, view, client } = args;
    const meta = parsePlanEditMetadata(view.private_metadata);
    if (!meta) return refuseForged(args, deps);
    const values = view.state.values;
    const criteria = positions.map((i) => ({ text: textOf(values, criterionBlock(i), PLAN_VIEWS.criterionAction), dueDate: dateOf(values, dateBlock(i)) }));
    try {
      const edit = meta.role === 'manager' ? suggestPlanChanges : editPlan;
      const result = await edit(deps, body.user.id, meta.planId, { criteria }, planMessages);
      if (!result.ok) return ack({ response_action: 'errors', errors: planBlockErrors(result.errors) });
      const saved =
        result.value.changes.length === 0
          ? 'Nothing changed, so I left the plan as it was.'
          : meta.role === 'manager'
            ? `*Saved.* The shared plan shows your changes, and I have let <@${result.value.data.engineerId}> know.`
            : `*Saved.*${result.value.data.shared ? ' The shared post shows the new version.' : ''}`;
      await ack({ response_action: 'update', view: planNoticeModal(saved) });
      await refreshHome(deps, client, result.value.data.engineerId);
    } catch (error) {
      await refuse(args, deps, error);
    }
  };
}

function checkInSubmit(deps: Deps) {
  return async (args: Args) => {
    const { ack, body, view, client } = args;
    const meta = parseCheckInMetadata(view.private_metadata);
    if (!meta) return refuseForged(args, deps);
    const statuses: Record<string, string> = {};
    const evidence: Record<string, string[]> = {};
    for (const [block, actions] of Object.entries(view.state.values)) {
      if (block.startsWith(CHECKIN_VIEWS.statusBlockPrefix)) {
        const value = actions[CHECKIN_VIEWS.statusAction]?.selected_option?.value;
        if (value) statuses[block.slice(CHECKIN_VIEWS.statusBlockPrefix.length)] = value;
      } else if (block.startsWith(CHECKIN_VIEWS.evidenceBlockPrefix)) {
        const chosen = actions[CHECKIN_VIEWS.evidenceAction]?.selected_options ?? [];
        evidence[block.slice(CHECKIN_VIEWS.evidenceBlockPrefix.length)] = chosen.map((o) => o.value).filter((v): v is string => typeof v === 'string');
      }
    }
    const note = textOf(view.state.values, CHECKIN_VIEWS.noteBlock, CHECKIN_VIEWS.noteAction) || null;
    try {
      const result = await submitCheckIn(deps, body.user.id, meta.checkInId, { statuses, evidence, note }, planMessages);
      if (!result.ok) return ack({ response_action: 'errors', errors: blockErrors(result.errors, { note: CHECKIN_VIEWS.noteBlock }) });
      await ack({ response_action: 'update', view: checkInSavedModal(result.value) });
      await refreshHome(deps, client, body.user.id);
    } catch (error) {
      await refuse(args, deps, error);
    }
  };
}

function outcomeSubmit(deps: Deps) {
  return async (args: Args) => {
    const { ack, body, view, client } = args;
    const meta = parseOutcomeMetadata(view.private_metadata);
    if (!meta) return refuseForged(args, deps);
    const values = view.state.values;
    const result = values[OUTCOME_VIEWS.resultBlock]?.[OUTCOME_VIEWS.resultAction]?.selected_option?.value;
    const next = values[OUTCOME_VIEWS.nextBlock]?.[OUTCOME_VIEWS.nextAction]?.selected_option?.value === 'roll' ? 'roll' : 'close';
    try {
      const recorded = await recordCycleOutcome(
        deps,
        body.user.id,
        meta.planId,
        { promoted: result === 'promoted', reason: textOf(values, OUTCOME_VIEWS.reasonBlock, OUTCOME_VIEWS.reasonAction) || null, next },
        planMessages,
      );
      if (!recorded.ok) return ack({ response_action: 'errors', errors: blockErrors(recorded.errors, { reason: OUTCOME_VIEWS.reasonBlock }) });
      await ack({ response_action: 'update', view: outcomeSavedModal(recorded.value) });
      await refreshHome(deps, client, body.user.id);
    } catch (error) {
      await refuse(args, deps, error);
    }
  };
}

export function registerPlanViews(app: App, deps: Deps) {
  app.view({ callback_id: HEDGE_VIEWS.input, type: 'view_submission' }, hedgeSubmit(deps));
  app.view({ callback_id: PLAN_VIEWS.builder, type: 'view_submission' }, builderSubmit(deps));
  app.view({ callback_id: PLAN_VIEWS.edit, type: 'view_submission' }, editSubmit(deps));
  app.view({ callback_id: CHECKIN_VIEWS.modal, type: 'view_submission' }, checkInSubmit(deps));
  app.view({ callback_id: OUTCOME_VIEWS.modal, type: 'view_submission' }, outcomeSubmit(deps));
}
