import { readFile } from 'node:fs/promises';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import type { Ladder } from './types.js';
import { lineOfPath } from './yaml-lines.js';
import { lazyRequire } from '../lazy-require.js';

// Only a ladder or settings file, or an admin's upload, is YAML: most starts never parse any.
const yaml = lazyRequire<typeof Yaml>('yaml');

// A company's own leveling guide, loaded from YAML. An operator edits this file by
// hand, so every error must say where: file, line, the path inside the document and
// what is wrong — all problems at once, not just the first.

export interface LadderProblem {
  file: string;
  line: number;
  /** e.g. "levels[2].criteria[0].dimension"; "(document)" for the whole file. */
  path: string;
  problem: string;
}

export class LadderError extends Error {
  override readonly name = 'LadderError';
  readonly problems: LadderProblem[];

  constructor(file: string, problems: LadderProblem[]) {
    const lines = problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.problem}`);
    super(`Ladder ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

const id = z
  .string({ error: 'must be a text id' })
  .regex(/^[a-z0-9_.-]+$/, { error: 'use lower-case letters, digits, "_", "-" or "." only' });
const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

const criterionSchema = z.strictObject({
  id,
  dimension: id,
  text,
  keywords: z.array(text, { error: 'must be a list of words or phrases' }).default([]),
});

const levelSchema = z.strictObject({
  id,
  name: text,
  rank: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }),
  aliases: z.array(text, { error: 'must be a list of names' }).optional(),
  criteria: z.array(criterionSchema, { error: 'must be a list of criteria' }).min(1, { error: 'needs at least one criterion' }),
});

const dimensionSchema = z.strictObject({
  id,
  name: text,
  description: text.optional(),
});

const ladderSchema = z
  .strictObject({
    name: text,
    dimensions: z.array(dimensionSchema, { error: 'must be a list of dimensions' }).min(1, { error: 'needs at least one dimension' }),
    levels: z.array(levelSchema, { error: 'must be a list of levels' }).min(2, { error: 'needs at least two levels to have a "next level"' }),
  })
  .superRefine((ladder, ctx) => {
    // Cross-references zod's shape checks cannot see: ids must be unique and every
    // criterion must point at a declared dimension, or tagging and docs break silently.
    const seenDimensions = new Set<string>();
    ladder.dimensions.forEach((d, i) => {
      if (seenDimensions.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: `duplicate dimension id "${d.id}"` });
      seenDimensions.add(d.id);
    });
    const seenLevels = new Set<string>();
    const seenRanks = new Set<number>();
    const seenCriteria = new Set<string>();
    ladder.levels.forEach((level, li) => {
      if (seenLevels.has(level.id)) ctx.addIssue({ code: 'custom', path: ['levels', li, 'id'], message: `duplicate level id "${level.id}"` });
      seenLevels.add(level.id);
      if (seenRanks.has(level.rank)) ctx.addIssue({ code: 'custom', path: ['levels', li, 'rank'], message: `rank ${level.rank} is used by another level` });
      seenRanks.add(level.rank);
      level.criteria.forEach((c, ci) => {
        if (seenCriteria.has(c.id)) ctx.addIssue({ code: 'custom', path: ['levels', li, 'criteria', ci, 'id'], message: `duplicate criterion id "${c.id}"` });
        seenCriteria.add(c.id);
        if (!seenDimensions.has(c.dimension)) {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', li, 'criteria', ci, 'dimension'],
            message: `unknown dimension "${c.dimension}" (declared: ${[...seenDimensions].join(', ')})`,
          });
        }
      });
    });
  });

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(document)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Parses and validates ladder YAML; throws LadderError listing every problem. */
export function parseLadderYaml(yamlText: string, fileName: string): Ladder {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    throw new LadderError(
      fileName,
      doc.errors.map((e) => ({
        file: fileName,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        path: '(yaml)',
        problem: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }

  const lineOf = (path: ReadonlyArray<PropertyKey>): number => lineOfPath(doc, lineCounter, path);

  const result = ladderSchema.safeParse(doc.toJS());
  if (!result.success) {
    throw new LadderError(
      fileName,
      result.error.issues.flatMap((issue) =>
        // A misspelt key is reported on its own line, one problem per key, so the
        // operator sees exactly which word to fix.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({
              file: fileName,
              line: lineOf([...issue.path, key]),
              path: formatPath([...issue.path, key]),
              problem: 'unknown key (check the spelling against example-ladder.yaml)',
            }))
          : [{ file: fileName, line: lineOf(issue.path), path: formatPath(issue.path), problem: issue.message }],
      ),
    );
  }

  const raw = result.data;
  return {
    name: raw.name,
    dimensions: raw.dimensions.map((d) => ({ id: d.id, name: d.name, ...(d.description ? { description: d.description } : {}) })),
    levels: [...raw.levels]
      .sort((a, b) => a.rank - b.rank)
      .map((l) => ({
        id: l.id,
        name: l.name,
        rank: l.rank,
        ...(l.aliases ? { aliases: l.aliases } : {}),
        criteria: l.criteria.map((c) => ({ id: c.id, dimensionId: c.dimension, text: c.text, keywords: c.keywords })),
      })),
  };
}

/** Reads a ladder YAML file from disk; errors name the path as given. */
export async function loadLadderFile(path: string): Promise<Ladder> {
  let yamlText: string;
  try {
    yamlText = await readFile(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read file (${(err as Error).message})`;
    throw new LadderError(path, [{ file: path, line: 0, path: '(document)', problem: reason }]);
  }
  return parseLadderYaml(yamlText, path);
}
