import { finding, type Finding } from './findings.js';
import { describeSpecificity } from './specificity.js';
import { findConcreteAsks } from './asks.js';
import { clauses, matchesAny, phraseHits, unnegatedMatches } from './text.js';

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

// The rules read the answer as cue families and decide by precedence (see
// classifyHedge): a refusal with no way back to yes > a concrete ask > vague criteria
// > deferral. Each family is a kind of move a manager makes, not a list of sentences.

// Advocacy: what a manager does for a promotion. Said plainly it is a commitment
// ("I'll nominate you"); negated in its clause it is a refusal ("I won't be
// nominating you", "I'm not comfortable recommending you", "I can't back it").
const ADVOCACY = [
  'nominat*', 'put you up', 'put you forward', 'putting you up', 'putting you forward', 'put your name*',
  'putting your name*', 'submit you', 'submitting you', 'submit your', 'sponsor*', 'endors*', 'recommend* you',
  'recommend* your', 'recommend* for promotion', 'champion*', 'advocat*', 'back you', 'back it', 'back this',
  'back your*', 'support it', 'support this', 'support you', 'support your*', 'support a promo*', 'support the promo*',
  'supportive', 'you have my support', 'my full support', 'my support', 'push for', 'pushing for', 'fight for',
  'go to bat', 'make the case', 'make your case', 'take your case', 'bring your name', 'vote for', 'promote you',
  'justify it', 'justify this', 'justify a promo*', 'sign off', 'make it happen', 'put you in', 'putting you in',
];

// Readiness stated about the engineer: plain, a yes; negated, doubt ("I don't think
// you're quite at staff"), which is a not-yet.
const READINESS = [
  'you are ... ready', 'ready for it', 'you are there', 'already operating', 'already at', 'operating at',
  'meet* the bar', 'clear* the bar', 'you are at ... level', 'at staff', 'at senior', 'at the next level',
  'at that level', 'at the level', 'staff material', 'senior material', 'get* through calibration',
  'make it through calibration', 'pass calibration',
];

// Other commitments that need no advocacy verb.
const COMMITMENTS = [
  'you deserve', 'deserve it', 'earned it', 'slam dunk', 'easy case', 'strong case', 'clear yes', 'let us do it',
  'go for it', 'count me in', 'on board', 'i agree', 'agreed', 'all in', 'long overdue', 'overdue', 'my vote',
  'in your corner', 'start the packet', 'start on the packet', 'write the packet', 'the packet', 'consider it done',
  'you have my backing', 'full backing', 'my backing', 'no brainer', 'obvious',
];
const COMMITMENT_CLAUSES = /^(?:.* )?(?:i am|you are) in$/;
// An answer that opens with a plain "yes" has answered the ask.
const OPENING_YES = /^(?:yes|yeah|yep|yup)(?: absolutely| definitely| of course)?$/;
// "I support it in principle" commits to nothing.
const QUALIFIED = ['in principle', 'in theory', 'on paper', 'in general'];

// Bare agreement: a yes when nothing else is said, but "definitely on my radar" is
// still a hedge.
const AGREEMENT = ['yes', 'yeah', 'yep', 'yup', 'absolutely', 'definitely', 'of course', 'for sure', 'certainly', 'sure', 'totally', '100%', 'sounds right', 'makes sense', 'sounds good'];

