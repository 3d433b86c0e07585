import { finding, type Finding } from './findings.js';
import { describeSpecificity } from './specificity.js';
import { clauses, matchesAny, plainWords, unnegatedMatches } from './text.js';

// Guide, "When your manager pushes back": the usual answer is neither yes nor no but a
// soft hedge ("keep it on the radar"), which is avoidance, not rejection; the move is
// to convert it into a plan before leaving the room. A "not yet" with criteria is a
// plan waiting to be written down; a "not yet" with vague criteria ("a feel for the
// level") is itself information. The rules below read what the manager said, tolerant
// of phrasing, and return the class plus the next step for it.

export type HedgeKind = 'clear_yes' | 'clear_no' | 'soft_hedge' | 'not_yet_specific' | 'not_yet_vague';

export interface HedgeNextStep {
  /** One line: what to do now. */
  summary: string;
  /** Lines the engineer can say, in order (soft hedge, not yet). */
  script?: string[];
  /** For vague criteria: what it usually means. */
  meanings?: string[];
  /** Whether the app should open the plan builder. */
  openPlanBuilder: boolean;
}

export interface HedgeResult {
  kind: HedgeKind;
  /** low when no rule matched clearly and the class is the safe default. */
  confidence: 'high' | 'low';
  /** Short human label for the class. */
  label: string;
  /** The phrases that decided it, for explainability. */
  signals: string[];
  nextStep: HedgeNextStep;
  findings: Finding[];
}

// Definite refusals. They already contain their own negation, so they are matched as
// phrases, and a following "this cycle"/"yet" turns them into a not-yet.
const NO_PHRASES = [
  'the answer is no', 'my answer is no', 'have to say no', 'going to say no', 'i am saying no', 'is a no', 'hard no',
  'definitely not', 'absolutely not', 'not going to happen', 'not gonna happen', 'will not happen', 'no chance',
  'not a chance', 'not in the cards', 'off the table', 'no promotion*', 'no promo*', 'promotions are frozen',
  'promotion freeze', 'no headcount', 'no budget', 'will not ... put you forward', 'will not ... put you up',
  'not going to ... put you', 'not going to ... nominat*', 'will not ... nominat*', 'not be nominating',
  'not putting you', 'can not support', 'can not ... support', 'will not ... support', 'would not support',
  'do not ... support', 'not able to support', 'not supporting', 'not advocate', 'will not advocate',
  'do not see you at', 'do not see you as', 'do not see you getting', 'do not see it happening', 'not see you as a',
  'nowhere near', 'not even close', 'far from ready', 'far from it', 'not the right fit', 'not a fit', 'not for you',
  'do not think you should', 'not going to be promoted', 'will not be promoted', 'not getting promoted',
  'not get promoted', 'not be promoted', 'i would vote against', 'vote against', 'push back in calibration',
  'not be able to get you',
];

// A no that rules out the future too ("not next cycle either").
const NEVER_PHRASES = ['either', 'any time soon', 'anytime soon', 'ever', 'foreseeable future', 'not next', 'never'];

// Stand-alone refusals at the start of a clause.
const WEAK_NO_CLAUSES = /^(no|nope|nah|honestly no|sorry no|i do not think so|i do not see it|i disagree|not really)(?! (doubt|question|problem|brainer|worries))( |$)/;

