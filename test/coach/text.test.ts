import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/coach/index.js';
import { phraseHits } from '../../src/coach/text.js';

describe('normalizeText', () => {
  it.each([
    ["I'd done the migration", 'i had done the migration'],
    ['I’d already shipped it', 'i had already shipped it'],
    ["we'd mentored two interns", 'we had mentored two interns'],
    ["she'd been on call", 'she had been on call'],
  ])('when "\'d" comes before a past participle (%j), then it is "had"', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it.each([
    ["I'd need more time", 'i would need more time'],
    ["I'd like to see you lead it", 'i would like to see you lead it'],
    ["you'd proceed", 'you would proceed'],
    ["that's what I'd", "that is what i would"],
  ])('when "\'d" comes before anything else (%j), then it is "would"', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe('phraseHits', () => {
  it('when a negator is before the phrase or inside it, then the phrase is negated; a clause break ends the negation', () => {
    expect(phraseHits("I don't think you're ready", ['you are ... ready'])).toEqual({ unnegated: [], negated: ['you are ... ready'] });
    expect(phraseHits('you are not ready', ['you are ... ready']).negated).toEqual(['you are ... ready']);
    expect(phraseHits("I'm not saying no, but I'll nominate you", ['nominat*']).unnegated).toEqual(['nominat*']);
  });

  it('when "I don\'t think" opens a long clause, then it negates the end of it', () => {
    expect(phraseHits("I don't think it's going to happen for you here", ['happen for you']).negated).toEqual(['happen for you']);
  });

  it('when "no doubt" or "not sure" is said, then it is read as certainty or doubt, not as a refusal', () => {
    expect(phraseHits('No doubt, you are ready', ['you are ... ready']).unnegated).toEqual(['you are ... ready']);
    expect(phraseHits("I'm not sure you're ready", ['you are ... ready']).negated).toEqual(['you are ... ready']);
  });
});
