import type { Ladder } from '../ladder/types.js';
import { defaultLadder } from '../ladder/default-ladder.js';
import { resolveLevel } from '../ladder/ladder-queries.js';
import { finding, hasNoErrors, type Finding } from './findings.js';
import { matchesAny } from './text.js';
import { detectWinFlags, tagWin } from './win-tags.js';

// Guide, Act 2 "Walk the case": four to six examples that match the next bar, not
// everything you did; each one named by the next-level behavior it shows rather than
// the project's outcome; cross-team impact included explicitly; and work you enabled
// but didn't lead (mentorship, design reviews, technical direction).

export const MIN_EXAMPLES = 4;
export const MAX_EXAMPLES = 6;

export interface CaseExample {
  text: string;
  /** Set by the user when they know better than the text; otherwise detected. */
  crossTeam?: boolean;
  enablesOthers?: boolean;
  /** Criteria this example maps to; tagged from the ladder when absent. */
  criterionIds?: string[];
}

export interface CaseInput {
  examples: CaseExample[];
  /** Target level id/name, used to tag examples with its criteria. */
  targetLevel?: string;
  ladder?: Ladder;
}

export interface CaseExampleReview {
  index: number;
  behaviorPhrased: boolean;
  crossTeam: boolean;
  enablesOthers: boolean;
  criterionIds: string[];
}

export interface CaseResult {
  ok: boolean;
  count: number;
  examples: CaseExampleReview[];
  findings: Finding[];
}

// Verbs that say what the engineer did that a next-level engineer does: deciding,
// aligning, scoping, growing people. Outcome verbs alone ("shipped", "reduced") say
// what happened to the project.
const BEHAVIOR_PHRASES = [
  'led', 'lead', 'leading', 'drove', 'drive', 'driving', 'aligned', 'align*', 'scoped', 'scoping', 'defined', 'proposed',
  'designed', 'architected', 'mentor*', 'coached', 'unblocked', 'influenced', 'convinced', 'persuaded', 'negotiated',
  'coordinated', 'set the direction', 'set direction', 'set the technical', 'made the call', 'decided', 'owned',
  'wrote the design', 'wrote the rfc', 'authored', 'reviewed', 'taught', 'resolved', 'prioritized', 'prioritised',
  'broke down', 'broke the', 'identified', 'spotted', 'framed', 'championed', 'facilitated', 'organized', 'organised',
  'rallied', 'brought together', 'got buy in', 'got buy-in', 'built consensus', 'steered', 'de-risked', 'derisked',
  'turned', 'pushed back', 'established', 'introduced', 'grew', 'onboarded', 'delegated', 'ran the', 'chaired',
  'navigated', 'clarified', 'made the case', 'escalated', 'created the plan', 'planned',
];

export function isBehaviorPhrased(text: string): boolean {
  return matchesAny(text, BEHAVIOR_PHRASES).length > 0;
}

export function checkCase(input: CaseInput): CaseResult {
  const ladder = input.ladder ?? defaultLadder;
  const target = input.targetLevel ? resolveLevel(ladder, input.targetLevel) : undefined;
  const findings: Finding[] = [];
  const count = input.examples.length;

  if (count < MIN_EXAMPLES) {
    findings.push(finding('too_few_examples', 'error', `${count} example${count === 1 ? '' : 's'}; a case needs ${MIN_EXAMPLES} to ${MAX_EXAMPLES}.`, 'Add the strongest work from the last 12 months that matches the next level.'));
  } else if (count > MAX_EXAMPLES) {
    findings.push(finding('too_many_examples', 'warning', `${count} examples; more than ${MAX_EXAMPLES} dilutes the strongest ones.`, `Keep the ${MAX_EXAMPLES} that best match the next level’s criteria and drop the rest.`));
  }

  const examples: CaseExampleReview[] = input.examples.map((example, index) => {
    const flags = detectWinFlags(example.text);
    const criterionIds = example.criterionIds ?? (target ? tagWin(ladder, target.id, example.text) : []);
    const review: CaseExampleReview = {
      index,
      behaviorPhrased: isBehaviorPhrased(example.text),
      crossTeam: example.crossTeam ?? flags.crossTeam,
      enablesOthers: example.enablesOthers ?? flags.enablingOthers,
      criterionIds,
    };
    if (!review.behaviorPhrased) {
      findings.push(
        finding(
          'outcome_only',
          'warning',
          `Example ${index + 1} says what the project achieved, not what you did at the next level.`,
          'Lead with your behavior — “Aligned three teams on…”, “Set the direction for…”, “Mentored…” — then give the result.',
        ),
      );
    }
    if (target && criterionIds.length === 0) {
      findings.push(finding('no_criterion', 'info', `Example ${index + 1} doesn’t map to a ${target.name} criterion.`, 'Pick the criterion it shows, or swap it for an example that does.'));
    }
    return review;
  });

  if (count > 0 && !examples.some((e) => e.crossTeam)) {
    findings.push(finding('no_cross_team', 'error', 'No example shows impact beyond your own team.', 'Add work where other teams changed course or shipped because of you; at staff this often decides the case.'));
  }
  if (count > 0 && !examples.some((e) => e.enablesOthers)) {
    findings.push(finding('no_enabling_others', 'error', 'No example shows work you enabled rather than did yourself.', 'Add mentoring, design reviews you ran, or technical direction others built on.'));
  }

  return { ok: hasNoErrors(findings) && !findings.some((f) => f.code === 'outcome_only'), count, examples, findings };
}
