// Query plans are kept and reused (src/db/plan-cache.ts): the same query compiles once,
// and a reused plan still reads and writes exactly what its own query asks for.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, migrateDatabase, openDatabase, type Database } from '../../src/db/index.js';
import { createLogger } from '../../src/logger.js';
import { PlanCache, planCacheStats } from '../../src/db/plan-cache.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const kinds = await databaseKinds();
const open: { db: Database; test: TestDatabase }[] = [];

async function fresh(kind: (typeof kinds)[number]) {
  const test = await createTestDatabase(kind);
  await migrateDatabase(test.url, createLogger({ level: 'warn', format: 'json' }));
  const db = await openDatabase(test.url);
  open.push({ db, test });
  return { db, repos: createRepositories(db.prisma) };
}

afterEach(async () => {
  for (const { db, test } of open.splice(0)) {
    await db.close();
    await test.drop();
  }
});

/** What the cache did while `work` ran. */
async function counted(work: () => Promise<unknown>) {
  const before = { ...planCacheStats };
  await work();
  return { hits: planCacheStats.hits - before.hits, misses: planCacheStats.misses - before.misses };
}

const win = (userId: string, text: string) => ({ userId, text, date: '2026-11-23', source: 'modal' as const, criteria: [], crossTeam: false, enabledOthers: false });

describe.each(kinds)('query plans kept and reused (%s)', (kind) => {
  it('when the same query is asked again, then it is compiled once and answers the same', async () => {
    const { repos } = await fresh(kind);
    await repos.users.upsert({ id: 'UADA', tz: 'Europe/Berlin' });

    const first = await counted(() => repos.users.find('UADA'));
    let found: unknown;
    const again = await counted(async () => (found = await repos.users.find('UADA')));

    expect(first).toEqual({ hits: 0, misses: 1 });
    expect(again).toEqual({ hits: 1, misses: 0 });
    expect(found).toMatchObject({ id: 'UADA', tz: 'Europe/Berlin' });
  });

  it('when the same query names other values, then it gets a plan of its own and its own rows', async () => {
    const { repos } = await fresh(kind);
    await repos.users.upsert({ id: 'UADA', tz: 'Europe/Berlin' });
    await repos.users.upsert({ id: 'UBEN', tz: 'Asia/Tokyo' });
    await repos.users.find('UADA');

    let ben: unknown;
    const other = await counted(async () => (ben = await repos.users.find('UBEN')));

    expect(other).toEqual({ hits: 0, misses: 1 });
    expect(ben).toMatchObject({ id: 'UBEN', tz: 'Asia/Tokyo' });
  });

  it('when the same create runs twice from one plan, then each row gets its own id and time stamps', async () => {
    const { repos } = await fresh(kind);
    await repos.users.upsert({ id: 'UADA', tz: null });

    await repos.wins.create(win('UADA', 'Shipped the rollout'));
    const second = await counted(() => repos.wins.create(win('UADA', 'Shipped the rollout')));

    expect(second.hits).toBeGreaterThan(0);
    const wins = await repos.wins.listRecent('UADA', 10);
    expect(wins).toHaveLength(2);
    expect(new Set(wins.map((w) => w.id)).size).toBe(2);
  });
});

describe.each(kinds)('query plans not kept (%s)', (kind) => {
  it('when a query names many values (a page of the nudge fan-out), then its plan is not kept', async () => {
    const { db } = await fresh(kind);
    const page = () => db.prisma.user.findMany({ where: { id: { in: Array.from({ length: 200 }, (_, i) => `UPAGE${i}`) } } });

    await page();
    const again = await counted(page);

    expect(again).toEqual({ hits: 0, misses: 1 });
  });
});

describe('the plan cache', () => {
  it('when it is full, then the plan used longest ago makes room', () => {
    const cache = new PlanCache(2);
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    cache.get('a');
    cache.set('c', { n: 3 });

    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ n: 1 });
    expect(cache.get('c')).toEqual({ n: 3 });
  });

  it('when a plan is kept, then nothing can change it for the next query that runs it', () => {
    const cache = new PlanCache(1);
    const plan = { type: 'query', args: { fragments: [{ chunk: 'SELECT 1' }] } };
    cache.set('q', plan);

    expect(() => {
      (plan.args.fragments[0] as { chunk: string }).chunk = 'DROP TABLE "Win"';
    }).toThrow(TypeError);
    expect(cache.get('q')).toEqual({ type: 'query', args: { fragments: [{ chunk: 'SELECT 1' }] } });
  });
});