// Refusals that carry their own negation: a verdict ("the answer is no"), the size of
// the gap given as the reason ("the gap is too big"), the system ("promotions are
// frozen"), or a time frame longer than one cycle ("not this year").
const REFUSALS = [
  'the answer is no', 'my answer is no', 'answer is no', 'is a no', 'a no from me', 'have to say no', 'going to say no',
  'i am saying no', 'hard no', 'definitely not', 'absolutely not', 'not going to happen', 'not gonna happen',
  'not happening', 'will not happen', 'no chance', 'not a chance', 'not in the cards', 'off the table', 'no path',
  'not realistic', 'unrealistic', 'do not see you at', 'do not see you as', 'do not see you getting',
  'do not see it happening', 'do not see a ... case', 'do not see the scope', 'not see you as a', 'nowhere near',
  'not even close', 'far from ready', 'far from it', 'a long way off', 'a long way from', 'long way to go',
  'well short', 'way short', 'gap is ... too big', 'gap is ... too wide', 'gap is ... too large', 'too much of a gap',
  'too big a gap', 'too big a jump', 'too big a leap', 'too much of a jump', 'too far off', 'not the right fit',
  'not a fit', 'not for you', 'do not think you should', 'not going to be promoted', 'will not be promoted',
  'not getting promoted', 'not get promoted', 'not be promoted', 'vote against', 'oppose', 'opposing',
  'push back in calibration', 'declin* to', 'not promoting', 'not doing promo*', 'no promo*', 'no promotion*',
  'promotions are frozen', 'promotion freeze', 'no headcount', 'no budget', 'budget ... gone', 'not this year',
  'not for a while', 'not for a long time', 'not be able to get you', 'afraid not', 'love to say yes', 'wish i could',
  'wish i had better news', 'not what you want to hear', 'not the answer you want*',
];

// Verdicts that, negated, are a refusal ("I don't think promotion is realistic here").
const VERDICTS = ['realistic', 'likely', 'feasible', 'in the cards', 'on the cards'];

// Outcomes that, negated, are a refusal ("I don't think it'll happen for you"); said
// plainly they promise nothing ("keep going, it'll happen").
const OUTCOMES = ['it will happen', 'happen for you', 'see it happening', 'see that happening', 'you will get promoted', 'you will get there', 'you will get it'];

// Refusals that also close the following cycles: no way forward can soften them.
const FIRM_REFUSALS = [
  'and it will not', 'and there will not be', 'will not change', 'not going to change', 'not expect ... to change',
  'not any time soon', 'not anytime soon', 'never going to', 'will never', 'no path', 'not realistic',
  'unrealistic', 'not in the cards',
];
// Words that make a refusal firm when one is there ("not next cycle either").
const FIRM_QUALIFIERS = ['either', 'any time soon', 'anytime soon', 'ever', 'foreseeable future', 'not next', 'never', 'full stop', 'same next', 'or the next'];

// Stand-alone refusals at the start of a clause.
const WEAK_NO_CLAUSES = /^(?:so |and |then |yeah )?(no|nope|nah|honestly no|sorry no|unfortunately no|unfortunately not|sadly no|sadly not|i do not think so|i do not see it|i disagree|not really)(?! (doubt|question|problem|brainer|worries|pressure|rush|hesitation))( |$)/;

// Explicit "not yet": the door is open but something is missing first.
const NOT_YET_PHRASES = [
  'not yet', 'not quite', 'not there yet', 'not there', 'not ready', 'not this cycle', 'not this time', 'not this round',
  'not this half', 'not right now', 'not now', 'not at the moment', 'almost there', 'almost ready', 'close but',
  'getting close', 'getting there', 'you are close', 'so close', 'very close', 'pretty close', 'still a gap',
  'still some gaps', 'still a few gaps', 'there is a gap', 'there are gaps', 'there are a few gaps', 'main gap',
  'biggest gap', 'one gap', 'gap is', 'gaps are', 'a gap in', 'before i can', 'before we can', 'before i put',
  'before i would', 'before i nominate', 'before you are', 'first i would need', 'need to see', 'needs to see',
  'want to see', 'would like to see', 'would want to see', 'i would need you', 'we would need you',
  'would need to see', 'one more', 'a bit more', 'more evidence', 'too early', 'too soon', 'premature',
  'a little early', 'things missing', 'is missing', 'are missing', 'a few more months', 'more time', 'more runway',
  'a stretch', 'not at staff', 'not at the level', 'not at that level', 'need to work on', 'needs work',
  'hold off', 'another cycle', 'one more cycle', 'wait a cycle', 'not ... this cycle', 'not ... this round',
  'not ... this time',
];
// Not-yets that only say when, not what: next to a deferral ("Not right now, let's
// revisit in the spring") they are the deferral's own time frame.
const NOT_YET_TIMING = [
  'not right now', 'not now', 'not at the moment', 'not this cycle', 'not this time', 'not this round', 'not this half',
  'not ... this cycle', 'not ... this round', 'not ... this time',
];

