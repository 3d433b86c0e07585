import { describe, expect, it } from 'vitest';
import { classifyHedge, VAGUE_CRITERIA_MEANINGS, type HedgeKind } from '../../src/coach/index.js';
import { HEDGE_HELD_OUT } from './fixtures/hedge-held-out.js';
import { HEDGE_TUNING } from './fixtures/hedge-tuning.js';

// What managers actually say after "I'd like to be promoted". Written from real
// conversations' shapes: typos of punctuation, curly apostrophes, no apostrophes,
// caps, trailing ellipses, and negations that flip the meaning.
const CASES: Record<HedgeKind, string[]> = {
  clear_yes: [
    'Yes. I think you’re ready and I’ll put you up this cycle.',
    'Absolutely, I’m going to nominate you for staff.',
    "You have my support. Let's start on the packet next week.",
    'I agree, you are already operating at the next level.',
    "yeah, I'll put your name forward in the spring calibration",
    'Honestly? No doubt in my mind — you’re ready.',
    'I will advocate for you in calibration, 100%.',
    'Let’s go for it. I’ll make the case to the director.',
    'YES. This is a slam dunk, you deserve it.',
    'Definitely. You’ve earned it and I’ll back you in the room.',
    "If you ask me, you're ready — I'll submit your promo packet in March.",
    'I was going to bring it up myself, I’m putting you forward.',
    'Of course, I think it’s an easy case to make.',
    'Sure, let’s do it. I’ll fight for you.',
    'Im on board, youre already at staff level in my eyes',
    'I completely agree. Count me in, I will champion this.',
  ],
  clear_no: [
    'No.',
    'Honestly, no. I don’t see you at staff level.',
    'I’m not going to put you forward, and I don’t think it will change next cycle either.',
    "I can't support a promotion. You're nowhere near the bar.",
    'The answer is no.',
    "It's not going to happen, I'm sorry.",
    'Nope, not a chance.',
    'I would vote against it if it came up in calibration.',
    'Promotions are frozen for the whole org, so no promo.',
    'I don’t see it happening, not anytime soon.',
    'Im not putting you up, you are not even close',
    'I have to say no, I don’t think you should be at that level.',
    'No — and I wouldn’t support it next year either.',
    'Definitely not. You are far from ready.',
    'I dont see you as a staff engineer, honestly.',
    'There’s no headcount for promotions and there won’t be.',
  ],
  soft_hedge: [
    'You’re doing great work, let’s keep this on the radar. I want to make sure we’re setting you up well.',
    "I'm not saying no, but…",
    "I'm not saying no, but let's revisit this later in the year.",
    'Let me think about it and get back to you.',
    'Great question. Let’s circle back on this in a few weeks.',
    'It’s definitely on my radar!',
    'Keep doing what you’re doing and we’ll see.',
    'I hear you. Let me check with my director before I commit to anything.',
    'It’s not a no. Let’s see how things go this quarter.',
    'Possibly, it depends on a lot of things outside my control.',
    'You’re on the right track. Let’s not rush it.',
    "it's not really my call, I'd need to run it by the skip level",
    'That’s something to aim for down the road for sure.',
    'Hard to say right now, lots of moving parts.',
    'Maybe! Let’s talk about it later.',
    'You are doing really solid work and the team loves working with you.',
    'I’m open to the idea in principle.',
  ],
  not_yet_specific: [
    'Not yet. I need to see you lead a cross-team project end to end first — something like the billing migration.',
    'Not this cycle. Write the design doc for the new event pipeline and get it approved by the platform team, then we can talk.',
    'You’re close, but I’d want to see you mentor two of the new hires through their first on-call rotation.',
    'Once you’ve shipped the search rewrite and presented the results at the architecture review, I’ll put you up.',
    'I would need to see you own the incident process for the payments service for a quarter.',
    "The gap is cross-team work: lead the API deprecation with the mobile and web teams and I'd feel good about it.",
    'Almost there. One more launch where you drive the roadmap — the Q2 reporting project would be perfect.',
    'I’m not saying no, but I’d want to see you lead the design reviews for the data platform first.',
    "Not ready yet. If you can run the quarterly planning for the two teams in Q3, that closes it.",
    'Before I can put you forward, I’d need you to publish the reliability strategy doc and get both directors to sign off.',
    'Next cycle, if you land the migration off the legacy queue by June.',
    'I’d like to see you give a talk at the engineering all-hands about the caching work and mentor one senior engineer.',
    'not this time — you need to own the roadmap for the checkout team for two quarters',
    'Too early. Finish the latency project and write the postmortem process the SRE team adopts.',
    "You're not at staff yet; the main gap is written influence, so author two RFCs other teams build on.",
    'A bit more evidence: lead the vendor integration with the partner team and run the rollout.',
  ],
  not_yet_vague: [
    'It’s hard to articulate exactly — it’s just a feel for the level.',
    'Not yet. You need to show more ownership.',
    'Not quite there. I’d like to see you be more visible.',
    "You're not ready. You need to step up.",
    'I don’t think you’re ready.',
    "It's hard to put my finger on it, something is missing.",
    'Not this cycle.',
    'You’re getting there, you just need to be more strategic.',
    'I’ll know it when I see it.',
    'Not yet — operate at the next level for a while and it will be obvious.',
    "I don't think you're operating at staff yet, it's more of a gut feeling.",
    'Next year probably.',
    'There are still some gaps around leadership presence.',
    'It’s not one thing, it’s the whole package.',
    'Too early honestly, you need more impact.',
    'its a vibe thing, you are not quite there',
  ],
};

