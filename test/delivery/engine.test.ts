// The delivery engine on its own, with a kind no job uses ("test_ping"): what any future
// reminder gets for free. Real repositories on SQLite and PostgreSQL, a real WebClient
// against the fake Slack Web API.
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, databaseOpener, migrateDatabase, type Database } from '../../src/db/index.js';
import { deliveryEngine, type DeliveryEngine, type DeliveryEngineOptions, type DeliveryRequest } from '../../src/delivery/engine.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { slackGateway } from '../../src/slack/gateway.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const kinds = await databaseKinds();
const TOKEN = 'xoxb-delivery-engine-test';
const NOON = new Date('2026-12-01T12:00:00Z');
const minutes = (n: number) => new Date(NOON.getTime() + n * 60_000);

interface Bed {
  fake: FakeSlack;
  testDb: TestDatabase;
  databases: Database[];
  logs: string[];
  /**
   * A runner: its own WebClient and engine, and on PostgreSQL its own connection pool, as a
   * replica has. SQLite runs in one process: its runners share the connection, since
   * better-sqlite3 waits for a lock synchronously and two connections in one process would
   * block each other's event loop.
   */
  runner(options?: DeliveryEngineOptions): { engine: DeliveryEngine; repos: ReturnType<typeof createRepositories> };
}

const beds: Bed[] = [];
afterEach(async () => {
  for (const bed of beds.splice(0)) {
    for (const database of bed.databases) await database.close();
    await bed.fake.close();
    await bed.testDb.drop();
  }
});

async function start(kind: 'sqlite' | 'postgres', users: string[]): Promise<Bed> {
  const fake = await startFakeSlack({ token: TOKEN });
  const testDb = await createTestDatabase(kind);
  const destination = memoryDestination();
  const logger = createLogger({ level: 'info', format: 'json', destination });
  await migrateDatabase(testDb.url, logger);
  const openDatabase = await databaseOpener(testDb.url);
  const bed: Bed = {
    fake,
    testDb,
    databases: [],
    logs: destination.lines,
    runner(options) {
      const database = kind === 'sqlite' && bed.databases[0] ? bed.databases[0] : openDatabase();
      if (!bed.databases.includes(database)) bed.databases.push(database);
      const repos = createRepositories(database.prisma);
      const client = new WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 3, minTimeout: 100, maxTimeout: 2_000 } });
      return { engine: deliveryEngine({ deliveries: repos.deliveries, slack: slackGateway(client, repos.users), logger }, options), repos };
    },
  };
  beds.push(bed);
  bed.runner();
  const prisma = (bed.databases[0] as Database).prisma;
  await prisma.user.createMany({ data: users.map((id) => ({ id, tz: 'UTC', dmChannelId: `D${id}` })) });
  return bed;
}

const ping = (userId: string, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  kind: 'test_ping',
  period: '2026-12',
  dueAt: NOON,
  userId,
  dmChannelId: `D${userId}`,
  message: () => ({ text: `Ping for ${userId}` }),
  ...overrides,
});

const postsTo = (fake: FakeSlack, channel: string) =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.status === 200 && (c.response as { ok?: boolean }).ok);

