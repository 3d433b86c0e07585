import type { ActionsBlock, KnownBlock, ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import type { WinItem } from '../../use-cases/wins.js';
import { WIN_ACTIONS, WIN_VIEWS } from '../ids.js';
import { escapeMrkdwn, plural, truncate } from './text.js';

/** One win as the lists show it; the tags are criterion names, already resolved. */
export type WinLineArgs = Omit<WinItem, 'id'>;

export type WinListEntry = WinItem;

// Long enough to recognise the win, short enough that ten fit on a screen.
const LIST_TEXT_MAX = 280;
const TAGS_MAX = 200;
const LINK_SHOWN_MAX = 600;

/** "2026-11-23" → "Mon 23 Nov 2026". */
export function formatWinDate(date: string): string {
  const parsed = DateTime.fromISO(date, { zone: 'UTC', locale: 'en-GB' });
  return parsed.isValid ? parsed.toFormat('ccc d LLL yyyy') : date;
}

/** A URL inside <url|label>: the three characters that would end the link early are percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[<>|]/g, (c) => encodeURIComponent(c));
}

/**
 * One win in mrkdwn. The text is escaped, so "<!channel>" or "<@U123>" in a win shows
 * as typed and never pings anyone or passes for a mention.
 */
export function winLine(win: WinLineArgs, maxText = LIST_TEXT_MAX): string {
  const text = escapeMrkdwn(truncate(win.text.trim(), maxText)).replace(/\n+/g, ' ');
  const tags = truncate(win.tags.join(', '), TAGS_MAX);
  const meta: string[] = [tags ? `Shows: ${escapeMrkdwn(tags)}` : 'No criteria tagged yet'];
  if (win.crossTeam) meta.push('cross-team');
  if (win.enabledOthers) meta.push('enabled others');
  for (const [url, label] of [[win.link, 'link'], [win.permalink, 'original message']] as const) {
    // A link longer than this would crowd out the win itself; it is still there when editing.
    if (url && safeUrl(url).length <= LINK_SHOWN_MAX) meta.push(`<${safeUrl(url)}|${label}>`);
  }
  // Only text made of nothing but "<" and "&" could reach the section limit; cut it rather than fail.
  return truncate(`*${formatWinDate(win.date)}* · ${text}\n_${meta.join(' · ')}_`, 3000);
}

function winActions(win: WinListEntry): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: WIN_ACTIONS.edit, value: win.id, text: { type: 'plain_text', text: 'Edit' } },
      {
        type: 'button',
        action_id: WIN_ACTIONS.delete,
        value: win.id,
        style: 'danger',
        text: { type: 'plain_text', text: 'Delete' },
        confirm: {
          title: { type: 'plain_text', text: 'Delete this win?' },
          text: { type: 'plain_text', text: 'It will be gone from your list, your streak stays. This cannot be undone.' },
          confirm: { type: 'plain_text', text: 'Delete' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      },
    ],
  };
}

/** Two blocks per win (the line, then Edit / Delete): ten wins stay well inside every surface's limit. */
export function winBlocks(wins: WinListEntry[]): KnownBlock[] {
  return wins.flatMap((win): KnownBlock[] => [
    { type: 'section', text: { type: 'mrkdwn', text: winLine(win) } },
    winActions(win),
  ]);
}

const EMPTY =
  'No wins yet. Small ones count: a review that changed a design, a question that saved a week. Log the first with `/promo win` or the *Log a win* button.';

// A message holds 50 blocks: a header, a footer and two per win leave room for 20.
const MESSAGE_WINS_MAX = 20;

/** The `/promo wins` reply. */
export function winsListMessage({ wins }: { wins: WinListEntry[] }): { text: string; blocks: KnownBlock[] } {
  if (wins.length === 0) return { text: EMPTY, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: EMPTY } }] };
  const shown = wins.slice(0, MESSAGE_WINS_MAX);
  const intro = `Your ${plural(shown.length, 'latest win', 'latest wins')}:`;
  return {
    text: intro,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${intro}*` } },
      ...winBlocks(shown),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Only you see this. Edit a win to fix its criteria tags.' }] },
    ],
  };
}

// A modal holds 100 blocks: two per win leaves room for 40 and the intro.
const MODAL_WINS_MAX = 40;

/** The "My wins" modal opened from the Home tab. */
export function winsListModal({ wins }: { wins: WinListEntry[] }): ModalView {
  const shown = wins.slice(0, MODAL_WINS_MAX);
  return {
    type: 'modal',
    callback_id: WIN_VIEWS.list,
    title: { type: 'plain_text', text: 'My wins' },
    close: { type: 'plain_text', text: 'Close' },
    blocks:
      shown.length === 0
        ? [{ type: 'section', text: { type: 'mrkdwn', text: EMPTY } }]
        : [
            { type: 'context', elements: [{ type: 'mrkdwn', text: `Your ${plural(shown.length, 'latest win', 'latest wins')}, newest first.` }] },
            ...winBlocks(shown),
          ],
  };
}

export interface WinSavedArgs {
  win: WinListEntry;
  targetLevelName: string;
  /** The same message was already saved (a retry, or the shortcut used twice). */
  duplicate: boolean;
}

/** The short confirmation after a DM, `/promo win` or the shortcut: what was saved and how I tagged it. */
export function winSavedMessage({ win, targetLevelName, duplicate }: WinSavedArgs): { text: string; blocks: KnownBlock[] } {
  const lead = duplicate
    ? 'You already saved that one, so I kept the first copy.'
    : win.tags.length > 0
      ? `Logged. It shows ${escapeMrkdwn(targetLevelName)} work: *${win.tags.map(escapeMrkdwn).join('*, *')}*.`
      : `Logged. I could not match it to a ${escapeMrkdwn(targetLevelName)} criterion yet: press Edit to tag it, or add what changed because of it.`;
  return {
    text: `${lead} ${escapeMrkdwn(truncate(win.text.trim(), 150))}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: winLine(win) } },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: WIN_ACTIONS.edit, value: win.id, text: { type: 'plain_text', text: 'Edit' } }],
      },
    ],
  };
}

/** A one-line reply (a hint, an error) for the places a win is captured. */
export function winReply(text: string): { text: string; blocks: KnownBlock[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** A win sent before onboarding: kept, not lost, and filed once the profile is saved. */
export function winKeptMessage({ duplicate }: { duplicate: boolean }): { text: string; blocks: KnownBlock[] } {
  return winReply(
    duplicate
      ? 'I already have that one safe. I will file it as soon as your profile is set up.'
      : 'Got it, and it is safe with me. First I need to know what you are going for, so I can tag it against the right level: finish setting up (*Get started* in my Home tab, or `/promo settings`) and I will file it, no need to send it again.',
  );
}

/** After onboarding: the wins that were waiting for it are in. */
export function keptWinsFiledMessage({ wins }: { wins: WinListEntry[] }): { text: string; blocks: KnownBlock[] } {
  const lead = `You're all set. I filed ${wins.length === 1 ? 'the win' : `the ${plural(wins.length, 'win')}`} you sent me before setting up:`;
  const shown = wins.slice(0, 10);
  return {
    text: `${lead} ${shown.map((w) => escapeMrkdwn(truncate(w.text.trim(), 80))).join(' · ')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      ...shown.map((win) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: winLine(win) } })),
      ...(wins.length > shown.length
        ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `…and ${wins.length - shown.length} more in *My wins*.` }] }]
        : []),
    ],
  };
}