// Explicit "not yet": the door is open but something is missing first.
const NOT_YET_PHRASES = [
  'not yet', 'not quite', 'not there yet', 'not ready', 'not this cycle', 'not this time', 'not this round',
  'not this year', 'not this half', 'not right now', 'not now', 'not at the moment', 'almost there', 'close but',
  'getting close', 'getting there', 'still a gap', 'still some gaps', 'still a few gaps', 'there is a gap',
  'there are gaps', 'there are a few gaps', 'main gap', 'biggest gap', 'one gap', 'gap is', 'gaps are',
  'before i can', 'before we can', 'before i put', 'before i would', 'before you are', 'first i would need',
  'need to see', 'needs to see', 'want to see', 'would like to see', 'would want to see', 'i would need you',
  'we would need you', 'would need to see', 'i would need ... from you',
  'once you', 'as soon as you', 'after you', 'if you', 'as long as you', 'provided you', 'assuming you',
  'one more', 'a bit more', 'more evidence', 'need more', 'too early', 'too soon', 'premature', 'a little early',
  'things missing', 'is missing', 'are missing', 'a few more months', 'more time', 'more runway', 'a stretch',
  'not at staff', 'not at the level', 'not at that level', 'need to work on', 'needs work', 'to work on',
];

// Time words that soften a no into a not-yet, and that alone read as one ("next cycle").
const TIMEBOX_PHRASES = [
  'this cycle', 'this round', 'this time', 'this year', 'this half', 'right now', 'at the moment', 'for now',
  'next cycle', 'next round', 'next year', 'next half', 'next time', 'next calibration', 'yet',
];

// The "not yet, but I can't say what" family: the guide's "a feel for the level".
const VAGUE_MARKERS = [
  'hard to articulate', 'hard to explain', 'hard to put', 'hard to pin down', 'hard to describe', 'hard to define',
  'difficult to articulate', 'difficult to explain', 'difficult to pin down', 'difficult to put', 'tough to articulate',
  'tough to explain', 'put my finger on', 'feel for the level', 'a feel', 'a feeling', 'gut feel*', 'gut says',
  'just a sense', 'a sense that', 'know it when', 'vibe*', 'intangible*', 'something missing', 'something is missing',
  'not sure exactly what', 'can not say exactly', 'can not really say', 'hard to say exactly', 'not one thing',
  'not any one thing', 'not any single thing', 'not something i can', 'not a checklist', 'not a box', 'je ne sais quoi',
  'the whole package', 'x factor',
];

// Avoidance: buys time without committing either way.
const HEDGE_PHRASES = [
  'on the radar', 'on my radar', 'on our radar', 'keep ... in mind', 'keep an eye on', 'revisit', 'circle back',
  'come back to this', 'come back to it', 'down the road', 'down the line', 'see how things go', 'see how it goes',
  'see how things shake out', 'see how things play out', 'set you up', 'setting you up', 'in due course',
  'when the time is right', 'when the timing is right', 'the right time', 'let me think', 'think about it',
  'need to think', 'let me check', 'let me talk to', 'let me sync', 'let me get back', 'get back to you', 'we will see',
  'play it by ear', 'table this', 'table it', 'park this', 'park it', 'not saying no', 'not a no', 'not ruling it out',
  'not ruling anything out', 'open to it', 'open to the idea', 'in principle', 'keep talking', 'keep the conversation',
  'keep doing what you are doing', 'keep up the great work', 'keep up the good work', 'keep it up', 'at some point',
  'eventually', 'in the future', 'in time', 'talk about it later', 'talk later', 'no rush', 'not rush', 'do not rush',
  'on the right track', 'on track', 'trajectory', 'we should discuss', 'look into it', 'it depends', 'hard to say',
  'too early to say', 'too early to tell', 'not sure', 'see what i can do', 'do my best', 'i will try', 'possibly',
  'maybe', 'might', 'who knows', 'fingers crossed', 'it is complicated', 'find out', 'run it by', 'run this by',
  'check with', 'weigh in', 'talk to my', 'sync with', 'loop in', 'not up to me', 'not my call', 'not only my call',
  'out of my hands', 'pay grade', 'make sure we are', 'want to make sure', 'let us see', 'lets see', 'we can talk',
  'worth discussing', 'good conversation', 'important conversation', 'noted', 'i hear you', 'fair enough',
  'something to think about', 'something to aim for', 'something to work toward*', 'longer term', 'long term',
];

