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
    // One day short of four months: the old rule rounded 3.96 up to 4.0 and said "enough" (issue 7).
    ['2026-11-23', '2027-03-22', 3.9, 'too_late'],
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

  describe('the calendar rule for four and six months (issue 7)', () => {
    it.each([
      // The example: four months before 27 Jun is 27 Feb, so 28 Feb is a day late.
      ['2027-02-28', '2027-06-27', 'too_late'],
      ['2027-02-28', '2027-06-28', 'enough'],
      ['2027-02-27', '2027-06-27', 'enough'],
      // A day that does not exist four months earlier lands on that month's last day.
      ['2027-02-28', '2027-06-30', 'enough'],
      ['2027-03-01', '2027-06-30', 'too_late'],
      ['2026-06-30', '2026-10-31', 'enough'],
      ['2026-07-01', '2026-10-31', 'too_late'],
      // Leap years: 29 Jun minus four months is 29 Feb 2028.
      ['2028-02-29', '2028-06-29', 'enough'],
      ['2028-03-01', '2028-06-29', 'too_late'],
      // The same rule at six months for "ideal"; 31 Aug minus six months is 28 Feb.
      ['2026-12-28', '2027-06-28', 'ideal'],
      ['2026-12-29', '2027-06-28', 'enough'],
      ['2026-12-30', '2027-06-30', 'ideal'],
      ['2026-12-31', '2027-06-30', 'enough'],
      ['2027-02-28', '2027-08-31', 'ideal'],
      ['2027-03-01', '2027-08-31', 'enough'],
    ] as const)('when today is %s and calibration %s, then it is %s', (today, calibration, verdict) => {
      expect(checkTiming({ today, calibration }).verdict).toBe(verdict);
    });

    it('when the fraction would round up across a boundary, then the months shown stay under it', () => {
      expect(checkTiming({ today: '2027-02-28', calibration: '2027-06-27' })).toMatchObject({ months: 3.9, verdict: 'too_late', declareNextCycle: true });
      expect(checkTiming({ today: '2026-12-29', calibration: '2027-06-28' })).toMatchObject({ months: 5.9, verdict: 'enough' });
    });

    it('when the result is built, then it names the last day for each boundary, and too late says when the four-month mark was', () => {
      const r = checkTiming({ today: '2027-02-28', calibration: '2027-06-27' });
      expect(r).toMatchObject({ floorDate: '2027-02-27', idealDate: '2026-12-27' });
      expect(r.findings[0]?.message).toMatch(/27 Feb 2027/);
      expect(checkTiming({ today: '2026-11-23', calibration: '2027-05-15' }).findings[0]?.suggestion).toMatch(/by 15 Jan 2027/);
    });

    it('when the next calibration is one day short of four months, then the hint says it is also tight', () => {
      const r = checkTiming({ today: '2027-02-28', calibration: '2027-04-01', nextCalibration: '2027-06-27' });
      expect(r.nextCycleMonths).toBe(3.9);
      expect(r.findings[0]?.suggestion).toMatch(/also tight/);
    });
  });
});
