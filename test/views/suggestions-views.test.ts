import { describe, expect, it } from 'vitest';
import { ADMIN_VIEWS, SUGGESTION_IDS } from '../../src/slack/ids.js';
import { adminSettingsModal } from '../../src/slack/views/admin-settings.js';
import { hedgeResultModal } from '../../src/slack/views/hedge-modal.js';
import {
  cappedNote,
  criteriaUsedNote,
  hedgeOpinionBlocks,
  modalWithSuggestionBlocks,
  suggestionBlocks,
  useCriteriaValue,
  winSuggestionBlocks,
  withSuggestionBlocks,
} from '../../src/slack/views/suggestions.js';
import { winSavedModal } from '../../src/slack/views/win-modal.js';
import { winSavedMessage } from '../../src/slack/views/wins-list.js';
import { hedgeNextStep } from '../../src/coach/hedge.js';
import type { WinTagSuggestion } from '../../src/use-cases/suggestions.js';
import { checkMessage, checkView } from '../support/block-kit-limits.js';

const win = {
  id: 'cwin0000000000000000000001',
  date: '2026-11-23',
  text: 'Wrote the caching RFC',
  tags: ['Written influence'],
  crossTeam: false,
  enabledOthers: false,
  link: null,
  permalink: null,
};

const suggestion = (overrides: Partial<WinTagSuggestion> = {}): WinTagSuggestion => ({
  winId: win.id,
  criteria: [
    { id: 'staff.tech', label: 'Technical leadership: Sets technical direction for a group of teams.' },
    { id: 'staff.writing', label: 'Written influence: Writes the design docs <b> several teams build from.' },
  ],
  changesTags: true,
  rewrite: 'Led the caching RFC <!channel> & the rollout.',
  ...overrides,
});

describe('suggestion views', () => {
  it('when a win suggestion is shown under the confirmation, then it is marked, escaped, within limits, and its button names the win and criteria', () => {
    const message = withSuggestionBlocks(winSavedMessage({ win, targetLevelName: 'Staff Engineer', duplicate: false }), winSuggestionBlocks(suggestion()));
    expect(checkMessage(message)).toEqual([]);
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain('*Suggestion* · drafted by an AI model');
    expect(shown).toContain('Led the caching RFC &lt;!channel&gt; &amp; the rollout.');
    expect(shown).toContain('Writes the design docs &lt;b&gt;');
    const button = message.blocks.flatMap((b) => ('elements' in b ? (b.elements as { action_id?: string; value?: string }[]) : [])).find((e) => e.action_id === SUGGESTION_IDS.useWinCriteria);
    expect(useCriteriaValue.parse(JSON.parse(button?.value ?? ''))).toEqual({ w: win.id, c: ['staff.tech', 'staff.writing'] });
  });

  it('when the suggestion would not change the tags, then there is no button; when shown again, then the old suggestion is replaced, not stacked', () => {
    const first = withSuggestionBlocks(winSavedMessage({ win, targetLevelName: 'Staff', duplicate: false }), winSuggestionBlocks(suggestion({ changesTags: false })));
    expect(JSON.stringify(first.blocks)).not.toContain(SUGGESTION_IDS.useWinCriteria);
    const again = withSuggestionBlocks(first, criteriaUsedNote());
    expect(again.blocks.filter((b) => b.block_id?.startsWith(SUGGESTION_IDS.blockPrefix))).toHaveLength(1);
    expect(JSON.stringify(again.blocks)).not.toContain('drafted by an AI model');
  });

  it('when suggestions are off or the rules stand, then nothing is added; when capped, then only the note with the day they return', () => {
    expect(suggestionBlocks({ status: 'off' }, winSuggestionBlocks)).toBeNull();
    expect(suggestionBlocks({ status: 'rules', reason: 'timeout' }, winSuggestionBlocks)).toBeNull();
    expect(JSON.stringify(suggestionBlocks({ status: 'capped', resumesOn: '2026-12-01' }, winSuggestionBlocks))).toContain('They are back on 1 December.');
    expect(cappedNote('2027-01-01')).toHaveLength(1);
  });

  it('when the longest rewrite and labels are shown in the saved modal, then the modal stays within Block Kit’s limits', () => {
    const long = suggestion({ rewrite: `Led ${'x'.repeat(3000)}`, criteria: [{ id: 'a'.repeat(200), label: 'L'.repeat(500) }, { id: 'b'.repeat(200), label: 'M'.repeat(500) }, { id: 'c'.repeat(200), label: 'N'.repeat(500) }] });
    const view = modalWithSuggestionBlocks(winSavedModal({ ...win, edited: false }), winSuggestionBlocks(long));
    expect(checkView(view)).toEqual([]);
  });

  it('when a second reading disagrees, then it sits under the coach’s reading with a button; when it agrees, then it says so with no button', () => {
    const outcome = { meetingId: 'cmeet1', kind: 'soft_hedge' as const, suggestedKind: 'soft_hedge' as const, managerSaid: 'Great work', nextStep: hedgeNextStep('soft_hedge') };
    const base = hedgeResultModal({ outcome, privateMetadata: '{"meetingId":"cmeet1"}' });
    const opinion = { kind: 'not_yet_vague' as const, label: 'Not yet, with vague criteria', quote: 'Great work', why: 'Nothing to check off.' };
    const view = modalWithSuggestionBlocks(base, hedgeOpinionBlocks({ ...opinion, agrees: false }), (b) => b.type === 'context');
    expect(checkView(view)).toEqual([]);
    expect(view.blocks[2]?.block_id).toBe(`${SUGGESTION_IDS.blockPrefix}_hedge`);
    expect(JSON.stringify(view.blocks)).toContain(SUGGESTION_IDS.useHedgeKind);
    const agreeing = JSON.stringify(hedgeOpinionBlocks({ ...opinion, kind: 'soft_hedge', label: 'A soft hedge', agrees: true }));
    expect(agreeing).toContain('That matches my reading.');
    expect(agreeing).not.toContain(SUGGESTION_IDS.useHedgeKind);
  });

  it('when no OPENAI_API_KEY is set, then the admin modal says the LLM is not set up and offers no switch that would do nothing', () => {
    const settings = { defaultNudgeDay: 5, defaultNudgeMinute: 900, sharedPlanMode: 'private_channel' as const, llmEnabled: true, retentionDays: null, ladder: { source: 'built_in' as const, name: 'Default' }, fromFile: [], fileCycles: [], settingsFile: null };
    const unset = adminSettingsModal({ settings, cycles: [], llmConfigured: false });
    expect(checkView(unset)).toEqual([]);
    expect(JSON.stringify(unset.blocks)).toContain('*LLM:* not set up, so the coach’s rules answer alone.');
    expect(unset.blocks.some((b) => b.block_id === ADMIN_VIEWS.llmBlock)).toBe(false);
    expect(adminSettingsModal({ settings, cycles: [], llmConfigured: true }).blocks.some((b) => b.block_id === ADMIN_VIEWS.llmBlock)).toBe(true);
  });
});
