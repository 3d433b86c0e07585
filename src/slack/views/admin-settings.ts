import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatTimeOfDay, WEEKDAYS } from '../../schedule/weekly.js';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type AdminSaved, type AdminSettingsView } from '../../use-cases/admin-settings.js';
import type { LadderSource, SettingKey } from '../../use-cases/settings.js';
import { ADMIN_VIEWS } from '../ids.js';
import { escapeMrkdwn, selectOption, truncate } from './text.js';

export type AdminSettingsModalArgs = AdminSettingsView;

// A modal holds at most 100 blocks; the rest of the form needs about 20.
const CYCLES_SHOWN = 12;
const MAX_PASTE = 3000;

const PLAN_MODES: PlainTextOption[] = [
  { text: { type: 'plain_text', text: 'A private channel per engineer and manager' }, value: 'private_channel' },
  { text: { type: 'plain_text', text: 'A group DM' }, value: 'group_dm' },
];
const LLM_CHOICES: PlainTextOption[] = [
  { text: { type: 'plain_text', text: 'On: better tagging and rewrites when configured' }, value: 'on' },
  { text: { type: 'plain_text', text: 'Off: the coach’s rules only' }, value: 'off' },
];

const LADDER_SOURCES: Record<LadderSource, string> = {
  settings_file: 'from the operator’s settings file',
  admin: 'uploaded by an admin',
  built_in: 'the one the app started with',
};

