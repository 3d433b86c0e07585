import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, migrateDatabase, openDatabase } from '../../src/db/index.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { runCliCaptured } from '../support/cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const kinds = await databaseKinds();
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

const cli = (argv: string[], env: Record<string, string>) => runCliCaptured(['llm', ...argv], env);

const call = (userId: string, month: string, task: string, promptTokens: number, completionTokens: number, outcome: 'used' | 'rejected' | 'failed') => ({
  userId, month, task, model: 'gpt-4o-mini', promptTokens, completionTokens, outcome,
});

describe.each(kinds)('promo-coach llm usage on %s', (kind) => {
  async function seeded() {
    const db = await createTestDatabase(kind);
    databases.push(db);
    await migrateDatabase(db.url, createLogger({ level: 'warn', format: 'json', destination: memoryDestination() }));
    const database = await openDatabase(db.url);
    try {
      const repos = createRepositories(database.prisma);
      for (const id of ['UAAA', 'UBBB']) await database.prisma.user.create({ data: { id } });
      for (const usage of [
        call('UAAA', '2026-11', 'win_tags', 300, 50, 'used'),
        call('UAAA', '2026-11', 'win_tags', 280, 0, 'failed'),
        call('UAAA', '2026-11', 'hedge_opinion', 200, 40, 'rejected'),
        call('UBBB', '2026-11', 'win_tags', 100, 20, 'used'),
        call('UBBB', '2026-10', 'doc_draft', 5000, 900, 'used'),
      ]) await repos.llmUsage.record(usage);
    } finally {
      await database.close();
    }
    return db;
  }

  it('when a month is named, then its calls and tokens are printed per user and task, with the users at the cap', async () => {
    const db = await seeded();
    const { code, stdout, stderr } = await cli(['usage', '--month', '2026-11'], { DATABASE_URL: db.url, LLM_MONTHLY_TOKEN_CAP: '800' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('LLM usage in 2026-11 (cap: 800 tokens per user a month)');
    expect(stdout).toMatch(/UAAA\s+hedge_opinion\s+1\s+0\s+200\s+40\n/);
    expect(stdout).toMatch(/UAAA\s+win_tags\s+2\s+1\s+580\s+50\n/);
    expect(stdout).toMatch(/UBBB\s+win_tags\s+1\s+1\s+100\s+20\n/);
    expect(stdout).toContain('Total: 4 calls, 2 used, 990 tokens (880 prompt, 110 completion).');
    expect(stdout).toContain('  UAAA: 870 tokens (at the cap: the rules answer alone until next month)');
    expect(stdout).toContain('1 user at the cap.');
    expect(stdout).not.toContain('doc_draft');
  });

  it('when a month has no calls, then it says so; when the month is malformed, then a usage error comes back', async () => {
    const db = await seeded();
    expect(await cli(['usage', '--month', '2025-01'], { DATABASE_URL: db.url })).toEqual({ code: 0, stdout: 'No LLM calls in 2025-01.\n', stderr: '' });
    const bad = await cli(['usage', '--month', '2026-13'], { DATABASE_URL: db.url });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month "2026-13" is not a month such as 2026-11');
    expect((await cli(['spend'], { DATABASE_URL: db.url })).stderr).toContain('unknown action "spend"');
  });
});
