import type { Ladder } from '../ladder/types.js';
import { findLevel } from '../ladder/ladder-queries.js';
import { matchesAny, phraseAt, plainWords } from './text.js';

// Guide, Act 2: calibration looks for cross-team impact (senior → staff usually turns
// on it) and for work you enabled rather than led — mentorship, design reviews,
// technical direction. Each win carries both flags so the case and the Home tab can
// show whether the evidence covers them.

// Signals are read as cue families with word boundaries, never as word stems: a stem
// like "intern*" also matches "internal", "grew" matches "revenue grew", "shadow"
// matches "shadow traffic" and a bare "SRE" matches "our own SRE runbook".

// Cross-team, said outright: "cross-team", "across the org", "three other teams".
const CROSS_TEAM = [
  'cross team', 'cross org', 'cross functional', 'cross functionally', 'inter team', 'across teams', 'across the org',
  'across the company', 'across orgs', 'across org*', 'org wide', 'company wide', 'multi team', 'other team*',
  'another team', 'partner team*', 'neighbouring team*', 'neighboring team*', 'sister team*', 'downstream team*',
  'upstream team*', 'consuming team*', 'client team*', 'stakeholder*', 'other org*', 'another org', 'external partner*',
  'customer s engineers', 'with the customer', 'working group',
];
const GROUP_WORDS = 'teams?|folks|groups?|orgs?|organi[sz]ations?|squads?|departments?|guilds?|councils?';
// "three teams", "four orgs", "several squads", "every product team".
const COUNTED_GROUPS = new RegExp(`\\b(?:two|three|four|five|six|seven|eight|nine|ten|\\d+|several|multiple|many|all|every|both)(?: \\w+){0,2} (?:${GROUP_WORDS})\\b`);
// A group that is not the writer's own, named as a partner or a beneficiary: "with the
// payments team", "helped the infra folks", "the search and ads teams".
const NAMED_GROUP = new RegExp(`\\b(?:with|for|from|between|across|alongside|helped|unblocked|partnered|aligned|and|to|of) (?:the )?(?!my |our |own |their |his |her )(?:(?!the |a )\\w+ ){1,3}(?:${GROUP_WORDS})\\b`);
const LISTED_GROUPS = new RegExp(`\\b\\w+ and \\w+ (?:teams|groups|orgs|squads)\\b`);
// A function named as a partner: "with legal and compliance", "between web and mobile".
const FUNCTIONS = 'legal|finance|security|compliance|product(?: management)?|design|marketing|sales|support|qa|hr|ops|sre|infra|data science|analytics|research|release engineering|platform|mobile|web|ios|android|backend|frontend|networking|customer success|leadership|procurement';
const NAMED_FUNCTION = new RegExp(`\\b(?:with|between|alongside|from|helped|for|and) (?:the )?(?:${FUNCTIONS})(?= (?:and|on|to|in|about|during|for|around|so|${GROUP_WORDS}|people|partners?|engineers?|leads?)\\b| ?$)`);