describe.each(kinds)('the delivery engine on %s', (kind) => {
  it('when two runners walk the same due users at once, then each user gets exactly one message per period', async () => {
    const users = Array.from({ length: 40 }, (_, i) => `UPING${String(i).padStart(3, '0')}`);
    const bed = await start(kind, users);
    const run = (engine: DeliveryEngine) =>
      engine.runDue<string>(
        {
          name: 'ping',
          // Keyset paging over a sorted list, as a job pages over its own due index.
          page: async (after, limit) => users.filter((u) => after === undefined || u > after).slice(0, limit),
          plan: (rows) => rows.map((userId) => ping(userId)),
        },
        NOON,
      );
    const [a, b] = [bed.runner({ pageSize: 7 }), bed.runner({ pageSize: 7 })];
    const [ra, rb] = await Promise.all([run(a.engine), run(b.engine)]);
    expect((ra.ping_sent ?? 0) + (rb.ping_sent ?? 0)).toBe(users.length);
    expect([ra, rb].flatMap((r) => Object.keys(r)).filter((k) => k.endsWith('_error'))).toEqual([]);
    const channels = bed.fake.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(channels).toHaveLength(users.length);
    expect(new Set(channels)).toEqual(new Set(users.map((u) => `D${u}`)));

    // The next period is a new message; the same period again is not.
    const again = await run(a.engine);
    expect(again.ping_already_sent).toBe(users.length);
    expect(await a.engine.deliver(ping('UPING000', { period: '2027-01', dueAt: NOON }), NOON)).toBe('sent');
    expect(postsTo(bed.fake, 'DUPING000')).toHaveLength(2);
    expect(await a.repos.deliveries.find('UPING000', 'test_ping', '2026-12')).toMatchObject({ status: 'sent', attempts: 1, channelId: 'DUPING000' });
  });

  it('when one page cannot be planned, then its rows count as errors and stay unclaimed, and the other pages still go out', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `UPAGE${String(i).padStart(2, '0')}`);
    const bed = await start(kind, users);
    const { engine, repos } = bed.runner({ pageSize: 5 });
    const result = await engine.runDue<string>(
      {
        name: 'ping',
        page: async (after, limit) => users.filter((u) => after === undefined || u > after).slice(0, limit),
        plan: (rows) => {
          if (rows.includes('UPAGE05')) throw new Error('database busy');
          return rows.map((userId) => ping(userId));
        },
      },
      NOON,
    );
    expect(result).toEqual({ ping_sent: 7, ping_error: 5 });
    expect(bed.fake.callsTo('chat.postMessage')).toHaveLength(7);
    expect(await repos.deliveries.find('UPAGE05', 'test_ping', '2026-12')).toBeNull();
    expect(await repos.deliveries.find('UPAGE11', 'test_ping', '2026-12')).toMatchObject({ status: 'sent' });
    expect(bed.logs.some((l) => l.includes('a page failed') && l.includes('database busy'))).toBe(true);
  });

  it('when a claim is left unsent, then it is in flight until its lease runs out, and then claimed again and sent once', async () => {
    const bed = await start(kind, ['ULEASE']);
    const { engine, repos } = bed.runner({ leaseMs: 10 * 60_000 });
    // A runner that died between claiming and sending.
    expect(await repos.deliveries.claim('ULEASE', 'test_ping', '2026-12', { now: NOON, leaseMs: 600_000, maxAttempts: 3 })).not.toBeNull();

    expect(await engine.deliver(ping('ULEASE'), minutes(5))).toBe('in_flight');
    expect(postsTo(bed.fake, 'DULEASE')).toHaveLength(0);
    expect(await engine.deliver(ping('ULEASE'), minutes(11))).toBe('sent');
    expect(await engine.deliver(ping('ULEASE'), minutes(30))).toBe('already_sent');
    expect(postsTo(bed.fake, 'DULEASE')).toHaveLength(1);
    expect(await repos.deliveries.find('ULEASE', 'test_ping', '2026-12')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when Slack keeps refusing a message, then it is tried the maximum number of times and then given up for good', async () => {
    const bed = await start(kind, ['UFAIL']);
    const { engine, repos } = bed.runner({ maxAttempts: 3 });
    bed.fake.failNext('chat.postMessage', { error: 'account_inactive' }, 10);

    expect(await engine.deliver(ping('UFAIL'), minutes(0))).toBe('failed');
    expect(await engine.deliver(ping('UFAIL'), minutes(5))).toBe('failed');
    expect(await engine.deliver(ping('UFAIL'), minutes(10))).toBe('given_up');
    expect(await engine.deliver(ping('UFAIL'), minutes(15))).toBe('given_up');
    expect(bed.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(await repos.deliveries.find('UFAIL', 'test_ping', '2026-12')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(bed.logs.filter((l) => l.includes('scheduled DM not delivered') && l.includes('"givenUp":true'))).toHaveLength(1);
  });

  it('when the cached DM channel is gone (channel_not_found), then it is forgotten and the next try reopens the DM and sends', async () => {
    const bed = await start(kind, ['UMOVED']);
    const { engine, repos } = bed.runner();
    bed.fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    expect(await engine.deliver(ping('UMOVED', { dmChannelId: 'DSTALE' }), minutes(0))).toBe('failed');
    expect((await repos.users.find('UMOVED'))?.dmChannelId).toBeNull();
    // The job reads the cache again for its next run: now empty.
    expect(await engine.deliver(ping('UMOVED', { dmChannelId: null }), minutes(5))).toBe('sent');
    expect(bed.fake.callsTo('conversations.open').map((c) => c.args.users)).toEqual(['UMOVED']);
    expect(postsTo(bed.fake, 'DUMOVED')).toHaveLength(1);
    expect((await repos.users.find('UMOVED'))?.dmChannelId).toBe('DUMOVED');
  });

  it('when Slack answers 429 with Retry-After, then the message waits that long and goes out once', async () => {
    const bed = await start(kind, ['URATE1', 'URATE2']);
    const { engine } = bed.runner();
    bed.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });

    expect(await engine.deliverMany([ping('URATE1'), ping('URATE2')], NOON)).toEqual(['sent', 'sent']);
    const calls = bed.fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status).sort()).toEqual([200, 200, 429]);
    const limited = calls.find((c) => c.status === 429) as NonNullable<(typeof calls)[0]>;
    const retried = calls.find((c) => c.status === 200 && c.args.channel === limited.args.channel);
    expect((retried?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(950);
    expect(postsTo(bed.fake, 'DURATE1')).toHaveLength(1);
    expect(postsTo(bed.fake, 'DURATE2')).toHaveLength(1);
  });

  it('when a message is found 12 hours or more after it was due, then it is skipped without a claim', async () => {
    const bed = await start(kind, ['ULATE']);
    const { engine, repos } = bed.runner();
    expect(await engine.deliver(ping('ULATE'), minutes(12 * 60))).toBe('late');
    expect(await engine.deliver(ping('ULATE'), minutes(12 * 60 - 1))).toBe('sent');
    expect(await repos.deliveries.find('ULATE', 'test_ping', '2026-12')).toMatchObject({ status: 'sent' });
  });
});
