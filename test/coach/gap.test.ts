import { describe, expect, it } from 'vitest';
import { checkGap, isHumbleBrag, parseCadence, type GapCategory } from '../../src/coach/index.js';
import type { Ladder } from '../../src/ladder/index.js';

const withPlan = { stretchProject: 'Lead the Q2 API deprecation with the mobile team', cadence: 'monthly' };

// How engineers actually describe their gap in Act 3.
const CASES: Partial<Record<GapCategory, string[]>> = {
  humble_brag: [
    'I push too hard.',
    'Honestly I’m a bit of a perfectionist.',
    'I care too much about quality.',
    'I work too hard and forget to take breaks.',
    'My standards are too high for some people.',
    'I take on too much because I can’t say no.',
    'I’m too detail-oriented sometimes.',
    "I guess I'm too passionate about the product.",
    'I probably over-deliver on everything.',
    'I hold myself to really high standards.',
    'I’m a workaholic, I never switch off.',
    'i help too much, people rely on me',
  ],
  cross_org_scope: [
    'Most of my impact stays inside my own team.',
    'I haven’t led anything cross-org yet.',
    'My scope is mostly one team; I need work that spans several teams.',
    'I rarely work with other teams beyond quick questions.',
    'I need broader scope beyond my team.',
    "My projects haven't been org-wide.",
    'I don’t have much visibility outside my team, and my work rarely reaches across the org.',
    'I’ve only really driven things for just my team.',
    'Cross-team scope: I haven’t owned anything that needed multiple teams to agree.',
    'i need more company-wide scope',
  ],
  written_design_influence: [
    'I don’t write many design docs.',
    'My RFCs rarely get adopted beyond my team.',
    'I need to get better at putting things in writing.',
    'Written design influence — most of my influence is in meetings, not docs.',
    'I haven’t authored a proposal that changed how others build.',
    "I'm weaker at technical writing than at coding.",
    'My write-ups are too thin to persuade other teams.',
    'I need to write more so my designs reach people I don’t meet.',
    'I avoid documentation and explain things verbally instead.',
    'I should lead more design reviews of my own designs in writing.',
  ],
  external_technical_leadership: [
    'I’ve never given a talk outside the company.',
    'No external-facing technical leadership yet.',
    'I don’t do any public speaking.',
    'I haven’t contributed to open source or the wider community.',
    'I’ve never presented at a conference or meetup.',
    'I don’t work with customers directly on technical problems.',
    'I have no presence in the industry — no blog posts, no talks at events.',
    'My work isn’t visible outside of the company.',
    "I haven't published anything about our architecture.",
    'I avoid vendor and partner technical conversations; I should lead some with external partners.',
  ],
  ladder_dimension: [
    'I’m not great at mentoring junior engineers yet.',
    'I struggle with ambiguous problems that have no clear owner.',
    'I don’t set technical direction; I follow it.',
    'Prioritization when everything is urgent is hard for me.',
    'I tend to do things myself instead of delegating.',
    'I’m not yet the one making the big architecture calls.',
    'I find it hard to handle conflict between stakeholders.',
    'Turning vague requests into a plan takes me too long.',
    'I could grow others more deliberately.',
    'Negotiating trade-offs with product is a weak spot.',
  ],
  unrecognised: [
    'I’m slow.',
    'Sometimes I get stuck.',
    'I don’t like Mondays.',
    'My typing speed.',
    'I forget names at parties.',
    'Probably my desk is messy.',
    'I am not good at golf.',
    'Spelling, honestly.',
    'I get nervous sometimes.',
    'My commute is long.',
  ],
};