// Commitment. Only counted when not negated in its clause ("I don't think you're ready").
const YES_PHRASES = [
  'yes', 'yeah', 'yep', 'yup', 'absolutely', 'definitely', 'of course', 'for sure', 'certainly', 'obvious', 'sure',
  'put you up', 'put you forward', 'putting you up', 'putting you forward', 'putting your name', 'put your name forward', 'put your name in', 'nominat*', 'support this', 'support it',
  'support you', 'support your promotion', 'you have my support', 'back you', 'back this', 'advocate', 'make the case',
  'fight for you', 'champion', 'you are ready', 'ready for it', 'you are there', 'already operating', 'already at',
  'operating at', 'you deserve', 'deserve it', 'let us do it', 'go for it', 'make it happen', 'i agree', 'agreed',
  'count me in', 'on board', 'sign off', 'i will submit', 'submit your', 'start the packet', 'start on the packet',
  'write the packet', 'write it up', 'strong case', 'easy case', 'slam dunk', '100%', 'all in',
  'you have earned it', 'earned it', 'clear yes', 'sounds right', 'makes sense',
];

function hits(text: string, phrases: readonly string[]): string[] {
  return matchesAny(text, phrases);
}

const LABELS: Record<HedgeKind, string> = {
  clear_yes: 'Clear yes',
  clear_no: 'Clear no',
  soft_hedge: 'Soft hedge',
  not_yet_specific: 'Not yet, with specific criteria',
  not_yet_vague: 'Not yet, with vague criteria',
};

/** The meanings of vague criteria (guide, "not yet but the criteria are vague"), in our words. */
export const VAGUE_CRITERIA_MEANINGS: readonly string[] = [
  'Your manager may have little pull in the calibration room and is covering for it.',
  'The bar for the level may not be written down anywhere, so promotions run on who argues hardest rather than on scope.',
  'Your manager may doubt you are at the level yet and is avoiding telling you plainly.',
];

export function hedgeNextStep(kind: HedgeKind): HedgeNextStep {
  switch (kind) {
    case 'clear_yes':
      return {
        summary: 'Lock it in: agree who writes the calibration packet and by when, offer to draft it yourself, and ask which peer managers should see your work before calibration.',
        script: [
          'Great — what do you need from me, and by when, to take this into calibration?',
          'I’m happy to write the first draft of the case. Which other managers should hear about this work beforehand?',
          'While we’re at it: where in the new band would a promotion land me?',
        ],
        openPlanBuilder: false,
      };
    case 'clear_no':
      return {
        summary: 'Don’t argue it in the room. Ask what the no rests on and what would change it, write down what you heard, and treat the answer as information about your path here.',
        script: [
          'Thanks for being direct. Is this about the work itself, or about things outside it like headcount or timing?',
          'What would you need to see for the answer to be yes in a future cycle?',
          'Can I send you a short note of what I heard, so we both remember it the same way?',
        ],
        openPlanBuilder: false,
      };
    case 'soft_hedge':
      return {
        summary: 'Take the hedge without giving up the ask, pin down the criteria, and leave with dates: turn “on the radar” into a written plan before the meeting ends.',
        script: [
          'That’s fair, and I’d rather plan for it than leave it open — can we make it concrete?',
          'What exactly would you need to see from me to put me forward next cycle? Let’s name up to five things we’d both recognise as done.',
          'Can we give each one a month and check in monthly, so neither of us is surprised at calibration?',
        ],
        openPlanBuilder: true,
      };
    case 'not_yet_specific':
      return {
        summary: 'You have criteria — now write them down as a plan: make each one observable, give each a month, agree the check-in cadence, and ask your manager to confirm it.',
        script: [
          'That’s helpful. Let me write those down as criteria with dates and send them over for you to confirm.',
          'If I deliver these by the dates we agree, will you put me forward in that cycle?',
        ],
        openPlanBuilder: true,
      };
    case 'not_yet_vague':
      return {
        summary: 'Ask once more for something observable; if it still stays vague, treat that as a signal about the timeline, not a verdict on your work.',
        script: [
          'I want to get there — can you point to a moment where I fell short of the level, and what you would have expected instead?',
          'If you imagine me already promoted, what is one thing I would be doing that I’m not doing today?',
        ],
        meanings: [...VAGUE_CRITERIA_MEANINGS],
        openPlanBuilder: true,
      };
  }
}

