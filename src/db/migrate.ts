// Applies the committed migrations (prisma/migrations/<provider>/NNNN_name/migration.sql)
// on start and from `promo-coach migrate`.
//
// Why not `prisma migrate deploy`: with no internet only Prisma's JS schema engine runs,
// and it cannot apply migrations through the pg adapter (prisma/orm#27403). So this
// module applies them itself, and keeps Prisma's `_prisma_migrations` bookkeeping
// (same table, sha256 checksum of the file, folder name) so that `prisma migrate status`
// agrees on a machine that has the full CLI.
//
// Several replicas may start at once: PostgreSQL takes an advisory lock, SQLite a write
// transaction (BEGIN IMMEDIATE), so exactly one process applies each migration.
//
// A migration that fails is rolled back whole and recorded as Prisma records one: an
// unfinished row with the error in `logs`. Every later start refuses (Prisma's P3009)
// until someone fixes the cause and marks that row rolled back.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Types only: the driver for the database in use is loaded when a migration runs.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { DatabaseUrlError, prepareSqliteFile } from './client.js';
import type { Logger } from '../logger.js';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

// Any fixed 64-bit number, unique to this app, that every replica agrees on.
const POSTGRES_MIGRATION_LOCK = 7_260_114_202;

// The repository's (or image's) prisma/migrations, found upwards from this file: it runs from
// src/db/ under tsx, from dist/db/ for the CLI, and from dist/bundle/ for `npm start`.
const MIGRATIONS_ROOT = findUpwards(path.dirname(fileURLToPath(import.meta.url)), path.join('prisma', 'migrations'));

function findUpwards(from: string, relative: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    // None found: readMigrations names the path it expected.
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..', relative);
  }
}

export type MigrationProvider = 'sqlite' | 'postgres';

export function readMigrations(provider: MigrationProvider, root = MIGRATIONS_ROOT): Migration[] {
  const dir = path.join(root, provider);
  if (!existsSync(dir)) throw new MigrationError(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** The statement that tells the runner a failed migration may be tried again (SQLite and PostgreSQL). */
export function markRolledBackSql(name: string): string {
  return `UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '${name}' AND finished_at IS NULL;`;
}

const retryAdvice = (name: string) =>
  `Fix the migration (or the data it trips on), then let the next start retry it: ${markRolledBackSql(name)}`;

/**
 * Which migrations still need applying. Refuses while a migration that failed is not
 * marked rolled back (as `prisma migrate deploy` does), and when an applied one was
 * edited since.
 */
export function pendingMigrations(all: Migration[], applied: AppliedRow[]): Migration[] {
  const failed = applied.find((row) => !row.finished_at && !row.rolled_back_at);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} failed on an earlier start (its error is in _prisma_migrations.logs). ${retryAdvice(failed.migration_name)}`,
    );
  }
  const done = new Map(
    applied.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row.checksum]),
  );
  for (const migration of all) {
    const checksum = done.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.name} was changed after it was applied; write a new migration instead of editing it`,
      );
    }
  }
  return all.filter((migration) => !done.has(migration.name));
}

function failedMigration(name: string, cause: string): MigrationError {
  const firstLine = cause.split('\n')[0] ?? cause;
  return new MigrationError(
    `migration ${name} failed and was rolled back, so the database is as it was before it: ${firstLine}. ${retryAdvice(name)}`,
  );
}

export interface MigrateOptions {
  /** The folder holding sqlite/ and postgres/ (default: the repository's prisma/migrations). */
  migrationsRoot?: string;
}

export async function migrateDatabase(
  url: string,
  logger: Logger,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const root = options.migrationsRoot ?? MIGRATIONS_ROOT;
  const applied = url.startsWith('file:')
    ? migrateSqlite((await import('better-sqlite3')).default, url, root)
    : await migratePostgres(url, root);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  else logger.debug('database schema is up to date');
  return { applied };
}