// A clause that is only "Almost." or "Close.".
const NOT_YET_CLAUSES = /^(?:almost|close|nearly|so close|not yet|not quite)$/;

// Ways back to yes that keep a refusal open: "…yet", "if you…", "once you…", "show me…".
const CONDITIONS = [
  'if you', 'once you', 'when you', 'after you', 'as soon as you', 'provided you', 'assuming you', 'as long as you',
  'until you', 'unless you', 'before you', 'before i can', 'before i would', 'before i nominate', 'show me',
  'need to see', 'want to see', 'would like to see', 'like to see', 'i would need you', 'need you to', 'want you to',
];
const SOFTENERS = ['yet', 'not quite'];
// Only when not negated: "not even close" is no softener.
const NEARLY = ['almost', 'close', 'getting there', 'nearly'];

// Time words that, said about the promotion itself, make a not-yet ("next cycle").
const NEXT_TIME_PHRASES = ['next cycle', 'next round', 'next year', 'next half', 'next time', 'next calibration', 'next spring', 'next fall', 'next autumn', 'in the spring', 'in the fall'];

// Demands on the engineer: with vague words ("be more strategic") they are vague criteria.
const DEMANDS = [
  'you need to', 'you need more', 'you need a bit', 'you would need to', 'you will need to', 'you have to',
  'you have got to', 'you should', 'you must', 'you gotta', 'i need you to', 'i want you to', 'work on your',
  'see more', 'see you', 'would like more', 'want more', 'need more',
];
// Encouragement reads like a vague criterion but is the guide's textbook hedge.
const ENCOURAGEMENT = ['keep doing what you are doing', 'keep it up', 'keep up the good work', 'keep up the great work', 'above and beyond'];

// The "not yet, but I can't say what" family: the guide's "a feel for the level".
const VAGUE_MARKERS = [
  'hard to articulate', 'hard to explain', 'hard to put', 'hard to pin down', 'hard to describe', 'hard to define',
  'difficult to articulate', 'difficult to explain', 'difficult to pin down', 'difficult to put', 'tough to articulate',
  'tough to explain', 'put my finger on', 'feel for the level', 'a feel', 'a feeling', 'gut feel*', 'gut says',
  'just a sense', 'a sense that', 'know it when', 'vibe*', 'intangible*', 'something missing', 'something is missing',
  'not sure exactly what', 'can not say exactly', 'can not really say', 'hard to say exactly', 'not one thing',
  'not any one thing', 'not any single thing', 'not something i can', 'not a checklist', 'not a box', 'je ne sais quoi',
  'the whole package', 'x factor', 'can not point to', 'can not quite explain', 'can not explain',
];

