import { describe, expect, it } from 'vitest';
import { ACTIONS, NUDGE_ACTIONS, NUDGE_VIEWS } from '../../../src/slack/ids.js';
import {
  formatDay,
  nothingThisWeekNote,
  nudgeMessage,
  nudgeSettingsModal,
  pausedNote,
  pauseModal,
  snoozedNote,
} from '../../../src/slack/views/nudge.js';
import { checkMessage, checkView } from '../../support/block-kit-limits.js';

const actionIds = (blocks: unknown[]) =>
  (blocks as { type: string; elements?: { action_id: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

describe('nudge views', () => {
  it('when the weekly nudge is built, then it has the four buttons, each carrying the week, within Block Kit limits', () => {
    const message = nudgeMessage({ week: '2026-W48' });
    expect(checkMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(actionIds(message.blocks)).toEqual([
      NUDGE_ACTIONS.logWin,
      NUDGE_ACTIONS.nothingThisWeek,
      NUDGE_ACTIONS.snoozeToMonday,
      NUDGE_ACTIONS.pause,
    ]);
    expect(JSON.stringify(message.blocks).match(/"value":"2026-W48"/g)).toHaveLength(4);
    expect(message.text.length).toBeGreaterThan(0);
  });

  it('when it is the Monday re-nudge, then it cannot be snoozed again', () => {
    const message = nudgeMessage({ week: '2026-W48', reNudge: true });
    expect(actionIds(message.blocks)).not.toContain(NUDGE_ACTIONS.snoozeToMonday);
    expect(message.text).toMatch(/Monday/);
  });

  it('when a streak is known, then the nudge mentions it, and not for a single week', () => {
    expect(JSON.stringify(nudgeMessage({ week: '2026-W48', streakWeeks: 5 }).blocks)).toContain('5 weeks in a row');
    expect(JSON.stringify(nudgeMessage({ week: '2026-W48', streakWeeks: 1 }).blocks)).not.toContain('in a row');
  });

  it('when the user\'s cycle has passed, then the nudge adds one line and a button to pick the next cycle', () => {
    const message = nudgeMessage({ week: '2026-W50', pickNextCycle: true });
    expect(checkMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Which cycle are you aiming for next?');
    expect(json).toContain(`"action_id":"${ACTIONS.homeEditProfile}"`);
    expect(actionIds(message.blocks)).toContain(NUDGE_ACTIONS.logWin);
    expect(JSON.stringify(nudgeMessage({ week: '2026-W50' }).blocks)).not.toContain(ACTIONS.homeEditProfile);
  });

  it('when a nudge is answered, then each note is short, has no buttons and is within limits', () => {
    for (const note of [nothingThisWeekNote(), snoozedNote({ date: '2026-11-30', minuteOfDay: 900 }), pausedNote({ until: '2026-12-12' })]) {
      expect(checkMessage(note as unknown as Record<string, unknown>)).toEqual([]);
      expect(actionIds(note.blocks)).toEqual([]);
      expect(note.text.length).toBeLessThan(200);
    }
    expect(snoozedNote({ date: '2026-11-30', minuteOfDay: 900 }).text).toContain('Monday 30 November at 15:00');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('when the pause and settings modals are built, then they are valid modals with the expected inputs', () => {
    const pause = pauseModal({ initialDate: '2026-12-04', privateMetadata: '{"channelId":"D1","messageTs":"1.2"}' });
    expect(checkView(pause)).toEqual([]);
    expect(pause.callback_id).toBe(NUDGE_VIEWS.pause);
    const settings = nudgeSettingsModal({ nudgeDay: 5, nudgeMinute: 900, nudgesPausedUntil: null, privateMetadata: '' });
    expect(checkView(settings)).toEqual([]);
    expect(JSON.stringify(settings)).toContain('"initial_time":"15:00"');
    expect(JSON.stringify(settings)).not.toContain('initial_date');
    const paused = nudgeSettingsModal({ nudgeDay: 1, nudgeMinute: 570, nudgesPausedUntil: '2026-12-24', privateMetadata: '' });
    expect(JSON.stringify(paused)).toContain('"initial_date":"2026-12-24"');
  });
});