describe('checkGap', () => {
  for (const [category, phrasings] of Object.entries(CASES) as Array<[GapCategory, string[]]>) {
    it.each(phrasings)(`when the gap is %j, then it is ${category}`, (gap) => {
      expect(checkGap({ gap, ...withPlan }).category).toBe(category);
    });
  }

  it('when the table is counted, then every category has at least 10 phrasings', () => {
    for (const phrasings of Object.values(CASES)) expect(phrasings.length).toBeGreaterThanOrEqual(10);
  });

  it('when the gap is a humble-brag, then it is an error with a pointer to real gaps', () => {
    const r = checkGap({ gap: 'I push too hard', ...withPlan });
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ code: 'humble_brag', severity: 'error' });
    expect(r.findings[0]?.suggestion).toMatch(/design docs/);
  });

  it('when a real gap has a stretch project and a monthly cadence, then it is ok with no findings', () => {
    const r = checkGap({ gap: 'I haven’t led anything cross-org', ...withPlan });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.cadence).toBe('monthly');
  });

  it('when the stretch project and cadence are missing, then both are required', () => {
    const r = checkGap({ gap: 'I don’t write design docs' });
    expect(r.findings.map((f) => f.code)).toEqual(['missing_stretch_project', 'missing_cadence']);
    expect(r.findings[0]?.suggestion).toMatch(/design doc or RFC/);
  });

  it('when the cadence is quarterly, then it warns that it is too sparse', () => {
    expect(checkGap({ gap: 'No public speaking', stretchProject: 'A meetup talk', cadence: 'once a quarter' }).findings.map((f) => f.code)).toEqual(['cadence_too_sparse']);
  });

  it('when the cadence is unreadable, then it says so', () => {
    expect(checkGap({ gap: 'No public speaking', stretchProject: 'A meetup talk', cadence: 'whenever' }).findings.map((f) => f.code)).toEqual(['unclear_cadence']);
  });

  it('when the gap is empty, then it is missing', () => {
    expect(checkGap({ gap: '  ', ...withPlan })).toMatchObject({ category: 'missing', ok: false });
  });

  it('when the gap matches a ladder dimension, then that dimension is returned', () => {
    expect(checkGap({ gap: 'I’m not great at mentoring', ...withPlan }).dimensionId).toBe('enabling_others');
    expect(checkGap({ gap: 'Ambiguous problems are hard for me', ...withPlan }).dimensionId).toBe('execution_under_ambiguity');
  });

  it('when a company ladder has its own dimension, then a gap in it is recognised by its name and keywords', () => {
    const ladder: Ladder = {
      name: 'Tiny',
      dimensions: [{ id: 'operational_excellence', name: 'Operational excellence' }],
      levels: [
        { id: 'a', name: 'A', rank: 1, criteria: [{ id: 'a.ops', dimensionId: 'operational_excellence', text: 'Runs on-call well', keywords: ['on-call', 'pager'] }] },
        { id: 'b', name: 'B', rank: 2, criteria: [] },
      ],
    };
    expect(checkGap({ gap: 'My pager hygiene is poor', ...withPlan, ladder })).toMatchObject({ category: 'ladder_dimension', dimensionId: 'operational_excellence' });
    expect(checkGap({ gap: 'Operational stuff', ...withPlan, ladder }).dimensionId).toBe('operational_excellence');
  });

  it('when the gap does not map to the ladder, then it warns and lists the dimensions', () => {
    const r = checkGap({ gap: 'I’m slow.', ...withPlan });
    expect(r.findings[0]?.code).toBe('gap_not_on_ladder');
    expect(r.findings[0]?.suggestion).toContain('Enabling others');
  });
});

describe('parseCadence and isHumbleBrag', () => {
  it.each([
    ['monthly', 'monthly'],
    ['Once a month', 'monthly'],
    ['every two weeks', 'biweekly'],
    ['fortnightly', 'biweekly'],
    ['weekly', 'weekly'],
    ['every quarter', 'quarterly'],
  ])('when the cadence is %j, then it reads as %s', (text, cadence) => {
    expect(parseCadence(text)).toBe(cadence);
  });

  it('when "too" describes a real weakness, then it is not a humble-brag', () => {
    expect(isHumbleBrag('I’m too quiet in design reviews')).toBe(false);
    expect(isHumbleBrag('I’m too much of a perfectionist')).toBe(true);
  });
});
