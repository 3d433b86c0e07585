import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { createRepositories, openDatabase } from '../../src/db/index.js';
import { localDate } from '../../src/schedule/weekly.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

// These run the real CLI with the real clock, so dates are chosen far from today.
const kinds = await databaseKinds();
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

async function cli(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['cycles', ...argv], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
    env: { DOTENV_CONFIG_PATH: '/nonexistent', ...env },
  });
  return { code, stdout, stderr };
}

/** Writes straight to the database, the way onboarding would have. */
async function withRepos<T>(url: string, work: (repos: ReturnType<typeof createRepositories>) => Promise<T>): Promise<T> {
  const database = await openDatabase(url);
  try {
    return await work(createRepositories(database.prisma));
  } finally {
    await database.close();
  }
}

async function addProfile(url: string, userId: string, targetCycle: string) {
  await withRepos(url, (repos) =>
    repos.users.saveProfile(userId, 'UTC', {
      currentLevel: 'senior',
      targetLevel: 'staff',
      managerId: 'UMANAGER',
      targetCycle,
      nudgeDay: 5,
      nudgeMinute: 900,
      nextNudgeAt: null,
    }),
  );
}

describe('promo-coach cycles: usage', () => {
  it.each([
    [[], 'say list, set or remove'],
    [['frob'], 'unknown cycles command "frob"'],
    [['list', 'extra'], 'unexpected argument "extra"'],
    [['list', '--all'], "Unknown option '--all'"],
    [['set', '2099-06-15'], 'set needs a name and a calibration date'],
    [['set', '2099 H1', '2099-02-30'], '"2099-02-30" is not a calendar date'],
    [['set', '2099 H1', '15/06/2099'], '"15/06/2099" is not a calendar date'],
    [['remove'], 'remove needs the name of a cycle'],
  ])('when run as cycles %j, then it names the problem, shows the cycles usage, exits 2 and never opens the database', async (argv, problem) => {
    const db = await createTestDatabase('sqlite');
    databases.push(db);
    const { code, stderr } = await cli(argv, { DATABASE_URL: db.url });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(`promo-coach: cycles: ${problem}`);
    expect(stderr).toContain('cycles set <name> <date>');
    expect(existsSync(db.url.replace(/^file:/, ''))).toBe(false);
  });

  it('when help is asked, then the cycles commands are in the usage', async () => {
    let stdout = '';
    await runCli(['help'], { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: async () => '', env: {} });
    expect(stdout).toContain('cycles list');
    expect(stdout).toContain('cycles remove <name>');
  });
});

describe.each(kinds)('promo-coach cycles on %s', (kind) => {
  const fresh = async () => {
    const db = await createTestDatabase(kind);
    databases.push(db);
    return { DATABASE_URL: db.url };
  };

  it('when listed on a new install, then the default cycles are there, all ahead, with nobody aiming at them', async () => {
    const env = await fresh();
    const { code, stdout, stderr } = await cli(['list'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Cycle\s+Calibration\s+Status\s+Profiles$/);
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4} H[12]\s+\d{4}-\d{2}-\d{2}\s+ahead\s+0$/);
  });

  it('when a cycle is set, then it is added, a second set moves its date, and list shows who aims at it', async () => {
    const env = await fresh();
    expect(await cli(['set', 'Spring 2099', '2099-04-01'], env)).toEqual({
      code: 0,
      stdout: 'Added "Spring 2099": calibration 2099-04-01.\n',
      stderr: '',
    });
    await addProfile(env.DATABASE_URL, 'UENG1', 'Spring 2099');
    expect((await cli(['set', 'Spring', '2099', '2099-04-15'], env)).stdout).toBe('Updated "Spring 2099": calibration 2099-04-15.\n');
    const list = await cli(['list'], env);
    expect(list.stdout).toMatch(/\nSpring 2099\s+2099-04-15\s+ahead\s+1\n$/);
  });

  it('when set to a past date, then it is refused in one line on stderr with exit 1, and nothing changes', async () => {
    const env = await fresh();
    const refused = await cli(['set', '2099 H1', '2020-01-01'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^promo-coach: 2020-01-01 is not after today \(\d{4}-\d{2}-\d{2}\)[^\n]*\n$/);
    const today = await cli(['set', '2099 H1', localDate(new Date(), 'UTC')], env);
    expect(today.code).toBe(1);
    expect(await withRepos(env.DATABASE_URL, (repos) => repos.settings.findCycle('2099 H1'))).toBeNull();
  });

  it('when a cycle name is too long for the onboarding menu, then it is refused', async () => {
    const env = await fresh();
    const refused = await cli(['set', 'x'.repeat(37), '2099-06-15'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('keep a cycle name to 36');
  });

  it('when removing a cycle that profiles aim at, then it is refused, naming how many', async () => {
    const env = await fresh();
    await cli(['set', 'Team review', '2099-06-15'], env);
    await addProfile(env.DATABASE_URL, 'UENG1', 'Team review');
    await addProfile(env.DATABASE_URL, 'UENG2', 'Team review');
    const refused = await cli(['remove', 'Team review'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'promo-coach: "Team review" is the target of 2 profiles; they must pick another cycle before it can go.\n',
    );
    expect(await withRepos(env.DATABASE_URL, (repos) => repos.settings.findCycle('Team review'))).not.toBeNull();
  });

  it('when removing an unknown cycle, then it is refused and the known ones are named', async () => {
    const env = await fresh();
    await cli(['set', 'Team review', '2099-06-15'], env);
    const refused = await cli(['remove', 'Team revue'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^promo-coach: there is no cycle called "Team revue" \(cycles: .*"Team review"\)\.\n$/);
  });

  it('when removing unused cycles, then past and middle ones go, two cycles stay ahead, and the latest one stays', async () => {
    const env = await fresh();
    await cli(['list'], env);
    await withRepos(env.DATABASE_URL, async (repos) => {
      await repos.settings.upsertCycle('2001 H1', '2001-06-15');
    });
    expect(await cli(['remove', '2001', 'H1'], env)).toEqual({
      code: 0,
      stdout: 'Removed "2001 H1" (calibration 2001-06-15).\n',
      stderr: '',
    });
    const [a, b, c, latest] = await withRepos(env.DATABASE_URL, (repos) => repos.settings.listCycles());
    expect((await cli(['remove', a!.name], env)).code).toBe(0);
    expect((await cli(['remove', b!.name], env)).code).toBe(0);
    const third = await cli(['remove', c!.name], env);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/\nAdded "\d{4} H[12]" \(calibration \d{4}-\d{2}-\d{2}\), so that two cycles stay ahead\.\n$/);

    // The next default is now the latest, so the old latest can go.
    const fourth = await cli(['remove', latest!.name], env);
    expect(fourth.code).toBe(0);
    expect(fourth.stdout).toContain(`Removed "${latest!.name}"`);
    const last = await withRepos(env.DATABASE_URL, (repos) => repos.settings.listCycles());
    expect(last).toHaveLength(2);
    const keep = await cli(['remove', last.at(-1)!.name], env);
    expect(keep.code).toBe(1);
    expect(keep.stderr).toBe(
      `promo-coach: "${last.at(-1)!.name}" is the latest cycle, and the defaults would roll forward to it again; move its date with "cycles set", or set a later cycle first.\n`,
    );
    // Starting again brings none of the removed cycles back.
    const after = (await cli(['list'], env)).stdout;
    for (const gone of [a!, b!, c!, latest!]) expect(after).not.toContain(gone.name);
  });
});
