import { describe, expect, it } from 'vitest';
import { lintOpening, suggestOpening, type OpeningVerdict } from '../../src/coach/index.js';

// First sentences people actually open career conversations with.
const CASES: Record<OpeningVerdict, string[]> = {
  clear: [
    'I want to be promoted to staff in the next cycle. Today I want to go through where I am and what the gap is.',
    'My goal is Staff Engineer at the spring calibration, and I’d like your help getting there.',
    "I'd like to go for senior this cycle.",
    'I’m aiming for L6 in H2 2027 and want to plan it with you.',
    'i want to make staff by the end of the year',
    'Straight to it: I want to be put forward for Senior Staff in the next promo round.',
    "I'm targeting principal engineer for the 2027 review cycle.",
    'I’d like us to work toward my promotion to Senior Engineer in the fall calibration.',
    'I WANT TO GET TO STAFF NEXT CYCLE.',
    'Im going for senior in H1 — can we talk about what that takes?',
    'I think I’m ready for staff and I want to be considered in this cycle.',
  ],
  buried_ask: [
    'Thanks for making time. Things have been busy with the launch. I wanted to say I’d like to be promoted to staff next cycle.',
    'So, how was your weekend? Anyway, I’ve been thinking about going for senior this cycle.',
    'First, a quick update on the migration. It’s on track. Also, I want to get to staff in H2.',
    'I’ve really enjoyed the last year on the team and learned a lot. I’d like to be considered for senior in the next round.',
    'Before we start, I wanted to flag the on-call issue. And then, I’d like to talk about making staff next year.',
    'Hope you had a good trip! Let’s catch up on the roadmap first. Then I want to go for L6 in the spring.',
    'There’s a lot going on right now. I know the reorg is hard. But I’d like to be put up for staff this cycle.',
    'I’ve been reflecting on the past few months. A lot happened. I’m hoping to be promoted to senior engineer next cycle.',
    'Quick agenda: the incident review, hiring, and then my promotion to staff in H1.',
    'I’ve led the billing work and mentored two people. I think that means I should go for staff in the next cycle.',
  ],
  vague_ask: [
    'I wanted to talk about my career trajectory and what comes next.',
    'Can we chat about my growth here?',
    'I’d like to discuss my career path at some point.',
    'I was hoping we could talk about next steps for me.',
    "Let's talk about where I'm heading long term.",
    'I’ve been thinking a lot about my development lately.',
    'Could we have a general check-in on how I’m doing?',
    'I want to make sure I’m growing here.',
    'I’m curious what the future looks like for me on this team.',
    'So, um, career goals — can we talk about those sometime?',
  ],
  missing_level: [
    'I want to be promoted in the next cycle.',
    'I’d like to go up a level this cycle.',
    'I think I’m ready for a promotion this year.',
    'I want to talk about getting promoted in H2.',
    "I'd like to be considered for promotion at the next calibration.",
    'Can you put me up for promo this round?',
    'I want to move up to the next level in the spring cycle.',
    'i think its time for my promo this cycle',
    'I’d like to be nominated in the upcoming calibration.',
    'My goal is a promotion by the end of the year.',
  ],
  missing_cycle: [
    'I want to be promoted to staff.',
    'I’d like to go for senior.',
    'My goal is Staff Engineer.',
    'I think I’m ready for L6.',
    'I want to become a principal engineer.',
    'I’d like your support for a promotion to senior staff.',
    'i want to make staff',
    'I’m aiming for Senior Engineer and want your help.',
    'Can we work toward my promotion to staff?',
    "I'd like to be considered for staff engineer.",
  ],
};

describe('lintOpening', () => {
  for (const [verdict, phrasings] of Object.entries(CASES) as Array<[OpeningVerdict, string[]]>) {
    it.each(phrasings)(`when the opening is %j, then it is ${verdict}`, (text) => {
      expect(lintOpening({ text }).verdict).toBe(verdict);
    });
  }

  it('when the table is counted, then every verdict has at least 10 phrasings', () => {
    for (const phrasings of Object.values(CASES)) expect(phrasings.length).toBeGreaterThanOrEqual(10);
  });

  it('when the opening is clear, then there are no errors and no rewrite', () => {
    const r = lintOpening({ text: 'I want to be promoted to staff in the next cycle.' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.rewrite).toBeUndefined();
    expect(r.levelMentioned).toBe('staff');
    expect(r.askUpFront).toBe(true);
  });

  it('when the opening is vague, then the rewrite uses the user’s own level and cycle', () => {
    const r = lintOpening({ text: 'I wanted to talk about my career trajectory.', targetLevel: 'staff', cycle: 'H1 2027' });
    expect(r.rewrite).toContain('Staff Engineer');
    expect(r.rewrite).toContain('H1 2027');
    expect(r.findings[0]?.code).toBe('vague_ask');
  });

  it('when the user has no level or cycle on file, then the rewrite shows placeholders to fill in', () => {
    const r = lintOpening({ text: 'Can we chat about my growth?' });
    expect(r.rewrite).toContain('[target level]');
    expect(r.rewrite).toContain('[target cycle]');
  });

  it('when the user’s cycle is in their own words, then it counts as naming the cycle', () => {
    const r = lintOpening({ text: 'I want to make staff at Big Review Week.', cycle: 'Big Review Week' });
    expect(r.verdict).toBe('clear');
  });

  it('when "senior staff" is said, then it is read as that level, not senior or staff', () => {
    expect(lintOpening({ text: 'I want senior staff next cycle.' }).levelMentioned).toBe('senior_staff');
  });

  it('when the ask is tentative, then it is flagged as a warning', () => {
    const r = lintOpening({ text: 'I was wondering if maybe I could go for staff next cycle?' });
    expect(r.findings.map((f) => f.code)).toContain('tentative_wording');
  });

  it('when the opening names a different level than the target, then it warns about the mismatch', () => {
    const r = lintOpening({ text: 'I want to be promoted to senior this cycle.', targetLevel: 'staff' });
    expect(r.findings.map((f) => f.code)).toContain('level_mismatch');
  });

  it('when suggestOpening gets a cycle that already says "calibration", then it does not repeat "cycle"', () => {
    expect(suggestOpening({ levelName: 'Staff Engineer', cycle: 'the spring calibration' })).toMatch(/^My goal is to be promoted to Staff Engineer in the spring calibration\./);
    expect(suggestOpening({ levelName: 'Senior Engineer', cycle: 'H2 2027' })).toContain('in the H2 2027 cycle');
  });
});
