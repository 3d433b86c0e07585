import { describe, expect, it } from 'vitest';
import { checkCase, isBehaviorPhrased, type CaseExample } from '../../src/coach/index.js';

const strong: CaseExample[] = [
  { text: 'Aligned the payments, risk and mobile teams on one refund API and drove it to launch.' },
  { text: 'Mentored two new hires until they owned on-call on their own.' },
  { text: 'Set the direction for our storage layer and wrote the design doc the team adopted.' },
  { text: 'Scoped the vague “make search faster” ask into three milestones and led the first one.' },
];

const codes = (examples: CaseExample[], targetLevel?: string) => checkCase({ examples, targetLevel }).findings.map((f) => f.code);

describe('checkCase', () => {
  it('when there are four behavior-phrased examples with cross-team and enabling work, then it is ok', () => {
    const r = checkCase({ examples: strong });
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.examples.map((e) => e.crossTeam)).toEqual([true, false, false, false]);
    // Setting technical direction counts as enabling others (guide, Act 2).
    expect(r.examples.map((e) => e.enablesOthers)).toEqual([false, true, true, false]);
  });

  it('when there are fewer than four examples, then it asks for more', () => {
    expect(codes(strong.slice(0, 3))).toContain('too_few_examples');
  });

  it('when there are more than six examples, then it asks to cut down', () => {
    expect(codes([...strong, ...strong])).toContain('too_many_examples');
    expect(codes([...strong, strong[0]!, strong[1]!])).not.toContain('too_many_examples');
  });

  it.each([
    'Shipped the new checkout flow.',
    'Reduced p99 latency by 40%.',
    'Launched the reporting dashboard in Q2.',
    'The migration to Postgres was completed on time.',
    'Built the notifications service.',
  ])('when an example is only an outcome (%j), then it is flagged outcome_only', (text) => {
    expect(isBehaviorPhrased(text)).toBe(false);
    const r = checkCase({ examples: [{ text }, ...strong.slice(1)] });
    expect(r.findings.find((f) => f.code === 'outcome_only')?.message).toMatch(/^Example 1 /);
    expect(r.ok).toBe(false);
  });

  it.each([
    'Led the checkout rewrite after convincing product to cut scope.',
    'Drove the decision to retire the legacy queue.',
    'Negotiated the API contract with the partner team.',
    'Identified the flaky-deploy problem nobody owned and got it staffed.',
  ])('when an example names the behavior (%j), then it is behavior-phrased', (text) => {
    expect(isBehaviorPhrased(text)).toBe(true);
  });

  it('when no example reaches beyond the team, then no_cross_team is an error', () => {
    const examples = strong.map((e, i) => (i === 0 ? { text: 'Led the rewrite of our build scripts.' } : e));
    expect(codes(examples)).toContain('no_cross_team');
  });

  it('when no example enables others, then no_enabling_others is an error', () => {
    const examples = strong.map((e, i) => (i === 1 ? { text: 'Led the on-call tooling cleanup.' } : i === 2 ? { text: 'Designed the storage layer.' } : e));
    expect(codes(examples)).toContain('no_enabling_others');
  });

  it('when the user sets the flags, then they override what the text suggests', () => {
    const examples = strong.map((e) => ({ ...e, crossTeam: false }));
    expect(codes(examples)).toContain('no_cross_team');
    const flagged = [{ text: 'Led the build cleanup.', crossTeam: true, enablesOthers: true }, ...strong.slice(1)];
    expect(codes(flagged)).not.toContain('no_cross_team');
  });

  it('when a target level is given, then examples are tagged with its criteria', () => {
    const r = checkCase({ examples: strong, targetLevel: 'staff' });
    expect(r.examples[1]?.criterionIds).toContain('staff.enabling');
    expect(r.examples.every((e) => e.criterionIds.every((id) => id.startsWith('staff.')))).toBe(true);
  });

  it('when the only "signals" are internal services, revenue growth, shadow traffic and our own runbook, then cross-team and enabling work are still missing', () => {
    const lookalikes: CaseExample[] = [
      { text: 'Led the migration of the internal billing service to the new queue.' },
      { text: 'Drove the checkout fix; revenue grew 12%.' },
      { text: 'Designed the router rollout and validated it with shadow traffic.' },
      { text: 'Owned our own SRE runbook rewrite after the outage.' },
    ];
    const found = codes(lookalikes);
    expect(found).toContain('no_cross_team');
    expect(found).toContain('no_enabling_others');
  });
});
