import type { Ladder } from '../ladder/types.js';
import { defaultLadder } from '../ladder/default-ladder.js';
import { finding, hasNoErrors, type Finding } from './findings.js';
import { matchesAny, plainWords } from './text.js';

// Guide, Act 3 "Name the gap honestly": naming where you are still building is what
// makes the case credible, because nobody is at the next level on every dimension.
// It must be a real gap, not a humble-brag ("I push too hard"); the common real ones
// are cross-org scope, written design influence and external-facing technical
// leadership. Then a stretch project that would close it, and a check-in cadence
// (monthly is fine).

export type GapCategory =
  | 'humble_brag'
  | 'cross_org_scope'
  | 'written_design_influence'
  | 'external_technical_leadership'
  | 'ladder_dimension'
  | 'unrecognised'
  | 'missing';

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly';

export interface GapInput {
  gap: string;
  stretchProject?: string;
  /** A cadence id or the user's words ("every two weeks", "once a month"). */
  cadence?: string;
  ladder?: Ladder;
}

export interface GapResult {
  ok: boolean;
  category: GapCategory;
  /** When category is ladder_dimension: which dimension of the ladder it matched. */
  dimensionId?: string;
  cadence?: Cadence;
  findings: Finding[];
}

// Flaws that are really strengths in disguise. Matching is on the whole idea, so
// "I care a bit too much about quality" and "I'm probably too much of a perfectionist"
// both land here.
const HUMBLE_BRAGS = [
  'perfectionis*', 'push too hard', 'push myself too', 'push people too', 'work too hard', 'work too much',
  'working too hard', 'work too many hours', 'too many hours', 'care too much', 'care ... too much', 'too passionate',
  'too dedicated', 'too invested', 'too committed', 'too detail oriented', 'too detail-oriented', 'too thorough',
  'too high standards', 'standards are too high', 'standards ... too high', 'too high a bar', 'bar too high',
  'hold myself to ... high', 'high standards for myself', 'take on too much', 'take too much on', 'say yes too',
  'can not say no', 'hard time saying no', 'bad at saying no', 'too honest', 'too direct', 'too helpful', 'help too much',
  'too ambitious', 'too driven', 'too fast', 'move too fast', 'deliver too fast', 'too efficient', 'too productive',
  'too much ownership', 'over deliver*', 'overdeliver*', 'too much of a team player', 'too humble', 'too modest',
  'too loyal', 'too reliable', 'expect too much', 'impatient with mediocrity', 'get too excited', 'love my work too',
  'too responsible', 'too available', 'workaholic', 'never switch off', 'i just care', 'too much attention to detail',
];

// The common real gaps the guide names, each with the words people use for them.
const COMMON_GAPS: Array<{ category: GapCategory; phrases: string[]; stretch: string }> = [
  {
    category: 'external_technical_leadership',
    phrases: [
      'external*', 'outside the company', 'outside of the company', 'conference*', 'give talks', 'giving talks',
      'tech talks', 'public talks', 'talks at', 'public speaking', 'speaking', 'open source', 'blog*', 'customer facing',
      'customer-facing', 'customers', 'industry', 'meetup*', 'publish*', 'paper*', 'standards body', 'vendor*',
      'community', 'publicly', 'in public', 'developer relations',
    ],
    stretch: 'for example, give a talk on your team’s work at a meetup or conference, or lead the technical side of a customer or partner integration.',
  },
  {
    category: 'written_design_influence',
    phrases: [
      'design doc*', 'rfc*', 'writing', 'written', 'write', 'writes', 'docs', 'documentation', 'document*',
      'proposal*', 'technical writing', 'write ups', 'write-ups', 'writeup*', 'put things in writing', 'in writing',
      'strategy doc*', 'architecture doc*', 'design review*', 'designs adopted', 'my designs',
    ],
    stretch: 'for example, write the design doc or RFC for an upcoming cross-team change and take it through review to adoption.',
  },
  {
    category: 'cross_org_scope',
    phrases: [
      'cross org', 'cross-org', 'outside my team', 'outside of my team', 'beyond my team', 'beyond our team',
      'other teams', 'other orgs', 'other organisations', 'other organizations', 'org level', 'org-level', 'org wide',
      'org-wide', 'multiple teams', 'several teams', 'across teams', 'across the org', 'across orgs', 'company wide',
      'company-wide', 'broader scope', 'scope beyond', 'bigger scope', 'my scope', 'only my team', 'just my team',
      'single team', 'one team', 'own team', 'cross team', 'cross-team', 'outside our org', 'outside the team',
    ],
    stretch: 'for example, lead a project that needs two or more teams outside yours to agree and ship together.',
  },
];

