import type { Ladder } from '../ladder/types.js';
import { defaultLadder } from '../ladder/default-ladder.js';
import { resolveLevel } from '../ladder/ladder-queries.js';
import { finding, type Finding } from './findings.js';
import { findLevelMentions } from './level-mentions.js';
import { matchesAny, phrasePattern, plainWords, sentences } from './text.js';

// Guide, Act 1 "State the target": the first sentence names the level you want and
// the cycle you are aiming for, because it is the sentence your manager will repeat
// to themselves later. A vague opener ("my career trajectory") or an ask hidden after
// small talk leaves the manager to guess what is being asked.

export type OpeningVerdict = 'clear' | 'buried_ask' | 'vague_ask' | 'missing_level' | 'missing_cycle';

export interface OpeningInput {
  text: string;
  /** The user's target level (id, name or alias), used for the rewrite. */
  targetLevel?: string;
  /** The user's target cycle as they name it ("H2 2027", "next cycle"), used for the rewrite. */
  cycle?: string;
  ladder?: Ladder;
}

export interface OpeningResult {
  verdict: OpeningVerdict;
  asksForPromotion: boolean;
  namesLevel: boolean;
  namesCycle: boolean;
  /** The ask (and the level) are in the first sentence. */
  askUpFront: boolean;
  /** Id of the first level named, if any. */
  levelMentioned?: string;
  findings: Finding[];
  /** A suggested opening built from the user's own level and cycle; absent when the opening is clear. */
  rewrite?: string;
}

const ASK_PHRASES = [
  'promot*', 'promo', 'next level', 'level up', 'move up', 'go up a level', 'step up to', 'put me up', 'put me forward',
  'put my name forward', 'nominat*', 'considered for', 'make the jump', 'the jump to', 'get to', 'move to', 'moving to',
  'become a', 'become', 'make staff', 'make senior', 'make principal', 'reach', 'go for', 'going for', 'aiming for', 'aim for',
  'target', 'ready for', 'bump to', 'title', 'packet', 'up for',
];

// Phrases that talk around the ask instead of making it.
const VAGUE_PHRASES = [
  'career trajectory', 'what comes next', 'what is next', 'what the future', 'my future', 'my growth', 'my career',
  'career growth', 'career path', 'career goals', 'where i am heading', 'where i am going', 'long term path',
  'next steps', 'my development', 'how i am doing', 'general check in', 'grow here', 'growth opportunities',
];

const CYCLE_PHRASES = [
  'cycle', 'calibration', 'calibrations', 'review period', 'perf review*', 'performance review*', 'review season',
  'promo round', 'round', 'h1', 'h2', 'first half', 'second half', 'this half', 'next half', 'q1', 'q2', 'q3', 'q4',
  'spring', 'summer', 'fall', 'autumn', 'winter', 'mid year', 'midyear', 'end of year', 'end of the year', 'year end',
  'this year', 'next year', 'by january', 'by february', 'by march', 'by april', 'by may', 'by june', 'by july',
  'by august', 'by september', 'by october', 'by november', 'by december', 'in january', 'in february', 'in march',
  'in april', 'in may', 'in june', 'in july', 'in august', 'in september', 'in october', 'in november', 'in december',
];

const TENTATIVE_PHRASES = [
  'i was wondering', 'i wonder', 'maybe', 'perhaps', 'kind of', 'sort of', 'if possible', 'if that is ok', 'not sure if',
  'i guess', 'hopefully', 'at some point', 'someday', 'one day', 'eventually',
];

// Words that show the first sentence is an agenda with the ask at the end of it.
const PREAMBLE_PHRASES = ['agenda', 'and then', 'after that', 'a few things', 'couple of things', 'first', 'update on', 'also'];

/** Word offset of the earliest match of any phrase in plainWords(text), or -1. */
function firstIndex(text: string, phrases: readonly string[]): number {
  const hay = ` ${plainWords(text)} `;
  let best = -1;
  for (const p of phrases) {
    const m = phrasePattern(p).exec(hay);
    if (m && (best === -1 || m.index < best)) best = m.index;
  }
  return best;
}

function namesCycleIn(text: string, userCycle?: string): boolean {
  if (/\b(19|20)\d\d\b/.test(text)) return true;
  if (userCycle && userCycle.trim().length > 0 && matchesAny(text, [userCycle]).length > 0) return true;
  return matchesAny(text, CYCLE_PHRASES).length > 0;
}

