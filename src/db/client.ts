// Opens the database named by DATABASE_URL: a SQLite file (the embedded default) or
// PostgreSQL (several replicas). Nothing outside src/db/ imports Prisma.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { DatabaseKind } from '../config.js';
import type { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { cachePlans } from './plan-cache.js';
import { awaitingAnswer, takingTurns } from './taking-turns.js';

/**
 * Both generated clients come from one model file (prisma/schema.prisma), so their
 * query APIs are the same; repositories are typed against the SQLite one.
 */
export type Db = SqliteClient;

export interface Database {
  kind: DatabaseKind;
  prisma: Db;
  /** Throws when the database cannot answer; used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** DATABASE_URL names a database Promo Coach cannot create, open or reach: the operator's to fix. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/** "file:./data/x.db" → absolute path, relative to the working directory as Prisma does. */
export function sqlitePath(url: string): string {
  const file = url.replace(/^file:/, '').split('?')[0] ?? '';
  return path.resolve(file);
}

/**
 * The SQLite file's absolute path, with its folder created: a fresh clone has no data/,
 * and SQLite creates the file but never the folders above it.
 */
export function prepareSqliteFile(url: string): string {
  const file = sqlitePath(url);
  try {
    createFolders(path.dirname(file));
  } catch (error) {
    throw new DatabaseUrlError(
      `cannot create the folder for the SQLite database in DATABASE_URL (${file}): ${(error as Error).message}. ` +
        'Set DATABASE_URL to a file:… path in a folder Promo Coach can write to.',
    );
  }
  return file;
}

/**
 * `mkdir -p`. Not Node's `mkdirSync(…, { recursive: true })`: for a path under /proc it
 * never returns (it keeps retrying an ENOENT it cannot fix), and a start must fail, not hang.
 */
function createFolders(dir: string): void {
  const parent = path.dirname(dir);
  if (parent !== dir && !existsSync(parent)) createFolders(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    // Another replica may have just made it; a file in the way fails when SQLite opens it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

// How long a transaction may wait for its turn (db/taking-turns.ts) before it fails. Under a
// burst the wait is seconds, after the ack, and harmless; Prisma's default is 2 s.
const TRANSACTION_MAX_WAIT_MS = 20_000;
const POSTGRES_POOL_SIZE = 10;

// SQLite waits this long for another writer (a second process, the CLI) before failing.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the database, loading only the generated client and driver adapter it needs:
 * each generated client with its adapter costs ~0.5 s of start and ~20 MB of heap, and
 * a process only ever talks to one database.
 */
export async function openDatabase(url: string): Promise<Database> {
  return (await databaseOpener(url))();
}

/**
 * Loads the client for this URL once and returns a synchronous opener: for code that
 * opens several connections (pools) to one database, such as a test's replicas.
 */
export async function databaseOpener(url: string): Promise<() => Database> {
  compileWasmOnce();
  if (url.startsWith('file:')) {
    const file = prepareSqliteFile(url);
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    return () =>
      wrap(
        'sqlite',
        new PrismaClient({
          // SQLite has one connection: one query or transaction at a time.
          adapter: takingTurns(new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }), 1),
          transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
        }),
      );
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('./generated/postgres/client.js'), import('@prisma/adapter-pg')]);
  return () => {
    const prisma = new PrismaClient({
      adapter: takingTurns(new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: 5_000 }), POSTGRES_POOL_SIZE),
      transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
    });
    return wrap('postgres', prisma as unknown as Db);
  };
}

/**
 * Prisma's query compiler is a 2 MB WebAssembly module. V8 compiles it fast (Liftoff) and
 * then again, optimised (TurboFan), in the background: that second pass cost a third of
 * the start (0.3 s of CPU) and 27 MB of resident memory for the life of the process, and
 * made no measurable difference to a click (`npm run bench`: CPU per interaction and
 * latency the same within noise). The flag only changes how WebAssembly compiled after it
 * is compiled; no JavaScript is affected.
 */
function compileWasmOnce(): void {
  setFlagsFromString('--liftoff-only');
}

function wrap(kind: DatabaseKind, prisma: Db): Database {
  cachePlans(prisma);
  return {
    kind,
    prisma,
    async ping() {
      // A health check waits on no one's writes: a busy app is still a healthy one.
      await awaitingAnswer.run({ answered: false }, () => prisma.$queryRawUnsafe('SELECT 1'));
    },
    async close() {
      await prisma.$disconnect();
    },
  };
}
