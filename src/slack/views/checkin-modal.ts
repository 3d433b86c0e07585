// The gap check-in modal: each criterion's status, the wins since the last check-in as
// evidence, and a note; then what was saved. Pure builders.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { CHECKIN_NOTE_MAX, CRITERION_STATUSES, type CheckInDone, type CheckInForm } from '../../use-cases/checkins.js';
import { CHECKIN_VIEWS } from '../ids.js';
import { formatDay } from './nudge.js';
import { STATUS_LABEL } from './plan-modals.js';
import { escapeMrkdwn, modalView, selectOption, truncate } from './text.js';

export const statusBlock = (criterionId: string) => `${CHECKIN_VIEWS.statusBlockPrefix}${criterionId}`;
export const evidenceBlock = (criterionId: string) => `${CHECKIN_VIEWS.evidenceBlockPrefix}${criterionId}`;

const STATUS_OPTIONS: PlainTextOption[] = CRITERION_STATUSES.map((s) => selectOption(STATUS_LABEL[s], s));

export function checkInModal(form: CheckInForm, privateMetadata: string): ModalView {
  const winOptions = form.wins.slice(0, 100).map((w) => selectOption(`${w.date} · ${w.text}`, w.id));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          winOptions.length > 0
            ? '*Where does each criterion stand?* Link the wins that show progress: they become the evidence in your promo doc.'
            : '*Where does each criterion stand?* No new wins logged since the last check-in; log one from my Home tab and link it next time.',
      },
    },
  ];
  for (const c of form.criteria) {
    blocks.push({
      type: 'input',
      block_id: statusBlock(c.id),
      label: { type: 'plain_text', text: truncate(c.text, 150) },
      hint: c.dueDate ? { type: 'plain_text', text: `Due ${formatDay(c.dueDate)}` } : undefined,
      element: {
        type: 'static_select',
        action_id: CHECKIN_VIEWS.statusAction,
        options: STATUS_OPTIONS,
        initial_option: STATUS_OPTIONS.find((o) => o.value === c.status) ?? STATUS_OPTIONS[0],
      },
    } as KnownBlock);
    if (winOptions.length > 0) {
      const initial = winOptions.filter((o) => c.winIds.includes(o.value ?? ''));
      blocks.push({
        type: 'input',
        block_id: evidenceBlock(c.id),
        optional: true,
        label: { type: 'plain_text', text: 'Evidence' },
        element: {
          type: 'multi_static_select',
          action_id: CHECKIN_VIEWS.evidenceAction,
          placeholder: { type: 'plain_text', text: 'Wins that show it' },
          options: winOptions,
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        },
      });
    }
  }
  blocks.push({
    type: 'input',
    block_id: CHECKIN_VIEWS.noteBlock,
    optional: true,
    label: { type: 'plain_text', text: 'Anything to add?' },
    hint: {
      type: 'plain_text',
      text: form.shared ? 'Your manager sees this note in the summary in your shared channel (your wins stay private).' : 'Only you see this.',
    },
    element: {
      type: 'plain_text_input',
      action_id: CHECKIN_VIEWS.noteAction,
      multiline: true,
      max_length: CHECKIN_NOTE_MAX,
      ...(form.note ? { initial_value: form.note } : {}),
    },
  });
  return modalView({ callbackId: CHECKIN_VIEWS.modal, title: 'Plan check-in', submit: 'Save check-in', close: 'Later', metadata: privateMetadata, blocks });
}

export function checkInSavedModal(done: CheckInDone): ModalView {
  const finished = done.items.filter((i) => i.to === 'done').length;
  const moved = done.items.filter((i) => i.from !== i.to).map((i) => `• ${escapeMrkdwn(truncate(i.text, 200))}: *${STATUS_LABEL[i.to]}*`);
  const lines = [
    `*Saved.* ${finished} of ${done.items.length} criteria done.`,
    moved.length > 0 ? `Moved since last time:\n${moved.join('\n')}` : 'Nothing moved this time, and that is worth knowing too. What would unblock the next one?',
    done.shared ? 'A summary is in your shared channel for your manager to acknowledge.' : 'Only you see this. Share the plan from my Home tab when you want your manager to follow along.',
  ];
  return {
    type: 'modal',
    callback_id: CHECKIN_VIEWS.modal,
    title: { type: 'plain_text', text: 'Plan check-in' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n\n'), 3000) } }],
  };
}