describe('classifyHedge', () => {
  for (const [kind, phrasings] of Object.entries(CASES) as Array<[HedgeKind, string[]]>) {
    it.each(phrasings)(`when the manager says %j, then it is ${kind}`, (text) => {
      expect(classifyHedge(text).kind).toBe(kind);
    });
  }

  it('when the table is counted, then every class has at least 15 phrasings', () => {
    for (const phrasings of Object.values(CASES)) expect(phrasings.length).toBeGreaterThanOrEqual(15);
  });

  it('when the manager says "I\'m not saying no, but…", then it is never read as a clear no', () => {
    for (const t of ["I'm not saying no, but…", 'I’M NOT SAYING NO BUT', 'im not saying no but lets wait']) {
      expect(classifyHedge(t).kind).not.toBe('clear_no');
    }
  });

  it('when readiness is negated, then the same words stop being a yes', () => {
    expect(classifyHedge('You are ready.').kind).toBe('clear_yes');
    expect(classifyHedge('I don’t think you are ready.').kind).not.toBe('clear_yes');
    expect(classifyHedge('I do not think you are ready.').kind).not.toBe('clear_yes');
  });

  it('when curly and straight apostrophes are used, then the class is the same', () => {
    expect(classifyHedge('You’re not ready yet.').kind).toBe(classifyHedge("You're not ready yet.").kind);
    expect(classifyHedge('It’s hard to articulate').kind).toBe(classifyHedge("It's hard to articulate").kind);
  });

  it('when it is a soft hedge, then the next step is a three-line script and the plan builder', () => {
    const r = classifyHedge('Let’s keep it on the radar.');
    expect(r.nextStep.script).toHaveLength(3);
    expect(r.nextStep.openPlanBuilder).toBe(true);
    expect(r.signals).toContain('on the radar');
  });

  it('when criteria are vague, then the next step explains the three usual meanings', () => {
    const r = classifyHedge('Hard to articulate, it’s a feel for the level.');
    expect(r.nextStep.meanings).toEqual([...VAGUE_CRITERIA_MEANINGS]);
    expect(r.nextStep.meanings).toHaveLength(3);
  });

  it('when the vague not-yet names a vague criterion, then it is flagged with advice', () => {
    const r = classifyHedge('Not yet, you need to show more ownership.');
    expect(r.findings.map((f) => f.code)).toContain('vague_criterion_heard');
    expect(r.findings[0]?.suggestion).toMatch(/own end to end/);
  });

  it('when nothing matches, then it falls back to a low-confidence soft hedge', () => {
    const r = classifyHedge('Thanks for bringing this up.');
    expect(r.kind).toBe('soft_hedge');
    expect(r.confidence).toBe('low');
  });

  it('when it is a clear yes, then the next step asks about band placement and does not open a plan', () => {
    const r = classifyHedge('Yes, I will nominate you.');
    expect(r.nextStep.openPlanBuilder).toBe(false);
    expect(r.nextStep.script?.join(' ')).toMatch(/band/);
  });
});

