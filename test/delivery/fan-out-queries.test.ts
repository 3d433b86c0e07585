// What a weekly-nudges tick costs the database: a few statements per page of due users,
// never a few per user, and a single indexed query when nobody is due. Counted from
// Prisma's own query log, on SQLite and PostgreSQL.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, migrateDatabase } from '../../src/db/index.js';
import { MARK_BATCH, SENDING_CHUNK } from '../../src/delivery/engine.js';
import { sqlitePath, type Db } from '../../src/db/client.js';
import { PrismaClient as SqliteClient } from '../../src/db/generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../../src/db/generated/postgres/client.js';
import { weeklyNudgeMessage } from '../../src/jobs/weekly-nudges.js';
import { defaultLadder } from '../../src/ladder/index.js';
import { createLogger } from '../../src/logger.js';
import { slackGateway } from '../../src/slack/gateway.js';
import { sendDueNudges } from '../../src/use-cases/nudges.js';
import type { Deps } from '../../src/use-cases/deps.js';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const kinds = await databaseKinds();
const TOKEN = 'xoxb-fan-out-queries';
// Friday 27 November 2026, 15:00 in Berlin.
const DUE = new Date('2026-11-27T14:00:00Z');

interface Counted {
  deps: Deps;
  prisma: Db;
  fake: FakeSlack;
  /** Every SQL statement Prisma sent, in order, with its parameters. */
  queries: { query: string; params: string }[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function counted(kind: DatabaseKind): Promise<Counted> {
  const testDb: TestDatabase = await createTestDatabase(kind);
  cleanups.push(() => testDb.drop());
  const logger = createLogger({ level: 'silent', format: 'json' });
  await migrateDatabase(testDb.url, logger);
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  const queries: Counted['queries'] = [];
  const record = (event: { query: string; params: string }) => queries.push({ query: event.query, params: event.params });
  let prisma: Db;
  if (kind === 'sqlite') {
    const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqlitePath(testDb.url) }), log });
    client.$on('query', record);
    prisma = client as unknown as Db;
  } else {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: testDb.url }), log });
    client.$on('query', record);
    prisma = client as unknown as Db;
  }
  cleanups.push(() => prisma.$disconnect());
  const fake = await startFakeSlack({ token: TOKEN });
  cleanups.push(() => fake.close());
  const repos = createRepositories(prisma);
  const client = new WebClient(TOKEN, { slackApiUrl: fake.apiUrl });
  const deps: Deps = { repos, ladder: defaultLadder, logger, clock: () => DUE, slack: slackGateway(client, repos.users) };
  return { deps, prisma, fake, queries };
}

async function seed(prisma: Db, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, i) => `UFAN${String(i).padStart(4, '0')}`);
  await prisma.user.createMany({ data: ids.map((id) => ({ id, tz: 'Europe/Berlin', dmChannelId: `D${id}` })) });
  await prisma.profile.createMany({
    data: ids.map((userId) => ({ userId, currentLevel: 'senior', targetLevel: 'staff', managerId: 'UMANAGER', targetCycle: '2027 H2', nextNudgeAt: DUE })),
  });
}

describe.each(kinds)('the weekly-nudges tick\'s queries on %s', (kind) => {
  it('when nobody is due, then the tick is one query, and it reads the due-slot indexes', async () => {
    const { deps, prisma, queries } = await counted(kind);
    await seed(prisma, 30);
    queries.length = 0;

    const at = new Date('2026-11-27T13:55:00Z');
    expect(await sendDueNudges(deps, at, { message: weeklyNudgeMessage })).toEqual({ weekly_sent: 0, reNudge_sent: 0 });
    expect(queries).toHaveLength(1);

    // The plan of that one query: index searches on (nextNudgeAt, userId) and (snoozedNudgeAt, userId).
    const [probe] = queries as [Counted['queries'][0]];
    const params = JSON.parse(probe.params) as unknown[];
    const rows =
      kind === 'sqlite'
        ? await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${probe.query}`, ...params)
        : await prisma.$transaction(async (tx) => {
            // Thirty rows fit in one page, where a scan is cheaper; ask for the plan a big table gets.
            await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
            return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${probe.query}`, ...params);
          });
    const plan = rows.map((row) => ('detail' in row ? row.detail : row['QUERY PLAN'])).join('\n');
    expect(plan).toMatch(/Profile_nextNudgeAt_userId_idx/);
    expect(plan).toMatch(/Profile_snoozedNudgeAt_userId_idx/);
    expect(plan).not.toMatch(/SCAN Profile\b|Seq Scan/);
  });

  it('when 120 users are due in pages of 50, then the tick costs a fixed few statements per page, whatever the page holds', async () => {
    const { deps, prisma, fake, queries } = await counted(kind);
    await seed(prisma, 120);
    queries.length = 0;

    const result = await sendDueNudges(deps, DUE, { message: weeklyNudgeMessage, pageSize: 50 });
    expect(result).toEqual({ weekly_sent: 120, reNudge_sent: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(120);
    // The probe, then per page: read the page, claim it, move its slots on (pages overlap, so
    // the statements interleave). So that a crash leaves little to look for in Slack, claims
    // are marked 'sending' a chunk at a time, and 'sent' in small batches as the DMs complete:
    // at most MARK_BATCH per statement, and several per statement.
    const isMark = (q: { query: string }) => /UPDATE "Delivery"\s+SET "status" = 'sent'/.test(q.query);
    const isSending = (q: { query: string }) => /UPDATE "Delivery" SET "status" = 'sending'/.test(q.query);
    expect(queries.filter(isSending)).toHaveLength([50, 50, 20].reduce((n, page) => n + Math.ceil(page / SENDING_CHUNK), 0));
    const statements = queries.filter((q) => !isMark(q) && !isSending(q)).map((q) => q.query.trim().split(/\s+/)[0]?.toUpperCase()).sort();
    expect(statements).toEqual(['INSERT', 'INSERT', 'INSERT', 'SELECT', 'SELECT', 'SELECT', 'SELECT', 'UPDATE', 'UPDATE', 'UPDATE']);
    expect(queries.filter((q) => /INSERT INTO "Delivery"/.test(q.query))).toHaveLength(3);
    const marks = queries.filter(isMark).length;
    expect(marks).toBeGreaterThanOrEqual(Math.ceil(120 / MARK_BATCH));
    expect(marks).toBeLessThanOrEqual(120 / 4);

    // Settled: the next tick is the one query again.
    queries.length = 0;
    expect(await sendDueNudges(deps, new Date('2026-11-27T14:05:00Z'), { message: weeklyNudgeMessage })).toEqual({ weekly_sent: 0, reNudge_sent: 0 });
    expect(queries).toHaveLength(1);
  });
});
