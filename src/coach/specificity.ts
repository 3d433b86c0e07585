import { matchesAny, plainWords } from './text.js';

// What makes a criterion something both people can check: an action someone can see
// ("lead", "write", "present"), the thing it produces or touches ("the billing
// migration", "a design doc", "two engineers") and ideally a measure or date. The
// guide's plan step pins the manager to criteria like that; "more ownership" is not one.

export interface VagueTerm {
  /** The phrase as matched, e.g. "more ownership". */
  term: string;
  /** What would turn it into something observable. */
  advice: string;
}

const VAGUE: Array<{ phrases: string[]; advice: string }> = [
  {
    phrases: ['ownership', 'own more', 'owner mindset', 'act like an owner'],
    advice: 'Name what you would own end to end (a service, a migration, an on-call rotation) and what owning it means: the decisions, the roadmap, the incidents.',
  },
  {
    phrases: ['more visible', 'visibility', 'be visible', 'raise your profile', 'raise my profile', 'be seen', 'get noticed', 'more known', 'exposure'],
    advice: 'Say who needs to see which work and how, e.g. present the design at the architecture review or send partner teams a monthly update.',
  },
  {
    phrases: ['step up', 'stepping up', 'level up', 'up your game'],
    advice: 'Say what you would step up to: the decision, meeting or project you would take over, and by when.',
  },
  {
    phrases: ['more strategic', 'strategic thinking', 'think bigger', 'bigger picture', 'big picture', 'think more broadly', 'more vision'],
    advice: 'Name the strategic piece of work, e.g. a 12-month technical roadmap for your area, reviewed by the teams it affects.',
  },
  {
    phrases: ['show leadership', 'more leadership', 'leadership skills', 'be more of a leader', 'lead more', 'demonstrate leadership', 'leadership qualities'],
    advice: 'Name what you would lead — a project, a decision, a review — for whom, and what done looks like.',
  },
  {
    phrases: ['presence', 'gravitas', 'executive presence', 'command the room'],
    advice: 'Name the room and the outcome, e.g. present the quarterly reliability review to the directors and get the plan approved.',
  },
  {
    phrases: ['more impact', 'bigger impact', 'broader impact', 'more scope', 'bigger scope', 'broader scope', 'impactful', 'move the needle'],
    advice: 'Name the result and how you would measure it: which metric, for which teams, by when.',
  },
  {
    phrases: ['operate at the next level', 'operating at the next level', 'operate at that level', 'operating at that level', 'operate at staff', 'operating at staff', 'act like a', 'acting like a', 'perform at the next level', 'at the level', 'feel for the level', 'next level behavior*', 'show up as'],
    advice: 'Point to one criterion for the target level on the ladder and say what evidence would show it.',
  },
  {
    phrases: ['more senior', 'seniority', 'maturity', 'more mature', 'more polish', 'polish'],
    advice: 'Ask which situation showed the gap and what a senior response would have looked like; write that down as the criterion.',
  },
  {
    phrases: ['proactive', 'take initiative', 'more initiative', 'self starter', 'self-starter'],
    advice: 'Name a problem you would find and drive without being asked, and what driven looks like (a proposal, a fix, a decision).',
  },
  {
    phrases: ['communicate better', 'better communication', 'communication skills', 'communicate more', 'over communicate', 'overcommunicate'],
    advice: 'Name the artifact and the audience, e.g. a weekly status note to the partner teams or a design doc per project.',
  },
  {
    phrases: ['more influence', 'be more influential', 'influence more', 'have influence'],
    advice: 'Say whose decision you would change and how it shows, e.g. two teams adopt your design.',
  },
  {
    phrases: ['consistency', 'more consistent', 'consistently'],
    advice: 'Say what you would do every time, and over what period, so both of you can check it.',
  },
  {
    phrases: ['collaborate more', 'better collaboration', 'more collaborative', 'team player', 'work better with'],
    advice: 'Name the other team and the shared deliverable you would land with them.',
  },
  {
    phrases: ['above and beyond', 'keep doing what you are doing', 'keep it up', 'keep up the good work', 'keep up the great work', 'more of the same', 'do more', 'work harder'],
    advice: 'That is encouragement, not a criterion: ask what would look different from you at the next level.',
  },
  {
    phrases: ['more technical', 'technical depth', 'deeper technically', 'more depth'],
    advice: 'Name the system and the technical decision or design you would own in it.',
  },
  {
    phrases: ['stakeholder management', 'manage stakeholders', 'manage up', 'managing up'],
    advice: 'Name the stakeholders and what they would receive from you, and how often.',
  },
];

