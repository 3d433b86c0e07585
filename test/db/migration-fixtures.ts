// What the migration tests share: a scratch copy of prisma/ to write migrations into
// (the repository's own prisma/ is never touched), and a database populated the way the
// app populates it, through the real repositories.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRepositories, migrateDatabase, openDatabase } from '../../src/db/index.js';
import type { Db } from '../../src/db/client.js';
import { createLogger, memoryDestination } from '../../src/logger.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** tsx for child processes, resolved from the repository whatever their working directory. */
export const TSX_LOADER = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

export const quietLogger = () => createLogger({ level: 'warn', format: 'json', destination: memoryDestination() });

export interface PrismaCopy {
  /** The copy's migrations folder, holding sqlite/ and postgres/. */
  migrationsRoot: string;
  schemaFile: string;
  remove(): void;
}

/** A copy of prisma/schema.prisma and prisma/migrations in a temporary folder. */
export function copyPrismaFolder(): PrismaCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'promo-coach-prisma-'));
  const prismaDir = path.join(dir, 'prisma');
  mkdirSync(prismaDir);
  cpSync(path.join(REPO_ROOT, 'prisma', 'schema.prisma'), path.join(prismaDir, 'schema.prisma'));
  cpSync(path.join(REPO_ROOT, 'prisma', 'migrations'), path.join(prismaDir, 'migrations'), { recursive: true });
  return {
    migrationsRoot: path.join(prismaDir, 'migrations'),
    schemaFile: path.join(prismaDir, 'schema.prisma'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `npm run migrations:new -- <name>` against the copy; returns the new folder name. */
export function writeMigrationWithScript(copy: PrismaCopy, name: string): string {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'prisma-migration.mjs'), name], {
    cwd: REPO_ROOT,
    env: { ...process.env, PRISMA_DIR: path.dirname(copy.schemaFile) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return newest(copy, 'sqlite');
}

const CHILD_MIGRATE = `
import { migrateDatabase } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'src', 'db', 'migrate.ts')).href)};
import { createLogger } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'src', 'logger.ts')).href)};
const result = await migrateDatabase(process.argv[1], createLogger({ level: 'warn', format: 'json' }), { migrationsRoot: process.argv[2] });
process.stdout.write(JSON.stringify(result.applied));
`;

/** Runs the migration runner in a process of its own, as a replica starting up would. */
export function migrateInChildProcess(url: string, migrationsRoot: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TSX_LOADER, '--input-type=module', '-e', CHILD_MIGRATE, url, migrationsRoot],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[])),
    );
  });
}

/** Removes the newest committed migration from the copy, for both providers; returns its folder name. */
export function dropNewestMigration(copy: PrismaCopy): string {
  const folder = newest(copy, 'sqlite');
  for (const provider of ['sqlite', 'postgres'] as const) rmSync(path.join(copy.migrationsRoot, provider, folder), { recursive: true });
  return folder;
}

/**
 * The same rows as populateDatabase, written with plain SQL naming only the columns the
 * first migration made: it works at any schema, so a database can be populated before a
 * newer migration runs. Needs the migrations applied first.
 */