const DIMENSION_EXTRA_WORDS: Record<string, string[]> = {
  enabling_others: ['mentor*', 'coach*', 'delegat*', 'grow*', 'teach*', 'junior*', 'unblock*', 'sponsor*', 'others', 'people'],
  technical_leadership: ['technical direction', 'architecture', 'technical decision*', 'tech lead*', 'set direction', 'vision', 'technical strategy'],
  execution_under_ambiguity: ['ambigu*', 'unclear', 'vague', 'scoping', 'scope problems', 'undefined', 'prioritiz*', 'prioritis*', 'planning', 'estimat*', 'no clear owner', 'open ended', 'open-ended'],
  scope_and_impact: ['impact', 'business', 'metrics', 'outcomes', 'results', 'bigger projects', 'larger projects', 'long term projects'],
  cross_team_collaboration: ['collaborat*', 'stakeholder*', 'alignment', 'aligning', 'negotiat*', 'influence', 'influencing', 'partner*', 'conflict*'],
  written_influence: ['writing', 'docs'],
};

const STOP = new Set(['and', 'of', 'the', 'under', 'in', 'to', 'for', 'with', 'a', 'an', 'on']);

function dimensionMatch(ladder: Ladder, text: string): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const d of ladder.dimensions) {
    const nameWords = plainWords(`${d.name} ${d.id.replace(/_/g, ' ')}`)
      .split(' ')
      .filter((w) => w.length > 3 && !STOP.has(w));
    const criteriaWords = ladder.levels.flatMap((l) => l.criteria.filter((c) => c.dimensionId === d.id).flatMap((c) => c.keywords));
    const phrases = [...new Set([...nameWords.map((w) => `${w}*`), ...(DIMENSION_EXTRA_WORDS[d.id] ?? []), ...criteriaWords])];
    const score = matchesAny(text, phrases).length;
    if (score > 0 && (!best || score > best.score)) best = { id: d.id, score };
  }
  return best?.id;
}

/** Reads a cadence from an id or everyday words; undefined when it can't tell. */
export function parseCadence(text: string | undefined): Cadence | undefined {
  if (!text) return undefined;
  const t = plainWords(text);
  if (/\b(biweekly|bi weekly|fortnight\w*|every (two|2|other) weeks?|twice a month)\b/.test(t)) return 'biweekly';
  if (/\b(weekly|every week|once a week|each week)\b/.test(t)) return 'weekly';
  if (/\b(monthly|every month|once a month|each month|every (four|4) weeks)\b/.test(t)) return 'monthly';
  if (/\b(quarterly|every quarter|once a quarter|each quarter|every (three|3) months)\b/.test(t)) return 'quarterly';
  return undefined;
}

export function isHumbleBrag(text: string): boolean {
  return matchesAny(text, HUMBLE_BRAGS).length > 0;
}

export function checkGap(input: GapInput): GapResult {
  const ladder = input.ladder ?? defaultLadder;
  const gap = input.gap.trim();
  const findings: Finding[] = [];
  let category: GapCategory;
  let dimensionId: string | undefined;
  let stretchHint = 'for example, a project on your team or a neighbouring one that would make you practise exactly that.';

  if (gap.length === 0) {
    category = 'missing';
    findings.push(finding('missing_gap', 'error', 'No gap named. Naming one honestly is what makes the rest of the case believable.', 'Pick the dimension where you are furthest from the next level.'));
  } else if (isHumbleBrag(gap)) {
    category = 'humble_brag';
    findings.push(
      finding(
        'humble_brag',
        'error',
        'That reads as a strength dressed up as a weakness; your manager will discount it, and the rest of the case with it.',
        'Name a real gap against the next level, e.g. scope beyond your team, design docs others adopt, or technical leadership outside the company.',
      ),
    );
  } else {
    const common = COMMON_GAPS.find((g) => matchesAny(gap, g.phrases).length > 0);
    if (common) {
      category = common.category;
      stretchHint = common.stretch;
    } else {
      dimensionId = dimensionMatch(ladder, gap);
      category = dimensionId ? 'ladder_dimension' : 'unrecognised';
      if (!dimensionId) {
        findings.push(
          finding(
            'gap_not_on_ladder',
            'warning',
            'The gap doesn’t map to any dimension of the leveling guide, so calibration may not see it as relevant.',
            `Say which dimension it belongs to: ${ladder.dimensions.map((d) => d.name).join(', ')}.`,
          ),
        );
      }
    }
  }

  if (!input.stretchProject || input.stretchProject.trim().length === 0) {
    findings.push(
      finding('missing_stretch_project', 'error', 'No stretch project: without one the gap has no way to close before calibration.', `Propose one — ${stretchHint} If nothing like it exists on your team, your manager can help look for one.`),
    );
  }

  const cadence = parseCadence(input.cadence);
  if (!input.cadence || input.cadence.trim().length === 0) {
    findings.push(finding('missing_cadence', 'error', 'No check-in cadence agreed.', 'Monthly works well: often enough to correct course, rare enough to show progress.'));
  } else if (!cadence) {
    findings.push(finding('unclear_cadence', 'warning', `Couldn’t read “${input.cadence}” as a cadence.`, 'Use weekly, every two weeks, monthly or quarterly.'));
  } else if (cadence === 'quarterly') {
    findings.push(finding('cadence_too_sparse', 'warning', 'Quarterly check-ins leave only one or two before calibration.', 'Check in monthly so drift shows up while there is time to fix it.'));
  }

  return {
    ok: hasNoErrors(findings),
    category,
    ...(dimensionId ? { dimensionId } : {}),
    ...(cadence ? { cadence } : {}),
    findings,
  };
}
