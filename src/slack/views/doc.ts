import type { KnownBlock, ModalView } from '@slack/types';
import type { Finding } from '../../coach/findings.js';
import { MAX_DOC_WORDS } from '../../coach/doc.js';
import { MAX_PEERS, type DocParagraph, type DocPreview, type ExportedDoc } from '../../use-cases/doc.js';
import { DOC_VIEWS } from '../ids.js';
import { escapeMrkdwn, truncate } from './text.js';

export type DocPreviewModalArgs = DocPreview;

const SECTION_TITLES: Record<DocParagraph['section'], string> = {
  scope: 'Scope & Impact',
  behaviors: 'Next-Level Behaviors',
  gap: 'The Gap',
  peers: 'Peer Calibration',
};
const ICONS: Record<Finding['severity'], string> = { error: ':red_circle:', warning: ':large_orange_circle:', info: ':information_source:' };

/** A paragraph's block: its section, the dimension it is filed under, and its place. */
export function paragraphBlockId(p: Pick<DocParagraph, 'section' | 'dimensionId'>, index: number): string {
  return `${DOC_VIEWS.paragraphBlockPrefix}${p.section}:${p.dimensionId ?? ''}:${index}`;
}

export function parseParagraphBlockId(blockId: string): (Pick<DocParagraph, 'section' | 'dimensionId'> & { index: number }) | null {
  const match = /^doc_p:(scope|behaviors|gap):([a-z0-9_.-]*):(\d{1,3})$/.exec(blockId);
  if (!match) return null;
  return { section: match[1] as DocParagraph['section'], dimensionId: match[2] || null, index: Number(match[3]) };
}

function findingsText(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${ICONS[f.severity]} ${escapeMrkdwn(f.message)}${f.suggestion ? ` ${escapeMrkdwn(f.suggestion)}` : ''}`)
    .join('\n');
}

function lengthLine(words: number): string {
  return words > MAX_DOC_WORDS
    ? `:warning: *${words} words*: about ${words - MAX_DOC_WORDS} over two pages. Calibration reads short docs closely and skims long ones.`
    : `*${words} words*: fits two pages (about ${MAX_DOC_WORDS}).`;
}

function paragraphInput(p: DocParagraph, index: number, label: string): KnownBlock {
  return {
    type: 'input',
    optional: true,
    block_id: paragraphBlockId(p, index),
    label: { type: 'plain_text', text: truncate(label, 2000) },
    element: {
      type: 'plain_text_input',
      action_id: DOC_VIEWS.paragraphAction,
      multiline: true,
      max_length: 3000,
      initial_value: truncate(p.text, 3000),
    },
  };
}

export function docPreviewModal({ title, paragraphs, dimensions, companyLadder, check, notes }: DocPreviewModalArgs): ModalView {
  const findings = [...notes, ...check.findings];
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Here is a first draft from your case, wins and plan. Edit any paragraph; empty it to leave it out. ${lengthLine(check.words)}`,
      },
    },
  ];
  if (findings.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Coach's check*\n${findingsText(findings)}`, 3000) } });
  }
  blocks.push({
    type: 'input',
    block_id: DOC_VIEWS.titleBlock,
    label: { type: 'plain_text', text: 'Title' },
    element: { type: 'plain_text_input', action_id: DOC_VIEWS.titleAction, max_length: 150, initial_value: truncate(title, 150) },
  });

  const names = new Map(dimensions.map((d) => [d.id, d.name]));
  let lastHeader = '';
  paragraphs.forEach((p, index) => {
    const header = p.section === 'scope' && companyLadder ? (names.get(p.dimensionId ?? '') ?? SECTION_TITLES.scope) : SECTION_TITLES[p.section];
    if (header !== lastHeader) {
      blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(header, 150) } });
      lastHeader = header;
    }
    const ordinal = paragraphs.slice(0, index + 1).filter((q) => q.section === p.section).length;
    const label = p.section === 'scope' ? `Project ${ordinal}` : p.section === 'behaviors' ? `Behavior ${ordinal}` : `Gap, paragraph ${ordinal}`;
    blocks.push(paragraphInput(p, index, label));
  });

  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: SECTION_TITLES.peers } },
    {
      type: 'input',
      optional: true,
      block_id: DOC_VIEWS.peersBlock,
      label: { type: 'plain_text', text: 'Who can speak to this work? (optional)' },
      hint: {
        type: 'plain_text',
        text: `Up to ${MAX_PEERS} senior or more experienced people in teams next to yours who saw it first-hand. Calibration rooms often ask them.`,
      },
      element: { type: 'multi_users_select', action_id: DOC_VIEWS.peersAction, max_selected_items: MAX_PEERS },
    },
  );
  return {
    type: 'modal',
    callback_id: DOC_VIEWS.preview,
    title: { type: 'plain_text', text: 'Your promo doc' },
    submit: { type: 'plain_text', text: 'Send to my DM' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export function docSentModal({ check, tooLong }: Pick<ExportedDoc, 'check' | 'tooLong'>): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*On its way to our DM as a Markdown file.* ${lengthLine(check.words)}${tooLong ? ' Trim it before your manager takes it in.' : ''}`,
      },
    },
  ];
  if (check.findings.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Coach's check*\n${findingsText(check.findings)}`, 3000) } });
  }
  return {
    type: 'modal',
    callback_id: DOC_VIEWS.sent,
    title: { type: 'plain_text', text: 'Your promo doc' },
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}
