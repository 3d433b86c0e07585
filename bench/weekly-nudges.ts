// One weekly-nudges tick for N onboarded users, all due at the same minute, against the
// local fake Slack Web API, on SQLite and on PostgreSQL. A baseline in the same run sends
// the same number of chat.postMessage calls straight from a WebClient with the same
// concurrency and no database, so the figure that matters is tick / baseline: what the
// database and the exactly-once bookkeeping cost on top of Slack calls alone.
//
//   npm run bench -- --users 10000 [--only sqlite|postgres] [--concurrency 16]
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import pLimit from 'p-limit';
import { slackClientOptions } from '../src/deps.js';
import { createRepositories, migrateDatabase, openDatabase } from '../src/db/index.js';
import { weeklyNudgesJob } from '../src/jobs/weekly-nudges.js';
import { defaultLadder } from '../src/ladder/index.js';
import { createLogger } from '../src/logger.js';
import { slackGateway } from '../src/slack/gateway.js';
import { nudgeMessage } from '../src/slack/views/nudge.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PAGE_SIZE } from '../src/delivery/engine.js';
import type { Deps } from '../src/use-cases/deps.js';
import { createTestDatabase, postgresAvailable, type DatabaseKind } from '../test/support/databases.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';

const TOKEN = 'xoxb-bench-token';
// Friday 27 November 2026, 15:00 in Berlin: every seeded user is due at this instant.
const DUE = new Date('2026-11-27T14:00:00Z');
const SEED_CHUNK = 1000;

export interface BenchOptions {
  users: number;
  kinds: DatabaseKind[];
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { users: { type: 'string' }, only: { type: 'string' } },
    allowPositionals: true,
  });
  const users = Number(values.users ?? 10_000);
  if (!Number.isInteger(users) || users < 1) throw new Error(`--users must be a positive whole number, got ${values.users}`);
  const only = values.only as DatabaseKind | undefined;
  if (only && only !== 'sqlite' && only !== 'postgres') throw new Error('--only must be sqlite or postgres');
  return { users, kinds: only ? [only] : ['sqlite', 'postgres'] };
}

const userIds = (n: number) => Array.from({ length: n }, (_, i) => `UBENCH${String(i).padStart(6, '0')}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Onboarded users with their DM channel already cached, as after their first week. */
async function seed(database: Awaited<ReturnType<typeof openDatabase>>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += SEED_CHUNK) {
    const chunk = ids.slice(i, i + SEED_CHUNK);
    await database.prisma.user.createMany({ data: chunk.map((id) => ({ id, tz: 'Europe/Berlin', dmChannelId: `D${id}` })) });
    await database.prisma.profile.createMany({
      data: chunk.map((userId) => ({
        userId,
        currentLevel: 'senior',
        targetLevel: 'staff',
        managerId: 'UMANAGER',
        targetCycle: '2027 H2',
        nextNudgeAt: DUE,
      })),
    });
  }
}

function checkExactlyOnce(fake: FakeSlack, ids: string[]): string[] {
  const sent = fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
  const channels = sent.map((c) => String(c.args.channel));
  const problems: string[] = [];
  if (channels.length !== ids.length) problems.push(`${channels.length} DMs for ${ids.length} users`);
  if (new Set(channels).size !== channels.length) problems.push('some user got two DMs');
  const errors = fake.calls.filter((c) => c.status !== 200 || (c.response as { ok?: boolean }).ok === false);
  if (errors.length > 0) problems.push(`${errors.length} Slack calls failed`);
  return problems;
}

async function tickOn(kind: DatabaseKind, ids: string[]) {
  const fake = await startFakeSlack({ token: TOKEN });
  const testDb = await createTestDatabase(kind);
  const logger = createLogger({ level: 'warn', format: 'json' });
  try {
    await migrateDatabase(testDb.url, logger);
    const database = await openDatabase(testDb.url);
    try {
      const seedStarted = performance.now();
      await seed(database, ids);
      const seedMs = performance.now() - seedStarted;
      const repos = createRepositories(database.prisma);
      const client = new WebClient(TOKEN, slackClientOptions({ slack: { apiUrl: fake.apiUrl } as never }));
      const deps: Deps = { repos, ladder: defaultLadder, logger, clock: () => DUE, slack: slackGateway(client, repos.users) };
      const started = performance.now();
      const result = await weeklyNudgesJob.run(deps, DUE);
      const tickMs = performance.now() - started;
      const problems = checkExactlyOnce(fake, ids);
      if (result.weekly_sent !== ids.length) problems.push(`the tick reported ${JSON.stringify(result)}`);
      return { seedMs, tickMs, problems };
    } finally {
      await database.close();
    }
  } finally {
    await fake.close();
    await testDb.drop();
  }
}

/** The same Slack calls with no database: the floor a tick cannot go below. */
async function baseline(ids: string[]): Promise<{ ms: number; problems: string[] }> {
  const fake = await startFakeSlack({ token: TOKEN });
  try {
    const client = new WebClient(TOKEN, slackClientOptions({ slack: { apiUrl: fake.apiUrl } as never }));
    const limit = pLimit(DEFAULT_CONCURRENCY);
    const started = performance.now();
    await Promise.all(
      ids.map((id) => {
        const message = nudgeMessage({ week: '2026-W48' });
        return limit(() => client.chat.postMessage({ channel: `D${id}`, text: message.text, blocks: message.blocks }));
      }),
    );
    return { ms: performance.now() - started, problems: checkExactlyOnce(fake, ids) };
  } finally {
    await fake.close();
  }
}

export async function runWeeklyNudgesBench(options: BenchOptions): Promise<boolean> {
  const ids = userIds(options.users);
  console.log(
    `weekly-nudges bench: ${options.users} users due at one minute, concurrency ${DEFAULT_CONCURRENCY}, pages of ${DEFAULT_PAGE_SIZE}, DM channels cached, fake Slack on loopback`,
  );
  const base = await baseline(ids);
  console.log(`  baseline (${options.users} chat.postMessage, same WebClient and concurrency, no database): ${seconds(base.ms)}`);
  let ok = base.problems.length === 0;
  for (const kind of options.kinds) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      console.log('  postgres: skipped, no server on 127.0.0.1:5432');
      continue;
    }
    const run = await tickOn(kind, ids);
    const rate = Math.round(options.users / (run.tickMs / 1000));
    console.log(
      `  ${kind.padEnd(8)} tick ${seconds(run.tickMs)} (${rate} users/s), ${(run.tickMs / base.ms).toFixed(2)}× baseline` +
        `  [seeding took ${seconds(run.seedMs)}]` +
        (run.problems.length ? `  PROBLEMS: ${run.problems.join('; ')}` : '  every user exactly once, no errors'),
    );
    ok &&= run.problems.length === 0;
  }
  return ok;
}
