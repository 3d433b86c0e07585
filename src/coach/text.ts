// Shared text handling for every rule that reads what people type or say.
// People write with curly quotes, no apostrophes at all, shouting caps and trailing
// ellipses; the rules should not care. Everything is lower-cased, contractions are
// expanded ("won't" → "will not") so negation is always a separate "not", and
// punctuation becomes clause breaks so "I'm not saying no, but…" stays two clauses.

// Irregular past participles people use in wins and 1:1s; regular ones end in "-ed".
const IRREGULAR_PARTICIPLES = new Set([
  'done', 'been', 'gone', 'seen', 'had', 'made', 'written', 'taken', 'given', 'known', 'shown', 'got', 'gotten', 'led',
  'run', 'built', 'sent', 'left', 'heard', 'thought', 'found', 'brought', 'begun', 'spoken', 'said', 'told', 'become',
  'come', 'met', 'kept', 'felt', 'lost', 'won', 'paid', 'put', 'set', 'read', 'drawn', 'driven', 'grown', 'thrown',
  'taught', 'bought', 'caught', 'fought', 'held', 'stood', 'understood', 'spent', 'forgotten', 'chosen', 'broken',
  'fallen', 'flown', 'ridden', 'risen', 'shipped', 'cut', 'hit', 'let', 'quit', 'shut', 'split', 'spread',
]);
// Base verbs that merely end in "-ed": "I'd need" is "I would need".
const ED_BASE_VERBS = new Set(['need', 'feed', 'proceed', 'succeed', 'exceed', 'bleed', 'heed', 'speed', 'breed', 'seed', 'weed', 'embed', 'shed', 'wed', 'shred']);

function isPastParticiple(word: string): boolean {
  return IRREGULAR_PARTICIPLES.has(word) || (/^[a-z]{2,}ed$/.test(word) && !ED_BASE_VERBS.has(word));
}

type Replacer = (match: string, ...groups: string[]) => string;