// Deferral: the conversation itself is pushed to later ("let's revisit closer to review
// season"). A warm deferral names a time but no criteria, so it is a hedge.
const DEFERRALS = [
  'revisit*', 'circle back', 'come back to', 'get back to you', 'pick ... up again', 'pick it up', 'pick this up',
  'regroup', 'touch base', 'reconnect', 'follow up', 'hold that thought', 'put a pin', 'park this', 'park it',
  'table this', 'table it', 'sleep on it', 'mull*', 'have a think', 'think about it', 'think it over', 'need to think',
  'let me think', 'need some time', 'ask me again', 'raise it again', 'bring it up again', 'keep talking',
  'keep the conversation', 'schedule ... chat', 'schedule ... conversation', 'schedule it', 'proper chat',
  'wait and see', 'we will see', 'let us see', 'lets see', 'see how ... go*', 'see how ... shape*', 'see where ... land*',
  'see how ... play* out', 'see how ... shake* out', 'talk about it later', 'talk later', 'in due course',
  'down the road', 'down the line', 'at some point', 'eventually', 'in the future', 'longer term', 'long term',
  'play it by ear',
];
// "talk / discuss / chat" + a later time in the same clause is a deferral too.
const CONVERSATION = ['talk*', 'discuss*', 'chat*', 'conversation', 'look at it', 'look at this', 'sync*', 'meet', 'check in*', 'come back'];
const LATER = [
  'later', 'closer to', 'after the', 'next month', 'next quarter', 'next week', 'in a few', 'in a couple', 'new year',
  'when the', 'once the', 'until the', 'in the fall', 'in the spring', 'in the summer', 'in the winter', 'again', 'more',
];

// Avoidance: buys time without committing either way.
const AVOIDANCE = [
  'on the radar', 'on my radar', 'on our radar', 'keep ... in mind', 'keep an eye on', 'on my list', 'set you up',
  'setting you up', 'when the time is right', 'when the timing is right', 'the right time', 'timing is right',
  'the timing', 'let me check', 'let me talk to', 'let me sync', 'let me get back', 'let me see', 'let me ask',
  'let me look', 'let me take', 'let me raise', 'let me find', 'let you know', 'raise it with', 'take it to',
  'get a read', 'table this', 'not saying no', 'not a no', 'not ruling it out', 'not ruling anything out',
  'not against it', 'open to it', 'open to the idea', 'in principle', 'keep doing what you are doing',
  'keep up the great work', 'keep up the good work', 'keep it up', 'keep going', 'no rush', 'not rush', 'do not rush',
  'no pressure', 'on the right track', 'on track', 'trajectory', 'good path', 'we should discuss', 'look into',
  'it depends', 'hard to say', 'too early to say', 'too early to tell', 'see what i can do', 'do my best',
  'i will try', 'can not promise', 'no promises', 'can not commit', 'before i commit', 'who knows',
  'fingers crossed', 'it is complicated', 'find out', 'run it by', 'run this by', 'check with', 'weigh in',
  'talk to my', 'talk to hr', 'sync with', 'loop in', 'not up to me', 'not my call', 'not really my call',
  'not only my call', 'out of my hands', 'pay grade', 'make sure we are', 'want to make sure', 'we can talk',
  'worth discussing', 'good conversation', 'important conversation', 'big conversation', 'noted', 'i hear you',
  'hear you', 'fair enough', 'something to think about', 'something to aim for', 'something to work toward*',
  'we will get there', 'you will get there', 'it will happen', 'figure it out', 'get ahead of ourselves',
  'good question', 'great question', 'interesting',
];
// The manager's own decision: "not … yet" next to these is avoidance, not a verdict.
const NONCOMMITTAL = /\b(commit|decide|decided|promise|say|tell|know)\b/;

// Uncertainty with nothing else said.
const UNCERTAINTY = ['maybe', 'might', 'possibly', 'perhaps', 'unsure', 'not sure', 'we will see'];

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

interface HedgeCues {
  refusal: string[];
  firm: string[];
  doorOpen: string[];
  /** "if you…", "once you…", "show me…": what would turn the answer into a yes. */
  conditions: string[];
  notSayingNo: string[];
  notYet: string[];
  /** True when every not-yet only says "not now", with no sign of what is missing. */
  timingOnly: boolean;
  asks: string[];
  askBeforeYes: boolean;
  commitment: string[];
  agreement: string[];
  vagueMarkers: string[];
  vagueDemand: string[];
  vagueTerms: string[];
  deferral: string[];
  uncertainty: string[];
  nextTime: string[];
}

