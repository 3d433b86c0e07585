// Starts the real Promo Coach (the same createPromoCoach that `npm start` runs) on a
// loopback port, against a fake Slack Web API and a real database, and hands the test
// a signed-request sender that talks to it as Slack does.
import { afterEach, expect } from 'vitest';
import { createPromoCoach, type PromoCoach } from '../../src/app.js';
import { logSecrets, parseConfig, type Config } from '../../src/config.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { createSlackSender, type SlackSender } from './slack-requests.js';

export const TEST_BOT_TOKEN = 'xoxb-111-222-testbottokensecret';
export const TEST_SIGNING_SECRET = 'test-signing-secret-8f2a1c';

export interface TestApp {
  coach: PromoCoach;
  config: Config;
  fake: FakeSlack;
  slack: SlackSender;
  database: TestDatabase;
  baseUrl: string;
  /** Every log line the app wrote, as JSON text (Bolt's and the WebClient's lines too). */
  logs: string[];
  /** Every payload (or raw body) the test sent through `slack`: what users wrote, for the log scan. */
  sent: unknown[];
  /** Set the app's clock (every use case and job reads it). */
  setNow(now: Date): void;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  database?: DatabaseKind;
  /** Reuse a database (two replicas on one PostgreSQL). */
  sharedDatabase?: TestDatabase;
  /** Reuse a fake Slack (two replicas talking to one workspace). */
  sharedFake?: FakeSlack;
  now?: Date;
  env?: Record<string, string>;
  logLevel?: string;
}

const running: TestApp[] = [];
const startListeners: ((app: TestApp) => void)[] = [];

/** Calls `listener` with every app started from now on (test/reliability/log-scan.ts scans their logs). */
export function onAppStarted(listener: (app: TestApp) => void): void {
  startListeners.push(listener);
}

/** Records what each request carried, whichever sender method sent it. */
function recordSent(sender: SlackSender, sent: unknown[]): SlackSender {
  const wrap = <A extends unknown[], R>(send: (...args: A) => Promise<R>, record: (args: A, res: R) => unknown) =>
    async (...args: A) => {
      const res = await send(...args);
      sent.push(record(args, res));
      return res;
    };
  const recorded = Object.fromEntries(
    Object.entries(sender).map(([name, send]) => [
      name,
      wrap(send as (...args: unknown[]) => Promise<{ payload?: unknown }>, (args, res) => (name === 'raw' ? args[0] : res.payload)),
    ]),
  );
  return recorded as unknown as SlackSender;
}

/**
 * PostgreSQL here trusts loopback, so a password is never asked for; the app is given one
 * all the same, as production would, so the log scan has a real one to look for.
 */
function withPassword(url: string): string {
  if (!url.startsWith('postgres')) return url;
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'test-db-password-5d1e';
  return parsed.toString();
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fake = options.sharedFake ?? (await startFakeSlack({ token: TEST_BOT_TOKEN }));
  const database = options.sharedDatabase ?? (await createTestDatabase(options.database ?? 'sqlite'));
  const config = parseConfig({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: withPassword(database.url),
    PORT: '0',
    LOG_LEVEL: options.logLevel ?? 'debug',
    LOG_FORMAT: 'json',
    JOBS_ENABLED: 'false',
    ...options.env,
  });
  const logs = memoryDestination();
  const logger = createLogger({
    level: config.log.level,
    format: 'json',
    destination: logs,
    secrets: logSecrets(config),
  });
  let now = options.now ?? new Date();
  const coach = await createPromoCoach(config, { logger, clock: () => now, jobs: false });
  const { port } = await coach.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sent: unknown[] = [];
  const slack = recordSent(createSlackSender({ baseUrl, signingSecret: TEST_SIGNING_SECRET, fakeSlack: fake }), sent);
  let stopped = false;
  const app: TestApp = {
    coach,
    config,
    fake,
    slack,
    database,
    baseUrl,
    logs: logs.lines,
    sent,
    setNow: (next) => {
      now = next;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await coach.stop();
      if (!options.sharedFake) await fake.close();
      if (!options.sharedDatabase) await database.drop();
    },
  };
  running.push(app);
  for (const listener of startListeners) listener(app);
  return app;
}

// Every test ends with the app stopped, and with no view or message it sent breaking
// Block Kit's limits: a violation fails the test that caused it.
afterEach(async () => {
  const apps = running.splice(0);
  const violations = apps.flatMap((app) => app.fake.violations);
  await Promise.all(apps.map((app) => app.stop()));
  expect(violations, 'Block Kit limits broken by the app').toEqual([]);
});
