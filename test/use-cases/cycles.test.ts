import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, migrateDatabase, openDatabase, type Database } from '../../src/db/index.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { defaultCycles } from '../../src/org/cycles.js';
import { needsNextCycle, rollCyclesForward } from '../../src/use-cases/cycles.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const kinds = await databaseKinds();
const logger = createLogger({ level: 'warn', format: 'json', destination: memoryDestination() });
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function migrated(kind: TestDatabase['kind']) {
  const db = await createTestDatabase(kind);
  cleanup.push(() => db.drop());
  await migrateDatabase(db.url, logger);
  return db;
}

async function open(url: string): Promise<Database> {
  const database = await openDatabase(url);
  cleanup.push(() => database.close());
  return database;
}

describe('needsNextCycle', () => {
  it('when calibration is ahead, then no; on the day or after, or with the cycle gone, then yes', () => {
    expect(needsNextCycle('2026-12-01', '2026-11-30')).toBe(false);
    expect(needsNextCycle('2026-12-01', '2026-12-01')).toBe(true);
    expect(needsNextCycle('2026-12-01', '2027-01-04')).toBe(true);
    expect(needsNextCycle(null, '2026-11-30')).toBe(true);
  });
});

describe.each(kinds)('rolling cycles forward on %s', (kind) => {
  it('when three replicas start at once on an install seeded in 2026 and the clock says 2029, then each new cycle is added once', async () => {
    const db = await migrated(kind);
    const first = createRepositories((await open(db.url)).prisma);
    await first.settings.addCyclesOnce(defaultCycles('2026-11-25'));
    const clock = () => new Date('2029-03-10T08:00:00Z');
    const replicas = [first, createRepositories((await open(db.url)).prisma), createRepositories((await open(db.url)).prisma)];
    await Promise.all(replicas.map((repos) => rollCyclesForward({ repos, clock })));
    const cycles = await first.settings.listCycles();
    expect(cycles.map((c) => c.name)).toEqual(['2026 H2', '2027 H1', '2027 H2', '2028 H1', '2029 H1', '2029 H2']);
    expect(cycles.filter((c) => c.calibrationDate > '2029-03-10')).toHaveLength(2);
  });
});
