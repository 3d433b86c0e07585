// Shared text handling for every rule that reads what people type or say.
// People write with curly quotes, no apostrophes at all, shouting caps and trailing
// ellipses; the rules should not care. Everything is lower-cased, contractions are
// expanded ("won't" → "will not") so negation is always a separate "not", and
// punctuation becomes clause breaks so "I'm not saying no, but…" stays two clauses.

const CONTRACTIONS: Array<[RegExp, string | ((m: string) => string)]> = [
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

/** True when any of the phrases occurs in the text (see phrasePattern). */
export function matchesAny(text: string, phrases: readonly string[]): string[] {
  const hay = ` ${plainWords(text)} `;
  return phrases.filter((p) => phrasePattern(p).test(hay));
}

const NEGATORS = new Set(['not', 'no', 'never', 'hardly', 'neither', 'nor', 'without', 'nobody', 'nothing']);

// Idioms that contain a negator but say something positive.
const POSITIVE_IDIOMS: Array<[RegExp, string]> = [
  [/\bno doubt\b/g, 'certainly'],
  [/\bno question\b/g, 'certainly'],
  [/\bno brainer\b/g, 'obvious'],
  [/\bnot only\b/g, 'also'],
  [/\bno problem\b/g, 'fine'],
  [/\bcan not wait\b/g, 'eager'],
  [/\bnot a doubt\b/g, 'certainly'],
];

/**
 * Finds phrases that occur in a clause without a negator in the few words before them:
 * "you are ready" matches "honestly, you are ready" but not "i do not think you are ready".
 */
export function unnegatedMatches(text: string, phrases: readonly string[], window = 5): string[] {
  const hits = new Set<string>();
  for (let clause of clauses(text)) {
    for (const [idiom, replacement] of POSITIVE_IDIOMS) clause = clause.replace(idiom, replacement);
    const hay = ` ${clause} `;
    for (const phrase of phrases) {
      const re = new RegExp(phrasePattern(phrase).source, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(hay)) !== null) {
        const before = hay.slice(0, m.index).trim().split(' ').slice(-window);
        if (!before.some((w) => NEGATORS.has(w))) {
          hits.add(phrase);
          break;
        }
        re.lastIndex = m.index + 1;
      }
    }
  }
  return [...hits];
}
