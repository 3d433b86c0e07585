import { finding, hasNoErrors, type Finding } from './findings.js';
import { describeSpecificity } from './specificity.js';

// Plan step after a hedge: up to five criteria, each one specific and observable, so
// that "on the radar" turns into things both people can check off. Criteria such as
// "more ownership" or "be more visible" cannot be checked; the rule names the vague
// words and says what would make them checkable.

export interface CriterionResult {
  /** True when nothing blocks: an observable action on a concrete thing, no unqualified vague words. */
  specific: boolean;
  vagueTerms: string[];
  findings: Finding[];
}

export function checkCriterion(text: string): CriterionResult {
  const trimmed = text.trim();
  const findings: Finding[] = [];
  if (trimmed.length === 0) {
    findings.push(finding('empty_criterion', 'error', 'The criterion is empty.', 'Write one thing your manager would need to see, e.g. “Lead the design review for the search migration”.'));
    return { specific: false, vagueTerms: [], findings };
  }

  const s = describeSpecificity(trimmed);
  if (!s.observable) {
    // A vague term is only a problem when nothing concrete pins it down: "more
    // ownership of the billing migration, landed by March" is fine.
    for (const v of s.vagueTerms) {
      findings.push(finding('vague_term', 'error', `“${v.term}” can’t be observed: you could both disagree on whether it happened.`, v.advice));
    }
    if (s.vagueTerms.length === 0) {
      findings.push(
        finding(
          'not_observable',
          'error',
          s.hasAction ? 'It says what to do but not on what: no project, document, system or people.' : 'It doesn’t say what you would do that someone could see.',
          'Use an action and a thing: “Write the design doc for X and get it approved by the teams that depend on it”.',
        ),
      );
    }
  }
  if (!s.hasMeasure) {
    findings.push(finding('no_measure', 'warning', 'There is no date or amount, so “done” is open to debate.', 'Add a when or a how much: “by March”, “two design reviews”, “before calibration”.'));
  }
  return { specific: hasNoErrors(findings), vagueTerms: s.vagueTerms.map((v) => v.term), findings };
}

/** The guide's plan keeps it focused: at most five criteria. */
export const MAX_PLAN_CRITERIA = 5;
