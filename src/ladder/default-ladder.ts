import type { Criterion, Dimension, Ladder, Level } from './types.js';

// The ladder that ships with Promo Coach, used until a company loads its own.
// Written for this project: six levels from early career to principal, each described
// on the same six dimensions, so that "what changes at the next level" is always a
// row-by-row comparison. Keywords feed win tagging; they are deliberately plain words
// people use in a weekly win ("mentored", "RFC", "on-call"), not ladder jargon.

export const DEFAULT_DIMENSIONS: Dimension[] = [
  { id: 'scope_and_impact', name: 'Scope and impact', description: 'How far the results of your work reach.' },
  { id: 'technical_leadership', name: 'Technical leadership', description: 'The technical decisions you make and others follow.' },
  { id: 'cross_team_collaboration', name: 'Cross-team collaboration', description: 'Work that lands because other teams moved with you.' },
  { id: 'enabling_others', name: 'Enabling others', description: 'Mentoring, reviews and direction that make other people better.' },
  { id: 'written_influence', name: 'Written influence', description: 'Design docs, RFCs and write-ups that change what people do.' },
  { id: 'execution_under_ambiguity', name: 'Execution under ambiguity', description: 'Turning unclear problems into plans and results.' },
];

// Keywords shared by every level for a dimension; each level adds its own.
const BASE_KEYWORDS: Record<string, string[]> = {
  scope_and_impact: ['impact', 'customers', 'revenue', 'latency', 'reliability', 'cost', 'launch*', 'shipped', 'adoption'],
  technical_leadership: ['architecture', 'technical direction', 'tech lead', 'design*', 'technical decision*', 'trade-off*', 'tradeoff*', 'standard*'],
  cross_team_collaboration: ['cross-team', 'cross team', 'other team*', 'partner team*', 'across teams', 'stakeholder*', 'cross-org', 'alignment', 'aligned'],
  enabling_others: ['mentor*', 'coach*', 'onboard*', 'design review*', 'code review*', 'pair*', 'taught', 'teach*', 'unblock*', 'tech talk*', 'workshop*'],
  written_influence: ['design doc*', 'rfc*', 'write-up', 'writeup', 'wrote', 'proposal*', 'postmortem*', 'post-mortem*', 'documentation', 'blog post*', 'strategy doc*'],
  execution_under_ambiguity: ['ambigu*', 'unclear', 'scoped', 'scoping', 'roadmap*', 'prioritiz*', 'prioritis*', 'milestone*', 'broke down', 'plan*', 'incident*'],
};

type Row = Record<string, { text: string; keywords?: string[] }>;

const SHORT_IDS: Record<string, string> = {
  scope_and_impact: 'scope',
  technical_leadership: 'tech',
  cross_team_collaboration: 'cross_team',
  enabling_others: 'enabling',
  written_influence: 'writing',
  execution_under_ambiguity: 'ambiguity',
};

function level(id: string, name: string, rank: number, aliases: string[], row: Row): Level {
  const criteria: Criterion[] = DEFAULT_DIMENSIONS.map((dimension) => {
    const cell = row[dimension.id];
    if (!cell) throw new Error(`default ladder: ${id} has no ${dimension.id} criterion`);
    return {
      id: `${id}.${SHORT_IDS[dimension.id]}`,
      dimensionId: dimension.id,
      text: cell.text,
      keywords: [...(BASE_KEYWORDS[dimension.id] ?? []), ...(cell.keywords ?? [])],
    };
  });
  return { id, name, rank, aliases, criteria };
}

