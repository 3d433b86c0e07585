// The real entry point (src/main.ts) as an operator runs it: a separate process with
// environment variables, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleApp } from '../../scripts/bundle.mjs';
import { migrateDatabase } from '../../src/db/migrate.js';
import { VIEWS } from '../../src/slack/ids.js';
import { addMigration, copyPrismaFolder, quietLogger, TSX_LOADER } from '../db/migration-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { promoCommandPayload, startFakeSocketMode } from '../support/fake-socket-mode.js';
import { createSlackSender } from '../support/slack-requests.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../support/app-harness.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** How the app is started: from source under tsx, or the bundle `npm start` runs. */
const FROM_SOURCE = ['--import', TSX_LOADER, path.join(root, 'src', 'main.ts')];

function runMain(
  env: Record<string, string>,
  cwd = root,
  entry: string[] = FROM_SOURCE,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, entry, {
    cwd,
    // A clean environment: nothing from the developer's shell or .env leaks in.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, output: () => output, exited };
}

function emptyFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promo-coach-clone-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const NO_STACK_TRACE = /\n\s+at /;

/** A fake Slack Web API and a fresh database, both gone after the test. */
async function fakeSlackAndDatabase(kind: 'sqlite' | 'postgres') {
  const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
  const database = await createTestDatabase(kind);
  cleanups.push(async () => {
    await fake.close();
    await database.drop();
  });
  return { fake, database };
}

/**
 * The bundle `npm start` runs, built from the source under test (not whatever dist/ holds)
 * into a folder inside the repository, where its packages resolve as they do from dist/.
 */
async function bundleOfThisSource(): Promise<string> {
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const dir = mkdtempSync(path.join(root, 'data', 'bundle-test-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return bundleApp(dir);
}

/** Starts with this DATABASE_URL (Slack unreachable: the database fails first); returns its one line of output. */
async function startupRefusal(databaseUrl: string): Promise<string> {
  const run = runMain({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: 'http://127.0.0.1:1/api/',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_FORMAT: 'json',
  });
  expect(await run.exited).toBe(1);
  const lines = run.output().trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

async function waitForPort(output: () => string, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const match = /"port":(\d+)[^\n]*Promo Coach is running/.exec(output());
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`app did not start:\n${output()}`);
}

describe('the promo-coach process', () => {
  it('when the configuration is missing, then it prints every problem and exits 1 without a stack trace', async () => {
    const run = runMain({});
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Promo Coach cannot start');
    expect(run.output()).toContain('SLACK_BOT_TOKEN is required');
    expect(run.output()).toContain('SLACK_SIGNING_SECRET is required');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('when Slack refuses the bot token, then it says so in one line and exits 1', async () => {
    const { fake, database } = await fakeSlackAndDatabase('sqlite');
    const run = runMain({
      SLACK_BOT_TOKEN: 'xoxb-revoked-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: database.url,
      PORT: '0',
      LOG_FORMAT: 'json',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Slack did not accept SLACK_BOT_TOKEN (invalid_auth)');
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.output()).not.toContain('xoxb-revoked-token');
  });

  it('when Slack cannot be reached at start, then it says so and exits 1 without a stack trace', async () => {
    const database = await createTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const run = runMain({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      // Nothing listens on port 1.
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      DATABASE_URL: database.url,
      PORT: '0',
      LOG_FORMAT: 'json',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Could not reach Slack');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('when it gets SIGTERM with a request in flight, then it finishes that request and exits 0', async () => {
    const fake: FakeSlack = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const database: TestDatabase = await createTestDatabase('sqlite');
    cleanups.push(async () => {
      await fake.close();
      await database.drop();
    });
    const run = runMain({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: database.url,
      PORT: '0',
      LOG_FORMAT: 'json',
      JOBS_ENABLED: 'false',
    });
    const port = await waitForPort(run.output);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    // Slack is slow to open the modal; SIGTERM arrives while the app is waiting on it.
    fake.delayNext('views.open', 1_500);
    const slack = createSlackSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: TEST_SIGNING_SECRET, fakeSlack: fake });
    const ack = await slack.command({ userId: 'UNEW', text: '' });
    expect(ack.status).toBe(200);
    const signalledAt = Date.now();
    run.child.kill('SIGTERM');

    expect(await run.exited).toBe(0);
    const open = fake.callsTo('views.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.status).toBe(200);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1_000);
    expect(run.output()).toContain('Promo Coach stopped');
  });

  it.each([
    ['from source', () => Promise.resolve(FROM_SOURCE)],
    ['as npm start runs it, bundled', async () => [await bundleOfThisSource()]],
  ])('when started %s from a fresh clone (no data/ folder, no DATABASE_URL), then it creates the SQLite file, answers /healthz and opens onboarding for the first /promo', async (_how, entry) => {
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    cleanups.push(() => fake.close());
    const clone = emptyFolder();
    const run = runMain(
      {
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        LOG_FORMAT: 'json',
        JOBS_ENABLED: 'false',
      },
      clone,
      await entry(),
    );
    const port = await waitForPort(run.output);
    expect(existsSync(path.join(clone, 'data', 'promo-coach.db'))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const slack = createSlackSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: TEST_SIGNING_SECRET, fakeSlack: fake });
    const ack = await slack.command({ userId: 'UNEW', text: '' });
    expect(ack.status).toBe(200);
    const open = await fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(ack.triggerId);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
    expect(run.output()).not.toMatch(NO_STACK_TRACE);
  });

  it('when the bundle npm start runs starts on PostgreSQL, then it loads that client and its query compiler from the bundle and opens onboarding for the first /promo', async () => {
    const { fake, database } = await fakeSlackAndDatabase('postgres');
    const run = runMain(
      { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATABASE_URL: database.url, PORT: '0', LOG_FORMAT: 'json', JOBS_ENABLED: 'false' },
      emptyFolder(),
      [await bundleOfThisSource()],
    );
    const port = await waitForPort(run.output);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const slack = createSlackSender({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: TEST_SIGNING_SECRET, fakeSlack: fake });
    await slack.command({ userId: 'UNEW', text: '' });
    const open = await fake.waitForCall('views.open');
    expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
    expect(run.output()).not.toMatch(NO_STACK_TRACE);
  });

  it('when the bundle npm start runs starts in Socket Mode, then it loads the Socket Mode client on demand and answers a slash command over the socket', async () => {
    const socket = await startFakeSocketMode();
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN, socketModeUrl: socket.url });
    cleanups.push(async () => {
      await socket.close();
      await fake.close();
    });
    const run = runMain(
      { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A0APP-1-testapptoken', SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_FORMAT: 'json', JOBS_ENABLED: 'false' },
      emptyFolder(),
      [await bundleOfThisSource()],
    );
    await socket.connected();

    const ack = await socket.send('slash_commands', promoCommandPayload('help', fake.responseUrl('sm')));
    expect(JSON.stringify(ack.payload)).toContain('/promo settings');
    expect(run.output()).not.toMatch(NO_STACK_TRACE);
  });

  it.each([
    ['a folder that cannot be created', () => 'file:/proc/promo-coach-nope/x.db'],
    [
      'a folder under a regular file',
      () => {
        const file = path.join(emptyFolder(), 'not-a-folder');
        writeFileSync(file, 'plain text');
        return `file:${file}/promo-coach.db`;
      },
    ],
    [
      'a file that is not a database',
      () => {
        const file = path.join(emptyFolder(), 'notes.db');
        writeFileSync(file, 'these are notes, not a SQLite database, and long enough to have a header');
        return `file:${file}`;
      },
    ],
  ])('when DATABASE_URL names %s, then it says so in one line naming DATABASE_URL and exits 1', async (_case, databaseUrl) => {
    expect(await startupRefusal(databaseUrl())).toMatch(/^Promo Coach cannot start: cannot (create the folder for|open) the SQLite database in DATABASE_URL/);
  });

  it('when a migration failed on an earlier start, then the next start refuses in one line naming it and exits 1', async () => {
    const database = await createTestDatabase('sqlite');
    const copy = copyPrismaFolder();
    cleanups.push(async () => {
      copy.remove();
      await database.drop();
    });
    const name = addMigration(copy, 'broken', 'INSERT INTO "NoSuchTable" VALUES (1);\n');
    await expect(migrateDatabase(database.url, quietLogger(), { migrationsRoot: copy.migrationsRoot })).rejects.toThrow(name);

    expect(await startupRefusal(database.url)).toMatch(new RegExp(`^Promo Coach cannot start: migration ${name} failed on an earlier start.*SET rolled_back_at`));
  });
});
