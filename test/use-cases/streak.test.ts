import { describe, expect, it } from 'vitest';
import { previousIsoWeek, weekStreak } from '../../src/use-cases/streak.js';

describe('previousIsoWeek', () => {
  it('when the week is mid-year, then it steps back one', () => {
    expect(previousIsoWeek('2026-W48')).toBe('2026-W47');
  });

  it('when the week is the first of an ISO year, then it steps into the last week of the year before (52 or 53)', () => {
    expect(previousIsoWeek('2027-W01')).toBe('2026-W53');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
  });

  it('when the text is not an ISO week, then it throws', () => {
    expect(() => previousIsoWeek('last week')).toThrow(/not an ISO week/);
  });
});

describe('weekStreak', () => {
  it('when nothing was ever answered, then the streak is 0', () => {
    expect(weekStreak([], '2026-W48')).toBe(0);
  });

  it('when the last three weeks including this one were answered, then the streak is 3', () => {
    expect(weekStreak(['2026-W46', '2026-W47', '2026-W48'], '2026-W48')).toBe(3);
  });

  it('when this week is not answered yet but last week was, then the streak still counts back from last week', () => {
    expect(weekStreak(['2026-W45', '2026-W46', '2026-W47'], '2026-W48')).toBe(3);
  });

  it('when the latest answer is two weeks old, then the streak is broken', () => {
    expect(weekStreak(['2026-W45', '2026-W46'], '2026-W48')).toBe(0);
  });

  it('when a week in the middle was missed, then only the weeks after the gap count', () => {
    expect(weekStreak(['2026-W43', '2026-W44', '2026-W46', '2026-W47', '2026-W48'], '2026-W48')).toBe(3);
  });

  it('when the streak crosses a new year with a 53-week year, then it keeps counting', () => {
    expect(weekStreak(['2026-W52', '2026-W53', '2027-W01', '2027-W02'], '2027-W02')).toBe(4);
  });

  it('when answers are given in any order and repeated, then the count is the same', () => {
    expect(weekStreak(['2026-W48', '2026-W46', '2026-W47', '2026-W48'], '2026-W48')).toBe(3);
  });
});
