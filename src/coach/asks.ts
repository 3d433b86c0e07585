import { clauses, phraseAt } from './text.js';

// A concrete ask is what turns "not yet" into a plan (guide, "When your manager pushes
// back"): someone is asked to DO something to a THING both people can point at. Word
// order decides who does it, so this reads clause by clause:
//   - an order: "Lead the storage migration…", "so author two RFCs…"
//   - the engineer as the one who will act: "you need to own the roadmap", "once
//     you've shipped the rewrite", "a project where you drive the rollout", "I'd like
//     to see you give a talk"
//   - a demand for a countable thing: "show me one more project", "I need a design
//     doc from you", "what would get you there is leading the migration"
// A description of what the engineer already did ("you've shipped the migration")
// is not an ask, and neither is an action on nothing ("lead more", "step up").

// Base forms, for orders ("Write the design doc").
const ORDER_ACTIONS = [
  'take the lead', 'take over', 'take on', 'take ownership', 'lead', 'write', 'ship', 'deliver', 'own', 'drive', 'run',
  'present', 'mentor', 'publish', 'launch', 'migrate', 'design', 'review', 'onboard', 'land', 'finish', 'complete',
  'give', 'organise', 'organize', 'host', 'coordinate', 'align', 'propose', 'author', 'define', 'build', 'reduce', 'cut',
  'increase', 'deprecate', 'retire', 'resolve', 'triage', 'interview', 'teach', 'coach', 'document', 'demo',
  'facilitate', 'chair', 'get buy in', 'roll out', 'set', 'pair', 'tackle', 'automate', 'establish', 'create', 'speak',
  'partner', 'spearhead', 'wrap up', 'get', 'sponsor', 'start', 'kick off', 'stand up', 'rewrite', 'redesign', 'fix',
];

// Any form, when it is the engineer who will act ("once you have shipped").
const ANY_FORM_ACTIONS = [
  ...ORDER_ACTIONS, 'led', 'leading', 'leads', 'wrote', 'written', 'writing', 'shipped', 'shipping', 'delivered',
  'delivering', 'owned', 'owning', 'drove', 'driven', 'driving', 'ran', 'running', 'presented', 'presenting', 'mentored',
  'mentoring', 'published', 'launched', 'migrated', 'designed', 'reviewed', 'onboarded', 'landed', 'landing', 'finished',
  'completed', 'gave', 'given', 'giving', 'organised', 'organized', 'hosted', 'coordinated', 'coordinating', 'aligned',
  'proposed', 'authored', 'defined', 'built', 'building', 'reduced', 'deprecated', 'resolved', 'taught', 'coached',
  'documented', 'facilitated', 'chaired', 'rolled out', 'paired', 'tackled', 'automated', 'established', 'created',
  'spoke', 'spoken', 'taken the lead', 'taken over', 'took over', 'took the lead', 'taking the lead', 'taking over',
  'spearheaded', 'started', 'kicked off', 'rewritten', 'redesigned', 'fixed', 'got', 'getting', 'wrapped up',
];

// Things both people could point at. Words that name nothing in particular on their
// own ("team", "engineers", "process") only count with a number in front ("two
// teams") or as a list of names ("the search and ads teams").
const THINGS = [
  'design doc*', 'doc', 'docs', 'rfc*', 'migration*', 'project*', 'launch*', 'initiative*', 'design review*',
  'architecture review*', 'incident*', 'postmortem*', 'post mortem*', 'retro*', 'on call', 'rotation*', 'talk*',
  'roadmap*', 'service*', 'api*', 'platform*', 'pipeline*', 'rollout*', 'deprecation*', 'architecture', 'proposal*',
  'mentee*', 'intern', 'interns', 'new hire*', 'new grad*', 'junior*', 'forum*', 'guild*', 'milestone*', 'feature*',
  'release*', 'library', 'framework*', 'sdk*', 'slo*', 'sla*', 'latency', 'budget*', 'outage*', 'runbook*', 'playbook*',
  'okr*', 'metric*', 'dashboard*', 'workshop*', 'presentation*', 'interview loop*', 'directors', 'leadership team',
  'integration*', 'newsletter*', 'blog post*', 'standard*', 'guideline*', 'codebase', 'cluster*', 'spec*', 'prototype*',
  'rewrite*', 'redesign*', 'revamp*', 'overhaul*', 'planning', 'strategy', 'all hands', 'design', 'designs', 'schema*',
  'database*', 'infrastructure', 'tooling', 'vendor*',
];
const COUNTED_THINGS = ['team', 'teams', 'engineer*', 'people', 'person', 'folks', 'squad*', 'group*', 'org*', 'hire*', 'quarter*', 'process*', 'system*', 'plan*'];
const NUMBERS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'both', 'several', 'couple', 'another', 'other', 'more']);

// Words that may sit before the engineer's action: "you need to", "you'll have to",
// "you can", "you have" (only after a condition: "once you have shipped").
const MODAL_CHAIN = new Set(['need', 'needs', 'to', 'will', 'would', 'should', 'must', 'can', 'could', 'have', 'got', 'gotta', 'gonna', 'going', 'able', 'be', 'just', 'also', 'actually', 'really', 'first', 'personally', 'then', 'try', 'go', 'and', 'step', 'up', 'yourself', 'still']);
const PERFECT_AUX = new Set(['have', 'had', 'are', 'were', 'been', 'already', 'finally']);
const CONDITIONS = new Set(['if', 'once', 'when', 'after', 'until', 'unless', 'provided', 'assuming', 'as', 'before', 'where', 'whenever']);
const CLAUSE_CONDITIONS = new Set(['if', 'once', 'when', 'after', 'until', 'unless', 'provided', 'assuming']);
const WATCHERS = new Set(['see', 'watch', 'want', 'need', 'like', 'me', 'that', 'expect']);
const MODALS = new Set(['need', 'needs', 'will', 'would', 'should', 'must', 'can', 'could', 'to', 'gotta', 'gonna']);
const LEAD_INS = new Set(['so', 'and', 'then', 'just', 'please', 'first', 'also', 'now', 'basically', 'ideally', 'maybe', 'eg', 'ie', 'really', 'simply', 'ok', 'okay', 'well', 'next', 'instead']);