function cyclePhrase(cycle: string | undefined): string {
  const c = (cycle ?? '').trim().replace(/^the\s+/i, '');
  if (c.length === 0) return 'in the [target cycle] cycle';
  if (/\b(cycle|calibration|round|review)\b/i.test(c)) return `in the ${c}`;
  return `in the ${c} cycle`;
}

/**
 * An opening built from the user's own level and cycle. Missing parts become
 * bracketed placeholders so the user sees exactly what to fill in.
 */
export function suggestOpening(args: { levelName?: string; cycle?: string }): string {
  const level = args.levelName?.trim() || '[target level]';
  return (
    `My goal is to be promoted to ${level} ${cyclePhrase(args.cycle)}. ` +
    'I’d like us to use this meeting to compare my last year of work with that level, agree on the gap that’s left, and plan how we close it together.'
  );
}

export function lintOpening(input: OpeningInput): OpeningResult {
  const ladder = input.ladder ?? defaultLadder;
  const text = input.text.trim();
  const all = sentences(text);
  const first = all[0] ?? '';
  const openingPart = all.slice(0, 2).join(' ');

  const mentions = findLevelMentions(ladder, text);
  const firstMentions = findLevelMentions(ladder, first);
  const asksForPromotion = matchesAny(text, ASK_PHRASES).length > 0 || mentions.length > 0;
  const askAt = firstIndex(first, [...ASK_PHRASES, ...(firstMentions[0] ? [firstMentions[0].level.name] : [])]);
  const preambleAt = firstIndex(first, PREAMBLE_PHRASES);
  const askInFirst = (matchesAny(first, ASK_PHRASES).length > 0 || firstMentions.length > 0) && !(preambleAt >= 0 && askAt >= 0 && preambleAt < askAt);
  const namesLevel = mentions.length > 0;
  const levelInFirst = firstMentions.length > 0;
  const namesCycle = namesCycleIn(openingPart, input.cycle);
  const vague = matchesAny(text, VAGUE_PHRASES);
  const tentative = matchesAny(first, TENTATIVE_PHRASES);

  const target = input.targetLevel ? resolveLevel(ladder, input.targetLevel) : undefined;
  const levelName = target?.name ?? mentions[0]?.level.name ?? input.targetLevel;
  const rewrite = suggestOpening({ levelName, cycle: input.cycle });

  const findings: Finding[] = [];
  let verdict: OpeningVerdict;
  if (!namesLevel && (!asksForPromotion || vague.length > 0)) {
    verdict = 'vague_ask';
    findings.push(
      finding(
        'vague_ask',
        'error',
        vague.length > 0
          ? `“${vague[0]}” talks around the ask: your manager can’t tell you want a promotion, or to which level.`
          : 'The opening never says you want a promotion or which level you are aiming for.',
        'Say the level and the cycle in your very first sentence.',
      ),
    );
  } else if (!askInFirst || (namesLevel && !levelInFirst)) {
    verdict = 'buried_ask';
    findings.push(
      finding(
        'buried_ask',
        'error',
        'The ask comes after other talk; the first sentence is the one your manager will remember.',
        'Move the level and the cycle into the first sentence, then explain.',
      ),
    );
  } else if (!namesLevel) {
    verdict = 'missing_level';
    findings.push(
      finding('missing_level', 'error', 'The opening asks for a promotion but does not name the level.', 'Name the exact level, e.g. the title on your ladder.'),
    );
  } else if (!namesCycle) {
    verdict = 'missing_cycle';
    findings.push(
      finding('missing_cycle', 'warning', 'The opening names the level but not the cycle you are aiming for.', 'Add which calibration cycle you are targeting, e.g. “in the next cycle”.'),
    );
  } else {
    verdict = 'clear';
  }

  if (tentative.length > 0) {
    findings.push(
      finding('tentative_wording', 'warning', `“${tentative[0]}” makes the ask sound optional.`, 'State it as a goal: “My goal is…”, “I want…”.'),
    );
  }
  const mentioned = mentions[0]?.level;
  if (target && mentioned && mentioned.id !== target.id) {
    findings.push(
      finding('level_mismatch', 'warning', `The opening names ${mentioned.name}, but your target level is ${target.name}.`, `Use ${target.name} so the ask matches your plan.`),
    );
  }

  return {
    verdict,
    asksForPromotion,
    namesLevel,
    namesCycle,
    askUpFront: askInFirst && levelInFirst,
    ...(mentioned ? { levelMentioned: mentioned.id } : {}),
    findings,
    ...(verdict === 'clear' ? {} : { rewrite }),
  };
}
