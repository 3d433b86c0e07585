// The DMs around the career conversation: the finished prep, the day-before reminder,
// the booked (or moved, or cancelled) meeting, and the follow-up the day after.
import type { KnownBlock } from '@slack/types';
import type { FollowUpContent, MeetingScheduled } from '../../use-cases/meetings.js';
import { cadenceLabel } from '../../use-cases/one-pager.js';
import type { PrepResult } from '../../use-cases/prep.js';
import { PREP_ACTIONS } from '../ids.js';
import { meetingSummary } from './prep.js';
import { escapeMrkdwn, truncate } from './text.js';

interface Message {
  text: string;
  blocks: KnownBlock[];
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const button = (actionId: string, text: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text },
  value,
  ...(style ? { style } : {}),
});

const setDateButton = (meetingId: string, label = 'Set date and time') => button(PREP_ACTIONS.setMeeting, label, meetingId, 'primary');

/** The finished prep, readable in Slack; the Markdown file follows it. */
export function prepResultMessage(result: PrepResult): Message {
  const r = result.review;
  const examples = r.examples.map((e, i) => `${i + 1}. *${escapeMrkdwn(e.criterionName)}* · ${escapeMrkdwn(e.behavior)}`).join('\n');
  return {
    text: `Your one-pager for the ${result.targetLevelName} conversation is ready.`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Your career conversation is prepped' } },
      section(`*The ask*\n>${escapeMrkdwn(r.opening)}`),
      section(`*The case*\n${examples}`),
      section(`*The gap*\n${escapeMrkdwn(r.gap)}\n*Closing it:* ${escapeMrkdwn(r.stretchProject)} · check-ins ${cadenceLabel(r.cadenceMonths)}`),
      ...(r.compQuestion ? [section(`*Pay*\n>${escapeMrkdwn(r.compQuestion)}`)] : []),
      { type: 'divider' },
      section(`*Book it as its own meeting*, not in your 1:1. Paste this into the invite for <@${result.managerId}>:\n\`\`\`${escapeMrkdwn(result.inviteText)}\`\`\``),
      section('Send the one-pager below to your manager *the day before*, so they can read it without having to answer on the spot.'),
      { type: 'actions', elements: [setDateButton(result.meetingId)] },
    ],
  };
}

export const ONE_PAGER_COMMENT = 'Your one-pager, as a file you can forward or paste into a doc.';

/** Posted by Slack itself the day before at 10:00, so it arrives even if the app is down. */
export function meetingReminderMessage({ managerId, when }: { managerId: string; when: string }): Message {
  const text = `Tomorrow, ${when}: your career conversation with <@${managerId}>. Send them your one-pager today, so they can read it before you meet.`;
  return {
    text,
    blocks: [
      section(`:calendar: ${text}`),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'It is the `career-conversation-one-pager.md` file higher up in our DM. Open with your first sentence; the rest follows.' }] },
    ],
  };
}

/** The booked or moved meeting, above its .ics, with the buttons to move or cancel it. */
export function meetingScheduledMessage(s: MeetingScheduled): Message {
  return {
    text: meetingSummary(s),
    blocks: [
      section(meetingSummary(s)),
      {
        type: 'actions',
        elements: [
          button(PREP_ACTIONS.setMeeting, 'Reschedule', s.meetingId),
          {
            ...button(PREP_ACTIONS.cancelMeeting, 'Cancel meeting', s.meetingId, 'danger'),
            confirm: {
              title: { type: 'plain_text', text: 'Cancel the meeting?' },
              text: { type: 'plain_text', text: 'I will remove the reminder and will not ask how it went. Your one-pager stays.' },
              confirm: { type: 'plain_text', text: 'Cancel it' },
              deny: { type: 'plain_text', text: 'Keep it' },
            },
          },
        ],
      },
    ],
  };
}

export function meetingCancelledMessage(meetingId: string): Message {
  const text = 'Cancelled. I removed the reminder and will not ask how it went. Your one-pager is still here when you pick a new date.';
  return { text, blocks: [section(text), { type: 'actions', elements: [setDateButton(meetingId, 'Pick a new date')] }] };
}

/** The day after: how did it go? Its answer is kept on the meeting. */
export function followUpMessage({ meetingId }: FollowUpContent): Message {
  const text = 'How did the career conversation go yesterday? Write down what your manager said while you still remember their words.';
  return {
    text,
    blocks: [section(text), { type: 'actions', elements: [button(PREP_ACTIONS.answerFollowUp, 'Tell me what they said', meetingId, 'primary')] }],
  };
}
