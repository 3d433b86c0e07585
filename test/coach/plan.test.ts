import { describe, expect, it } from 'vitest';
import { buildPlanTimeline } from '../../src/coach/index.js';

describe('buildPlanTimeline', () => {
  const base = { today: '2026-11-23', calibration: '2027-05-15' };

  it('when the cadence is monthly, then there is one check-in a month until calibration', () => {
    const r = buildPlanTimeline(base);
    expect(r.cadence).toBe('monthly');
    expect(r.checkIns).toEqual(['2026-12-23', '2027-01-23', '2027-02-23', '2027-03-23', '2027-04-23']);
    expect(r.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    expect(r.months[0]?.label).toBe('November 2026');
  });

  it('when the plan is built, then the doc goes to the manager six weeks before calibration and calibration is the last milestone', () => {
    const r = buildPlanTimeline(base);
    expect(r.docDue).toBe('2027-04-03');
    const april = r.months.find((m) => m.month === '2027-04');
    expect(april?.milestones.map((m) => m.kind)).toEqual(['doc_to_manager', 'check_in']);
    expect(r.months.at(-1)?.milestones).toEqual([{ date: '2027-05-15', kind: 'calibration', label: 'Calibration' }]);
  });

  it('when the cadence is every two weeks, then check-ins are fourteen days apart', () => {
    const r = buildPlanTimeline({ ...base, cadence: 'biweekly' });
    expect(r.checkIns.slice(0, 3)).toEqual(['2026-12-07', '2026-12-21', '2027-01-04']);
    expect(r.checkIns.at(-1)! < '2027-05-15').toBe(true);
  });

  it('when criteria are given, then each gets a month, in order, all by the doc hand-off', () => {
    const r = buildPlanTimeline({ ...base, criteria: ['a', 'b', 'c'] });
    const due = r.months.flatMap((m) => m.criteriaDue.map((i) => ({ i, month: m.month })));
    expect(due.map((d) => d.i)).toEqual([0, 1, 2]);
    expect(due.every((d) => d.month <= '2027-04')).toBe(true);
    expect(new Set(due.map((d) => d.month)).size).toBe(3);
  });

  it('when a month ends before the check-in day, then luxon clamps it to the month end', () => {
    expect(buildPlanTimeline({ today: '2027-01-31', calibration: '2027-05-31' }).checkIns[0]).toBe('2027-02-28');
  });

  it('when there are more than five criteria or under four months, then it warns', () => {
    const r = buildPlanTimeline({ today: '2027-02-01', calibration: '2027-05-15', criteria: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(r.findings.map((f) => f.code)).toEqual(['short_runway', 'too_many_criteria']);
  });

  it('when calibration has passed, then there is no timeline', () => {
    const r = buildPlanTimeline({ today: '2027-06-01', calibration: '2027-05-15' });
    expect(r.months).toEqual([]);
    expect(r.findings[0]?.code).toBe('calibration_passed');
  });

  it('when calibration is under six weeks away, then the doc is overdue', () => {
    expect(buildPlanTimeline({ today: '2027-04-20', calibration: '2027-05-15' }).findings.map((f) => f.code)).toContain('doc_overdue');
  });

  it('when calibration is one calendar day short of four months away, then the runway is short; on the day itself it is not', () => {
    const codes = (calibration: string) => buildPlanTimeline({ today: '2027-02-28', calibration }).findings.map((f) => f.code);
    expect(codes('2027-06-27')).toContain('short_runway');
    expect(codes('2027-06-28')).not.toContain('short_runway');
  });
});
