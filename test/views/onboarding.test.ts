import { describe, expect, it } from 'vitest';
import { defaultLadder } from '../../src/ladder/index.js';
import { ONBOARDING } from '../../src/slack/ids.js';
import { cycleLabel, onboardingModal } from '../../src/slack/views/onboarding.js';
import { cycleChoices } from '../../src/use-cases/profile.js';
import { checkView } from '../support/block-kit-limits.js';

const cycles = [
  { id: 'c1', name: '2026 H1', calibrationDate: '2026-06-15' },
  { id: 'c2', name: '2026 H2', calibrationDate: '2026-12-01' },
  { id: 'c3', name: '2027 H1', calibrationDate: '2027-06-15' },
  { id: 'c4', name: '2027 H2', calibrationDate: '2027-12-01' },
];

type Option = { text: { text: string }; value: string };
function cycleSelect(view: ReturnType<typeof onboardingModal>) {
  const block = view.blocks.find((b) => b.block_id === ONBOARDING.cycleBlock) as { element: { options: Option[]; initial_option?: Option } };
  return block.element;
}

describe('cycle choices', () => {
  it('when today is 2026-11-25, then past cycles are left out, a calibration six days away is too soon, and 2027 H1 is suggested', () => {
    const { choices, suggested } = cycleChoices(cycles, '2026-11-25');
    expect(choices).toEqual([
      { name: '2026 H2', calibrationDate: '2026-12-01', tooSoon: true },
      { name: '2027 H1', calibrationDate: '2027-06-15', tooSoon: false },
      { name: '2027 H2', calibrationDate: '2027-12-01', tooSoon: false },
    ]);
    expect(suggested).toBe('2027 H1');
  });

  it('when calibration is exactly four months away on the calendar, then it is not too soon', () => {
    const { choices, suggested } = cycleChoices([{ id: 'c', name: 'June', calibrationDate: '2027-06-01' }], '2027-02-01');
    expect(choices[0]?.tooSoon).toBe(false);
    expect(suggested).toBe('June');
  });

  it('when calibration is today, then it is no longer offered', () => {
    expect(cycleChoices(cycles, '2026-12-01').choices.map((c) => c.name)).toEqual(['2027 H1', '2027 H2']);
  });

  it('when every cycle ahead is too soon, then none is suggested', () => {
    expect(cycleChoices(cycles.slice(0, 2), '2026-11-25').suggested).toBeUndefined();
  });
});

describe('onboardingModal', () => {
  it('when built for a new user, then each cycle shows its date, the close one is labelled too soon, and the suggestion is pre-selected', () => {
    const { choices, suggested } = cycleChoices(cycles, '2026-11-25');
    const view = onboardingModal({
      ladder: defaultLadder,
      cycles: choices,
      initial: { targetCycle: suggested, nudgeDay: 5, nudgeMinute: 900 },
      editing: false,
      privateMetadata: '{"editing":false}',
    });
    expect(checkView(view)).toEqual([]);
    const select = cycleSelect(view);
    expect(select.options.map((o) => o.text.text)).toEqual([
      '2026 H2 · 1 Dec (too soon to prepare)',
      '2027 H1 · 15 Jun',
      '2027 H2 · 1 Dec',
    ]);
    expect(select.options.map((o) => o.value)).toEqual(['2026 H2', '2027 H1', '2027 H2']);
    expect(select.initial_option?.value).toBe('2027 H1');
  });

  it('when a cycle name does not carry the year, then the label adds it, and the longest allowed name fits Slack', () => {
    expect(cycleLabel({ name: 'Spring review', calibrationDate: '2027-04-01', tooSoon: false })).toBe('Spring review · 1 Apr 2027');
    const longest = cycleLabel({ name: 'x'.repeat(36), calibrationDate: '2027-06-15', tooSoon: true });
    expect(longest.length).toBeLessThanOrEqual(75);
    expect(longest.endsWith('(too soon to prepare)')).toBe(true);
  });
});
