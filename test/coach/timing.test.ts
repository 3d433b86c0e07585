import { describe, expect, it } from 'vitest';
import { checkTiming } from '../../src/coach/index.js';

describe('checkTiming', () => {
  it('when calibration is mid-May and today is 23 November, then it is 5.7 months: enough', () => {
    const r = checkTiming({ today: '2026-11-23', calibration: '2027-05-15' });
    expect(r).toMatchObject({ months: 5.7, verdict: 'enough', declareNextCycle: false, days: 173, weeks: 24 });
    expect(r.findings[0]?.code).toBe('enough_time');
  });

  it.each([
    ['2026-11-23', '2027-05-23', 6, 'ideal'],
    ['2026-11-23', '2027-09-01', 9.3, 'ideal'],
    ['2026-11-23', '2027-03-23', 4, 'enough'],
    ['2026-11-23', '2027-03-22', 4, 'enough'],
    ['2026-11-23', '2027-03-10', 3.5, 'too_late'],
    ['2026-11-23', '2026-12-20', 0.9, 'too_late'],
  ] as const)('when today is %s and calibration %s, then it is %s months: %s', (today, calibration, months, verdict) => {
    const r = checkTiming({ today, calibration });
    expect(r.months).toBe(months);
    expect(r.verdict).toBe(verdict);
  });

  it('when it is too late, then it suggests declaring the next cycle and says how far that is', () => {
    const r = checkTiming({ today: '2026-11-23', calibration: '2027-01-15', nextCalibration: '2027-07-15' });
    expect(r.declareNextCycle).toBe(true);
    expect(r.nextCycleMonths).toBe(7.7);
    expect(r.findings[0]?.code).toBe('too_late_for_this_cycle');
    expect(r.findings[0]?.suggestion).toMatch(/next cycle/);
    expect(r.findings[0]?.suggestion).toMatch(/7\.7 months/);
  });

  it('when calibration is today or past, then it is too late with calibration_passed', () => {
    const r = checkTiming({ today: '2026-11-23', calibration: '2026-11-01' });
    expect(r.verdict).toBe('too_late');
    expect(r.findings[0]?.code).toBe('calibration_passed');
    expect(r.weeks).toBe(0);
  });

  it('when a date is not YYYY-MM-DD, then it throws naming the field', () => {
    expect(() => checkTiming({ today: '23/11/2026', calibration: '2027-05-15' })).toThrow(/today/);
    expect(() => checkTiming({ today: '2026-11-23', calibration: '2027-02-30' })).toThrow(/calibration/);
  });
});
