// Writes a new migration for both providers from the change to prisma/schema.prisma:
//   npm run migrations:new -- add_win_tags
// Offline-safe: it diffs schema files (the previous schema is kept next to each
// migration as schema.snapshot.prisma), never a live database or a shadow database.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postgresSchemaFrom } from './prisma-schema.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrations:new -- <snake_case_name>');
  process.exit(2);
}

const current = readFileSync('prisma/schema.prisma', 'utf8');
const providers = {
  sqlite: current,
  postgres: postgresSchemaFrom(current),
};

mkdirSync('data', { recursive: true });
for (const [provider, schemaText] of Object.entries(providers)) {
  const dir = path.join('prisma', 'migrations', provider);
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
  const previous = existing.at(-1);
  const next = String(existing.length + 1).padStart(4, '0') + '_' + name;

  const tmp = path.join('data', `schema-${provider}.prisma`);
  writeFileSync(tmp, schemaText);
  const from = previous
    ? ['--from-schema-datamodel', path.join(dir, previous, 'schema.snapshot.prisma')]
    : ['--from-empty'];
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', tmp, '--script'],
    { encoding: 'utf8', env: { ...process.env, PRISMA_SCHEMA: tmp }, stdio: ['ignore', 'pipe', 'inherit'] },
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
