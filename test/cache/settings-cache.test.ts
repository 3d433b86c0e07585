import { afterEach, describe, expect, it } from 'vitest';
import { cachedSettingsRepository, SETTINGS_TTL_MS, TtlCell } from '../../src/cache/settings-cache.js';
import { createRepositories, migrateDatabase, openDatabase } from '../../src/db/index.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';

const kinds = await databaseKinds();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A loader that counts its calls and resolves when the test says so. */
function controlledLoader() {
  const loads: { resolve: (value: number) => void }[] = [];
  return {
    loads,
    load: () => new Promise<number>((resolve) => loads.push({ resolve })),
  };
}

describe('TtlCell', () => {
  it('when read within the TTL, then the loader runs once; after it, once more', async () => {
    let now = 0;
    let calls = 0;
    const cell = new TtlCell(async () => ++calls, 1_000, () => now);
    expect(await cell.get()).toBe(1);
    now = 999;
    expect(await cell.get()).toBe(1);
    now = 1_000;
    expect(await cell.get()).toBe(2);
    expect(calls).toBe(2);
  });

  it('when fifty reads miss at once, then they share one load', async () => {
    const loader = controlledLoader();
    const cell = new TtlCell(loader.load, 1_000, () => 0);
    const reads = Array.from({ length: 50 }, () => cell.get());
    expect(loader.loads).toHaveLength(1);
    loader.loads[0]?.resolve(7);
    expect(new Set(await Promise.all(reads))).toEqual(new Set([7]));
  });

  it('when a write clears the cell while a load is in flight, then that older load is not kept', async () => {
    const loader = controlledLoader();
    const cell = new TtlCell(loader.load, 1_000, () => 0);
    const before = cell.get();
    cell.clear();
    loader.loads[0]?.resolve(1);
    expect(await before).toBe(1);
    const after = cell.get();
    expect(loader.loads).toHaveLength(2);
    loader.loads[1]?.resolve(2);
    expect(await after).toBe(2);
    expect(await cell.get()).toBe(2);
  });

  it('when a load fails, then the next read tries again', async () => {
    let calls = 0;
    const cell = new TtlCell(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database busy');
        return calls;
      },
      1_000,
      () => 0,
    );
    await expect(cell.get()).rejects.toThrow('database busy');
    expect(await cell.get()).toBe(2);
  });
});

describe.each(kinds)('the settings cache on %s', (kind) => {
  async function replicas() {
    const db = await createTestDatabase(kind);
    cleanup.push(() => db.drop());
    await migrateDatabase(db.url, createLogger({ level: 'warn', format: 'json', destination: memoryDestination() }));
    let now = 0;
    const open = async () => {
      const database = await openDatabase(db.url);
      cleanup.push(() => database.close());
      return cachedSettingsRepository(createRepositories(database.prisma).settings, { now: () => now });
    };
    return { a: await open(), b: await open(), advance: (ms: number) => (now += ms) };
  }

  it('when one replica saves settings or a cycle, then it reads them at once, and the other within the TTL', async () => {
    const { a, b, advance } = await replicas();
    await a.addCyclesOnce([{ name: '2027 H1', calibrationDate: '2027-06-15' }]);
    expect((await b.get()).defaultNudgeDay).toBe(5);
    expect(await b.listCycles()).toHaveLength(1);

    await a.update({ defaultNudgeDay: 2 });
    await a.upsertCycle('2027 H1', '2027-06-30');
    await a.upsertCycle('Team review 2099', '2099-03-01');
    expect((await a.get()).defaultNudgeDay).toBe(2);
    expect((await a.findCycle('2027 H1'))?.calibrationDate).toBe('2027-06-30');

    // Replica b still serves what it read, until its TTL runs out.
    expect((await b.get()).defaultNudgeDay).toBe(5);
    expect(await b.findCycle('Team review 2099')).toBeNull();
    advance(SETTINGS_TTL_MS);
    expect((await b.get()).defaultNudgeDay).toBe(2);
    expect((await b.listCycles()).map((c) => [c.name, c.calibrationDate])).toEqual([
      ['2027 H1', '2027-06-30'],
      ['Team review 2099', '2099-03-01'],
    ]);

    await b.removeCycle('Team review 2099');
    expect(await b.findCycle('Team review 2099')).toBeNull();
  });

  it('when a caller edits what it read, then the cache keeps the stored values', async () => {
    const { a } = await replicas();
    await a.addCyclesOnce([{ name: '2027 H1', calibrationDate: '2027-06-15' }]);
    const read = await a.listCycles();
    if (read[0]) read[0].calibrationDate = '1999-01-01';
    const settings = await a.get();
    settings.defaultNudgeDay = 7;
    expect((await a.findCycle('2027 H1'))?.calibrationDate).toBe('2027-06-15');
    expect((await a.get()).defaultNudgeDay).toBe(5);
  });
});
