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
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { sqlitePath } from './client.js';
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

const MIGRATIONS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'migrations');

export function readMigrations(provider: 'sqlite' | 'postgres', root = MIGRATIONS_ROOT): Migration[] {
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

/** Which migrations still need applying; refuses if an applied one was edited since. */
export function pendingMigrations(all: Migration[], applied: AppliedRow[]): Migration[] {
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

export async function migrateDatabase(url: string, logger: Logger): Promise<{ applied: string[] }> {
  const applied = url.startsWith('file:') ? migrateSqlite(url) : await migratePostgres(url);
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

function migrateSqlite(url: string): string[] {
  const db = new BetterSqlite3(sqlitePath(url), { timeout: 30_000 });
  try {
    // WAL lets readers (the CLI, /healthz) work while the app writes; it sticks to the file.
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SQLITE_BOOKKEEPING);
      const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all();
      const pending = pendingMigrations(readMigrations('sqlite'), rows as AppliedRow[]);
      const record = db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const migration of pending) {
        const startedAt = Date.now();
        db.exec(migration.sql);
        record.run(randomUUID(), migration.checksum, migration.name, startedAt, Date.now());
      }
      db.exec('COMMIT');
      return pending.map((m) => m.name);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
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

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [POSTGRES_MIGRATION_LOCK]);
    try {
      await client.query(POSTGRES_BOOKKEEPING);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const pending = pendingMigrations(readMigrations('postgres'), rows);
      for (const migration of pending) {
        // DDL is transactional in PostgreSQL: a migration applies whole or not at all.
        await client.query('BEGIN');
        try {
          const started = await client.query<{ now: Date }>('SELECT now()');
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
            [randomUUID(), migration.checksum, migration.name, started.rows[0]?.now],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
        }
      }
      return pending.map((m) => m.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [POSTGRES_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}
