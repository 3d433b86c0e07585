// After the meeting: "What did your manager say?" and the coach's reading of it, with the
// next step for that kind and a one-click correction. Pure builders.
import type { KnownBlock, ModalView } from '@slack/types';
import { HEDGE_KINDS, HEDGE_LABELS, MANAGER_ANSWER_MAX, type HedgeOutcome } from '../../use-cases/hedge.js';
import { HEDGE_ACTIONS, HEDGE_VIEWS } from '../ids.js';
import { escapeMrkdwn, selectOption, truncate } from './text.js';

export interface HedgeInputModalArgs {
  privateMetadata: string;
  /** What the engineer already typed after `/promo hedge`. */
  initialText?: string;
}

export function hedgeInputModal({ privateMetadata, initialText }: HedgeInputModalArgs): ModalView {
  return {
    type: 'modal',
    callback_id: HEDGE_VIEWS.input,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'After the meeting' },
    submit: { type: 'plain_text', text: 'What does it mean?' },
    close: { type: 'plain_text', text: 'Later' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Write down what your manager said while it is fresh, as close to their words as you can. I will tell you how I read it and what to do next. *Only you see this.*',
        },
      },
      {
        type: 'input',
        block_id: HEDGE_VIEWS.textBlock,
        label: { type: 'plain_text', text: 'What did your manager say?' },
        element: {
          type: 'plain_text_input',
          action_id: HEDGE_VIEWS.textAction,
          multiline: true,
          max_length: MANAGER_ANSWER_MAX,
          placeholder: { type: 'plain_text', text: 'e.g. “You’re doing great work, let’s keep it on the radar for next cycle.”' },
          ...(initialText ? { initial_value: truncate(initialText, MANAGER_ANSWER_MAX) } : {}),
        },
      },
    ],
  };
}

export interface HedgeResultModalArgs {
  outcome: HedgeOutcome;
  privateMetadata: string;
}

const bullets = (lines: readonly string[]) => lines.map((l) => `• ${l}`).join('\n');
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });

export function hedgeResultModal({ outcome, privateMetadata }: HedgeResultModalArgs): ModalView {
  const { kind, nextStep } = outcome;
  const options = HEDGE_KINDS.map((k) => selectOption(HEDGE_LABELS[k], k));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'hedge_kind',
      text: {
        type: 'mrkdwn',
        text: `I read this as *${HEDGE_LABELS[kind].toLowerCase()}*.${kind !== outcome.suggestedKind ? ' (You corrected me; thanks.)' : ''}\nNot right? Pick what it really was.`,
      },
      accessory: {
        type: 'static_select',
        action_id: HEDGE_ACTIONS.correctKind,
        options,
        initial_option: options.find((o) => o.value === kind) ?? options[0],
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`_“${escapeMrkdwn(outcome.managerSaid)}”_`, 2000) }] },
    { type: 'divider' },
    section(`*Next step.* ${nextStep.summary}`),
  ];
  if (nextStep.meanings?.length) {
    blocks.push(
      section(`*When the criteria stay vague, it usually means one of three things:*\n${bullets(nextStep.meanings)}`),
      section('None of these can be argued in the room, and none is a verdict on your work. Take it as a signal about the timeline, and plan with it in mind.'),
    );
  }
  if (nextStep.script?.length) blocks.push(section(`*${kind === 'clear_yes' ? 'Lock it in' : 'Things you can say'}:*\n${bullets(nextStep.script)}`));
  if (outcome.comp) {
    blocks.push(
      section(`*Ask about pay now, not after.* ${outcome.comp.why}\n> ${outcome.comp.question}`),
      section('*Then write the doc.* Type `/promo doc` and I will draft the two pages your manager takes into calibration, from your wins.'),
    );
  }
  if (outcome.walk) {
    blocks.push(
      { type: 'divider' },
      section(`*Worth thinking about, gently.* ${outcome.walk.message}\n${bullets(outcome.walk.steps)}`),
      section(`_${outcome.walk.warning ?? ''}_`),
    );
  }
  if (nextStep.openPlanBuilder) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HEDGE_ACTIONS.buildPlan,
          style: 'primary',
          text: { type: 'plain_text', text: 'Build the plan' },
          value: outcome.meetingId,
        },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: HEDGE_VIEWS.result,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Your next step' },
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}