function readCues(text: string): HedgeCues {
  // "if you ask me" is an opinion marker, not a condition.
  const said = text.replace(/\bif you ask me\b/gi, 'honestly');
  const cl = clauses(said);
  const has = (phrases: readonly string[]) => hits(said, phrases);

  const notSayingNo = has(['not saying no', 'not a no', 'not ruling it out', 'not ruling anything out', 'not against it', 'would not say no']);
  const advocacy = phraseHits(said, ADVOCACY);
  const readiness = phraseHits(said, READINESS);
  // "not … yet" about the engineer is a not-yet; about the manager's own decision
  // ("I can't commit to anything yet") it is avoidance.
  const yetClauses = cl.filter((c) => /\byet\b/.test(c) && /\b(not|no|never|nobody|nothing)\b/.test(c));
  const undecided = yetClauses.filter((c) => NONCOMMITTAL.test(c));
  const negatedYet = yetClauses.length > undecided.length ? ['not … yet'] : [];
  const weakNo = cl.filter((c) => WEAK_NO_CLAUSES.test(c)).map((c) => c.split(' ').slice(0, 3).join(' '));
  const firmRefusal = has(FIRM_REFUSALS);
  const negatedOutcome = phraseHits(said, [...OUTCOMES, ...VERDICTS]).negated.map((p) => `not … ${p}`);
  const refusal = notSayingNo.length > 0 ? [] : [...has(REFUSALS), ...advocacy.negated.map((p) => `not … ${p}`), ...negatedOutcome, ...weakNo, ...firmRefusal];
  const asks = findConcreteAsks(said);
  const conditions = has(CONDITIONS);
  const commitment =
    has(QUALIFIED).length > 0
      ? []
      : [
          ...advocacy.unnegated,
          ...readiness.unnegated,
          ...unnegatedMatches(said, COMMITMENTS),
          ...(cl.some((c) => COMMITMENT_CLAUSES.test(c)) ? ['… in'] : []),
          ...(OPENING_YES.test(cl[0] ?? '') ? ['yes'] : []),
        ];
  const firstClause = (pred: (c: string) => boolean) => cl.findIndex(pred);
  const askAt = firstClause((c) => findConcreteAsks(c).length > 0);
  const yesAt = firstClause((c) => phraseHits(c, [...ADVOCACY, ...READINESS, ...COMMITMENTS]).unnegated.length > 0 || COMMITMENT_CLAUSES.test(c) || OPENING_YES.test(c));
  const vagueTerms = describeSpecificity(said).vagueTerms.map((v) => v.term).filter((t) => !ENCOURAGEMENT.includes(t));
  const demands = has(DEMANDS);
  const conversationLater = cl.some((c) => hits(c, CONVERSATION).length > 0 && hits(c, LATER).length > 0 && !/\b(yet|first)\b/.test(c));

  return {
    refusal,
    firm: [...firmRefusal, ...(refusal.length > 0 ? has(FIRM_QUALIFIERS) : [])],
    doorOpen: [...has(SOFTENERS), ...unnegatedMatches(said, NEARLY), ...conditions, ...asks],
    conditions,
    notSayingNo,
    timingOnly: has(NOT_YET_PHRASES).every((p) => NOT_YET_TIMING.includes(p)) && readiness.negated.length === 0 && negatedYet.length === 0,
    notYet: [...has(NOT_YET_PHRASES), ...(cl.some((c) => NOT_YET_CLAUSES.test(c)) ? ['almost'] : []), ...readiness.negated.map((p) => `not … ${p}`), ...negatedYet],
    asks,
    askBeforeYes: askAt >= 0 && (yesAt < 0 || askAt < yesAt),
    commitment,
    agreement: unnegatedMatches(said, AGREEMENT),
    vagueMarkers: has(VAGUE_MARKERS),
    vagueDemand: demands.length > 0 ? [...demands, ...vagueTerms] : [],
    vagueTerms,
    deferral: [...has(DEFERRALS), ...(conversationLater ? ['talk … later'] : []), ...has(AVOIDANCE), ...notSayingNo, ...(undecided.length > 0 ? ['not decided yet'] : [])],
    uncertainty: has(UNCERTAINTY),
    nextTime: has(NEXT_TIME_PHRASES),
  };
}

