// Migrations against populated databases: a table rebuild keeps every row, and a
// migration that fails leaves the data as it was and stops every later start.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migrateDatabase } from '../../src/db/migrate.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import {
  addMigration,
  copyPrismaFolder,
  dropNewestMigration,
  execute,
  migrationRows,
  migrateInChildProcess,
  migrationSql,
  POPULATED,
  populateDatabase,
  populateWithSql,
  query,
  quietLogger,
  rawRows,
  snapshot,
  writeMigrationWithScript,
  type PrismaCopy,
} from './migration-fixtures.js';

const kinds = await databaseKinds();

// One real migration from `migrations:new`, shared by every test: writing it runs the
// Prisma CLI twice (a few seconds).
let rebuild: PrismaCopy;
let rebuildName: string;
beforeAll(() => {
  rebuild = copyPrismaFolder();
  const schema = readFileSync(rebuild.schemaFile, 'utf8');
  const withDefault = schema.replace(/^(\s+teamId\s+String\?)\s*$/m, '$1 @default("")');
  expect(withDefault, 'the User.teamId line in prisma/schema.prisma moved; update this test').not.toBe(schema);
  writeFileSync(rebuild.schemaFile, withDefault);
  rebuildName = writeMigrationWithScript(rebuild, 'user_team_default');
});
afterAll(() => rebuild.remove());

/** The sentence after "retry it:" in a refusal: the statement that marks the migration rolled back. */
function resolveStatement(message: string): string {
  const statement = /retry it: (UPDATE .*;)$/.exec(message)?.[1];
  expect(statement, message).toBeDefined();
  return statement ?? '';
}

