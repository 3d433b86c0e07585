import type { KnownBlock, ModalView, Option } from '@slack/types';
import { WIN_FLAGS, WIN_VIEWS } from '../ids.js';
import { escapeMrkdwn, selectOption, truncate } from './text.js';
import { winLine, type WinLineArgs } from './wins-list.js';

export interface WinModalArgs {
  /** Default date for a new win: today in the user's zone. */
  today: string;
  targetLevelName: string;
  /** The target level's criteria, labelled "Dimension: what it looks like". */
  criteriaOptions: { id: string; label: string }[];
  /** The win being edited; absent for a new one. */
  initial?: {
    text: string;
    date: string;
    link: string | null;
    criteria: string[];
    crossTeam: boolean;
    enabledOthers: boolean;
  };
  privateMetadata: string;
}

const FLAG_OPTIONS: Option[] = [
  {
    text: { type: 'mrkdwn', text: '*Cross-team impact*' },
    description: { type: 'plain_text', text: 'Other teams moved, shipped or changed because of it.' },
    value: WIN_FLAGS.crossTeam,
  },
  {
    text: { type: 'mrkdwn', text: '*Enabled others*' },
    description: { type: 'plain_text', text: 'Mentoring, design reviews, unblocking, setting direction.' },
    value: WIN_FLAGS.enabledOthers,
  },
];

export function winModal({ today, targetLevelName, criteriaOptions, initial, privateMetadata }: WinModalArgs): ModalView {
  const editing = initial !== undefined;
  const options = criteriaOptions.slice(0, 100).map((c) => selectOption(c.label, c.id));
  const chosen = options.filter((o) => initial?.criteria.includes(o.value ?? ''));
  const flags = FLAG_OPTIONS.filter(
    (o) => (o.value === WIN_FLAGS.crossTeam && initial?.crossTeam) || (o.value === WIN_FLAGS.enabledOthers && initial?.enabledOthers),
  );
  const level = truncate(targetLevelName, 60);

  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: WIN_VIEWS.textBlock,
      label: { type: 'plain_text', text: 'What did you do?' },
      hint: {
        type: 'plain_text',
        text: 'Lead with what you did, then what changed because of it. Numbers and names help later.',
      },
      element: {
        type: 'plain_text_input',
        action_id: WIN_VIEWS.textAction,
        multiline: true,
        max_length: 3000,
        placeholder: { type: 'plain_text', text: 'e.g. Wrote the caching RFC; two other teams adopted it' },
        ...(initial ? { initial_value: initial.text } : {}),
      },
    },
    {
      type: 'input',
      block_id: WIN_VIEWS.dateBlock,
      label: { type: 'plain_text', text: 'When' },
      element: { type: 'datepicker', action_id: WIN_VIEWS.dateAction, initial_date: initial?.date ?? today },
    },
    {
      type: 'input',
      block_id: WIN_VIEWS.linkBlock,
      optional: true,
      label: { type: 'plain_text', text: 'Link (doc, PR, dashboard)' },
      element: {
        type: 'url_text_input',
        action_id: WIN_VIEWS.linkAction,
        ...(initial?.link ? { initial_value: initial.link } : {}),
      },
    },
  ];
  // A company ladder may leave a level without criteria; an empty select is invalid Block Kit.
  if (options.length > 0) {
    blocks.push({
      type: 'input',
      block_id: WIN_VIEWS.criteriaBlock,
      optional: true,
      label: { type: 'plain_text', text: `${level} criteria it shows` },
      hint: {
        type: 'plain_text',
        text: editing ? 'These are my tags; change them if I got it wrong.' : 'Leave empty and I will tag it for you.',
      },
      element: {
        type: 'multi_static_select',
        action_id: WIN_VIEWS.criteriaAction,
        placeholder: { type: 'plain_text', text: 'Choose criteria' },
        options,
        ...(chosen.length > 0 ? { initial_options: chosen } : {}),
      },
    });
  }
  blocks.push({
    type: 'input',
    block_id: WIN_VIEWS.flagsBlock,
    optional: true,
    label: { type: 'plain_text', text: 'Calibration looks for' },
    ...(editing ? {} : { hint: { type: 'plain_text', text: 'Leave both empty and I will read them from your text.' } }),
    element: {
      type: 'checkboxes',
      action_id: WIN_VIEWS.flagsAction,
      options: FLAG_OPTIONS,
      ...(flags.length > 0 ? { initial_options: flags } : {}),
    },
  });

  return {
    type: 'modal',
    callback_id: WIN_VIEWS.win,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: editing ? 'Edit win' : 'Log a win' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export interface WinSavedModalArgs extends WinLineArgs {
  edited: boolean;
}

/** Replaces the win modal once saved: the confirmation shows where the user is. */
export function winSavedModal({ edited, ...line }: WinSavedModalArgs): ModalView {
  return {
    type: 'modal',
    callback_id: WIN_VIEWS.notice,
    title: { type: 'plain_text', text: edited ? 'Win updated' : 'Win logged' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: edited ? 'Saved your changes.' : 'Nice. That one is in your case file.' } },
      { type: 'section', text: { type: 'mrkdwn', text: winLine(line) } },
    ],
  };
}

/** A short modal for when a win cannot be opened: deleted meanwhile, or not the user's. */
export function winNoticeModal(message: string): ModalView {
  return {
    type: 'modal',
    callback_id: WIN_VIEWS.notice,
    title: { type: 'plain_text', text: 'Promo Coach' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(truncate(message, 3000)) } }],
  };
}