// Enabling others, said outright: the activity is about other people by definition.
const ENABLING = [
  'mentor*', 'mentee*', 'taught', 'teach*', 'tutor*', 'design review*', 'architecture review*', 'code review*',
  'reviewed ... design*', 'reviewed ... rfc*', 'reviewed ... proposal*', 'reviewed ... prs', 'reviewed ... pull requests',
  'reviewed ... code', 'technical direction', 'set the direction',
  'set direction', 'set the technical', 'brown bag*', 'tech talk*', 'gave a talk', 'gave ... talk', 'lunch and learn',
  'office hours', 'interview training', 'ran ... workshop*', 'led ... workshop*', 'hosted ... workshop*',
  'gave ... workshop*', 'organi*ed ... workshop*', 'intern', 'interns', 'new hire*', 'new joiner*', 'knowledge shar*',
  'pair programm*', 'get promoted', 'got promoted', 'my guidance',
];
// Verbs that enable only when a person is their object: "onboarded three new hires"
// but not "the customer onboarding wizard"; "grew two engineers" but not "revenue grew".
const PERSON_VERBS = [
  'coach*', 'onboard*', 'train', 'trained', 'training', 'grew', 'grow', 'growing', 'ramp* up', 'paired with',
  'pairing with', 'pair with', 'unblock*', 'sponsor*', 'guide', 'guided', 'guiding', 'delegat*', 'supervis*',
  'helped', 'helping', 'upskill*', 'level* up', 'walked', 'walking',
];
const PEOPLE = [
  'engineer*', 'junior*', 'senior*', 'hire*', 'teammate*', 'peer*', 'colleague*', 'grad*', 'people', 'folks', 'devs',
  'developer*', 'interviewer*', 'him', 'her', 'them', 'everyone', 'others', 'someone', 'tech lead*', 'lead', 'leads',
  'report*', 'analyst*', 'designer*', 'student*', 'newcomer*', 'joiner*', 'members', 'member', 'intern', 'interns',
  'team', 'teams', 'squad*', 'the group',
];
// A runbook, guide or standard enables others when other people use it.
const SHARED_ARTIFACTS = ['guide*', 'guideline*', 'standard*', 'runbook*', 'playbook*', 'template*', 'checklist*', 'best practice*', 'style guide*', 'documentation', 'docs', 'library', 'framework*'];
const ADOPTION = [
  'other teams', 'everyone', 'every new', 'the whole team', 'the whole org', 'the whole group', 'now use*',
  'now follow*', 'adopted', 'follow*', 'rely on', 'relies on', 'built on', 'org wide', 'company wide', 'across the org',
  'all teams', 'the rotation',
];

export interface WinFlags {
  crossTeam: boolean;
  enablingOthers: boolean;
  /** The phrases that set each flag, for the "why" tooltip. */
  signals: { crossTeam: string[]; enablingOthers: string[] };
}

/** Capitalised words inside a sentence are usually names: "Coached Priya", "helped Sam grow". */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of text.split(/[.!?\n]+/)) {
    const words = sentence.trim().split(/\s+/);
    for (const w of words.slice(1)) {
      const m = /^([A-Z][a-z]+)(?:['’]s)?[,;:]?$/.exec(w);
      if (m?.[1]) names.add(m[1].toLowerCase());
    }
  }
  return names;
}

/** Verbs from PERSON_VERBS whose object, a few words on, is a person. */
function personObjects(text: string): string[] {
  const words = plainWords(text).split(' ');
  const names = namesIn(text);
  const found: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const len = phraseAt(words, i, PERSON_VERBS);
    if (len === 0) continue;
    for (let j = i + len; j < Math.min(words.length, i + len + 6); j += 1) {
      if (phraseAt(words, j, PEOPLE) > 0 || names.has(words[j] ?? '')) {
        found.push(words.slice(i, j + 1).join(' '));
        break;
      }
    }
  }
  return found;
}

/** "let two engineers shadow me", "shadowed by a junior": shadowing is about a person, not traffic. */
function shadowing(text: string): string[] {
  const words = plainWords(text).split(' ');
  const found: string[] = [];
  words.forEach((w, i) => {
    if (!/^shadow(?:s|ed|ing)?$/.test(w)) return;
    const next = words[i + 1] ?? '';
    const personBefore = words.slice(Math.max(0, i - 3), i).some((_, k) => phraseAt(words, Math.max(0, i - 3) + k, PEOPLE) > 0);
    if (personBefore || ['me', 'us', 'by', 'him', 'her', 'them'].includes(next)) found.push(words.slice(Math.max(0, i - 3), i + 2).join(' '));
  });
  return found;
}

export function detectWinFlags(text: string): WinFlags {
  const words = plainWords(text);
  const crossTeam = [
    ...matchesAny(text, CROSS_TEAM),
    ...[COUNTED_GROUPS, NAMED_GROUP, LISTED_GROUPS, NAMED_FUNCTION].flatMap((re) => words.match(re)?.[0] ?? []),
  ];
  const shared = matchesAny(text, SHARED_ARTIFACTS).length > 0 ? matchesAny(text, ADOPTION).map((a) => `used by others: ${a}`) : [];
  const enablingOthers = [...matchesAny(text, ENABLING), ...personObjects(text), ...shadowing(text), ...shared];
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
