import { describe, expect, it } from 'vitest';
import { ACTIONS, HOME_ACTIONS, WIN_ACTIONS } from '../../src/slack/ids.js';
import { homeView, type HomeArgs } from '../../src/slack/views/home.js';
import type { WinListEntry } from '../../src/slack/views/wins-list.js';
import { checkView } from '../support/block-kit-limits.js';

type Dashboard = NonNullable<HomeArgs['dashboard']>;

const win = (i: number): WinListEntry => ({
  id: `w${i}`,
  date: '2026-11-20',
  text: `Win number ${i} <!channel>`,
  tags: ['Technical leadership'],
  crossTeam: false,
  enabledOthers: true,
  link: null,
  permalink: null,
});

const dashboard = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  currentLevelName: 'Senior Engineer',
  targetLevelName: 'Staff Engineer',
  targetCycle: '2027 H2',
  calibrationDate: '2027-12-01',
  cyclePassed: false,
  timing: null,
  nudgeDay: 5,
  nudgeMinute: 900,
  nudgesPausedUntil: null,
  nextNudge: 'Friday 27 Nov, 15:00',
  wins: { quarterLabel: 'Q4 2026', count: 3, coveredCriteria: 4, totalCriteria: 6, uncovered: ['Written influence', 'Enabling others'], streakWeeks: 2 },
  recentWins: [win(1), win(2)],
  ...overrides,
});

const actionIds = (view: ReturnType<typeof homeView>) =>
  JSON.stringify(view.blocks).match(/"action_id":"[a-z_]+"/g)?.map((m) => m.slice(13, -1)) ?? [];

describe('homeView', () => {
  it('when the user has not onboarded, then it welcomes them with a Get started button', () => {
    const view = homeView({});
    expect(checkView(view)).toEqual([]);
    expect(actionIds(view)).toEqual([ACTIONS.homeGetStarted]);
  });

  it('when the user has wins, then it shows the quarter count, criteria coverage, the gap, the streak and the next nudge', () => {
    const view = homeView({ dashboard: dashboard() });
    expect(checkView(view)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Going for Staff Engineer');
    expect(json).toContain('*Wins in Q4 2026*\\n3');
    expect(json).toContain('4 of 6');
    expect(json).toContain('Written influence, Enabling others');
    expect(json).toContain('2 weeks in a row');
    expect(json).toContain('Next win nudge: *Friday 27 Nov, 15:00*, your time.');
    expect(json).toContain('Win number 1 &lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
  });

  it('when shown, then there is a button for every main action', () => {
    const ids = actionIds(homeView({ dashboard: dashboard() }));
    expect(ids.slice(0, 4)).toEqual([WIN_ACTIONS.homeLogWin, WIN_ACTIONS.homeListWins, HOME_ACTIONS.nudgeSettings, ACTIONS.homeEditProfile]);
    expect(ids).toContain(WIN_ACTIONS.edit);
    expect(ids).toContain(WIN_ACTIONS.delete);
  });

  it('when nudges are paused, then it says until when and offers to resume', () => {
    const view = homeView({ dashboard: dashboard({ nudgesPausedUntil: '2026-12-14' }) });
    expect(checkView(view)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('paused until 2026-12-14');
    expect(actionIds(view)).toContain(HOME_ACTIONS.resumeNudges);
    expect(json).not.toContain('Next win nudge');
  });

  it('when there are no wins and no streak, then it invites the first win instead of showing zeros alone', () => {
    const view = homeView({
      dashboard: dashboard({
        recentWins: [],
        wins: { quarterLabel: 'Q4 2026', count: 0, coveredCriteria: 0, totalCriteria: 6, uncovered: [], streakWeeks: 0 },
      }),
    });
    expect(checkView(view)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Nothing logged yet');
    expect(json).toContain('Starts with your next answer');
  });

  it('when calibration is under two weeks away, then the countdown is in days, never "0 weeks"', () => {
    const timing = { months: 0.2, weeks: 0, days: 6, verdict: 'too_late', declareNextCycle: true, findings: [] } as unknown as Dashboard['timing'];
    const json = JSON.stringify(homeView({ dashboard: dashboard({ calibrationDate: '2026-12-01', timing }) }).blocks);
    expect(json).toContain('*6 days* to calibration (2026-12-01)');
    expect(json).not.toContain('0 weeks');
  });

  it('when the target cycle has passed, then Home asks for the next cycle with a button to the profile, and shows no countdown', () => {
    const view = homeView({ dashboard: dashboard({ calibrationDate: '2026-12-01', cyclePassed: true, timing: null }) });
    expect(checkView(view)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('Time to pick your next cycle');
    expect(json).toContain('took place on 2026-12-01');
    expect(json).toContain('every win you logged stays with you');
    expect(json).not.toMatch(/weeks?\* to calibration|days?\* to calibration/);
    expect(json).not.toContain('ask your admin');
    const pick = view.blocks[2] as { accessory?: { action_id: string; text: { text: string } } };
    expect(pick.accessory).toMatchObject({ action_id: ACTIONS.homeEditProfile, text: { text: 'Pick next cycle' } });
    expect(json).toContain('Win number 1');
  });

  it('when everything is at its longest, then the Home tab stays within 100 blocks and every text limit', () => {
    const long = 'L'.repeat(400);
    const view = homeView({
      dashboard: dashboard({
        targetLevelName: long,
        currentLevelName: long,
        recentWins: Array.from({ length: 10 }, (_, i) => ({ ...win(i), text: 'z'.repeat(3000), tags: Array(30).fill(long) })),
        wins: { quarterLabel: 'Q4 2026', count: 999, coveredCriteria: 1, totalCriteria: 60, uncovered: Array(59).fill(long), streakWeeks: 300 },
        timing: {
          months: 3,
          weeks: 13,
          days: 91,
          verdict: 'too_late',
          declareNextCycle: true,
          findings: [{ code: 'too_late_for_this_cycle', severity: 'error', message: 'Tight.', suggestion: 'Aim for the next one.' }],
        } as unknown as Dashboard['timing'],
      }),
    });
    expect(checkView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
