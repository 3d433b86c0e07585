// A stranger's fresh clone must pass `npm test` with nothing beside it: no code or test
// may read the developers' ../shared folder (or anything else outside the repository).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'generated', '.git', 'data']);

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return codeFiles(full);
    return /\.(ts|mjs|js)$/.test(name) ? [full] : [];
  });
}

/** The file without its comments, so that a comment pointing a developer at ../shared is fine. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('the repository', () => {
  it('when its code, tests, scripts and benchmark are read, then none of them reaches ../shared', () => {
    const offenders = ['src', 'test', 'scripts', 'bench', 'bin']
      .flatMap((dir) => codeFiles(path.join(root, dir)))
      // This file names the patterns it looks for.
      .filter((file) => file !== import.meta.filename)
      .filter((file) => {
        const code = withoutComments(readFileSync(file, 'utf8'));
        return /\.\.\/shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]|\/work\/shared/.test(code);
      })
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
