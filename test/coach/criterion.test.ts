import { describe, expect, it } from 'vitest';
import { checkCriterion } from '../../src/coach/index.js';

// Criteria as managers dictate them after a hedge.
const VAGUE = [
  'Take more ownership',
  'Be more visible',
  'Show more leadership',
  'Be more strategic',
  'Step up.',
  'Have more impact',
  'Operate at the next level',
  'More executive presence',
  'Be more proactive',
  'Communicate better with stakeholders',
  'Keep doing what you’re doing',
  'Think bigger picture',
  'be more senior',
  'Just more consistency',
];

const SPECIFIC = [
  'Lead the payments migration design review by March',
  'Write the design doc for the new event queue and get it approved by both consuming teams',
  'Mentor two junior engineers through their first on-call rotation this quarter',
  'Present the reliability roadmap at the April architecture review',
  'Own the incident process for the checkout service for one quarter',
  'Take more ownership: run the on-call rotation for the search platform through Q2',
  'Ship the API deprecation with the mobile team before calibration',
  'Publish two RFCs that other teams build on',
  'Run the weekly design review for the data platform group',
  'Be more visible by presenting the latency work at the March engineering all-hands',
  'Reduce p99 latency of the search API below 200ms by June',
];

describe('checkCriterion', () => {
  it.each(VAGUE)('when the criterion is %j, then it is not specific', (text) => {
    const r = checkCriterion(text);
    expect(r.specific).toBe(false);
    expect(r.findings.some((f) => f.severity === 'error' && f.suggestion)).toBe(true);
  });

  it.each(SPECIFIC)('when the criterion is %j, then it is specific', (text) => {
    expect(checkCriterion(text).specific).toBe(true);
  });

  it('when the table is counted, then both classes have at least 10 phrasings', () => {
    expect(VAGUE.length).toBeGreaterThanOrEqual(10);
    expect(SPECIFIC.length).toBeGreaterThanOrEqual(10);
  });

  it('when "more ownership" is given, then it says what would make it observable', () => {
    const r = checkCriterion('Take more ownership');
    expect(r.vagueTerms).toEqual(['ownership']);
    expect(r.findings[0]).toMatchObject({ code: 'vague_term' });
    expect(r.findings[0]?.suggestion).toMatch(/own end to end/);
  });

  it('when "be more visible" is given, then the advice names an audience and a channel', () => {
    expect(checkCriterion('Be more visible').findings[0]?.suggestion).toMatch(/who needs to see/);
  });

  it('when a criterion has no date or amount, then it warns but stays specific', () => {
    const r = checkCriterion('Write the design doc for the new queue');
    expect(r.specific).toBe(true);
    expect(r.findings.map((f) => f.code)).toEqual(['no_measure']);
  });

  it('when a criterion has an action but nothing it acts on, then it is not observable', () => {
    expect(checkCriterion('Drive things forward').findings[0]?.code).toBe('not_observable');
  });

  it('when it is empty, then it is an error', () => {
    expect(checkCriterion('   ').findings[0]?.code).toBe('empty_criterion');
  });
});