function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A setting the operator's file fixes: shown, never editable, with where to change it. */
function locked(label: string, value: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${label}:* ${value}\n:lock: _Set in the operator’s settings file; change it there._` },
  };
}

function label(text: string): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text };
}

export function adminSettingsModal({ settings, cycles, llmConfigured = true }: AdminSettingsModalArgs): ModalView {
  const fixed = (key: SettingKey) => settings.fromFile.includes(key);
  const dayOptions = WEEKDAYS.map((day, i) => selectOption(day, String(i + 1)));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'These apply to everyone in the workspace. People’s own choices (their nudge time, their cycle) stay theirs.',
      },
    },
  ];
  if (settings.settingsFile) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `:lock: marks a value the operator set in \`${escapeMrkdwn(truncate(settings.settingsFile, 200))}\`: that file wins over this form.` }],
    });
  }

  blocks.push({ type: 'header', text: label('Calibration dates') });
  for (const cycle of cycles.slice(0, CYCLES_SHOWN)) {
    if (cycle.fromFile) {
      blocks.push(locked(escapeMrkdwn(cycle.name), formatDate(cycle.calibrationDate)));
      continue;
    }
    blocks.push({
      type: 'input',
      optional: true,
      block_id: `${ADMIN_VIEWS.cycleBlockPrefix}${cycle.name}`,
      label: label(truncate(`${cycle.name} calibration`, 2000)),
      element: { type: 'datepicker', action_id: ADMIN_VIEWS.cycleAction, initial_date: cycle.calibrationDate },
    });
  }
  blocks.push(
    {
      type: 'input',
      optional: true,
      block_id: ADMIN_VIEWS.newCycleNameBlock,
      label: label('Add a cycle'),
      hint: label('Its name as people will pick it, such as "2028 H1".'),
      element: { type: 'plain_text_input', action_id: ADMIN_VIEWS.newCycleNameAction, max_length: 36 },
    },
    {
      type: 'input',
      optional: true,
      block_id: ADMIN_VIEWS.newCycleDateBlock,
      label: label('Its calibration date'),
      element: { type: 'datepicker', action_id: ADMIN_VIEWS.newCycleDateAction },
    },
    { type: 'header', text: label('Weekly nudges and plans') },
  );

  const day = WEEKDAYS[settings.defaultNudgeDay - 1] ?? 'Friday';
  blocks.push(
    fixed('defaultNudgeDay')
      ? locked('Default nudge day', day)
      : {
          type: 'input',
          block_id: ADMIN_VIEWS.nudgeDayBlock,
          label: label('Default nudge day'),
          hint: label('What a new person starts with; they can change their own.'),
          element: {
            type: 'static_select',
            action_id: ADMIN_VIEWS.nudgeDayAction,
            options: dayOptions,
            initial_option: dayOptions[settings.defaultNudgeDay - 1] ?? dayOptions[4],
          },
        },
    fixed('defaultNudgeMinute')
      ? locked('Default nudge time', formatTimeOfDay(settings.defaultNudgeMinute))
      : {
          type: 'input',
          block_id: ADMIN_VIEWS.nudgeTimeBlock,
          label: label('Default nudge time'),
          hint: label('In each person’s own time zone.'),
          element: { type: 'timepicker', action_id: ADMIN_VIEWS.nudgeTimeAction, initial_time: formatTimeOfDay(settings.defaultNudgeMinute) },
        },
    fixed('sharedPlanMode')
      ? locked('Shared plans go to', PLAN_MODES.find((o) => o.value === settings.sharedPlanMode)?.text.text ?? settings.sharedPlanMode)
      : {
          type: 'input',
          block_id: ADMIN_VIEWS.planModeBlock,
          label: label('Where a shared plan goes'),
          element: {
            type: 'radio_buttons',
            action_id: ADMIN_VIEWS.planModeAction,
            options: PLAN_MODES,
            initial_option: PLAN_MODES.find((o) => o.value === settings.sharedPlanMode) ?? PLAN_MODES[0],
          },
        },
    { type: 'header', text: label('Coach and data') },
    !llmConfigured
      ? { type: 'section', text: { type: 'mrkdwn', text: '*LLM:* not set up, so the coach’s rules answer alone.\n_An operator turns it on by setting OPENAI_API_KEY; then it can be switched on or off here._' } }
      : fixed('llmEnabled')
      ? locked('LLM', settings.llmEnabled ? 'on' : 'off')
      : {
          type: 'input',
          block_id: ADMIN_VIEWS.llmBlock,
          label: label('LLM'),
          element: {
            type: 'radio_buttons',
            action_id: ADMIN_VIEWS.llmAction,
            options: LLM_CHOICES,
            initial_option: settings.llmEnabled ? LLM_CHOICES[0] : LLM_CHOICES[1],
          },
        },
    fixed('retentionDays')
      ? locked('Keep wins for', settings.retentionDays === null ? 'ever' : `${settings.retentionDays} days`)
      : {
          type: 'input',
          optional: true,
          block_id: ADMIN_VIEWS.retentionBlock,
          label: label('Keep wins for (days)'),
          hint: label(
            `${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}; empty keeps them. Wins a prep case or a plan cites are always kept.`,
          ),
          element: {
            type: 'plain_text_input',
            action_id: ADMIN_VIEWS.retentionAction,
            max_length: 4,
            ...(settings.retentionDays === null ? {} : { initial_value: String(settings.retentionDays) }),
          },
        },
    { type: 'header', text: label('Leveling guide') },
  );

  const guide = `*In use:* ${escapeMrkdwn(truncate(settings.ladder.name, 150))} (${LADDER_SOURCES[settings.ladder.source]})`;
  if (fixed('ladder')) {
    blocks.push(locked('Leveling guide', escapeMrkdwn(truncate(settings.ladder.name, 150))));
  } else {
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `${guide}\nA new guide is checked line by line before it replaces this one.` } },
      {
        type: 'input',
        optional: true,
        block_id: ADMIN_VIEWS.ladderFileBlock,
        label: label('Upload a YAML guide'),
        element: { type: 'file_input', action_id: ADMIN_VIEWS.ladderFileAction, filetypes: ['yaml', 'yml'], max_files: 1 },
      },
      {
        type: 'input',
        optional: true,
        block_id: ADMIN_VIEWS.ladderTextBlock,
        label: label('Or paste it'),
        hint: label('Same format as example-ladder.yaml. Longer than 3,000 characters? Upload the file instead.'),
        element: {
          type: 'plain_text_input',
          action_id: ADMIN_VIEWS.ladderTextAction,
          multiline: true,
          max_length: MAX_PASTE,
        },
      },
    );
  }

  return {
    type: 'modal',
    callback_id: ADMIN_VIEWS.settings,
    title: label('Workspace settings'),
    submit: label('Save'),
    close: label('Cancel'),
    blocks,
  };
}

export function adminSavedModal({ changes, ladderName }: AdminSaved): ModalView {
  const list = changes.length > 0 ? changes.map((c) => `• ${escapeMrkdwn(c)}`).join('\n') : 'Nothing changed.';
  return {
    type: 'modal',
    callback_id: ADMIN_VIEWS.saved,
    title: label('Workspace settings'),
    close: label('Done'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*Saved.*\n${truncate(list, 2900)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Leveling guide in use: ${escapeMrkdwn(truncate(ladderName, 150))}` }] },
    ],
  };
}
