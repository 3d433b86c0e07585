import type { ModalView } from '@slack/types';
import type { ForgetResult } from '../../use-cases/data-rights.js';
import { DATA_VIEWS } from '../ids.js';
import { plural } from './text.js';

export function forgetConfirmModal(): ModalView {
  return {
    type: 'modal',
    callback_id: DATA_VIEWS.forgetConfirm,
    title: { type: 'plain_text', text: 'Delete my data' },
    submit: { type: 'plain_text', text: 'Delete everything' },
    close: { type: 'plain_text', text: 'Keep it' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*This deletes everything I keep about you*, for good: your profile, wins, preps, meetings, plans, check-ins, outcomes and the record of every message I sent you.\n\nA plan you shared is replaced in the manager channel by a note that it was removed at your request. There is no undo.',
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Want a copy first? Close this and type `/promo export`.' }],
      },
    ],
  };
}

export function forgettingModal(): ModalView {
  return {
    type: 'modal',
    callback_id: DATA_VIEWS.forgotten,
    title: { type: 'plain_text', text: 'Deleting your data' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Deleting everything I keep about you…' } }],
  };
}

const KINDS: [keyof ForgetResult['removed'], string][] = [
  ['wins', 'win'],
  ['pendingWins', 'win kept from before you onboarded'],
  ['prepDrafts', 'prep'],
  ['meetings', 'meeting'],
  ['plans', 'plan'],
  ['checkIns', 'check-in'],
  ['outcomes', 'cycle outcome'],
  ['weekAnswers', 'weekly answer'],
  ['deliveries', 'message record'],
  ['sharedChannels', 'shared-plan channel link'],
];

export function forgottenModal({ removed, postsReplaced, postsFailed, remindersCancelled }: ForgetResult): ModalView {
  const lines = [
    removed.profile ? '• your profile' : null,
    ...KINDS.filter(([key]) => removed[key] > 0).map(([key, one]) => `• ${plural(removed[key], one, key === 'pendingWins' ? 'wins kept from before you onboarded' : undefined)}`),
    postsReplaced > 0 ? `• ${plural(postsReplaced, 'shared post')} replaced with a removal note` : null,
    remindersCancelled > 0 ? `• ${plural(remindersCancelled, 'scheduled reminder')} cancelled` : null,
    removed.mentions > 0 ? `• your name on ${plural(removed.mentions, 'record')} of other people (as their manager or reviewer)` : null,
  ].filter((l): l is string => l !== null);
  const body = lines.length > 0 ? `*Done. I deleted:*\n${lines.join('\n')}` : '*Done.* I had nothing stored about you.';
  const warning =
    postsFailed > 0
      ? `\n\n${plural(postsFailed, 'shared post')} could not be replaced (the channel may be archived); ask your workspace admin to remove it.`
      : '';
  return {
    type: 'modal',
    callback_id: DATA_VIEWS.forgotten,
    title: { type: 'plain_text', text: 'Your data is deleted' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${body}${warning}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'If you come back, I start fresh: nothing of this returns.' }] },
    ],
  };
}
