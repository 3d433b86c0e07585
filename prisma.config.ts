// Prisma CLI configuration. Prisma 6.19 with the JS schema engine is the version that
// runs offline (../shared/docs/platform-notes.md). The CLI only ever works on SQLite
// here (generate, migrate diff); PostgreSQL migrations are applied by src/db/migrate.ts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const schema = process.env.PRISMA_SCHEMA ?? path.join('prisma', 'schema.prisma');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema,
  // Migrations are kept per provider; `prisma migrate status` reads the SQLite ones, the
  // same files src/db/migrate.ts applies, so the two agree.
  migrations: { path: process.env.PRISMA_MIGRATIONS_PATH ?? path.join('prisma', 'migrations', 'sqlite') },
  adapter: async () => {
    const url = process.env.PRISMA_CLI_SQLITE_URL ?? 'file:./data/prisma-cli.db';
    // A fresh clone has no data/ yet, and SQLite will not create the folder ("External error").
    mkdirSync(path.dirname(url.replace(/^file:/, '')), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