const SQLITE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const RECORD_SQL = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)`;

function openSqlite(Sqlite: typeof BetterSqlite3, url: string): BetterSqlite3.Database {
  const file = prepareSqliteFile(url);
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Sqlite(file, { timeout: 30_000 });
    // WAL lets readers (the CLI, /healthz) work while the app writes; it sticks to the file.
    // It is also the first read of the file, so a file that is not a database fails here.
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseUrlError(
      `cannot open the SQLite database in DATABASE_URL (${file}): ${(error as Error).message}. ` +
        'Set DATABASE_URL to a file:… path Promo Coach can read and write.',
    );
  }
}

function migrateSqlite(Sqlite: typeof BetterSqlite3, url: string, root: string): string[] {
  const db = openSqlite(Sqlite, url);
  try {
    const all = readMigrations('sqlite', root);
    // Prisma's table-rebuild scripts start with PRAGMA foreign_keys=OFF, but that pragma
    // is a no-op inside a transaction: with keys on, `DROP TABLE "User"` would cascade
    // through every child table. So keys go off on the connection, before BEGIN, and
    // foreign_key_check stands guard before each commit instead.
    db.pragma('foreign_keys = OFF');
    try {
      const applied: string[] = [];
      for (let name = applySqliteStep(db, all); name; name = applySqliteStep(db, all)) applied.push(name);
      return applied;
    } finally {
      db.pragma('foreign_keys = ON');
    }
  } finally {
    db.close();
  }
}

/**
 * Applies the next pending migration in its own write transaction, re-reading the
 * bookkeeping under the lock (another replica may have applied it meanwhile).
 * Returns its name, or null when none is pending.
 */
function applySqliteStep(db: BetterSqlite3.Database, all: Migration[]): string | null {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(SQLITE_BOOKKEEPING);
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all();
    const [migration] = pendingMigrations(all, rows as AppliedRow[]);
    if (!migration) {
      db.exec('COMMIT');
      return null;
    }
    const startedAt = Date.now();
    db.exec('SAVEPOINT migration');
    const failure = runSqliteMigration(db, migration.sql);
    if (failure === null) {
      db.exec('RELEASE migration');
      db.prepare(`${RECORD_SQL} VALUES (?, ?, ?, NULL, ?, ?, 1)`).run(randomUUID(), migration.checksum, migration.name, startedAt, Date.now());
      db.exec('COMMIT');
      return migration.name;
    }
    // Some errors (disk full, I/O) end the whole transaction; otherwise undo only the
    // migration and keep the lock while writing down why it failed.
    if (db.inTransaction) db.exec('ROLLBACK TO migration; RELEASE migration');
    else db.exec(`BEGIN IMMEDIATE; ${SQLITE_BOOKKEEPING}`);
    db.prepare(`${RECORD_SQL} VALUES (?, ?, ?, ?, ?, NULL, 0)`).run(randomUUID(), migration.checksum, migration.name, failure, startedAt);
    db.exec('COMMIT');
    throw failedMigration(migration.name, failure);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Runs one migration's script; returns null when it applied cleanly, else what went wrong. */
function runSqliteMigration(db: BetterSqlite3.Database, sql: string): string | null {
  try {
    db.exec(sql);
  } catch (error) {
    return (error as Error).message;
  }
  const violations = db.prepare('PRAGMA foreign_key_check').all() as { table: string; parent: string }[];
  if (violations.length === 0) return null;
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(`${v.table} → ${v.parent}`, (counts.get(`${v.table} → ${v.parent}`) ?? 0) + 1);
  const detail = [...counts].map(([pair, n]) => `${n} in ${pair}`).join(', ');
  return `foreign key check failed: ${violations.length} rows point at rows that do not exist (${detail})`;
}

const POSTGRES_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function connectPostgres(url: string): Promise<pg.Client> {
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    // Host and database only: the URL may carry a password.
    const where = (() => {
      try {
        const parsed = new URL(url);
        return `${parsed.host}${parsed.pathname}`;
      } catch {
        return 'an unparsable URL';
      }
    })();
    throw new DatabaseUrlError(
      `cannot connect to the PostgreSQL database in DATABASE_URL (${where}): ${(error as Error).message}`,
    );
  }
}

async function migratePostgres(url: string, root: string): Promise<string[]> {
  const all = readMigrations('postgres', root);
  const client = await connectPostgres(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [POSTGRES_MIGRATION_LOCK]);
    try {
      await client.query(POSTGRES_BOOKKEEPING);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const pending = pendingMigrations(all, rows);
      for (const migration of pending) await applyPostgresMigration(client, migration);
      return pending.map((m) => m.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [POSTGRES_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function applyPostgresMigration(client: pg.Client, migration: Migration): Promise<void> {
  const started = await client.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  const startedAt = started.rows[0]?.now;
  // DDL is transactional in PostgreSQL: a migration applies whole or not at all.
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(`${RECORD_SQL} VALUES ($1, $2, $3, NULL, $4, clock_timestamp(), 1)`, [
      randomUUID(),
      migration.checksum,
      migration.name,
      startedAt,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    // Written after the rollback, still under the advisory lock, so the record survives.
    const failure = (error as Error).message;
    await client.query(`${RECORD_SQL} VALUES ($1, $2, $3, $4, $5, NULL, 0)`, [
      randomUUID(),
      migration.checksum,
      migration.name,
      failure,
      startedAt,
    ]);
    throw failedMigration(migration.name, failure);
  }
}