async function migrationFailure(url: string, migrationsRoot: string): Promise<MigrationError> {
  const error: unknown = await migrateDatabase(url, quietLogger(), { migrationsRoot }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

describe('the table-rebuild migration written by migrations:new', () => {
  it('when User.teamId gets a default, then the SQLite script rebuilds the User table, dropping the old one', () => {
    const sql = migrationSql(rebuild, 'sqlite', rebuildName);
    expect(rebuildName).toMatch(/^\d{4}_user_team_default$/);
    expect(sql).toContain('-- RedefineTables');
    expect(sql).toContain('CREATE TABLE "new_User"');
    expect(sql).toContain('DROP TABLE "User";');
    expect(sql).toContain('ALTER TABLE "new_User" RENAME TO "User";');
  });
});

describe.each(kinds)('migrations on a populated %s database', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const fresh = async () => {
    const database = await createTestDatabase(kind);
    cleanups.push(() => database.drop());
    await populateDatabase(database.url);
    return database.url;
  };
  const scratchCopy = () => {
    const copy = copyPrismaFolder();
    cleanups.push(() => copy.remove());
    return copy;
  };

  it('when a migration rebuilds the User table, then every user, profile, win, week answer and delivery survives', async () => {
    const url = await fresh();
    const before = await snapshot(url);
    expect({
      users: before.users.length,
      profiles: before.profiles.length,
      wins: before.wins.length,
      weekAnswers: before.weekAnswers.length,
      deliveries: before.deliveries.length,
    }).toEqual(POPULATED);

    const { applied } = await migrateDatabase(url, quietLogger(), { migrationsRoot: rebuild.migrationsRoot });

    expect(applied).toEqual([rebuildName]);
    expect(await snapshot(url)).toEqual(before);
    // The migration did what it was for: new rows get the default.
    await execute(url, `INSERT INTO "User" ("id", "updatedAt") VALUES ('UNEW', CURRENT_TIMESTAMP)`);
    expect(await query(url, `SELECT "teamId" FROM "User" WHERE "id" = 'UNEW'`)).toEqual([{ teamId: '' }]);
  });

  it('when the newest committed migration runs on a database populated before it, then every row survives as it was', async () => {
    const database = await createTestDatabase(kind);
    cleanups.push(() => database.drop());
    const older = scratchCopy();
    const newest = dropNewestMigration(older);
    await migrateDatabase(database.url, quietLogger(), { migrationsRoot: older.migrationsRoot });
    await populateWithSql(database.url);
    const before = await rawRows(database.url);
    expect(before.Win).toHaveLength(POPULATED.wins);

    const { applied } = await migrateDatabase(database.url, quietLogger());

    expect(applied).toEqual([newest]);
    const after = await rawRows(database.url);
    // Columns the migration added are left out; every column there before keeps its value.
    const asBefore = Object.fromEntries(
      Object.entries(after).map(([table, rows]) => [
        table,
        rows.map((row) => Object.fromEntries(Object.keys(before[table]?.[0] ?? row).map((column) => [column, row[column]]))),
      ]),
    );
    expect(asBefore).toEqual(before);
  });

  it('when two replicas start at once on a populated database, then the rebuild is applied once and every row survives', async () => {
    const url = await fresh();
    const before = await snapshot(url);

    const results = await Promise.all([
      migrateInChildProcess(url, rebuild.migrationsRoot),
      migrateInChildProcess(url, rebuild.migrationsRoot),
    ]);

    expect(results.flat()).toEqual([rebuildName]);
    expect((await migrationRows(url)).filter((row) => row.migration_name === rebuildName)).toHaveLength(1);
    expect(await snapshot(url)).toEqual(before);
  });

  it('when a migration fails halfway, then the data is untouched, the failure is recorded with its logs, and later starts refuse until it is marked rolled back', async () => {
    const url = await fresh();
    const before = await snapshot(url);
    const copy = scratchCopy();
    const name = addMigration(
      copy,
      'broken',
      'DELETE FROM "Win";\nALTER TABLE "Win" ADD COLUMN "tag" TEXT;\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );

    const failure = await migrationFailure(url, copy.migrationsRoot);
    expect(failure.message).toContain(`migration ${name} failed and was rolled back, so the database is as it was before it`);
    expect(failure.message).toMatch(/NoSuchTable/);
    expect(failure.message).not.toContain('\n');
    expect(await snapshot(url)).toEqual(before);
    await expect(execute(url, 'SELECT "tag" FROM "Win"')).rejects.toThrow();

    const rows = (await migrationRows(url)).filter((row) => row.migration_name === name);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.finished_at).toBeNull();
    expect(rows[0]?.rolled_back_at).toBeNull();
    expect(rows[0]?.logs).toMatch(/NoSuchTable/);

    // The next start refuses in one line, naming the migration and the way out.
    const refusal = await migrationFailure(url, copy.migrationsRoot);
    expect(refusal.message).toContain(`migration ${name} failed on an earlier start`);
    expect(refusal.message).not.toContain('\n');
    // Even with the migration fixed, it is not retried behind the operator's back.
    const fixedSql = 'ALTER TABLE "Win" ADD COLUMN "tag" TEXT;\n';
    for (const provider of ['sqlite', 'postgres']) {
      writeFileSync(path.join(copy.migrationsRoot, provider, name, 'migration.sql'), fixedSql);
    }
    await migrationFailure(url, copy.migrationsRoot);

    await execute(url, resolveStatement(refusal.message));
    const { applied } = await migrateDatabase(url, quietLogger(), { migrationsRoot: copy.migrationsRoot });
    expect(applied).toEqual([name]);
    expect(await snapshot(url)).toEqual(before);
    await execute(url, 'SELECT "tag" FROM "Win"');
  });

  it('when a migration leaves rows pointing at a user it deleted, then it is rolled back and recorded as failed', async () => {
    const url = await fresh();
    const before = await snapshot(url);
    const copy = scratchCopy();
    // SQLite runs migrations with foreign keys off, so the delete cascades nowhere and
    // foreign_key_check must catch the orphans; PostgreSQL refuses the orphan insert itself.
    const name = addMigration(
      copy,
      'orphans',
      `DELETE FROM "User" WHERE "id" = 'UADA';\nINSERT INTO "WeekAnswer" ("userId", "week", "answer") VALUES ('UGHOST', '2026-W49', 'nothing');\n`,
    );

    const failure = await migrationFailure(url, copy.migrationsRoot);
    expect(failure.message).toContain(`migration ${name} failed and was rolled back`);
    expect(failure.message).toMatch(/foreign key/i);
    expect(await snapshot(url)).toEqual(before);
    const row = (await migrationRows(url)).find((r) => r.migration_name === name);
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/foreign key/i);
  });
});
