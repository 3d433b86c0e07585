import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createDeps, type AppDeps } from '../../src/deps.js';
import { createLogger, memoryDestination } from '../../src/logger.js';
import { draftDocParagraphs, suggestBehaviorRewrite, suggestionsOn } from '../../src/use-cases/suggestions.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T12:00:00Z');
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The app's own wiring (createDeps) on a real database, with the LLM pointed at a fake server. */
async function depsWith(kind: (typeof kinds)[number], env: Record<string, string> = {}): Promise<{ deps: AppDeps; llm: FakeOpenAi }> {
  const db = await createTestDatabase(kind);
  cleanup.push(() => db.drop());
  const llm = await startFakeOpenAi();
  cleanup.push(() => llm.close());
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DATABASE_URL: db.url,
    OPENAI_API_KEY: FAKE_OPENAI_KEY,
    OPENAI_BASE_URL: llm.baseUrl,
    LLM_TIMEOUT_MS: '1000',
    ...env,
  });
  const deps = await createDeps(config, { logger: createLogger({ level: 'warn', format: 'json', destination: memoryDestination() }), clock: () => NOW });
  cleanup.push(() => deps.database.close());
  await deps.repos.users.saveProfile('UENG', 'UTC', { currentLevel: 'senior', targetLevel: 'staff', managerId: 'UMANAGER', targetCycle: '2027 H2', nudgeDay: 5, nudgeMinute: 900, nextNudgeAt: null });
  return { deps, llm };
}

async function addWins(deps: AppDeps, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const { win } = await deps.repos.wins.create({ userId: 'UENG', text, date: `2026-0${i + 1}-10`, source: 'modal', criteria: [], crossTeam: false, enabledOthers: false });
    ids.push(win.id);
  }
  return ids;
}

describe.each(kinds)('suggestion use cases on %s', (kind) => {
  it('when doc paragraphs are drafted, then the model sees the wins as w1, w2… and the draft names the user’s own win ids', async () => {
    const { deps, llm } = await depsWith(kind);
    const [older, newer] = await addWins(deps, ['Led the storage migration with two teams', 'Mentored two new hires through on-call']);
    llm.script({ json: { paragraphs: [{ criterionId: 'staff.enabling', winRefs: ['w1'], text: 'Mentored two new hires until they ran on-call alone.' }] } });
    const drafted = await draftDocParagraphs(deps, 'UENG');
    expect(drafted).toEqual({
      status: 'suggested',
      value: [{ criterion: { id: 'staff.enabling', label: expect.stringMatching(/^Enabling others: /) as unknown }, winIds: [newer], text: 'Mentored two new hires until they ran on-call alone.' }],
    });
    const sent = JSON.stringify(llm.requests[0]?.body);
    expect(sent).not.toContain(newer);
    expect(sent).not.toContain(older);
    expect(llm.requests[0]?.delimited).toEqual(['Mentored two new hires through on-call', 'Led the storage migration with two teams']);
  });

  it('when examples are rewritten, then each comes back in order; with no text, then nothing is asked', async () => {
    const { deps, llm } = await depsWith(kind);
    llm.script({ json: { rewrites: [{ index: 0, text: 'Led the migration.' }, { index: 1, text: 'Mentored two engineers.' }], verdict: 'needs_work' } });
    expect(await suggestBehaviorRewrite(deps, 'UENG', ['Migration done', '  Two engineers grew '])).toEqual({ status: 'suggested', value: { rewrites: ['Led the migration.', 'Mentored two engineers.'], ready: false } });
    expect(await suggestBehaviorRewrite(deps, 'UENG', ['  '])).toEqual({ status: 'rules', reason: 'nothing to rewrite' });
    expect(llm.requests).toHaveLength(1);
    expect(await deps.repos.llmUsage.monthTokens('UENG', '2026-11')).toBe(160);
  });

  it('when the cap is zero or the workspace turned suggestions off, then nothing is asked', async () => {
    const capped = await depsWith(kind, { LLM_MONTHLY_TOKEN_CAP: '0' });
    expect(await suggestBehaviorRewrite(capped.deps, 'UENG', ['Migration done'])).toEqual({ status: 'capped', resumesOn: '2026-12-01' });
    expect(capped.llm.requests).toEqual([]);

    const off = await depsWith(kind);
    await off.deps.repos.settings.update({ llmEnabled: false });
    expect(await suggestionsOn(off.deps)).toBe(false);
    expect(await draftDocParagraphs(off.deps, 'UENG')).toEqual({ status: 'off' });
    expect(off.llm.requests).toEqual([]);
  });
});
