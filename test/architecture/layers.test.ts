// Dependencies point one way (../shared/docs/style.md is the developers' copy of the rule):
// slack/ → use-cases/ → coach/ and db/. A view imports a use case's types, never the
// reverse; a listener asks a use case, never a repository.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = resolve(import.meta.dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(join(srcDir, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(srcDir, dir, f));
}

/** The src/ folders a file imports from, e.g. ["db", "slack"]. */
function importedLayers(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/\bfrom\s+['"](\.[^'"]+)['"]/g)].map((m) => {
    const target = relative(srcDir, resolve(dirname(file), m[1] as string));
    return target.includes('/') ? (target.split('/')[0] as string) : target;
  });
}

describe('the layers of src/', () => {
  it.each(['use-cases', 'delivery', 'db', 'coach', 'ladder'])('when %s/ is read, then nothing in it imports from slack/', (layer) => {
    const offenders = filesUnder(layer)
      .filter((file) => importedLayers(file).includes('slack'))
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });

  it('when the listeners are read, then none of them touches a repository', () => {
    const offenders = filesUnder('slack')
      .filter((file) => /\brepos\./.test(readFileSync(file, 'utf8')))
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });

  it('when the scan itself is checked, then it sees the imports it looks for', () => {
    expect(importedLayers(join(srcDir, 'slack', 'gateway.ts'))).toContain('use-cases');
    expect(filesUnder('use-cases').length).toBeGreaterThan(5);
  });
});
