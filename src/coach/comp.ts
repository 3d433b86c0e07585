// Guide, "The comp conversation is part of the promo conversation": internal
// promotions usually land near the bottom of the new band while outside hires at the
// same title start nearer the middle. Asking where in the band you would land, as
// part of the ask, makes pay part of the negotiation instead of a later surprise.

export interface CompInput {
  /** Display name of the target level, e.g. "Staff Engineer". */
  targetLevelName: string;
}

export interface CompQuestion {
  /** A line to add to the ask, in the engineer's voice. */
  question: string;
  /** Why it is worth asking. */
  why: string;
  /** What to expect back. */
  expect: string;
}

export function compQuestion(input: CompInput): CompQuestion {
  const level = input.targetLevelName.trim() || 'the next level';
  return {
    question: `If the promotion to ${level} goes through, where in the ${level} pay band would I land — and could we aim for about where someone hired from outside at that level would start?`,
    why: 'Internal promotions tend to be placed low in the new band, while external hires at the same title usually start nearer the middle. Raising it now makes pay part of the promotion talk instead of something you find out afterwards.',
    expect: 'Your manager may not know the band numbers and need to ask HR; that is fine — the question is now on the table.',
  };
}
