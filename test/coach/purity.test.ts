import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// coach/ is the coaching method as pure functions (house style): no Slack, no Prisma,
// no file system, nothing that needs a running app. Its imports, followed through every
// module they reach inside src/, may name only these packages.
const ALLOWED_PACKAGES = new Set(['luxon']);
// Parts of src/ that coach/ must never reach, directly or through another module.
const FORBIDDEN_DIRS = ['db', 'slack', 'use-cases', 'delivery', 'jobs', 'cli', 'schedule', 'org'];

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const coachDir = join(srcDir, 'coach');

function specifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const re of [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const m of code.matchAll(re)) if (m[1]) found.push(m[1]);
  }
  return found;
}

/** Every module reachable from coach/, with the packages and builtins each one imports. */
function reachable(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = readdirSync(coachDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(coachDir, f));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const external: string[] = [];
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else external.push(spec);
    }
    seen.set(file, external);
  }
  return seen;
}

describe('coach/ purity', () => {
  const modules = reachable();

  it('when coach/ is scanned, then it finds every coach module (the scan is not empty)', () => {
    const coachModules = [...modules.keys()].filter((f) => f.startsWith(coachDir));
    expect(coachModules.map((f) => relative(srcDir, f))).toEqual(expect.arrayContaining(['coach/hedge.ts', 'coach/timing.ts', 'coach/index.ts']));
  });

  it('when every module coach/ reaches is read, then none imports fs, Slack, Prisma or any package but luxon', () => {
    const offending = [...modules].flatMap(([file, external]) =>
      external.filter((spec) => !ALLOWED_PACKAGES.has(spec)).map((spec) => `${relative(srcDir, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('when every module coach/ reaches is listed, then none lives in db/, slack/, use-cases/ or another app layer', () => {
    const layers = [...modules.keys()]
      .map((f) => relative(srcDir, f))
      .filter((f) => FORBIDDEN_DIRS.some((dir) => f.startsWith(`${dir}/`)) || !f.includes('/'));
    expect(layers).toEqual([]);
  });

  it('when the rule is checked against a module that reads files, then it would be caught', () => {
    expect(specifiers(join(srcDir, 'ladder/ladder-yaml.ts'))).toContain('node:fs/promises');
    expect(specifiers(join(srcDir, 'cli/coach-command.ts'))).toContain('../ladder/ladder-yaml.js');
  });
});
