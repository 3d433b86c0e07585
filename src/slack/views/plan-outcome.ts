// After calibration: how it went, the reason when it was "not this time", and whether the
// plan rolls into the next cycle. Pure builders.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { OUTCOME_REASON_MAX, type OutcomeForm, type OutcomeRecorded } from '../../use-cases/outcomes.js';
import { OUTCOME_VIEWS } from '../ids.js';
import { formatDay } from './nudge.js';
import { escapeMrkdwn, modalView, truncate } from './text.js';

const option = (text: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text }, value });
export const RESULT_OPTIONS = [option('I was promoted', 'promoted'), option('Not this time', 'not_this_time')];

export function outcomeModal(form: OutcomeForm, privateMetadata: string, preselect: 'promoted' | 'not_this_time'): ModalView {
  const next = form.nextCycle;
  const nextOptions = [
    ...(next ? [option(truncate(`Carry it into ${next.name} (calibration ${formatDay(next.calibrationDate)})`, 75), 'roll')] : []),
    option('Close the plan', 'close'),
  ];
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*How did calibration for ${escapeMrkdwn(form.cycleName)} go?* Only you see this.` },
    },
    {
      type: 'input',
      block_id: OUTCOME_VIEWS.resultBlock,
      label: { type: 'plain_text', text: 'The outcome' },
      element: {
        type: 'radio_buttons',
        action_id: OUTCOME_VIEWS.resultAction,
        options: RESULT_OPTIONS,
        initial_option: RESULT_OPTIONS.find((o) => o.value === preselect) ?? RESULT_OPTIONS[0],
      },
    },
    {
      type: 'input',
      block_id: OUTCOME_VIEWS.reasonBlock,
      optional: true,
      label: { type: 'plain_text', text: 'If not this time: the reason you were given' },
      hint: { type: 'plain_text', text: 'Their words, as best you remember them. It helps to see the pattern across cycles.' },
      element: { type: 'plain_text_input', action_id: OUTCOME_VIEWS.reasonAction, multiline: true, max_length: OUTCOME_REASON_MAX },
    },
    {
      type: 'input',
      block_id: OUTCOME_VIEWS.nextBlock,
      label: { type: 'plain_text', text: 'If not this time: what happens to the plan?' },
      element: { type: 'radio_buttons', action_id: OUTCOME_VIEWS.nextAction, options: nextOptions, initial_option: nextOptions[0] },
    },
  ];
  return modalView({ callbackId: OUTCOME_VIEWS.modal, title: 'After calibration', submit: 'Save', close: 'Later', metadata: privateMetadata, blocks });
}

export function outcomeSavedModal(recorded: OutcomeRecorded): ModalView {
  const lines = recorded.promoted
    ? ['*Congratulations!* 🎉 That is the work of months paying off. Your plan is closed; when you are ready for the next level, update your target in `/promo settings`.']
    : [
        '*Thank you for writing it down.* A “not this time” hurts, and it is still information.',
        recorded.rolledInto
          ? `Your plan now runs toward *${escapeMrkdwn(recorded.rolledInto)}*, with the same criteria. Check the dates in the plan, and share it again when you and your manager have talked.`
          : 'Your plan is closed. Start a new one whenever you are ready.',
        ...(recorded.walkAdviceSent ? ['I have also sent you a note in our DM about what two cycles like this can mean.'] : []),
      ];
  return {
    type: 'modal',
    callback_id: OUTCOME_VIEWS.modal,
    title: { type: 'plain_text', text: 'After calibration' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n\n') } }],
  };
}