/**
 * Classifies what the manager said about the promotion ask. Precedence, highest first:
 * a refusal with no way back to yes (a time frame or a reason does not soften it,
 * "yet", "if you…" or a concrete ask does); a concrete ask (criteria you can check);
 * vague criteria; a commitment; deferral and avoidance; a bare "next cycle".
 */
export function classifyHedge(text: string): HedgeResult {
  const cues = readCues(text);
  const specificity = describeSpecificity(text);

  const result = (kind: HedgeKind, signals: string[], confidence: 'high' | 'low' = 'high'): HedgeResult => {
    const findings: Finding[] = [];
    if (kind === 'not_yet_vague' || (kind === 'soft_hedge' && specificity.vagueTerms.length > 0)) {
      for (const v of specificity.vagueTerms) {
        findings.push(finding('vague_criterion_heard', 'warning', `“${v.term}” is not something you can check off.`, v.advice));
      }
    }
    return { kind, confidence, label: LABELS[kind], signals: [...new Set(signals)], nextStep: hedgeNextStep(kind), findings };
  };

  // 1. A refusal stands unless it names a way back; one that closes later cycles always stands.
  const refusing = cues.refusal.length > 0;
  if (refusing && (cues.firm.length > 0 || cues.doorOpen.length === 0)) return result('clear_no', [...cues.refusal, ...cues.firm]);
  const notYet = [...cues.notYet, ...cues.refusal];
  const committed = cues.commitment.length > 0 && notYet.length === 0;

  // 2. Criteria you can check make it a not-yet with a plan, however warm the rest;
  //    except homework that follows a plain commitment ("I'll nominate you; send me the draft").
  const homework = committed && !cues.askBeforeYes && cues.conditions.length === 0 && cues.notSayingNo.length === 0;
  if (cues.asks.length > 0 && !homework) {
    return result('not_yet_specific', [...cues.asks, ...notYet, ...cues.deferral]);
  }
  // 3. "It's hard to articulate — it's a feel for the level."
  if (cues.vagueMarkers.length > 0) return result('not_yet_vague', [...cues.vagueMarkers, ...notYet]);
  // 4. A commitment with no "not yet" beside it.
  if (committed) return result('clear_yes', cues.commitment);
  // 5. Not yet, or "you need to be more strategic": criteria nobody can check. A bare
  //    "not right now" beside a deferral is the deferral's time frame, not a criterion.
  const deferredNotYet = cues.timingOnly && !refusing && cues.deferral.length > 0 && cues.vagueDemand.length === 0;
  if (!deferredNotYet && (notYet.length > 0 || cues.vagueDemand.length > 0)) return result('not_yet_vague', [...notYet, ...cues.vagueDemand]);
  // 6. Deferral and avoidance.
  if (cues.deferral.length > 0) return result('soft_hedge', cues.deferral);
  // 7. Vague words or a bare "next cycle" said about the promotion: a not-yet with nothing to check.
  if ((cues.vagueTerms.length > 0 || cues.nextTime.length > 0) && cues.agreement.length === 0) {
    return result('not_yet_vague', [...cues.vagueTerms, ...cues.nextTime]);
  }
  if (cues.uncertainty.length > 0) return result('soft_hedge', cues.uncertainty);
  if (cues.agreement.length > 0) return result('clear_yes', cues.agreement);
  // Praise with no commitment is the guide's textbook hedge; say so, with low confidence.
  return result('soft_hedge', [], 'low');
}
