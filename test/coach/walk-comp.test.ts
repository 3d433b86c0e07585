import { describe, expect, it } from 'vitest';
import { compQuestion, DONT_BLUFF_WARNING, shouldConsiderWalking, type CycleOutcome } from '../../src/coach/index.js';

const miss = (cycle: string, gapClosed = true): CycleOutcome => ({ cycle, promoted: false, gapClosed });

describe('shouldConsiderWalking', () => {
  it('when two cycles in a row were missed with the gap closed, then it raises the external option with the do-not-bluff warning', () => {
    const r = shouldConsiderWalking({ cycles: [miss('H1 2026'), miss('H2 2026')] });
    expect(r.considerWalking).toBe(true);
    expect(r.closedGapMisses).toBe(2);
    expect(r.warning).toBe(DONT_BLUFF_WARNING);
    expect(r.warning).toMatch(/really take it/);
    expect(r.steps.join(' ')).toMatch(/Interview outside/);
    expect(r.findings[0]?.code).toBe('consider_walking');
  });

  it('when only one closed-gap cycle was missed, then it is not yet a pattern', () => {
    const r = shouldConsiderWalking({ cycles: [miss('H1 2026', false), miss('H2 2026')] });
    expect(r.considerWalking).toBe(false);
    expect(r.closedGapMisses).toBe(1);
    expect(r.findings[0]?.code).toBe('one_closed_gap_miss');
  });

  it('when the last miss had the gap still open, then the advice is to close the gap', () => {
    const r = shouldConsiderWalking({ cycles: [miss('H1 2026'), miss('H2 2026'), miss('H1 2027', false)] });
    expect(r.considerWalking).toBe(false);
    expect(r.findings[0]?.code).toBe('gap_still_open');
  });

  it('when the last cycle was a promotion, then there is nothing to consider', () => {
    const r = shouldConsiderWalking({ cycles: [miss('H1 2026'), miss('H2 2026'), { cycle: 'H1 2027', promoted: true, gapClosed: true }] });
    expect(r.considerWalking).toBe(false);
    expect(r.warning).toBeUndefined();
  });

  it('when the misses were not consecutive, then only the latest run counts', () => {
    const r = shouldConsiderWalking({ cycles: [miss('H1 2025'), { cycle: 'H2 2025', promoted: true, gapClosed: true }, miss('H1 2026')] });
    expect(r.considerWalking).toBe(false);
    expect(r.closedGapMisses).toBe(1);
  });

  it('when nothing is recorded, then it says so', () => {
    expect(shouldConsiderWalking({ cycles: [] })).toMatchObject({ considerWalking: false, closedGapMisses: 0, findings: [] });
  });
});

describe('compQuestion', () => {
  it('when asked for Staff Engineer, then the question names the level and asks where in the band it lands', () => {
    const q = compQuestion({ targetLevelName: 'Staff Engineer' });
    expect(q.question).toMatch(/Staff Engineer pay band/);
    expect(q.question).toMatch(/outside/);
    expect(q.why).toMatch(/low in the new band/);
    expect(q.expect).toMatch(/HR/);
  });

  it('when no level name is given, then it still reads naturally', () => {
    expect(compQuestion({ targetLevelName: ' ' }).question).toMatch(/promotion to the next level/);
  });
});
