import { describe, expect, it } from 'vitest';
import { ADMIN_VIEWS } from '../../src/slack/ids.js';
import { adminSavedModal, adminSettingsModal } from '../../src/slack/views/admin-settings.js';
import type { AdminSettingsView } from '../../src/use-cases/admin-settings.js';
import { checkView } from '../support/block-kit-limits.js';

type Block = { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown> };

const base: AdminSettingsView = {
  settings: {
    defaultNudgeDay: 5,
    defaultNudgeMinute: 900,
    sharedPlanMode: 'private_channel',
    llmEnabled: true,
    retentionDays: null,
    ladder: { source: 'built_in', name: 'Promo Coach default engineering ladder' },
    fromFile: [],
    fileCycles: [],
    settingsFile: null,
  },
  cycles: [
    { name: '2027 H1', calibrationDate: '2027-06-15', fromFile: false },
    { name: '2027 H2', calibrationDate: '2027-12-01', fromFile: false },
  ],
};

describe('adminSettingsModal', () => {
  it('when nothing is fixed by a file, then every setting is an input with today’s value, within Block Kit’s limits', () => {
    const view = adminSettingsModal(base);
    expect(checkView(view)).toEqual([]);
    const blocks = view.blocks as Block[];
    const ids = blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(
      expect.arrayContaining([
        `${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`,
        ADMIN_VIEWS.nudgeDayBlock,
        ADMIN_VIEWS.nudgeTimeBlock,
        ADMIN_VIEWS.planModeBlock,
        ADMIN_VIEWS.llmBlock,
        ADMIN_VIEWS.retentionBlock,
        ADMIN_VIEWS.ladderFileBlock,
        ADMIN_VIEWS.ladderTextBlock,
      ]),
    );
    const cycle = blocks.find((b) => b.block_id === `${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`);
    expect(cycle?.element).toMatchObject({ type: 'datepicker', initial_date: '2027-06-15' });
    const file = blocks.find((b) => b.block_id === ADMIN_VIEWS.ladderFileBlock);
    expect(file?.element).toMatchObject({ type: 'file_input', filetypes: ['yaml', 'yml'], max_files: 1 });
  });

  it('when the operator’s file fixes values, then those show read-only with a lock and where to change them', () => {
    const view = adminSettingsModal({
      ...base,
      settings: { ...base.settings, fromFile: ['defaultNudgeDay', 'ladder', 'retentionDays'], retentionDays: 90, settingsFile: '/etc/promo/settings.yaml' },
      cycles: [{ name: '2027 H1', calibrationDate: '2027-06-15', fromFile: true }],
    });
    expect(checkView(view)).toEqual([]);
    const blocks = view.blocks as Block[];
    expect(blocks.some((b) => b.block_id === ADMIN_VIEWS.nudgeDayBlock || b.block_id === ADMIN_VIEWS.ladderFileBlock)).toBe(false);
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Default nudge day:* Friday');
    expect(text).toContain('*Keep wins for:* 90 days');
    expect(text).toContain('*2027 H1:* 15 Jun 2027');
    expect(text).toContain('`/etc/promo/settings.yaml`');
  });

  it('when there are many cycles, then the modal stays under 100 blocks', () => {
    const cycles = Array.from({ length: 40 }, (_, i) => ({ name: `${2027 + i} H1`, calibrationDate: `${2027 + i}-06-15`, fromFile: false }));
    expect(checkView(adminSettingsModal({ ...base, cycles }))).toEqual([]);
  });
});

describe('adminSavedModal', () => {
  it('when settings were saved, then each change is listed and user text is escaped', () => {
    const view = adminSavedModal({ changes: ['Default nudge day: Monday', 'Leveling guide: <!channel> ladder'], ladderName: '<!channel> ladder' });
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('• Default nudge day: Monday');
    expect(text).not.toContain('<!channel>');
  });

  it('when nothing changed, then it says so', () => {
    expect(JSON.stringify(adminSavedModal({ changes: [], ladderName: 'L' }).blocks)).toContain('Nothing changed.');
  });
});