const CONTRACTIONS: Array<[RegExp, string | Replacer]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/\blet's\b/g, 'let us'],
  [/n't\b/g, ' not'],
  [/\bi'm\b/g, 'i am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  // "'d" is "had" before a past participle ("I'd done", "I'd already shipped") and
  // "would" otherwise ("I'd need", "I'd like").
  [/'d\b(?=((?:\s+(?:already|just|never|ever|only|actually|really|also|since|all))*)\s+([a-z]+))/g, (_m, _adverbs, next) => (isPastParticiple(next ?? '') ? ' had' : ' would')],
  [/'d\b/g, ' would'],
  [/\b(it|that|there|here|what|who|he|she)'s\b/g, '$1 is'],
  // Apostrophe-less spellings that are common in chat and never ambiguous here.
  [/\b(dont|doesnt|didnt|isnt|arent|wasnt|werent|wouldnt|couldnt|shouldnt|havent|hasnt|hadnt)\b/g, (m: string) => `${m.slice(0, -2)} not`],
  [/\bcant\b/g, 'can not'],
  [/\bwont\b/g, 'will not'],
  [/\bim\b/g, 'i am'],
  [/\bive\b/g, 'i have'],
  [/\byoure\b/g, 'you are'],
  [/\blets\b/g, 'let us'],
  [/\bthats\b/g, 'that is'],
];

/** Lower-case, straight quotes, contractions expanded; punctuation kept. */
export function normalizeText(text: string): string {
  let out = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\u2026/g, '...');
  for (const [pattern, replacement] of CONTRACTIONS) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

/** Lower-case words only: contractions expanded, hyphens and punctuation become spaces. */
export function plainWords(text: string): string {
  return normalizeText(text)
    .replace(/[^a-z0-9%$]+/g, ' ')
    .trim();
}

/**
 * Clauses: split on sentence punctuation, dashes, commas and "but"/"though", so that a
 * negation only reaches the words of its own clause.
 */
export function clauses(text: string): string[] {
  return normalizeText(text)
    .split(/[.!?;:,()\n]+|\s-+\s|\b(?:but|though|although|however)\b/)
    .map((c) => c.replace(/[^a-z0-9%$]+/g, ' ').trim())
    .filter((c) => c.length > 0);
}

/** Sentences of the original text, for "is the ask in the first sentence?" questions. */
export function sentences(text: string): string[] {
  return text
    .replace(/\u2026/g, '...')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function wordCount(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patternCache = new Map<string, RegExp>();

/**
 * A phrase matcher over plainWords() text. Each phrase is plain words; a trailing "*"
 * on a word lets it match any ending ("mentor*" → mentored, mentoring), and "…" in the
 * middle allows up to four words in between ("keep … radar").
 */
export function phrasePattern(phrase: string): RegExp {
  const cached = patternCache.get(phrase);
  if (cached) return cached;
  const parts = plainWords(phrase.replace(/\*/g, 'qqstar').replace(/\.\.\.|…/g, ' qqgap '))
    .split(' ')
    .filter((p) => p.length > 0)
    .map((p) => {
      if (p === 'qqgap') return '(?:\\S+ ){0,4}';
      if (p.endsWith('qqstar')) return `${escapeRegExp(p.slice(0, -6))}\\w*\\s`;
      return `${escapeRegExp(p)}\\s`;
    });
  const pattern = new RegExp(`(?:^|\\s)${parts.join('')}`);
  patternCache.set(phrase, pattern);
  return pattern;
}

const anchoredCache = new Map<string, RegExp>();

/**
 * How many words of `words`, starting exactly at `index`, the first matching phrase
 * covers (0 when none starts there). For rules that care about word order: an action
 * at the start of a clause, a thing right after a verb.
 */
export function phraseAt(words: readonly string[], index: number, phrases: readonly string[]): number {
  const hay = ` ${words.slice(index).join(' ')} `;
  for (const phrase of phrases) {
    let re = anchoredCache.get(phrase);
    if (!re) {
      re = new RegExp(`^\\s${phrasePattern(phrase).source.slice('(?:^|\\s)'.length)}`);
      anchoredCache.set(phrase, re);
    }
    const m = re.exec(hay);
    if (m) return m[0].trim().split(' ').length;
  }
  return 0;
}

/** True when any of the phrases occurs in the text (see phrasePattern). */
export function matchesAny(text: string, phrases: readonly string[]): string[] {
  const hay = ` ${plainWords(text)} `;
  return phrases.filter((p) => phrasePattern(p).test(hay));
}

// "unsure" and "doubt" negate what follows: "I doubt you're ready".
const NEGATORS = new Set(['not', 'no', 'never', 'hardly', 'neither', 'nor', 'without', 'nobody', 'nothing', 'unsure', 'doubt']);

// "I don't think…" negates everything it introduces, however long the clause.
const NEGATED_OPINION = /\b(?:not|never) (?:really )?(?:think|believe|expect|feel|imagine|reckon|see)\b/;

// Idioms that contain a negator but say something positive.
const POSITIVE_IDIOMS: Array<[RegExp, string]> = [
  [/\bno doubt\b/g, 'certainly'],
  [/\bno question\b/g, 'certainly'],
  [/\bno brainer\b/g, 'obvious'],
  [/\bnot only\b/g, 'also'],
  [/\bno problem\b/g, 'fine'],
  [/\bcan not wait\b/g, 'eager'],
  [/\bnot a doubt\b/g, 'certainly'],
  [/\bwithout (?:a|any) doubt\b/g, 'certainly'],
  [/\bno hesitation\b/g, 'certainly'],
  // Uncertainty, not refusal: "I'm not sure I can support it" is a hedge.
  [/\bnot (?:sure|certain)\b/g, 'unsure'],
];

/** A clause with the positive idioms that contain a negator rewritten away. */
function withoutPositiveIdioms(clause: string): string {
  let out = clause;
  for (const [idiom, replacement] of POSITIVE_IDIOMS) out = out.replace(idiom, replacement);
  return out;
}

export interface PhraseHits {
  /** Phrases found at least once with no negator in reach. */
  unnegated: string[];
  /** Phrases found at least once with a negator in the few words before them or inside them. */
  negated: string[];
}

/**
 * Finds each phrase clause by clause and says whether a negator governs it: one of the
 * `window` words before it in the same clause, or a word inside the match ("you are
 * not ready" against "you are … ready"). A negation never reaches past a clause break,
 * so "I'm not saying no, but I'll nominate you" keeps the nomination.
 */
export function phraseHits(text: string, phrases: readonly string[], window = 5): PhraseHits {
  const unnegated = new Set<string>();
  const negated = new Set<string>();
  for (const clause of clauses(text)) {
    const hay = ` ${withoutPositiveIdioms(clause)} `;
    for (const phrase of phrases) {
      const re = new RegExp(phrasePattern(phrase).source, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(hay)) !== null) {
        const head = hay.slice(0, m.index);
        const before = head.trim().split(' ').slice(-window);
        const inside = m[0].trim().split(' ');
        if (before.some((w) => NEGATORS.has(w)) || inside.some((w) => NEGATORS.has(w)) || NEGATED_OPINION.test(head)) negated.add(phrase);
        else unnegated.add(phrase);
        re.lastIndex = m.index + 1;
      }
    }
  }
  return { unnegated: [...unnegated], negated: [...negated] };
}

/**
 * Finds phrases that occur in a clause without a negator in the few words before them:
 * "you are ready" matches "honestly, you are ready" but not "i do not think you are ready".
 */
export function unnegatedMatches(text: string, phrases: readonly string[], window = 5): string[] {
  return phraseHits(text, phrases, window).unnegated;
}
