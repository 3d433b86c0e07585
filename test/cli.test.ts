import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../src/db/migrate.js';
import { runCli } from '../src/cli.js';
import { openDatabase } from '../src/db/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { startFakeSlack } from './support/fake-slack.js';
import { TEST_BOT_TOKEN } from './support/app-harness.js';

const root = path.resolve(import.meta.dirname, '..');
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

async function cli(argv: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => stdin,
    env: { DOTENV_CONFIG_PATH: '/nonexistent', ...env },
  });
  return { code, stdout, stderr };
}

describe('promo-coach CLI', () => {
  it('when asked for help, then it lists the commands and the jobs and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('migrate');
    expect(stdout).toContain('job <name> [--at ISO-TIME]');
    expect(stdout).toContain('prune-events');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['migrate', '--force'], "Unknown option '--force'"],
    [['job'], 'job needs a name'],
    [['job', 'no-such-job'], 'no job called "no-such-job"'],
    [['job', 'prune-events', '--at', 'yesterday'], '--at "yesterday" is not an ISO time'],
    [['job', 'prune-events', 'extra'], 'unexpected argument "extra"'],
  ])('when run as %j, then it prints the problem and the usage and exits 2', async (argv, problem) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(problem);
    expect(stderr).toContain('Usage: promo-coach');
  });

  it('when run with no command, then it prints the usage and exits 2', async () => {
    expect((await cli([])).code).toBe(2);
  });

  it('when migrate runs twice on a new SQLite file, then it applies the migrations once', async () => {
    const db = await createTestDatabase('sqlite');
    databases.push(db);
    const first = await cli(['migrate'], { DATABASE_URL: db.url });
    expect(first).toMatchObject({ code: 0, stdout: `Applied ${readMigrations('sqlite').map((m) => m.name).join(', ')}\n` });
    const second = await cli(['migrate'], { DATABASE_URL: db.url });
    expect(second).toMatchObject({ code: 0, stdout: 'The database is up to date.\n' });
  });

  it('when a job runs with --at, then it runs once as of that time against the app database', async () => {
    const db = await createTestDatabase('sqlite');
    databases.push(db);
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const env = { DATABASE_URL: db.url, SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl };
    await cli(['migrate'], env);
    const database = await openDatabase(db.url);
    await database.prisma.processedEvent.createMany({
      data: [
        { eventId: 'Ev-old', receivedAt: new Date('2026-11-20T00:00:00Z') },
        { eventId: 'Ev-new', receivedAt: new Date('2026-11-23T11:00:00Z') },
      ],
    });
    await database.close();
    const run = await cli(['job', 'prune-events', '--at', '2026-11-23T12:00:00Z'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ job: 'prune-events', at: '2026-11-23T12:00:00.000Z', removed: 1 });
    const after = await openDatabase(db.url);
    expect((await after.prisma.processedEvent.findMany()).map((e) => e.eventId)).toEqual(['Ev-new']);
    await after.close();
    await fake.close();
  });

  it('when a job needs Slack and the tokens are missing, then it says which and exits 1', async () => {
    const { code, stderr } = await cli(['job', 'prune-events']);
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN is required');
  });

  it('when installed, then `promo-coach --help` runs from the package bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin', 'promo-coach.js'), '--help']);
    expect(stdout).toContain('Usage: promo-coach <command>');
  });
});

describe('promo-coach coach', () => {
  it('when given a timing check on stdin, then it prints the verdict as JSON and exits 0', async () => {
    const { code, stdout } = await cli(['coach', 'timing'], {}, '{"today":"2026-11-23","calibration":"2027-05-15"}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ months: 5.7, verdict: 'enough' });
  });

  it('when given a hedge, then it classifies it', async () => {
    const { code, stdout } = await cli(['coach', 'hedge'], {}, JSON.stringify({ text: "Let's keep it on the radar." }));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).kind).toBe('soft_hedge');
  });

  it('when the input misses a field, then it names the field and exits 2', async () => {
    const { code, stderr } = await cli(['coach', 'timing'], {}, '{"today":"2026-11-23"}');
    expect(code).toBe(2);
    expect(stderr).toContain('calibration');
  });

  it('when the check is unknown, then it exits 2 with the list of checks', async () => {
    const { code, stderr } = await cli(['coach', 'astrology'], {}, '{}');
    expect(code).toBe(2);
    expect(stderr).toContain('timing');
  });
});
