import type { KnownBlock } from '@slack/types';
import type { PrepStatus } from '../../use-cases/prep.js';
import { PREP_ACTIONS } from '../ids.js';
import { STEP_TITLES } from './prep.js';

const button = (actionId: string, text: string, value?: string, primary = false) => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text },
  ...(value ? { value } : {}),
  ...(primary ? { style: 'primary' as const } : {}),
});

/** Home's line on the career conversation: the prep underway, the meeting booked, or an invitation to start. */
export function prepHomeBlocks(status: PrepStatus): KnownBlock[] {
  const line = (text: string, accessory: ReturnType<typeof button>): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text }, accessory });
  switch (status.kind) {
    case 'in_progress':
      return [line(`*Career conversation prep:* step ${status.stepNumber} of ${status.stepCount} (${STEP_TITLES[status.step]}), saved.`, button(PREP_ACTIONS.open, 'Continue prep', undefined, true))];
    case 'scheduled':
      return [line(`*Career conversation:* ${status.when}, your time. Send your one-pager the day before.`, button(PREP_ACTIONS.setMeeting, 'Reschedule', status.meetingId))];
    case 'ready':
      return [line('*Your one-pager is ready.* Book the conversation and I will remind you the day before.', button(PREP_ACTIONS.setMeeting, 'Set date and time', status.meetingId, true))];
    case 'none':
      return [line('*The career conversation* is where a promotion gets scoped. I will help you prepare it in a few short steps.', button(PREP_ACTIONS.open, 'Prep the conversation', undefined, true))];
  }
}
