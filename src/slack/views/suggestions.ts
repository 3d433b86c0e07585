// How an LLM suggestion shows up: below the coach's own answer, marked as a suggestion,
// with a button to accept it. The user's words come back escaped, so a suggestion can
// never ping a channel or pass for a mention. Nothing is rendered when suggestions are off
// or the rules' answer stands: the screen then is exactly the rules' screen.
import type { ActionsBlock, ContextBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BehaviorRewrites, DraftedParagraph, HedgeSecondOpinion, Suggestion, WinTagSuggestion } from '../../use-cases/suggestions.js';
import { SUGGESTION_IDS } from '../ids.js';
import { escapeMrkdwn, truncate } from './text.js';

type Message = { text: string; blocks: KnownBlock[] };

const MARK = '*Suggestion* · drafted by an AI model from your own words. Nothing changes unless you choose it.';

function marker(what: string): ContextBlock {
  return { type: 'context', block_id: `${SUGGESTION_IDS.blockPrefix}_${what}`, elements: [{ type: 'mrkdwn', text: MARK }] };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

function quoted(text: string): string {
  return escapeMrkdwn(text.trim()).split('\n').map((line) => `>${line}`).join('\n');
}

/** The monthly cap is reached: said once, where the suggestion would have been. */
export function cappedNote(resumesOn: string): KnownBlock[] {
  const day = DateTime.fromISO(resumesOn, { zone: 'UTC', locale: 'en-GB' });
  return [
    {
      type: 'context',
      block_id: `${SUGGESTION_IDS.blockPrefix}_capped`,
      elements: [{ type: 'mrkdwn', text: `You have used this month’s AI suggestions, so this is my own reading alone. They are back on ${day.isValid ? day.toFormat('d LLLL') : resumesOn}.` }],
    },
  ];
}

/** The button's value: which win, and the criteria to give it. Checked again when pressed. */
export const useCriteriaValue = z.object({ w: z.string().min(1), c: z.array(z.string()).max(10) });

export function winSuggestionBlocks(suggestion: WinTagSuggestion): KnownBlock[] {
  const blocks: KnownBlock[] = [marker('win')];
  if (suggestion.criteria.length > 0) {
    blocks.push(section(`*Criteria it may show:*\n${suggestion.criteria.map((c) => `• ${escapeMrkdwn(c.label)}`).join('\n')}`));
  }
  blocks.push(section(`*Told behavior first:*\n${quoted(truncate(suggestion.rewrite, 2800))}`));
  if (suggestion.changesTags) {
    const button: ActionsBlock = {
      type: 'actions',
      block_id: `${SUGGESTION_IDS.blockPrefix}_win_actions`,
      elements: [
        {
          type: 'button',
          action_id: SUGGESTION_IDS.useWinCriteria,
          text: { type: 'plain_text', text: 'Use these criteria' },
          value: JSON.stringify({ w: suggestion.winId, c: suggestion.criteria.map((c) => c.id) }),
        },
      ],
    };
    blocks.push(button);
  }
  return blocks;
}

/** What a suggestion adds to a screen; null when there is nothing to add (off, or the rules stand). */
export function suggestionBlocks<T>(suggestion: Suggestion<T>, render: (value: T) => KnownBlock[]): KnownBlock[] | null {
  if (suggestion.status === 'suggested') return render(suggestion.value);
  if (suggestion.status === 'capped') return cappedNote(suggestion.resumesOn);
  return null;
}

/** A message with the suggestion below it; any earlier suggestion is replaced. */
export function withSuggestionBlocks(message: Message, blocks: KnownBlock[]): Message {
  return { text: message.text, blocks: [...withoutSuggestions(message.blocks), ...blocks] };
}

/** A modal with the suggestion after the first block `after` matches (else at the end); any earlier suggestion is replaced. */
export function modalWithSuggestionBlocks(view: ModalView, blocks: KnownBlock[], after?: (block: KnownBlock, index: number, all: KnownBlock[]) => boolean): ModalView {
  const own = withoutSuggestions(view.blocks as KnownBlock[]);
  const at = after ? own.findIndex(after) : -1;
  const index = at >= 0 ? at + 1 : own.length;
  return { ...view, blocks: [...own.slice(0, index), ...blocks, ...own.slice(index)] };
}

function withoutSuggestions<B extends { block_id?: string }>(blocks: B[]): B[] {
  return blocks.filter((b) => !b.block_id?.startsWith(SUGGESTION_IDS.blockPrefix));
}

/** After "Use these criteria": said in place of the suggestion. */
export function criteriaUsedNote(): KnownBlock[] {
  return [{ type: 'context', block_id: `${SUGGESTION_IDS.blockPrefix}_used`, elements: [{ type: 'mrkdwn', text: 'Done: the win now carries the suggested criteria. Edit it any time.' }] }];
}

export function hedgeOpinionBlocks(opinion: HedgeSecondOpinion): KnownBlock[] {
  const reading = `*A second reading:* ${escapeMrkdwn(opinion.label.toLowerCase())}, from “${escapeMrkdwn(truncate(opinion.quote, 500))}”. ${escapeMrkdwn(truncate(opinion.why, 500))}`;
  const blocks: KnownBlock[] = [marker('hedge'), section(opinion.agrees ? `${reading}\nThat matches my reading.` : reading)];
  if (!opinion.agrees) {
    blocks.push({
      type: 'actions',
      block_id: `${SUGGESTION_IDS.blockPrefix}_hedge_actions`,
      elements: [{ type: 'button', action_id: SUGGESTION_IDS.useHedgeKind, text: { type: 'plain_text', text: 'Use this reading' }, value: opinion.kind }],
    });
  }
  return blocks;
}

/** Prep's behaviors step: each example told behavior first, to copy into its field. */
export function caseRewriteBlocks({ rewrites }: BehaviorRewrites): KnownBlock[] {
  return [
    marker('case'),
    section(`*Each example, behavior first* (copy what fits into its field):\n${rewrites.map((r, i) => `*Example ${i + 1}:* ${escapeMrkdwn(truncate(r.replace(/\s+/g, ' '), 400))}`).join('\n')}`),
  ];
}

/** The promo doc preview: Scope & Impact paragraphs drafted from the user's own wins, to copy into the draft. */
export function docDraftBlocks(paragraphs: DraftedParagraph[]): KnownBlock[] {
  return [
    marker('doc'),
    section('*Scope &amp; Impact, drafted from your wins.* Copy what reads better into the paragraphs below; the doc you send is only what is in the fields.'),
    ...paragraphs.map((p, i) => section(`*Project ${i + 1}* · ${escapeMrkdwn(truncate(p.criterion.label, 200))}\n${quoted(truncate(p.text, 2500))}`)),
  ];
}