describe('classifyHedge on the failure classes of issue 7', () => {
  it.each([
    'Not this year.',
    'Not this year. The gap is too big.',
    'The gap is too big.',
    "I won't be nominating you.",
    "I won't be nominating you this cycle.",
    "You're great to work with, but I won't be nominating you.",
  ])('when a flat refusal gives a time frame or a reason (%j), then it is a clear no, not a vague not-yet', (text) => {
    expect(classifyHedge(text).kind).toBe('clear_no');
  });

  it.each(["Let's revisit closer to review season.", "let's revisit this closer to review time", 'We can talk about it again closer to calibration.'])(
    'when the manager warmly defers to a later date (%j), then it is a soft hedge, not a specific not-yet',
    (text) => {
      expect(classifyHedge(text).kind).toBe('soft_hedge');
    },
  );

  it.each(['Not this cycle: show me one more project where you …', 'Not this cycle: show me one more project where you lead the design across two teams.'])(
    'when the manager names a concrete criterion (%j), then it is a specific not-yet',
    (text) => {
      expect(classifyHedge(text).kind).toBe('not_yet_specific');
    },
  );

  it('when a refusal names a way back ("yet", "if you…"), then it is a not-yet, and one that closes the next cycle stays a no', () => {
    expect(classifyHedge("I can't support it yet.").kind).toBe('not_yet_vague');
    expect(classifyHedge("Not this year, but if you lead the SSO migration with the identity team I'll put you up in the spring.").kind).toBe('not_yet_specific');
    expect(classifyHedge("I won't put you up, and it won't be different next cycle either, even if you lead the migration.").kind).toBe('clear_no');
  });

  it('when a yes mentions the next cycle, then it is still a yes', () => {
    expect(classifyHedge("yes, you're in this cycle; next cycle we'll talk staff+").kind).toBe('clear_yes');
  });

  it('when a commitment depends on work still to do, then it is a specific not-yet; when the work follows a plain yes, it is a yes', () => {
    expect(classifyHedge("I'll nominate you once you've shipped the billing migration.").kind).toBe('not_yet_specific');
    expect(classifyHedge("Yes, I'll nominate you. Let's write the design doc summary together for the packet.").kind).toBe('clear_yes');
  });

  it('when a class is decided, then the signals name the words that decided it', () => {
    expect(classifyHedge('Not this year. The gap is too big.').signals).toEqual(expect.arrayContaining(['not this year', 'gap is ... too big']));
    expect(classifyHedge("I won't be nominating you.").signals).toContain('not … nominat*');
    expect(classifyHedge('Not this cycle: show me one more project where you …').signals).toContain('show me one more project');
    expect(classifyHedge("Let's revisit closer to review season.").signals).toContain('revisit*');
  });
});

describe('classifyHedge on the tuning set', () => {
  for (const [kind, phrasings] of Object.entries(HEDGE_TUNING) as Array<[HedgeKind, string[]]>) {
    it.each(phrasings)(`when the manager says %j, then it is ${kind}`, (text) => {
      expect(classifyHedge(text).kind).toBe(kind);
    });
  }
});

describe('classifyHedge on held-out phrasings', () => {
  // Measured on phrasings the rules were not tuned on: 94% overall and at least 83% per
  // class when first measured (issue 7). The floor guards against a rule change that
  // fits the tuning set by breaking the general families.
  it('when every held-out class is scored, then each is at least 80% right and there are 20 or more phrasings per class', () => {
    for (const [kind, phrasings] of Object.entries(HEDGE_HELD_OUT) as Array<[HedgeKind, string[]]>) {
      expect(phrasings.length).toBeGreaterThanOrEqual(20);
      const right = phrasings.filter((t) => classifyHedge(t).kind === kind).length;
      expect({ kind, accuracy: right / phrasings.length >= 0.8 }).toEqual({ kind, accuracy: true });
    }
  });
});
