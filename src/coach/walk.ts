import { finding, type Finding } from './findings.js';

// Guide, "When to walk": the work done, the case made, the gap named and closed, and
// still no promotion — two cycles in a row — usually means calibration here won't
// promote you for reasons outside your work. Then test the title externally. And
// never bluff: an offer you won't take, used as a threat, costs credibility for good.

export interface CycleOutcome {
  /** e.g. "H1 2026". */
  cycle: string;
  promoted: boolean;
  /** All of the plan's criteria were done before that calibration. */
  gapClosed: boolean;
}

export interface WalkInput {
  /** Oldest first. */
  cycles: CycleOutcome[];
}

export interface WalkResult {
  considerWalking: boolean;
  /** Consecutive most-recent cycles not promoted with the gap closed. */
  closedGapMisses: number;
  message: string;
  /** Present when considerWalking: the don't-bluff warning. */
  warning?: string;
  steps: string[];
  findings: Finding[];
}

export const CYCLES_BEFORE_WALKING = 2;

export const DONT_BLUFF_WARNING =
  'Only bring an outside offer to your manager if you would really take it. A bluff that gets called damages trust for good, and a company you had to threaten is rarely one you want to stay at.';

export function shouldConsiderWalking(input: WalkInput): WalkResult {
  let misses = 0;
  for (const c of [...input.cycles].reverse()) {
    if (c.promoted || !c.gapClosed) break;
    misses++;
  }
  const last = input.cycles[input.cycles.length - 1];

  if (misses >= CYCLES_BEFORE_WALKING) {
    return {
      considerWalking: true,
      closedGapMisses: misses,
      message: `${misses} cycles in a row without a promotion, with the gap closed each time. That pattern usually says more about the calibration room than about your work.`,
      warning: DONT_BLUFF_WARNING,
      steps: [
        'Interview outside at the level you have been pitching here; it is quicker than waiting for another cycle.',
        'If offers come in at that level, you have learned something about calibration here; if not, the gap may be real and worth hearing from another room.',
        'Decide for real: either commit to growing here or move. Hovering in between is the worst of both.',
      ],
      findings: [finding('consider_walking', 'warning', 'Two closed-gap cycles without a promotion: time to test the market at your target level.', DONT_BLUFF_WARNING)],
    };
  }
  if (last && last.promoted) {
    return { considerWalking: false, closedGapMisses: 0, message: 'You were promoted in the last cycle.', steps: [], findings: [] };
  }
  if (last && !last.gapClosed) {
    return {
      considerWalking: false,
      closedGapMisses: 0,
      message: 'The last cycle ended with the gap still open, so the outcome may still be about the work.',
      steps: ['Finish the plan’s criteria and record the evidence before the next calibration.'],
      findings: [finding('gap_still_open', 'info', 'The gap was not closed in the last cycle.', 'Close it first; walking is about closed-gap misses, not open ones.')],
    };
  }
  return {
    considerWalking: false,
    closedGapMisses: misses,
    message: misses === 1 ? 'One cycle missed with the gap closed. Worth a direct conversation; one more like it would be a pattern.' : 'No cycles recorded yet.',
    steps: misses === 1 ? ['Ask your manager what specifically happened in calibration, and what changes next time.'] : [],
    findings: misses === 1 ? [finding('one_closed_gap_miss', 'info', 'One closed-gap cycle without a promotion.', 'Ask what happened in the room and agree what changes next cycle.')] : [],
  };
}
