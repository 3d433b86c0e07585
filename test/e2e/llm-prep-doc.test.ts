// The optional LLM in prep and in the promo doc: the rules' screen opens at once, and the
// suggestion (behavior-first rewrites of the case's examples; Scope & Impact paragraphs from
// the user's wins) replaces it in place when a checked answer arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { SUGGESTION_IDS } from '../../src/slack/ids.js';
import { startTestApp, TEST_BOT_TOKEN } from '../support/app-harness.js';
import { databaseKinds, type DatabaseKind } from '../support/databases.js';
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeLlmAnswer, type FakeOpenAi } from '../support/fake-openai.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { CASE_WINS, ENGINEER, GOOD_OPENING, NOW, onboardEngineer, PrepDriver, seedWins, values, type PrepApp } from './prep-support.js';

const kinds = await databaseKinds();
const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function startApp(database: DatabaseKind, answer: (schema: string | undefined) => FakeLlmAnswer, key = true): Promise<PrepApp & { llm: FakeOpenAi }> {
  const llm = await startFakeOpenAi();
  const clock = { now: NOW };
  const fake: FakeSlack = await startFakeSlack({ token: TEST_BOT_TOKEN, now: () => clock.now.getTime() });
  started.push(llm, fake);
  llm.answerWith((request) => answer(request.schemaName));
  const app = await startTestApp({
    database,
    now: NOW,
    sharedFake: fake,
    env: { ...(key ? { OPENAI_API_KEY: FAKE_OPENAI_KEY } : {}), OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: '400' },
  });
  return { app, fake, llm, setNow: (now) => app.setNow(now), stop: () => app.stop() };
}

const REWRITES = [
  'Aligned the payments and checkout teams on one retry design and drove both launches.',
  'Mentored two new engineers until they ran on-call alone.',
  'Authored the cache layer RFC and got three teams to adopt it.',
  'Scoped the vague search rewrite into three milestones.',
];

async function toBehaviors(p: PrepApp): Promise<{ driver: PrepDriver; viewId: string }> {
  await onboardEngineer(p);
  const wins = await seedWins(p.app, CASE_WINS);
  const driver = await new PrepDriver(p).open();
  await driver.submit(values.timing('2027 H2'));
  await driver.submit(values.opening(GOOD_OPENING));
  await driver.submit(values.case(wins.slice(0, 4)));
  expect(driver.step).toBe('behaviors');
  return { driver, viewId: driver.view.id };
}

describe.each(kinds)('LLM suggestions in prep and the doc, on %s', (database) => {
  it('when the case step moves to the behaviors, then the rules’ screen shows at once and the rewrites of each example follow in place, above the fields', async () => {
    const p = await startApp(database, (schema) => (schema === 'behavior_rewrites' ? { json: { rewrites: REWRITES.map((text, index) => ({ index, text })), verdict: 'needs_work' } } : { status: 500 }));
    const { driver, viewId } = await toBehaviors(p);
    expect(driver.text).not.toContain('drafted by an AI model');

    const updated = await p.fake.waitForCall('views.update', (c) => c.args.view_id === viewId && JSON.stringify(c.args.view).includes('drafted by an AI model'));
    const blocks = (updated.args.view as { blocks: { type: string; block_id?: string }[] }).blocks;
    const at = blocks.findIndex((b) => b.block_id === `${SUGGESTION_IDS.blockPrefix}_case`);
    expect(blocks[at + 2]?.type).toBe('divider');
    expect(JSON.stringify(blocks)).toContain(`*Example 3:* ${REWRITES[2]}`);
    const [request] = p.llm.requests;
    expect(request?.delimited).toEqual(CASE_WINS.slice(0, 4).map((w) => w.text));
    expect(JSON.stringify(request?.body)).not.toContain(ENGINEER);
  });

  it('when the rewrites call ready a case with no cross-team impact and nobody enabled, then the behaviors screen stays the rules’ own', async () => {
    const solo = ['Led the retry design for my service.', 'Drove the on-call rotation.', 'Authored the cache layer RFC.', 'Scoped the search rewrite.'];
    const p = await startApp(database, () => ({ json: { rewrites: solo.map((text, index) => ({ index, text })), verdict: 'ready' } }));
    const { viewId } = await toBehaviors(p);
    await p.llm.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(p.fake.callsTo('views.update').filter((c) => c.args.view_id === viewId && JSON.stringify(c.args.view).includes('AI model'))).toEqual([]);
    expect(p.app.logs.join('\n')).toMatch(/calls the case ready, but the rules say: No example shows impact beyond your own team/);
  });

  it('when /promo doc opens, then the draft shows at once and Scope & Impact paragraphs drafted from the wins follow with the view’s hash; with no key, nothing follows', async () => {
    const paragraph = { criterionId: 'staff.cross_team', winRefs: ['w1', 'w3'], text: 'Aligned the payments and checkout teams on one retry design; both shipped it.' };
    const p = await startApp(database, (schema) => (schema === 'doc_paragraphs' ? { json: { paragraphs: [paragraph] } } : { status: 500 }));
    await onboardEngineer(p);
    await seedWins(p.app, CASE_WINS);
    await p.app.slack.command({ userId: ENGINEER, text: 'doc' });
    const open = await p.fake.waitForCall('views.open');
    expect(JSON.stringify(open.args.view)).not.toContain('AI model');
    const opened = (open.response as { view: { id: string; hash: string } }).view;
    const updated = await p.fake.waitForCall('views.update', (c) => c.args.view_id === opened.id);
    expect(updated.args.hash).toBe(opened.hash);
    const shown = JSON.stringify(updated.args.view);
    expect(shown).toContain('Scope &amp; Impact, drafted from your wins.');
    expect(shown).toContain('Cross-team collaboration: Aligns several teams');
    expect(p.llm.requests[0]?.delimited).toHaveLength(CASE_WINS.length);

    const off = await startApp(database, () => ({ json: { paragraphs: [paragraph] } }), false);
    await onboardEngineer(off);
    await seedWins(off.app, CASE_WINS);
    await off.app.slack.command({ userId: ENGINEER, text: 'doc' });
    await off.fake.waitForCall('views.open');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(off.llm.requests).toEqual([]);
    expect(off.fake.callsTo('views.update')).toEqual([]);
  });
});
