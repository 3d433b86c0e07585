// The composition root's own WebClient (the one the operator CLI uses; the app passes
// Bolt's) logs through the app's logger: JSON lines, scrubbed, never the WebClient's
// console lines mixed into a command's output.
import { afterEach, expect, it, vi } from 'vitest';
import { parseConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { createLogger, memoryDestination } from '../src/logger.js';
import { TEST_BOT_TOKEN } from './support/app-harness.js';
import { createTestDatabase } from './support/databases.js';
import { startFakeSlack } from './support/fake-slack.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('when Slack rate-limits a call of the CLI\'s WebClient, then the note about it is a JSON line of our logger and nothing reaches the console', async () => {
  const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
  cleanups.push(() => fake.close());
  const db = await createTestDatabase('sqlite');
  cleanups.push(() => db.drop());
  const config = parseConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: 'shh-secret', SLACK_API_URL: fake.apiUrl, DATABASE_URL: db.url });
  const out = memoryDestination();
  const deps = await createDeps(config, { logger: createLogger({ level: 'info', format: 'json', destination: out }) });
  cleanups.push(() => deps.database.close());
  const consoleWrites = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));

  fake.failNext('users.info', { status: 429, retryAfter: 0 });
  await deps.slack.userTimeZone('UENG');

  expect(out.lines.some((line) => /"component":"web-api".*rate limit/.test(line))).toBe(true);
  for (const write of consoleWrites) expect(write).not.toHaveBeenCalled();
});