// "show me one more project", "I need a design doc", "what would get you there is leading".
const DEMANDS = [
  'show me', 'give me', 'bring me', 'get me', 'i need', 'i would need', 'i will need', 'i want', 'i would want',
  'you need', 'you would need', 'you will need',
  'i would like', 'i am looking for', 'looking for', 'missing is', 'missing piece is', 'what i need ... is',
  'what i would need ... is', 'what i want ... is', 'what i would want ... is',
  'get you there is', 'get you there would be', 'would need', 'one more', 'at least one', 'another',
];
const DETERMINERS = new Set(['a', 'an', 'one', 'two', 'three', 'another', 'more', 'some', 'couple', 'of', 'the', 'your', 'at', 'least', 'real', 'big', 'bigger', 'proper', 'written', 'clear', 'solid', 'new']);

function thingAt(words: readonly string[], i: number): number {
  const direct = phraseAt(words, i, THINGS);
  if (direct > 0) return direct;
  const counted = phraseAt(words, i, COUNTED_THINGS);
  if (counted > 0 && words.slice(Math.max(0, i - 3), i).some((w) => NUMBERS.has(w) || w === 'and' || /^\d+$/.test(w))) return counted;
  return 0;
}

/** A thing within `reach` words after `from`, as the words from the action to it. */
function thingAfter(words: readonly string[], from: number, reach: number): number {
  for (let i = from; i < Math.min(words.length, from + reach); i += 1) {
    const len = thingAt(words, i);
    if (len > 0) return i + len;
  }
  return -1;
}

/** "…and deliver the Q2 roadmap": the same person's next action in the clause, and its thing. */
function coordinatedThing(words: readonly string[], from: number): number {
  for (let i = from; i < words.length - 1; i += 1) {
    if (words[i] !== 'and') continue;
    const len = phraseAt(words, i + 1, ANY_FORM_ACTIONS);
    const end = len > 0 ? thingAfter(words, i + 1 + len, 10) : -1;
    if (end > 0) return end;
  }
  return -1;
}

function isEngineerActing(words: readonly string[], you: number, action: number): boolean {
  const chain = words.slice(you + 1, action);
  const before = words[you - 1] ?? '';
  const beforeTwo = words[you - 2] ?? '';
  // "once the service is migrated and you've written the runbook": a condition that
  // opens the clause reaches every "you" in it.
  const conditional = CONDITIONS.has(before) || (before === 'soon' && beforeTwo === 'as') || CLAUSE_CONDITIONS.has(words[0] ?? '');
  if (conditional) return chain.every((w) => MODAL_CHAIN.has(w) || PERFECT_AUX.has(w));
  if (WATCHERS.has(before) || WATCHERS.has(beforeTwo)) return chain.every((w) => MODAL_CHAIN.has(w));
  // "you've shipped" on its own describes the past; the future needs a modal.
  return chain.length > 0 && chain.every((w) => MODAL_CHAIN.has(w)) && chain.some((w) => MODALS.has(w));
}

/** The concrete asks in a manager's answer, each as the words from the action to the thing. */
export function findConcreteAsks(text: string): string[] {
  const asks: string[] = [];
  for (const clause of clauses(text)) {
    const words = clause.split(' ');
    const found = (start: number, end: number) => asks.push(words.slice(start, end).join(' '));

    let first = 0;
    while (first < words.length && LEAD_INS.has(words[first] ?? '')) first += 1;
    const order = phraseAt(words, first, ORDER_ACTIONS);
    if (order > 0) {
      const end = thingAfter(words, first + order, 8);
      if (end > 0) {
        found(first, end);
        continue;
      }
    }

    let matched = false;
    for (let you = 0; you < words.length && !matched; you += 1) {
      if (words[you] !== 'you') continue;
      for (let action = you + 1; action <= Math.min(words.length - 1, you + 5); action += 1) {
        const len = phraseAt(words, action, ANY_FORM_ACTIONS);
        if (len === 0 || !isEngineerActing(words, you, action)) continue;
        const end = thingAfter(words, action + len, 10) > 0 ? thingAfter(words, action + len, 10) : coordinatedThing(words, action + len);
        if (end > 0) {
          found(you, end);
          matched = true;
        }
        break;
      }
    }
    if (matched) continue;

    for (let d = 0; d < words.length; d += 1) {
      const len = phraseAt(words, d, DEMANDS);
      if (len === 0) continue;
      let i = d + len;
      while (i < words.length && DETERMINERS.has(words[i] ?? '') && i < d + len + 4) i += 1;
      const action = phraseAt(words, i, ANY_FORM_ACTIONS);
      // The thing itself, or one describing word before it ("a written proposal"), but
      // not a verb: "I'll need to talk to HR" asks nothing of the engineer.
      const described = words[i] !== 'to' && thingAt(words, i + 1) > 0;
      const end = thingAt(words, i) > 0 ? i + thingAt(words, i) : described ? i + 1 + thingAt(words, i + 1) : action > 0 ? thingAfter(words, i + action, 8) : -1;
      if (end > 0) {
        found(d, end);
        break;
      }
    }
  }
  return asks;
}
