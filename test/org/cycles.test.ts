import { describe, expect, it } from 'vitest';
import { cycleHasPassed, cyclesToAdd, defaultCycles, isCalendarDate } from '../../src/org/cycles.js';

const h = (year: number, half: 1 | 2) => ({
  name: `${year} H${half}`,
  calibrationDate: half === 1 ? `${year}-06-15` : `${year}-12-01`,
});

describe('default promotion cycles', () => {
  it('when an install starts with no cycles, then it gets the next four H1/H2 calibrations', () => {
    expect(cyclesToAdd([], '2026-11-25')).toEqual([h(2026, 2), h(2027, 1), h(2027, 2), h(2028, 1)]);
    expect(defaultCycles('2026-06-15', 2)).toEqual([h(2026, 2), h(2027, 1)]);
  });

  it('when two or more cycles are still ahead, then nothing is added', () => {
    expect(cyclesToAdd([h(2026, 2), h(2027, 1)], '2026-11-25')).toEqual([]);
  });

  it('when the install is years old, then the next two future cycles are appended after today', () => {
    const seeded = [h(2026, 2), h(2027, 1), h(2027, 2), h(2028, 1)];
    expect(cyclesToAdd(seeded, '2029-03-10')).toEqual([h(2029, 1), h(2029, 2)]);
    expect(cyclesToAdd(seeded, '2029-06-15')).toEqual([h(2029, 2), h(2030, 1)]);
  });

  it('when one cycle is left ahead, then only cycles after the latest existing one are added', () => {
    // "2027 H1" was removed by an admin; rolling forward must not bring it back.
    expect(cyclesToAdd([h(2026, 2), h(2027, 2)], '2027-01-10')).toEqual([h(2028, 1)]);
  });

  it('when an admin set a custom cycle far ahead, then defaults continue after it', () => {
    const custom = { name: 'Autumn review', calibrationDate: '2027-10-01' };
    expect(cyclesToAdd([h(2026, 2), custom], '2027-01-10')).toEqual([h(2027, 2)]);
  });

  it('when a default name is already taken by a cycle with another date, then that name is skipped, never overwritten', () => {
    const moved = { name: '2028 H1', calibrationDate: '2028-01-10' };
    expect(cyclesToAdd([moved], '2027-12-05')).toEqual([h(2028, 2)]);
  });
});

describe('cycle dates', () => {
  it.each([
    ['2027-06-15', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-6-15', false],
    ['15/06/2027', false],
    ['tomorrow', false],
    ['', false],
  ])('when the date is %j, then it is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('when calibration is today or earlier, then the cycle has passed', () => {
    expect(cycleHasPassed('2026-12-01', '2026-12-01')).toBe(true);
    expect(cycleHasPassed('2026-12-01', '2026-12-02')).toBe(true);
    expect(cycleHasPassed('2026-12-01', '2026-11-30')).toBe(false);
  });
});
