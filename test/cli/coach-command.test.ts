import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COACH_CHECKS, runCoachCommand } from '../../src/cli/coach-command.js';

async function run(check: string | undefined, input: unknown) {
  const r = await runCoachCommand(check, typeof input === 'string' ? input : JSON.stringify(input));
  return { ...r, json: r.exitCode === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined };
}

describe('runCoachCommand', () => {
  it('when the checks are listed, then every check in the issue is there, plus tag', () => {
    expect([...COACH_CHECKS].sort()).toEqual(['case', 'comp', 'criterion', 'doc', 'gap', 'hedge', 'opening', 'plan', 'tag', 'timing', 'walk']);
  });

  it('when timing gets the README example, then it prints months 5.7 and enough, ending with a newline', async () => {
    const r = await run('timing', { today: '2026-11-23', calibration: '2027-05-15' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.json).toMatchObject({ months: 5.7, verdict: 'enough' });
    expect(r.stderr).toBe('');
  });

  it('when hedge gets "keep it on the radar", then it prints kind soft_hedge', async () => {
    expect((await run('hedge', { text: "You're doing great, let's keep it on the radar" })).json).toMatchObject({ kind: 'soft_hedge' });
  });

  it.each([
    ['opening', { text: 'I want to be promoted to staff next cycle.' }, { verdict: 'clear' }],
    ['case', { examples: [{ text: 'Mentored two engineers' }] }, { ok: false, count: 1 }],
    ['gap', { gap: 'I push too hard' }, { category: 'humble_brag', ok: false }],
    ['criterion', { text: 'Be more visible' }, { specific: false }],
    ['plan', { today: '2026-11-23', calibration: '2027-05-15', cadence: 'monthly' }, { cadence: 'monthly', docDue: '2027-04-03' }],
    ['doc', { markdown: '## Scope & Impact\n\nOne.' }, { ok: false, projects: 1 }],
    ['walk', { cycles: [{ cycle: 'H1', promoted: false, gapClosed: true }, { cycle: 'H2', promoted: false, gapClosed: true }] }, { considerWalking: true }],
    ['comp', { targetLevel: 'staff' }, {}],
    ['tag', { text: 'Mentored a new hire', targetLevel: 'staff' }, { criterionIds: ['staff.enabling'], enablingOthers: true }],
  ] as const)('when %s gets valid input, then it exits 0 with its JSON', async (check, input, expected) => {
    const r = await run(check, input);
    expect(r.exitCode).toBe(0);
    expect(r.json).toMatchObject(expected);
  });

  it('when comp is given a level id, then the question uses the level’s display name', async () => {
    expect((await run('comp', { targetLevel: 'staff' })).json?.question).toMatch(/Staff Engineer/);
  });

  it('when a required field is missing, then it exits 2 naming the field', async () => {
    const r = await run('timing', { today: '2026-11-23' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/calibration: required/);
  });

  it('when a date is malformed or a nested field is wrong, then the path to it is named', async () => {
    expect((await run('plan', { today: '23/11/2026', calibration: '2027-05-15' })).stderr).toMatch(/today: expected a date as YYYY-MM-DD/);
    expect((await run('walk', { cycles: [{ cycle: 'H1', promoted: 'no', gapClosed: true }] })).stderr).toMatch(/cycles\.0\.promoted: expected true or false/);
    expect((await run('plan', { today: '2026-11-23', calibration: '2027-05-15', cadence: 'daily' })).stderr).toMatch(/cadence: /);
  });

  it('when an unknown field is sent, then it is rejected by name', async () => {
    const r = await run('hedge', { text: 'yes', txt: 'typo' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/"txt"/);
  });

  it('when stdin is not JSON or not an object, then it exits 2', async () => {
    expect((await run('hedge', 'not json')).exitCode).toBe(2);
    expect((await run('hedge', 'not json')).stderr).toMatch(/invalid JSON/);
    expect((await run('hedge', '[1]')).stderr).toMatch(/expected one JSON object/);
  });

  it('when the check is unknown or missing, then it exits 2 with usage listing every check', async () => {
    for (const check of ['nope', undefined]) {
      const r = await run(check, {});
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/usage: promo-coach coach <check>/);
      for (const name of COACH_CHECKS) expect(r.stderr).toContain(`  ${name} `);
    }
  });

  it('when help is asked for, then usage goes to stdout with exit 0', async () => {
    const r = await runCoachCommand('help', '');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/checks:/);
  });

  it('when tag names an unknown level, then it exits 2 listing the known levels', async () => {
    const r = await run('tag', { text: 'x', targetLevel: 'wizard' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/targetLevel: unknown level "wizard" \(known: engineer_1/);
  });

  it('when a ladderFile is given, then that ladder is used, and its errors exit 2 with file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coach-cli-'));
    const good = join(dir, 'good.yaml');
    await writeFile(
      good,
      'name: Co\ndimensions: [{ id: ops, name: Operations }]\nlevels:\n  - { id: l1, name: L1, rank: 1, criteria: [{ id: l1.ops, dimension: ops, text: t, keywords: [pager*] }] }\n  - { id: l2, name: L2, rank: 2, criteria: [{ id: l2.ops, dimension: ops, text: t, keywords: [pager*] }] }\n',
    );
    expect((await run('tag', { text: 'Fixed the pager noise', targetLevel: 'l2', ladderFile: good })).json).toMatchObject({ criterionIds: ['l2.ops'] });

    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'name: Co\ndimensions: []\nlevels: []\n');
    const r = await run('tag', { text: 'x', targetLevel: 'l2', ladderFile: bad });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: dimensions: needs at least one dimension`);
  });
});
