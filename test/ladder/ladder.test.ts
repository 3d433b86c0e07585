import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultLadder, findLevel, isAbove, LadderError, levelAbove, loadLadderFile, parseLadderYaml, resolveLevel } from '../../src/ladder/index.js';

const examplePath = fileURLToPath(new URL('../../src/ladder/example-ladder.yaml', import.meta.url));

function problemsOf(yamlText: string): string[] {
  try {
    parseLadderYaml(yamlText, 'acme.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(LadderError);
    return (err as LadderError).problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.problem}`);
  }
  throw new Error('expected a LadderError');
}

const valid = `name: Acme
dimensions:
  - id: scope
    name: Scope
levels:
  - id: senior
    name: Senior
    rank: 3
    criteria:
      - id: senior.scope
        dimension: scope
        text: Leads projects.
  - id: staff
    name: Staff
    rank: 4
    criteria:
      - id: staff.scope
        dimension: scope
        text: Leads several teams.
        keywords: [several teams]
`;

describe('defaultLadder', () => {
  it('when read, then it runs from early career to principal in rank order', () => {
    expect(defaultLadder.levels.map((l) => l.id)).toEqual(['engineer_1', 'engineer_2', 'senior', 'staff', 'senior_staff', 'principal']);
    const ranks = defaultLadder.levels.map((l) => l.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('when read, then every level has one criterion per dimension, with keywords, and ids are unique', () => {
    expect(defaultLadder.dimensions.map((d) => d.id)).toEqual([
      'scope_and_impact',
      'technical_leadership',
      'cross_team_collaboration',
      'enabling_others',
      'written_influence',
      'execution_under_ambiguity',
    ]);
    const ids = defaultLadder.levels.flatMap((l) => l.criteria.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const level of defaultLadder.levels) {
      expect(level.criteria.map((c) => c.dimensionId)).toEqual(defaultLadder.dimensions.map((d) => d.id));
      expect(level.criteria.every((c) => c.keywords.length > 0 && c.text.length > 0)).toBe(true);
    }
  });
});

describe('level lookups', () => {
  it('when finding levels, then ids are matched and the next level is by rank', () => {
    expect(findLevel(defaultLadder, 'staff')?.name).toBe('Staff Engineer');
    expect(findLevel(defaultLadder, 'nope')).toBeUndefined();
    expect(levelAbove(defaultLadder, 'senior')?.id).toBe('staff');
    expect(levelAbove(defaultLadder, 'principal')).toBeUndefined();
    expect(levelAbove(defaultLadder, 'nope')).toBeUndefined();
  });

  it('when comparing levels, then isAbove is strict and false for unknown ids', () => {
    expect(isAbove(defaultLadder, 'staff', 'senior')).toBe(true);
    expect(isAbove(defaultLadder, 'senior', 'staff')).toBe(false);
    expect(isAbove(defaultLadder, 'staff', 'staff')).toBe(false);
    expect(isAbove(defaultLadder, 'staff', 'intern')).toBe(false);
  });

  it('when resolving a level by name or alias, then "L6" and "Staff Engineer" are staff', () => {
    expect(resolveLevel(defaultLadder, 'L6')?.id).toBe('staff');
    expect(resolveLevel(defaultLadder, 'staff engineer')?.id).toBe('staff');
  });
});

describe('parseLadderYaml', () => {
  it('when the YAML is valid, then it becomes a Ladder sorted by rank with dimensionId set', () => {
    const ladder = parseLadderYaml(valid.replace('rank: 3', 'rank: 5'), 'acme.yaml');
    expect(ladder.levels.map((l) => l.id)).toEqual(['staff', 'senior']);
    expect(ladder.levels[0]?.criteria[0]).toEqual({ id: 'staff.scope', dimensionId: 'scope', text: 'Leads several teams.', keywords: ['several teams'] });
    expect(ladder.levels[1]?.criteria[0]?.keywords).toEqual([]);
  });

  it('when a criterion names an unknown dimension, then the error gives file, line, path and problem', () => {
    expect(problemsOf(valid.replace('dimension: scope\n        text: Leads several', 'dimension: scoop\n        text: Leads several'))).toEqual([
      'acme.yaml:18: levels[1].criteria[0].dimension: unknown dimension "scoop" (declared: scope)',
    ]);
  });

  it('when a required field is missing, then the line is that of the object missing it', () => {
    const [problem] = problemsOf(valid.replace('    name: Staff\n', ''));
    expect(problem).toMatch(/^acme\.yaml:13: levels\[1\]\.name: /);
  });

  it('when rank is not a number and a key is misspelt, then every problem is listed', () => {
    const problems = problemsOf(valid.replace('rank: 4', 'rank: four').replace('keywords:', 'keywrds:'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('acme.yaml:15: levels[1].rank: must be a number');
    expect(problems[1]).toBe('acme.yaml:20: levels[1].criteria[0].keywrds: unknown key (check the spelling against example-ladder.yaml)');
  });

  it('when ids or ranks repeat, then each duplicate is reported at its line', () => {
    const problems = problemsOf(valid.replace('id: staff.scope', 'id: senior.scope').replace('rank: 4', 'rank: 3'));
    expect(problems).toEqual([
      'acme.yaml:15: levels[1].rank: rank 3 is used by another level',
      'acme.yaml:17: levels[1].criteria[0].id: duplicate criterion id "senior.scope"',
    ]);
  });

  it('when the YAML itself is broken, then the YAML error is reported with its line', () => {
    const [problem] = problemsOf('name: Acme\nlevels:\n  - id: a\n    name: [unclosed\n');
    expect(problem).toMatch(/^acme\.yaml:\d+: \(yaml\): /);
  });

  it('when the file is not a mapping, then the problem is at the document', () => {
    expect(problemsOf('- just\n- a list\n')[0]).toMatch(/^acme\.yaml:1: \(document\): /);
  });

  it('when a LadderError is thrown, then its message lists every problem line', () => {
    try {
      parseLadderYaml(valid.replace('rank: 4', 'rank: 2.5'), 'acme.yaml');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).name).toBe('LadderError');
      expect((err as Error).message).toBe('Ladder acme.yaml has 1 problem:\nacme.yaml:15: levels[1].rank: must be a whole number');
    }
  });
});

describe('loadLadderFile', () => {
  it('when loading the shipped example ladder, then it is valid and has four ranked levels', async () => {
    const ladder = await loadLadderFile(examplePath);
    expect(ladder.levels.map((l) => l.id)).toEqual(['swe_2', 'senior', 'staff', 'principal']);
    expect(ladder.dimensions).toHaveLength(4);
    expect(levelAbove(ladder, 'senior')?.id).toBe('staff');
  });

  it('when the file has problems, then the error names that file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ladder-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(file, valid.replace('dimension: scope\n        text: Leads projects', 'dimension: nope\n        text: Leads projects'));
    await expect(loadLadderFile(file)).rejects.toThrow(`${file}:11: levels[0].criteria[0].dimension: unknown dimension "nope"`);
  });

  it('when the file does not exist, then it is a LadderError saying so', async () => {
    await expect(loadLadderFile('/no/such/ladder.yaml')).rejects.toThrow(/ladder\.yaml:0: \(document\): file not found/);
  });
});
