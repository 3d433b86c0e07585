// Writes a new migration for both providers from the change to prisma/schema.prisma:
//   npm run migrations:new -- add_win_tags
// Offline-safe: it diffs schema files (the previous schema is kept next to each
// migration as schema.snapshot.prisma), never a live database or a shadow database.
//
// PRISMA_DIR names another folder laid out like prisma/ (schema.prisma, migrations/):
// the migration tests write a real migration into a copy, never into the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresSchemaFrom } from './prisma-schema.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrations:new -- <snake_case_name>');
  process.exit(2);
}

// The Prisma CLI and prisma.config.ts live in the repository, wherever the script is run from.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaDir = path.resolve(process.env.PRISMA_DIR ?? path.join(repoRoot, 'prisma'));

const current = readFileSync(path.join(prismaDir, 'schema.prisma'), 'utf8');
const providers = {
  sqlite: current,
  postgres: postgresSchemaFrom(current),
};

const scratch = mkdtempSync(path.join(tmpdir(), 'promo-coach-migration-'));
try {
  for (const [provider, schemaText] of Object.entries(providers)) {
    const dir = path.join(prismaDir, 'migrations', provider);
    mkdirSync(dir, { recursive: true });
    const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
    const previous = existing.at(-1);
    const next = String(existing.length + 1).padStart(4, '0') + '_' + name;

    const tmp = path.join(scratch, `schema-${provider}.prisma`);
    writeFileSync(tmp, schemaText);
    const from = previous
      ? ['--from-schema-datamodel', path.join(dir, previous, 'schema.snapshot.prisma')]
      : ['--from-empty'];
    const sql = execFileSync(
      'npx',
      ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', tmp, '--script'],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PRISMA_SCHEMA: tmp }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (sql.includes('-- This is an empty migration.')) {
      console.log(`${provider}: no changes`);
      continue;
    }
    const target = path.join(dir, next);
    if (existsSync(target)) throw new Error(`${target} exists`);
    mkdirSync(target);
    writeFileSync(path.join(target, 'migration.sql'), sql);
    writeFileSync(path.join(target, 'schema.snapshot.prisma'), schemaText);
    console.log(`${provider}: wrote ${target}/migration.sql`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
