import { describe, expect, it } from 'vitest';
import { DATA_VIEWS, DOC_VIEWS } from '../../src/slack/ids.js';
import { forgetConfirmModal, forgottenModal } from '../../src/slack/views/data-rights.js';
import { docPreviewModal, docSentModal, paragraphBlockId, parseParagraphBlockId } from '../../src/slack/views/doc.js';
import type { DocPreview } from '../../src/use-cases/doc.js';
import { checkView } from '../support/block-kit-limits.js';

const check = { ok: true, words: 420, projects: 4, behaviors: 3, hasGap: true, hasPeers: false, findings: [] };

const preview = (overrides: Partial<DocPreview> = {}): DocPreview => ({
  title: 'Promotion case: Staff Engineer, 2027 H2',
  paragraphs: [
    { section: 'scope', dimensionId: 'technical_leadership', text: '**Set direction.** Led the migration.' },
    { section: 'scope', dimensionId: 'enabling_others', text: '**Grew people.** Mentored two hires.' },
    { section: 'behaviors', dimensionId: null, text: 'Leads design reviews.' },
    { section: 'gap', dimensionId: null, text: 'Org-wide scope. Closing it with the API deprecation.' },
  ],
  dimensions: [
    { id: 'technical_leadership', name: 'Technical leadership' },
    { id: 'enabling_others', name: 'Enabling others' },
  ],
  companyLadder: false,
  check,
  notes: [],
  ...overrides,
});

type Block = { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown> };

describe('docPreviewModal', () => {
  it('when there is no company ladder, then projects sit under Scope & Impact, each paragraph is an editable input and peers are a users picker', () => {
    const view = docPreviewModal(preview());
    expect(checkView(view)).toEqual([]);
    const blocks = view.blocks as Block[];
    expect(blocks.filter((b) => b.type === 'header').map((b) => b.text?.text)).toEqual(['Scope & Impact', 'Next-Level Behaviors', 'The Gap', 'Peer Calibration']);
    const first = blocks.find((b) => b.block_id === paragraphBlockId({ section: 'scope', dimensionId: 'technical_leadership' }, 0));
    expect(first?.element).toMatchObject({ type: 'plain_text_input', multiline: true, initial_value: '**Set direction.** Led the migration.' });
    expect(blocks.find((b) => b.block_id === DOC_VIEWS.peersBlock)?.element).toMatchObject({ type: 'multi_users_select', max_selected_items: 5 });
    expect(JSON.stringify(blocks)).toContain('*420 words*: fits two pages');
  });

  it('when the company has a ladder, then its dimension names head the projects', () => {
    const headers = (docPreviewModal(preview({ companyLadder: true })).blocks as Block[]).filter((b) => b.type === 'header').map((b) => b.text?.text);
    expect(headers.slice(0, 2)).toEqual(['Technical leadership', 'Enabling others']);
  });

  it('when the draft is too long and the coach has findings, then both show, escaped', () => {
    const view = docPreviewModal(
      preview({
        check: { ...check, words: 1250, findings: [{ code: 'too_long', severity: 'warning', message: '1250 words <!here>' }] },
        notes: [{ code: 'no_prep', severity: 'info', message: 'Drafted from your wins.' }],
      }),
    );
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(':warning: *1250 words*: about 250 over two pages');
    expect(text).toContain('Drafted from your wins.');
    expect(text).toContain('&lt;!here&gt;');
  });

  it('when a paragraph block id is read back, then it gives the section, dimension and place, and a forged one gives nothing', () => {
    expect(parseParagraphBlockId(paragraphBlockId({ section: 'gap', dimensionId: null }, 11))).toEqual({ section: 'gap', dimensionId: null, index: 11 });
    expect(parseParagraphBlockId('doc_p:peers::0')).toBeNull();
    expect(parseParagraphBlockId('doc_p:scope:Bad Id:1')).toBeNull();
  });
});

describe('docSentModal', () => {
  it('when the doc is sent, then the modal says where it went and the word count', () => {
    const view = docSentModal({ check, tooLong: false });
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(DOC_VIEWS.sent);
    expect(JSON.stringify(view.blocks)).toContain('On its way to our DM');
  });
});

describe('forget-me views', () => {
  it('when asking for confirmation, then the modal says what goes and that there is no undo', () => {
    const view = forgetConfirmModal();
    expect(checkView(view)).toEqual([]);
    expect(view.callback_id).toBe(DATA_VIEWS.forgetConfirm);
    expect(JSON.stringify(view.blocks)).toContain('There is no undo');
  });

  it('when data was deleted, then each kind is counted and failed posts are flagged', () => {
    const removed = { user: 1, profile: 1, wins: 3, pendingWins: 0, weekAnswers: 2, prepDrafts: 1, meetings: 1, plans: 1, checkIns: 2, outcomes: 0, deliveries: 4, sharedChannels: 1, mentions: 2 };
    const view = forgottenModal({ removed, postsReplaced: 1, postsFailed: 1, remindersCancelled: 0 });
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('• your profile');
    expect(text).toContain('• 3 wins');
    expect(text).toContain('• 1 shared post replaced');
    expect(text).toContain('could not be replaced');
    expect(text).not.toContain('outcome');
  });

  it('when nothing was stored, then it says so', () => {
    const removed = { user: 0, profile: 0, wins: 0, pendingWins: 0, weekAnswers: 0, prepDrafts: 0, meetings: 0, plans: 0, checkIns: 0, outcomes: 0, deliveries: 0, sharedChannels: 0, mentions: 0 };
    expect(JSON.stringify(forgottenModal({ removed, postsReplaced: 0, postsFailed: 0, remindersCancelled: 0 }).blocks)).toContain('I had nothing stored about you');
  });
});