/** Classifies what the manager said about the promotion ask. */
export function classifyHedge(text: string): HedgeResult {
  const words = plainWords(text);
  // "if you ask me" is an opinion marker, not a condition.
  const cleaned = words.replace(/\bif you ask me\b/g, 'honestly');

  const notSayingNo = hits(cleaned, ['not saying no', 'not a no', 'not ruling it out', 'not ruling anything out', 'not against it']);
  const strongNo = notSayingNo.length > 0 ? [] : hits(cleaned, NO_PHRASES);
  const weakNo = notSayingNo.length > 0 ? [] : clauses(text).filter((c) => WEAK_NO_CLAUSES.test(c)).map((c) => c.split(' ').slice(0, 3).join(' '));
  const never = hits(cleaned, NEVER_PHRASES);
  const notYet = hits(cleaned, NOT_YET_PHRASES);
  const timebox = hits(cleaned, TIMEBOX_PHRASES);
  const vague = hits(cleaned, VAGUE_MARKERS);
  const hedge = hits(cleaned, HEDGE_PHRASES);
  const yes = unnegatedMatches(text.replace(/\bif you ask me\b/gi, 'honestly'), YES_PHRASES);
  const negatedYes = hits(cleaned, YES_PHRASES).filter((p) => !yes.includes(p) && !['sure', 'certainly'].includes(p));
  const specificity = describeSpecificity(cleaned);
  const specific = specificity.observable;

  const result = (kind: HedgeKind, signals: string[], confidence: 'high' | 'low' = 'high'): HedgeResult => {
    const findings: Finding[] = [];
    if (kind === 'not_yet_vague' || (kind === 'soft_hedge' && specificity.vagueTerms.length > 0)) {
      for (const v of specificity.vagueTerms) {
        findings.push(finding('vague_criterion_heard', 'warning', `“${v.term}” is not something you can check off.`, v.advice));
      }
    }
    return { kind, confidence, label: LABELS[kind], signals: [...new Set(signals)], nextStep: hedgeNextStep(kind), findings };
  };

  const refusal = [...strongNo, ...weakNo];
  // 1. A refusal with no way forward named (or one that rules out the next cycle too).
  if (refusal.length > 0 && ((notYet.length === 0 && timebox.length === 0) || never.length > 0)) {
    return result('clear_no', [...refusal, ...never]);
  }
  // 2. "It's hard to articulate — it's a feel for the level."
  if (vague.length > 0) return result('not_yet_vague', vague);
  // 3. Not yet (explicitly, by doubting readiness, or a refusal limited to this cycle).
  if (notYet.length > 0 || negatedYes.length > 0 || refusal.length > 0) {
    const signals = [...notYet, ...negatedYes.map((p) => `not … ${p}`), ...refusal, ...timebox];
    return specific ? result('not_yet_specific', signals) : result('not_yet_vague', signals);
  }
  // 4. Avoidance; if concrete criteria came with it, it is really a not-yet with a list.
  if (hedge.length > 0 || notSayingNo.length > 0) {
    const signals = [...notSayingNo, ...hedge];
    return specific && yes.length === 0 ? result('not_yet_specific', signals) : result('soft_hedge', signals);
  }
  // 5. A bare time ("next cycle") is a not-yet with nothing to check against.
  if (timebox.length > 0 && yes.length === 0) {
    return specific ? result('not_yet_specific', timebox) : result('not_yet_vague', timebox);
  }
  if (yes.length > 0) return result('clear_yes', yes);
  // Praise with no commitment is the guide's textbook hedge; say so, with low confidence.
  return result('soft_hedge', [], 'low');
}