export async function populateWithSql(url: string): Promise<void> {
  const statements: string[] = [];
  for (const [index, userId] of ['UADA', 'UBEN'].entries()) {
    const teamId = index === 0 ? "'T0001'" : 'NULL';
    statements.push(
      `INSERT INTO "User" ("id", "teamId", "tz", "createdAt", "updatedAt") VALUES ('${userId}', ${teamId}, 'Europe/Berlin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      `INSERT INTO "Profile" ("userId", "currentLevel", "targetLevel", "managerId", "targetCycle", "nudgeDay", "nudgeMinute", "onboardedAt", "updatedAt") ` +
        `VALUES ('${userId}', 'senior', 'staff', 'UMANAGER', '2027 H2', 5, 900, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      ...[23, 24, 25].map(
        (day) =>
          `INSERT INTO "Win" ("id", "userId", "text", "date", "source", "criteria", "crossTeam", "enabledOthers", "sourceKey", "createdAt", "updatedAt") ` +
          `VALUES ('w-${userId}-${day}', '${userId}', 'Shipped the rollout plan, part ${day}', '2026-11-${day}', 'dm', '["impact"]', ${day === 24}, false, '${userId}-${day}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      ),
      `INSERT INTO "WeekAnswer" ("userId", "week", "answer", "createdAt") VALUES ('${userId}', '2026-W48', 'wins', CURRENT_TIMESTAMP)`,
      `INSERT INTO "Delivery" ("id", "userId", "kind", "period", "status", "attempts", "claimedAt", "sentAt", "channelId", "messageTs") ` +
        `VALUES ('d-${userId}', '${userId}', 'weekly_nudge', '2026-W48', 'sent', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'D${userId}', '1.2')`,
    );
  }
  for (const statement of statements) await execute(url, statement);
}

/**
 * Every row of the tables a user owns, read with plain SQL so it works at any schema:
 * the rows of a database at an older migration can be compared with the same rows after
 * the newer ones ran.
 */
export async function rawRows(url: string): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = { User: 'id', Profile: 'userId', Win: 'sourceKey', WeekAnswer: '"userId", "week"', Delivery: 'id' };
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    const by = order.includes('"') ? order : `"${order}"`;
    rows[table] = (await query(url, `SELECT * FROM "${table}" ORDER BY ${by}`)) as Record<string, unknown>[];
  }
  return rows;
}

/** Adds a hand-written migration with the same SQL for both providers; returns its folder name. */
export function addMigration(copy: PrismaCopy, name: string, sql: string): string {
  let folder = '';
  for (const provider of ['sqlite', 'postgres'] as const) {
    const dir = path.join(copy.migrationsRoot, provider);
    const count = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length;
    folder = `${String(count + 1).padStart(4, '0')}_${name}`;
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, 'migration.sql'), sql);
  }
  return folder;
}

export function migrationSql(copy: PrismaCopy, provider: 'sqlite' | 'postgres', folder: string): string {
  return readFileSync(path.join(copy.migrationsRoot, provider, folder, 'migration.sql'), 'utf8');
}

function newest(copy: PrismaCopy, provider: 'sqlite' | 'postgres'): string {
  const folders = readdirSync(path.join(copy.migrationsRoot, provider)).filter((d) => /^\d{4}_/.test(d)).sort();
  return folders.at(-1) ?? '';
}

export const POPULATED = { users: 2, profiles: 2, wins: 6, weekAnswers: 2, deliveries: 2 };

/**
 * A database at the committed schema, holding what two onboarded engineers leave behind:
 * profiles, three wins each, a week answered, a nudge delivered.
 */
export async function populateDatabase(url: string): Promise<void> {
  await migrateDatabase(url, quietLogger());
  const database = await openDatabase(url);
  try {
    const repos = createRepositories(database.prisma);
    const now = new Date('2026-11-27T14:00:00Z');
    for (const [index, userId] of ['UADA', 'UBEN'].entries()) {
      // One user with a team id, one without: the rebuild must keep a null a null.
      await repos.users.upsert({ id: userId, teamId: index === 0 ? 'T0001' : null, tz: 'Europe/Berlin' });
      await repos.users.saveProfile(userId, 'Europe/Berlin', {
        currentLevel: 'senior',
        targetLevel: 'staff',
        managerId: 'UMANAGER',
        targetCycle: '2027 H2',
        nudgeDay: 5,
        nudgeMinute: 900,
        nextNudgeAt: new Date('2026-12-04T14:00:00Z'),
      });
      for (const day of [23, 24, 25]) {
        await repos.wins.create({
          userId,
          text: `Shipped the rollout plan, part ${day}`,
          date: `2026-11-${day}`,
          source: 'dm',
          criteria: ['impact'],
          crossTeam: day === 24,
          enabledOthers: false,
          sourceKey: `${userId}-${day}`,
        });
      }
      await repos.wins.answerWins(userId, '2026-W48');
      // The row a sent weekly nudge leaves, written as is: how the delivery engine gets
      // there is not what these tests are about.
      await database.prisma.delivery.create({
        data: { userId, kind: 'weekly_nudge', period: '2026-W48', status: 'sent', claimedAt: now, sentAt: now, channelId: `D${userId}`, messageTs: '1.2' },
      });
    }
  } finally {
    await database.close();
  }
}

/** Every row of the tables a user owns, in a stable order. */
export async function snapshot(url: string) {
  const database = await openDatabase(url);
  try {
    return await rowsOf(database.prisma);
  } finally {
    await database.close();
  }
}

async function rowsOf(db: Db) {
  return {
    users: await db.user.findMany({ orderBy: { id: 'asc' } }),
    profiles: await db.profile.findMany({ orderBy: { userId: 'asc' } }),
    wins: await db.win.findMany({ orderBy: { sourceKey: 'asc' } }),
    weekAnswers: await db.weekAnswer.findMany({ orderBy: [{ userId: 'asc' }, { week: 'asc' }] }),
    deliveries: await db.delivery.findMany({ orderBy: { userId: 'asc' } }),
  };
}

export interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

export async function migrationRows(url: string): Promise<MigrationRow[]> {
  const database = await openDatabase(url);
  try {
    return await database.prisma.$queryRawUnsafe<MigrationRow[]>(
      'SELECT migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY migration_name, started_at',
    );
  } finally {
    await database.close();
  }
}

export async function query(url: string, sql: string): Promise<unknown[]> {
  const database = await openDatabase(url);
  try {
    return await database.prisma.$queryRawUnsafe<unknown[]>(sql);
  } finally {
    await database.close();
  }
}

export async function execute(url: string, sql: string): Promise<void> {
  const database = await openDatabase(url);
  try {
    await database.prisma.$executeRawUnsafe(sql);
  } finally {
    await database.close();
  }
}
