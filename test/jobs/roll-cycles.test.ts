import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { migrateDatabase } from '../../src/db/index.js';
import { createDeps } from '../../src/deps.js';
import { findJob } from '../../src/jobs/index.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';

const kinds = await databaseKinds();
const logger = createLogger({ level: 'warn', format: 'json', destination: memoryDestination() });
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.each(kinds)('the roll-cycles job on %s', (kind) => {
  it('when the daily roll-cycles job runs a year after start, then it adds what is missing, and nothing on the next run', async () => {
    const db = await createTestDatabase(kind);
    cleanup.push(() => db.drop());
    await migrateDatabase(db.url, logger);
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', DATABASE_URL: db.url });
    const { database, ...deps } = await createDeps(config, { logger, clock: () => new Date('2026-11-25T12:00:00Z') });
    cleanup.push(() => database.close());
    const job = findJob('roll-cycles');
    expect(job).toBeDefined();
    expect(await job!.run(deps, new Date('2026-11-26T02:41:00Z'))).toEqual({ added: 0 });
    expect(await job!.run(deps, new Date('2028-01-10T02:41:00Z'))).toEqual({ added: 1 });
    expect(await job!.run(deps, new Date('2028-01-11T02:41:00Z'))).toEqual({ added: 0 });
    expect((await deps.repos.settings.listCycles()).at(-1)).toEqual(expect.objectContaining({ name: '2028 H2', calibrationDate: '2028-12-01' }));
  });
});
