import type { Ladder } from '../ladder/types.js';
import { findLevel } from '../ladder/ladder-queries.js';
import { matchesAny, plainWords } from './text.js';

// Guide, Act 2: calibration looks for cross-team impact (senior → staff usually turns
// on it) and for work you enabled rather than led — mentorship, design reviews,
// technical direction. Each win carries both flags so the case and the Home tab can
// show whether the evidence covers them.

const CROSS_TEAM = [
  'cross team', 'cross-team', 'cross org', 'cross-org', 'across teams', 'across the org', 'across orgs', 'other team*',
  'another team', 'partner team*', 'neighbouring team*', 'neighboring team*', 'sister team*', 'two teams', 'three teams',
  'four teams', 'five teams', 'several teams', 'multiple teams', 'many teams', 'all teams', 'every team', 'org wide',
  'org-wide', 'company wide', 'company-wide', 'stakeholder*', 'other org*', 'another org', 'platform team', 'sre', 'security team', 'product and design',
  'with product', 'with design', 'with legal', 'with finance', 'with support', 'with sales', 'external partner*',
];

const ENABLING = [
  'mentor*', 'coach*', 'onboard*', 'design review*', 'architecture review*', 'reviewed ... design*', 'code review*',
  'technical direction', 'set the direction', 'set direction', 'unblock*', 'taught', 'teach*', 'paired with', 'pair programm*',
  'ran a workshop', 'workshop*', 'brown bag*', 'tech talk*', 'lunch and learn', 'guided', 'sponsor*', 'grew', 'helped ... grow',
  'helped ... get promoted', 'helped ... ramp', 'ramp up', 'ramped up', 'guideline*', 'playbook*', 'runbook*', 'standards',
  'office hours', 'interview training', 'trained', 'training', 'shadow*', 'delegat*', 'new hire*', 'intern*',
];

export interface WinFlags {
  crossTeam: boolean;
  enablingOthers: boolean;
  /** The phrases that set each flag, for the "why" tooltip. */
  signals: { crossTeam: string[]; enablingOthers: string[] };
}

// "with the payments team", "for the iOS and web teams" — a named team that isn't
// "my team", "our team" or just "the team".
const NAMED_OTHER_TEAM = /\b(?:with|for|from|and|to|across|helped|unblocked) (?:the )?(?!my |our |the |own )(?:\w+ ){1,3}teams?\b/;

export function detectWinFlags(text: string): WinFlags {
  const crossTeam = matchesAny(text, CROSS_TEAM);
  const named = plainWords(text).match(NAMED_OTHER_TEAM);
  if (named) crossTeam.push(named[0]);
  const enablingOthers = matchesAny(text, ENABLING);
  return { crossTeam: crossTeam.length > 0, enablingOthers: enablingOthers.length > 0, signals: { crossTeam, enablingOthers } };
}

/** Dimension ids that mean "cross-team" and "enabling others" in the default ladder and most company ladders. */
const CROSS_TEAM_DIMENSION = /cross|collab|partner/;
const ENABLING_DIMENSION = /enabl|mentor|people|multipl|leadership_of_others|growing/;

/**
 * Which of the target level's criteria a win shows, best match first. Keyword rules:
 * each criterion keyword found in the win scores one point; the cross-team and
 * enabling-others flags also score for criteria in the matching dimension, so a
 * company ladder with sparse keywords still gets those two right.
 */
export function tagWin(ladder: Ladder, targetLevelId: string, winText: string): string[] {
  const level = findLevel(ladder, targetLevelId);
  if (!level || winText.trim().length === 0) return [];
  const flags = detectWinFlags(winText);
  const scored = level.criteria.map((criterion, order) => {
    let score = matchesAny(winText, criterion.keywords).length;
    if (flags.crossTeam && CROSS_TEAM_DIMENSION.test(criterion.dimensionId)) score += 1;
    if (flags.enablingOthers && ENABLING_DIMENSION.test(criterion.dimensionId)) score += 1;
    return { id: criterion.id, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((s) => s.id);
}
