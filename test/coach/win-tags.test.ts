import { describe, expect, it } from 'vitest';
import { detectWinFlags, tagWin } from '../../src/coach/index.js';
import { defaultLadder, parseLadderYaml } from '../../src/ladder/index.js';
import { WIN_FLAGS_HELD_OUT } from './fixtures/win-flags-held-out.js';
import { WIN_FLAGS_TUNING } from './fixtures/win-flags-tuning.js';

describe('tagWin', () => {
  it('when a win mentions mentoring and design reviews, then the staff enabling criterion comes first', () => {
    const ids = tagWin(defaultLadder, 'staff', 'Mentored two seniors and ran the design reviews for the platform group');
    expect(ids[0]).toBe('staff.enabling');
  });

  it('when a win is about a design doc other teams adopted, then it shows written influence', () => {
    expect(tagWin(defaultLadder, 'staff', 'Wrote the RFC for the new event bus; three teams built on it')).toContain('staff.writing');
  });

  it('when a win is cross-team, then the cross-team criterion is tagged even without its keywords', () => {
    expect(tagWin(defaultLadder, 'senior', 'Worked with the payments team to fix refunds')).toContain('senior.cross_team');
  });

  it('when a win mentions an ambiguous problem being scoped, then execution under ambiguity is tagged', () => {
    expect(tagWin(defaultLadder, 'senior', 'Took an ambiguous request from sales and scoped it into milestones')).toContain('senior.ambiguity');
  });

  it('when the text is empty or the level unknown, then nothing is tagged', () => {
    expect(tagWin(defaultLadder, 'staff', '   ')).toEqual([]);
    expect(tagWin(defaultLadder, 'wizard', 'Mentored someone')).toEqual([]);
  });

  it('when the win matches nothing, then nothing is tagged', () => {
    expect(tagWin(defaultLadder, 'staff', 'Had lunch')).toEqual([]);
  });

  it('when only the target level’s criteria count, then every tag belongs to that level', () => {
    const ids = tagWin(defaultLadder, 'principal', 'Gave a keynote at a conference about our open source work');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('principal.'))).toBe(true);
  });

  it('when a company ladder is used, then its own keywords drive the tags', () => {
    const ladder = parseLadderYaml(
      [
        'name: Co',
        'dimensions: [{ id: ops, name: Operations }, { id: people, name: People }]',
        'levels:',
        '  - { id: l1, name: L1, rank: 1, criteria: [{ id: l1.ops, dimension: ops, text: On call, keywords: [pager*] }] }',
        '  - id: l2',
        '    name: L2',
        '    rank: 2',
        '    criteria:',
        '      - { id: l2.ops, dimension: ops, text: Runs incidents, keywords: [incident*, pager*] }',
        '      - { id: l2.people, dimension: people, text: Grows people, keywords: [hiring] }',
      ].join('\n'),
      'co.yaml',
    );
    expect(tagWin(ladder, 'l2', 'Ran the incident review and fixed the pager noise')).toEqual(['l2.ops']);
    expect(tagWin(ladder, 'l2', 'Led hiring for the new squad')).toEqual(['l2.people']);
  });
});

describe('detectWinFlags', () => {
  it.each([
    'Unblocked the iOS and Android teams on the new auth flow',
    'Aligned three teams on one schema',
    'Helped the SRE folks with the outage review',
    'Partnered with the data platform team on retention',
    'Got buy-in from stakeholders in finance',
    'Drove an org-wide deprecation',
  ])('when the win is %j, then it is cross-team', (text) => {
    expect(detectWinFlags(text).crossTeam).toBe(true);
  });

  it.each(['Fixed a bug in my team’s service', 'Refactored our own build', 'Worked with the team on tests'])(
    'when the win is %j, then it is not cross-team',
    (text) => {
      expect(detectWinFlags(text).crossTeam).toBe(false);
    },
  );

  it.each([
    'Mentored a new hire through her first launch',
    'Ran design reviews for the group',
    'Set the technical direction for the storage rewrite',
    'Paired with two juniors on on-call',
    'Gave a tech talk on tracing',
    'Coached a peer through their first RFC',
  ])('when the win is %j, then it enables others', (text) => {
    expect(detectWinFlags(text).enablingOthers).toBe(true);
  });

  it('when the win is solo work, then it does not enable others, and the signals explain flags', () => {
    expect(detectWinFlags('Rewrote the parser').enablingOthers).toBe(false);
    expect(detectWinFlags('Mentored Sam').signals.enablingOthers).toEqual(['mentor*']);
  });
});

describe('detectWinFlags on the false positives of issue 7', () => {
  it.each([
    'Migrated the internal billing service to the new queue',
    'Revenue grew 12% after the checkout fix',
    'Tested the new router with shadow traffic',
    'Updated our own SRE runbook after the outage',
    "I'd done the schema change before the freeze",
  ])('when the win is %j, then it is neither cross-team nor enabling others', (text) => {
    expect(detectWinFlags(text)).toMatchObject({ crossTeam: false, enablingOthers: false });
  });

  it('when the same words are real signals, then they still count', () => {
    expect(detectWinFlags('Supervised our summer intern through her first launch').enablingOthers).toBe(true);
    expect(detectWinFlags('Grew two engineers into tech leads').enablingOthers).toBe(true);
    expect(detectWinFlags('Let a junior engineer shadow me during incidents').enablingOthers).toBe(true);
    expect(detectWinFlags('Wrote the runbook the whole rotation now follows').enablingOthers).toBe(true);
    expect(detectWinFlags('Helped the SRE team automate failover').crossTeam).toBe(true);
  });

  it('when a win mentions internal work, revenue growth or shadow traffic, then the ladder tags no enabling criterion', () => {
    for (const level of ['senior', 'staff']) {
      for (const text of ['Migrated the internal billing service', 'Revenue grew 12% after the checkout fix', 'Tested the router with shadow traffic']) {
        expect(tagWin(defaultLadder, level, text).filter((id) => id.endsWith('.enabling'))).toEqual([]);
      }
    }
  });
});

describe('detectWinFlags on the tuning set', () => {
  for (const flag of ['crossTeam', 'enablingOthers'] as const) {
    it.each(WIN_FLAGS_TUNING[flag].positive)(`when the win is %j, then ${flag} is set`, (text) => {
      expect(detectWinFlags(text)[flag]).toBe(true);
    });
    it.each(WIN_FLAGS_TUNING[flag].negative)(`when the win is %j, then ${flag} is not set`, (text) => {
      expect(detectWinFlags(text)[flag]).toBe(false);
    });
  }
});

describe('detectWinFlags on held-out wins', () => {
  // Written before the rules were retuned and never tuned on (issue 7). Before:
  // cross-team precision 86%, recall 60%; enabling precision 54%, recall 100%.
  it.each(['crossTeam', 'enablingOthers'] as const)('when %s is scored, then precision and recall are both at least 90%', (flag) => {
    const { positive, negative } = WIN_FLAGS_HELD_OUT[flag];
    const truePositives = positive.filter((t) => detectWinFlags(t)[flag]).length;
    const falsePositives = negative.filter((t) => detectWinFlags(t)[flag]).length;
    expect(truePositives / (truePositives + falsePositives)).toBeGreaterThanOrEqual(0.9);
    expect(truePositives / positive.length).toBeGreaterThanOrEqual(0.9);
  });
});
