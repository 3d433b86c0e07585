// Submissions of the prep's steps, the meeting's date and the follow-up's answer. Each
// step moves with `response_action: 'update'` (one modal, never a deeper stack); field
// errors block the step; a refused draft or meeting id becomes a short note.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../../use-cases/deps.js';
import { checkMeetingTime, meetingFormFor, scheduleMeeting, type MeetingField } from '../../../use-cases/meetings.js';
import { deliverPrepResult, finishPrep, submitPrepStep, type PrepField, type PrepInput, type PrepStep } from '../../../use-cases/prep.js';
import { PREP_VIEWS } from '../../ids.js';
import { parseMeetingMetadata, parsePrepMetadata } from '../../metadata.js';
import { blockErrors, NOT_YOUR_PREP, refusalMessage } from '../../respond.js';
import { meetingReminderMessage, meetingScheduledMessage, ONE_PAGER_COMMENT, prepResultMessage } from '../../views/prep-messages.js';
import { meetingModal, meetingSavedModal, prepNoticeModal, prepStepModal } from '../../views/prep.js';
import { refreshHome } from '../refresh-home.js';
import { offerCaseRewrites } from '../suggestions.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ViewValues = ViewSubmitAction['view']['state']['values'];

const STATIC_BLOCKS: Record<string, string> = {
  cycle: PREP_VIEWS.cycleBlock,
  opening: PREP_VIEWS.openingBlock,
  wins: PREP_VIEWS.winsBlock,
  gap: PREP_VIEWS.gapBlock,
  stretchProject: PREP_VIEWS.stretchBlock,
  cadence: PREP_VIEWS.cadenceBlock,
};

/** Each field's block: fixed ones by name, an example's by its position ("behavior_2" → prep_behavior_2). */
function blockFor(field: string): string {
  const numbered = /^(behavior|criterion)_(\d+)$/.exec(field);
  if (numbered) return `${numbered[1] === 'behavior' ? PREP_VIEWS.behaviorBlockPrefix : PREP_VIEWS.criterionBlockPrefix}${numbered[2]}`;
  return STATIC_BLOCKS[field] ?? PREP_VIEWS.openingBlock;
}

// A forged payload can leave out anything: what is missing reads as empty, and the use case
// answers it with a field error instead of a crash.
export function readPrepInput(step: PrepStep, values: ViewValues): PrepInput {
  const get = (block: string, action: string) => values[block]?.[action];
  const text = (block: string, action: string) => get(block, action)?.value ?? '';
  switch (step) {
    case 'timing':
      return { step, cycle: get(PREP_VIEWS.cycleBlock, PREP_VIEWS.cycleAction)?.selected_option?.value ?? null };
    case 'opening':
      return { step, opening: text(PREP_VIEWS.openingBlock, PREP_VIEWS.openingAction) };
    case 'case':
      return { step, winIds: (get(PREP_VIEWS.winsBlock, PREP_VIEWS.winsAction)?.selected_options ?? []).map((o) => o.value).filter((v): v is string => typeof v === 'string') };
    case 'behaviors': {
      const examples: { criterionId: string | null; behavior: string }[] = [];
      for (let i = 0; values[`${PREP_VIEWS.behaviorBlockPrefix}${i}`] || values[`${PREP_VIEWS.criterionBlockPrefix}${i}`]; i++) {
        examples.push({
          criterionId: get(`${PREP_VIEWS.criterionBlockPrefix}${i}`, PREP_VIEWS.criterionAction)?.selected_option?.value ?? null,
          behavior: text(`${PREP_VIEWS.behaviorBlockPrefix}${i}`, PREP_VIEWS.behaviorAction),
        });
      }
      return { step, examples };
    }
    case 'gap': {
      const cadence = Number(get(PREP_VIEWS.cadenceBlock, PREP_VIEWS.cadenceAction)?.selected_option?.value);
      return {
        step,
        gap: text(PREP_VIEWS.gapBlock, PREP_VIEWS.gapAction),
        stretchProject: text(PREP_VIEWS.stretchBlock, PREP_VIEWS.stretchAction),
        cadenceMonths: Number.isInteger(cadence) ? cadence : null,
      };
    }
    case 'comp':
      return { step, askComp: (get(PREP_VIEWS.compBlock, PREP_VIEWS.compAction)?.selected_options ?? []).some((o) => o.value === 'ask') };
    case 'review':
      return { step };
  }
}

function prepStepSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const userId = body.user.id;
    const meta = parsePrepMetadata(view.private_metadata);
    if (!meta) {
      deps.logger.warn({ userId }, 'prep step submitted without readable metadata');
      await ack({ response_action: 'update', view: prepNoticeModal(NOT_YOUR_PREP) });
      return;
    }
    try {
      if (meta.step === 'review') {
        const finished = await finishPrep(deps, userId, meta.draftId);
        if (!finished.done) {
          await ack({ response_action: 'update', view: prepStepModal(finished.screen) });
          return;
        }
        const form = await meetingFormFor(deps, userId, finished.result.meetingId);
        await ack({ response_action: 'update', view: meetingModal({ form, afterPrep: true }) });
        await deliverPrepResult(deps, userId, finished.result, { message: prepResultMessage, fileComment: ONE_PAGER_COMMENT });
        await refreshHome(deps, client, userId);
        return;
      }
      const result = await submitPrepStep(deps, userId, meta.draftId, readPrepInput(meta.step, view.state.values));
      if (!result.ok) {
        const blocks = Object.fromEntries(Object.keys(result.errors).map((f) => [f, blockFor(f)])) as Record<PrepField, string>;
        await ack({ response_action: 'errors', errors: blockErrors(result.errors, blocks) });
        return;
      }
      await ack({ response_action: 'update', view: prepStepModal(result.value) });
      // Never throws: the rules' screen is up; rewrites of the examples may follow in place.
      await offerCaseRewrites(deps, client, userId, view.id, result.value);
    } catch (error) {
      await ack({ response_action: 'update', view: prepNoticeModal(refusalMessage(deps, error, userId, 'prep step')) });
      return;
    }
    if (meta.step === 'timing') await refreshHome(deps, client, userId);
  };
}

const MEETING_BLOCKS: Record<MeetingField, string> = { date: PREP_VIEWS.dateBlock, time: PREP_VIEWS.timeBlock };

function meetingSubmit(deps: Deps) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const userId = body.user.id;
    const meta = parseMeetingMetadata(view.private_metadata);
    const values = view.state.values;
    const form = {
      date: values[PREP_VIEWS.dateBlock]?.[PREP_VIEWS.dateAction]?.selected_date ?? null,
      time: values[PREP_VIEWS.timeBlock]?.[PREP_VIEWS.timeAction]?.selected_time ?? null,
    };
    try {
      const checked = await checkMeetingTime(deps, userId, meta?.meetingId ?? '', form);
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: blockErrors(checked.errors, MEETING_BLOCKS) });
        return;
      }
    } catch (error) {
      await ack({ response_action: 'update', view: prepNoticeModal(refusalMessage(deps, error, userId, 'meeting date')) });
      return;
    }
    // Slack calls follow (the old reminder out, the new one in, the invite): the modal says so meanwhile.
    await ack({ response_action: 'update', view: prepNoticeModal(':hourglass_flowing_sand: Booking it: the invite and the reminder are on their way…') });
    let done;
    try {
      const result = await scheduleMeeting(deps, userId, meta?.meetingId ?? '', form, { reminder: meetingReminderMessage, scheduled: meetingScheduledMessage });
      done = result.ok ? meetingSavedModal(result.value) : prepNoticeModal('That time no longer works: open the meeting again and pick another.');
    } catch (error) {
      deps.logger.error({ err: error, userId }, 'could not book the meeting’s reminder or invite');
      done = prepNoticeModal('The time is saved, but Slack did not let me send the invite or set the reminder. Press *Reschedule* in our DM in a minute to try again.');
    }
    await client.views.update({ view_id: view.id, view: done }).catch((err: unknown) => deps.logger.warn({ err, userId }, 'could not update the meeting modal'));
    await refreshHome(deps, client, userId);
  };
}

export function registerPrepViews(app: App, deps: Deps) {
  app.view({ callback_id: PREP_VIEWS.step, type: 'view_submission' }, prepStepSubmit(deps));
  app.view({ callback_id: PREP_VIEWS.meeting, type: 'view_submission' }, meetingSubmit(deps));
}
