import type { Ladder, Level } from '../ladder/types.js';
import { plainWords } from './text.js';

// Which ladder levels a piece of text names. A level is recognised by its display
// name, its id read as words ("senior_staff" → "senior staff") and its aliases. The
// longest match wins so "senior staff" is not also read as "senior" and "staff".

function levelPhrases(level: Level): string[] {
  return [level.name, level.id.replace(/[_.-]+/g, ' '), ...(level.aliases ?? [])]
    .map((p) => plainWords(p))
    .filter((p) => p.length > 0);
}

export interface LevelMention {
  level: Level;
  /** Word offset of the mention in plainWords(text). */
  at: number;
}

export function findLevelMentions(ladder: Ladder, text: string): LevelMention[] {
  const words = plainWords(text).split(' ');
  const candidates = ladder.levels
    .flatMap((level) => levelPhrases(level).map((phrase) => ({ level, phrase: phrase.split(' ') })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const taken = new Array<boolean>(words.length).fill(false);
  const mentions: LevelMention[] = [];
  for (const { level, phrase } of candidates) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((w, k) => words[i + k] === w && !taken[i + k])) {
        for (let k = 0; k < phrase.length; k++) taken[i + k] = true;
        mentions.push({ level, at: i });
      }
    }
  }
  return mentions.sort((a, b) => a.at - b.at);
}