export const defaultLadder: Ladder = {
  name: 'Promo Coach default engineering ladder',
  dimensions: DEFAULT_DIMENSIONS,
  levels: [
    level('engineer_1', 'Engineer I', 1, ['engineer 1', 'engineer i', 'junior', 'junior engineer', 'entry level', 'l3', 'e3', 'swe i', 'swe 1'], {
      scope_and_impact: { text: 'Delivers well-defined tasks within a feature, with guidance on approach.', keywords: ['task*', 'ticket*', 'bug fix*', 'fixed'] },
      technical_leadership: { text: 'Writes correct, tested code that follows the team’s conventions.', keywords: ['tests', 'refactor*'] },
      cross_team_collaboration: { text: 'Asks for and gives help in the team’s channels; knows who owns the systems they touch.' },
      enabling_others: { text: 'Shares what they learn with teammates, for example in a short demo or a docs fix.', keywords: ['demo*', 'shared'] },
      written_influence: { text: 'Writes clear pull request descriptions and updates docs for what they change.', keywords: ['pull request*', 'readme'] },
      execution_under_ambiguity: { text: 'Raises blockers early and asks clarifying questions before building.', keywords: ['blocker*', 'clarif*'] },
    }),
    level('engineer_2', 'Engineer II', 2, ['engineer 2', 'engineer ii', 'mid level', 'mid-level', 'l4', 'e4', 'swe ii', 'swe 2'], {
      scope_and_impact: { text: 'Owns a feature end to end, from breakdown to release and follow-up fixes.', keywords: ['feature*', 'end to end', 'end-to-end', 'owned'] },
      technical_leadership: { text: 'Makes sound design choices inside a component and explains the trade-offs in review.', keywords: ['component*'] },
      cross_team_collaboration: { text: 'Coordinates with a neighbouring team to ship a change that touches their system.', keywords: ['coordinat*', 'integration*'] },
      enabling_others: { text: 'Gives useful code reviews and helps new teammates get productive.', keywords: ['new hire*', 'new joiner*'] },
      written_influence: { text: 'Writes short design notes for features that the team reviews before building.', keywords: ['design note*'] },
      execution_under_ambiguity: { text: 'Breaks a loosely defined feature into tasks and estimates them with the team.', keywords: ['estimat*', 'breakdown'] },
    }),
    level('senior', 'Senior Engineer', 3, ['senior', 'senior engineer', 'senior swe', 'senior software engineer', 'l5', 'e5', 'swe iii'], {
      scope_and_impact: { text: 'Leads multi-quarter projects for the team whose results other teams notice.', keywords: ['multi-quarter', 'project lead', 'led the project', 'led'] },
      technical_leadership: { text: 'Sets the technical approach for the team’s larger projects and is the go-to reviewer for an area.', keywords: ['approach', 'go-to', 'owner of'] },
      cross_team_collaboration: { text: 'Drives work that needs two or more teams to agree on interfaces and timelines.', keywords: ['interface*', 'api contract*', 'two teams', 'three teams', 'other teams'] },
      enabling_others: { text: 'Mentors engineers on the team and raises the quality bar through reviews.', keywords: ['intern', 'interns', 'internship*', 'quality bar'] },
      written_influence: { text: 'Writes design docs that the team adopts and that settle disagreements.', keywords: ['adopted'] },
      execution_under_ambiguity: { text: 'Turns a vague problem statement into a scoped plan with milestones.', keywords: ['vague', 'problem statement'] },
    }),
    level('staff', 'Staff Engineer', 4, ['staff', 'staff engineer', 'staff swe', 'staff software engineer', 'l6', 'e6', 'tech lead manager'], {
      scope_and_impact: { text: 'Owns outcomes that span several teams or a whole product area for a year or more.', keywords: ['org-wide', 'product area', 'multi-team', 'several teams', 'company-wide'] },
      technical_leadership: { text: 'Sets technical direction for a group of teams and gets it adopted without authority.', keywords: ['direction', 'vision', 'north star', 'without authority', 'deprecat*'] },
      cross_team_collaboration: { text: 'Aligns several teams on a shared plan and resolves conflicts between their priorities.', keywords: ['several teams', 'conflict*', 'negotiat*', 'shared plan'] },
      enabling_others: { text: 'Grows senior engineers and leads design reviews that raise the bar beyond their team.', keywords: ['review board', 'architecture review', 'grew ... engineer*', 'grew ... senior*', 'grew ... lead*', 'sponsor*', 'promoted'] },
      written_influence: { text: 'Writes the design docs and strategy notes that several teams build from.', keywords: ['strategy', 'technical strategy', 'several teams'] },
      execution_under_ambiguity: { text: 'Finds and frames problems nobody has assigned, then gets them staffed and solved.', keywords: ['nobody owned', 'unowned', 'identified', 'framed', 'staffed'] },
    }),
    level('senior_staff', 'Senior Staff Engineer', 5, ['senior staff', 'senior staff engineer', 'l7', 'e7'], {
      scope_and_impact: { text: 'Shapes outcomes for an organisation: its platforms, its reliability or its cost base.', keywords: ['organisation', 'organization', 'platform*', 'org'] },
      technical_leadership: { text: 'Sets multi-year technical direction for an organisation and retires the old path.', keywords: ['multi-year', 'migration*', 'long-term'] },
      cross_team_collaboration: { text: 'Brings product, engineering and partner organisations to one decision on contested work.', keywords: ['partner org*', 'leadership', 'executive*', 'directors'] },
      enabling_others: { text: 'Builds the forums, standards and leaders that keep quality high without them in the room.', keywords: ['forum*', 'guild*', 'program*', 'rubric*'] },
      written_influence: { text: 'Writes the documents leadership uses to decide on investments across the organisation.', keywords: ['investment*', 'business case'] },
      execution_under_ambiguity: { text: 'Turns an organisation-level problem with no clear owner into funded, staffed work.', keywords: ['funded', 'headcount'] },
    }),
    level('principal', 'Principal Engineer', 6, ['principal', 'principal engineer', 'l8', 'e8', 'distinguished'], {
      scope_and_impact: { text: 'Changes the direction of the company’s technology or business through technical work.', keywords: ['company', 'industry', 'business'] },
      technical_leadership: { text: 'Is the final technical voice on decisions that commit the company for years.', keywords: ['final call', 'company-wide'] },
      cross_team_collaboration: { text: 'Aligns executives and external partners on technical bets.', keywords: ['external partner*', 'vendor*', 'executives'] },
      enabling_others: { text: 'Grows staff-plus engineers and shapes how the company develops technical leaders.', keywords: ['staff engineers', 'leaders'] },
      written_influence: { text: 'Writes and speaks in ways that set the agenda inside and outside the company.', keywords: ['conference', 'keynote', 'talk*', 'open source', 'paper*', 'standards body'] },
      execution_under_ambiguity: { text: 'Acts on problems years before they become visible and makes them tractable for others.', keywords: ['years', 'foresaw', 'anticipat*'] },
    }),
  ],
};
