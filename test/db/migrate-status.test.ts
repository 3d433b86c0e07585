// `prisma migrate status` (offline on SQLite with the JS engine) reads the same
// _prisma_migrations rows and migration folders as src/db/migrate.ts: they must agree.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createTestDatabase } from '../support/databases.js';
import { addMigration, copyPrismaFolder, populateDatabase, quietLogger, REPO_ROOT } from './migration-fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sqliteDatabase(): Promise<string> {
  const database = await createTestDatabase('sqlite');
  cleanups.push(() => database.drop());
  return database.url;
}

function scratchCopy() {
  const copy = copyPrismaFolder();
  cleanups.push(() => copy.remove());
  return copy;
}

/** Runs `prisma migrate status` from the repository, as an operator would. */
function prismaStatus(url: string, migrationsPath?: string): { code: number | null; output: string } {
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'status'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_CLI_SQLITE_URL: url,
      ...(migrationsPath ? { PRISMA_MIGRATIONS_PATH: migrationsPath } : {}),
    },
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('prisma migrate status on SQLite', () => {
  it('when the runner has applied the committed migrations, then prisma migrate status, with the repository config, says the schema is up to date', async () => {
    const url = await sqliteDatabase();
    await migrateDatabase(url, quietLogger());
    const status = prismaStatus(url);
    expect(status.output).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
  });

  it('when a migration is pending, then prisma migrate status names it, and once the runner applies it, says up to date', async () => {
    const url = await sqliteDatabase();
    await populateDatabase(url);
    const copy = scratchCopy();
    const name = addMigration(copy, 'win_tags', 'ALTER TABLE "Win" ADD COLUMN "tag" TEXT;\n');
    const sqliteMigrations = path.join(copy.migrationsRoot, 'sqlite');

    const pending = prismaStatus(url, sqliteMigrations);
    expect(pending.output).toMatch(new RegExp(`not yet been applied:\\s+${name}`));
    expect(pending.code).toBe(1);

    expect((await migrateDatabase(url, quietLogger(), { migrationsRoot: copy.migrationsRoot })).applied).toEqual([name]);
    const applied = prismaStatus(url, sqliteMigrations);
    expect(applied.output).toContain('Database schema is up to date!');
    expect(applied.code).toBe(0);
  });

  it('when a migration failed in the runner, then prisma migrate status reports it as failed', async () => {
    const url = await sqliteDatabase();
    await populateDatabase(url);
    const copy = scratchCopy();
    const name = addMigration(copy, 'broken', 'INSERT INTO "NoSuchTable" VALUES (1);\n');
    await expect(migrateDatabase(url, quietLogger(), { migrationsRoot: copy.migrationsRoot })).rejects.toThrow(name);

    const status = prismaStatus(url, path.join(copy.migrationsRoot, 'sqlite'));
    expect(status.output).toMatch(new RegExp(`Following migration have failed:\\s+${name}`));
    expect(status.code).toBe(1);
  });
});