const ACTIONS = [
  'lead', 'leads', 'leading', 'led', 'write', 'writes', 'writing', 'wrote', 'ship', 'ships', 'shipping', 'shipped',
  'deliver*', 'own', 'owns', 'owning', 'drive', 'drives', 'driving', 'drove', 'run', 'runs', 'running', 'ran', 'present*',
  'mentor*', 'publish*', 'launch*', 'migrate*', 'design', 'designs', 'designing', 'designed', 'review', 'reviewing',
  'reviewed', 'onboard*', 'take over', 'land', 'lands', 'landing', 'finish*', 'complete*', 'give a talk', 'organis*',
  'organiz*', 'host*', 'coordinate*', 'align', 'aligned', 'propose*', 'author*', 'define', 'defined', 'build', 'built',
  'reduce*', 'cut', 'increase*', 'deprecate*', 'retire', 'resolve*', 'triage*', 'interview*', 'teach', 'taught', 'coach*',
  'document*', 'approved', 'sign off', 'demo*', 'facilitate*', 'chair*', 'get buy in', 'roll out', 'rolled out',
];

const ARTIFACTS = [
  'design doc*', 'doc', 'docs', 'document*', 'rfc*', 'migration*', 'project*', 'launch*', 'initiative*', 'review*',
  'postmortem*', 'post mortem*', 'incident*', 'on call', 'rotation*', 'talk*', 'roadmap*', 'service*', 'api*', 'platform*',
  'pipeline*', 'rollout*', 'deprecation*', 'system*', 'architecture', 'proposal*', 'team', 'teams', 'engineer*', 'intern*',
  'new hire*', 'meeting*', 'forum*', 'guild*', 'milestone*', 'feature*', 'release*', 'library', 'framework*', 'sdk*',
  'slo*', 'sla*', 'latency', 'cost*', 'budget*', 'outage*', 'runbook*', 'playbook*', 'okr*', 'metric*', 'dashboard*',
  'workshop*', 'presentation*', 'interview loop*', 'directors', 'leadership team', 'partner*', 'customer*', 'tooling',
  'infrastructure', 'database*', 'schema*', 'integration*', 'update*', 'newsletter*', 'blog post*', 'standard*',
  'guideline*', 'process', 'component*', 'module*', 'codebase', 'cluster*', 'plan', 'spec*', 'prototype*',
];

const MEASURE_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'both', 'a couple', 'twice', 'monthly', 'weekly', 'quarterly', 'every', 'each',
  'by the end of', 'before calibration', 'this quarter', 'next quarter', 'this half', 'next half', 'within', 'per month',
  'per quarter', 'per week', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'end of year', 'by the next', 'at least',
];

export interface Specificity {
  vagueTerms: VagueTerm[];
  hasAction: boolean;
  hasArtifact: boolean;
  hasMeasure: boolean;
  /** An action on a concrete thing: both people could tell whether it happened. */
  observable: boolean;
}

export function describeSpecificity(text: string): Specificity {
  const vagueTerms: VagueTerm[] = [];
  for (const group of VAGUE) {
    const hit = matchesAny(text, group.phrases)[0];
    if (hit) vagueTerms.push({ term: hit, advice: group.advice });
  }
  const hasAction = matchesAny(text, ACTIONS).length > 0;
  const hasArtifact = matchesAny(text, ARTIFACTS).length > 0;
  const hasMeasure = /\d/.test(plainWords(text)) || matchesAny(text, MEASURE_WORDS).length > 0;
  return { vagueTerms, hasAction, hasArtifact, hasMeasure, observable: hasAction && hasArtifact };
}
