// Faults injected where the app meets the world: Slack rate-limits, fails and refuses; the
// database is missing at start and goes away mid-request. Nothing is lost without a word:
// Slack calls are retried or the failure is kept for a later run, and a person whose
// request could not be done is told so, with what they typed still in front of them.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { WIN_ACTIONS, WIN_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from '../support/app-harness.js';
import { databaseKinds, POSTGRES_ADMIN_URL } from '../support/databases.js';
import { FAKE_OPENAI_KEY, startFakeOpenAi } from '../support/fake-openai.js';
import { RESPONSE_URL_METHOD } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { dmsTo, tick } from '../e2e/nudges-fixtures.js';
import { winValues } from '../e2e/wins-support.js';
import { MAIN_ENTRY, settle, spawnTs } from './support.js';
import { scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const kinds = await databaseKinds();
const USER = 'UENG';
/** Monday 23 November 2026, 07:00 in New York; the first nudge is Friday at 15:00 there. */
const NOW = new Date('2026-11-23T12:00:00Z');
const NUDGE_AT = '2026-11-27T20:00:00Z';
const NEXT_TICK = '2026-11-27T20:05:00Z';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const nudgeRow = (app: TestApp) => app.coach.deps.repos.deliveries.find(USER, 'weekly_nudge', '2026-W48');
const winsOf = (app: TestApp) => app.coach.deps.repos.wins.listRecent(USER, 10);

describe.each(kinds)('faults on %s', (database) => {
  const start = async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboardUser(app, USER, { tz: 'America/New_York', now: NOW });
    return app;
  };

  describe('Slack', () => {
    it('when Slack answers a nudge with 429 and Retry-After: 1, then the DM waits at least that long and goes out once', async () => {
      const app = await start();
      app.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      expect(await tick(app, NUDGE_AT)).toMatchObject({ weekly_sent: 1 });
      const [limited, retried, ...more] = app.fake.callsTo('chat.postMessage');
      expect(more).toEqual([]);
      expect(limited?.status).toBe(429);
      expect(retried?.status).toBe(200);
      expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
      expect(dmsTo(app, USER)).toHaveLength(1);
      expect((await nudgeRow(app))?.status).toBe('sent');
    });

    it('when Slack answers a nudge with 500 twice, then the client retries it and it goes out once', async () => {
      const app = await start();
      app.fake.failNext('chat.postMessage', { status: 500 }, 2);
      expect(await tick(app, NUDGE_AT)).toMatchObject({ weekly_sent: 1 });
      expect(app.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 500, 200]);
      expect(dmsTo(app, USER)).toHaveLength(1);
    });

    it('when Slack keeps answering 500, then the nudge is kept as failed (unconfirmed), logged, looked for in the DM and sent by the next tick, once', async () => {
      const app = await start();
      // The first try and the client's three retries.
      app.fake.failNext('chat.postMessage', { status: 500 }, 4);
      expect(await tick(app, NUDGE_AT)).toMatchObject({ weekly_sent: 0, weekly_failed: 1 });
      expect(await nudgeRow(app)).toMatchObject({ status: 'failed', attempts: 1 });
      expect(app.logs.some((l) => l.includes('scheduled DM not delivered') && l.includes(USER))).toBe(true);

      expect(await tick(app, NEXT_TICK)).toMatchObject({ weekly_sent: 1 });
      // A 5xx may hide a post: the retry looked first.
      expect(app.fake.callsTo('conversations.history')).toHaveLength(1);
      expect(dmsTo(app, USER)).toHaveLength(1);
      expect(await nudgeRow(app)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('when Slack refuses a nudge (ok: false), then it is kept as failed with Slack\'s reason and the next tick sends it, without a needless look', async () => {
      const app = await start();
      app.fake.failNext('chat.postMessage', { error: 'fatal_error' });
      expect(await tick(app, NUDGE_AT)).toMatchObject({ weekly_failed: 1 });
      expect(await app.coach.database.prisma.delivery.findFirst({ where: { userId: USER } })).toMatchObject({ status: 'failed', error: 'fatal_error' });
      expect(await tick(app, NEXT_TICK)).toMatchObject({ weekly_sent: 1 });
      expect(app.fake.callsTo('conversations.history')).toHaveLength(0);
      expect(dmsTo(app, USER)).toHaveLength(1);
    });

    it('when the answer to /promo win cannot be posted (response_url 500), then the win is still saved and the failure is logged', async () => {
      const app = await start();
      app.fake.failNext(RESPONSE_URL_METHOD, { status: 500 });
      await app.slack.command({ userId: USER, text: 'win Led the incident review for the billing outage' });
      await app.fake.waitForCall(RESPONSE_URL_METHOD);
      await settle(app);
      expect((await winsOf(app)).map((w) => w.text)).toEqual(['Led the incident review for the billing outage']);
      expect(app.logs.some((l) => /"level":50/.test(l))).toBe(true);
    });
  });

  describe('the database mid-request', () => {
    /** The wins table goes away, as a database would between two statements. */
    const breakWins = (app: TestApp) => app.coach.database.prisma.$executeRawUnsafe('ALTER TABLE "Win" RENAME TO "WinAway"');
    const mendWins = (app: TestApp) => app.coach.database.prisma.$executeRawUnsafe('ALTER TABLE "WinAway" RENAME TO "Win"');

    it('when the win modal is submitted while the database fails, then the modal stays open with a field error asking to retry, and the same submission then saves', async () => {
      const app = await start();
      // The modal as Slack holds it: its blocks come back with the submission.
      await app.slack.blockAction({ userId: USER, actionId: WIN_ACTIONS.homeLogWin, view: { id: 'VHOME', type: 'home', callback_id: '' } });
      await app.fake.waitForCall('views.open');
      await breakWins(app);
      const values = winValues({ text: 'Cut checkout p99 latency by 40%' });
      const meta = JSON.stringify({ source: 'home' });
      const res = await app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, privateMetadata: meta, values, hash: 'h1' });
      expect(res.status).toBe(200);
      const ack = res.json<{ response_action: string; errors: Record<string, string> }>();
      expect(ack.response_action).toBe('errors');
      expect(ack.errors[WIN_VIEWS.textBlock]).toMatch(/still here: submit again/);
      await mendWins(app);
      expect(await winsOf(app)).toEqual([]);

      const again = await app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, privateMetadata: meta, values, hash: 'h1' });
      expect(again.json<{ response_action: string }>().response_action).toBe('update');
      expect((await winsOf(app)).map((w) => w.text)).toEqual(['Cut checkout p99 latency by 40%']);
    });

    it('when /promo win arrives while the database fails, then the person is told to send it again and nothing is half-saved', async () => {
      const app = await start();
      await breakWins(app);
      await app.slack.command({ userId: USER, text: 'win Ran the incident review for the billing outage' });
      const told = await app.fake.waitForCall(RESPONSE_URL_METHOD);
      expect(told.args.response_type).toBe('ephemeral');
      expect(String(told.args.text)).toMatch(/again/i);
      await mendWins(app);
      expect(await winsOf(app)).toEqual([]);
    });
  });
});

describe('the database at start', () => {
  it.for([
    // With a password (trust auth ignores it): the one line must not show it (§8).
    ['PostgreSQL with nothing listening', 'postgres://postgres:start-db-password@127.0.0.1:1/promo'],
    ['PostgreSQL with no such database', 'postgres://postgres:start-db-password@127.0.0.1:5432/promo_coach_no_such_db'],
  ] as const)('when DATABASE_URL names %s, then the app says so in one line and exits 1', async ([, url]) => {
    const run = spawnTs(MAIN_ENTRY, [], {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      // Slack is never reached: the database fails first.
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      DATABASE_URL: url,
      PORT: '0',
      LOG_FORMAT: 'json',
    }, cleanups);
    const { code } = await run.exited;
    expect(code).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines, run.output()).toHaveLength(1);
    expect(lines[0]).toMatch(/^Promo Coach cannot start: .*DATABASE_URL/);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });
});

describe.runIf(kinds.includes('postgres'))('PostgreSQL going away mid-request', () => {
  it('when the app\'s connections are cut and the database cannot be reached, then a submission keeps its modal open asking to retry, and once it is back the same submission saves', async () => {
    const app = await startTestApp({ database: 'postgres', now: NOW });
    await onboardUser(app, USER, { tz: 'America/New_York', now: NOW });
    await app.slack.blockAction({ userId: USER, actionId: WIN_ACTIONS.homeLogWin, view: { id: 'VHOME', type: 'home', callback_id: '' } });
    await app.fake.waitForCall('views.open');
    const name = new URL(app.database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    cleanups.push(async () => {
      await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`).catch(() => undefined);
      await admin.end();
    });
    // Cut every connection the app holds, and keep new ones out: the database is "down".
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    await admin.query(`ALTER DATABASE ${name} RENAME TO ${name}_away`);

    const values = winValues({ text: 'Cut checkout p99 latency by 40%' });
    const meta = JSON.stringify({ source: 'home' });
    const started = Date.now();
    const res = await app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, privateMetadata: meta, values, hash: 'h1' });
    expect(Date.now() - started, 'answered inside Slack\'s 3 seconds').toBeLessThan(3_000);
    expect(res.json<{ response_action: string; errors: Record<string, string> }>()).toMatchObject({ response_action: 'errors', errors: { [WIN_VIEWS.textBlock]: expect.stringMatching(/still here/) } });

    await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`);
    const again = await app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, privateMetadata: meta, values, hash: 'h1' });
    expect(again.json<{ response_action: string }>().response_action).toBe('update');
    expect((await winsOf(app)).map((w) => w.text)).toEqual(['Cut checkout p99 latency by 40%']);
  });
});

describe.each(kinds)('the LLM failing on %s', (database) => {
  // Every way the model can fail is in test/e2e/llm-suggestions.test.ts; here, the two that
  // need nothing scripted: a model that only errs, and a model host that is not there.
  it.for([
    ['answers 500 to everything', 'fake'],
    ['cannot be reached', 'http://127.0.0.1:1/v1'],
  ] as const)('when the model %s, then /promo win is answered by the rules at once and no suggestion follows', async ([, where]) => {
    const llm = await startFakeOpenAi();
    cleanups.push(() => llm.close());
    llm.answerWith(() => ({ status: 500 }));
    const app = await startTestApp({
      database,
      now: NOW,
      env: { OPENAI_API_KEY: FAKE_OPENAI_KEY, OPENAI_BASE_URL: where === 'fake' ? llm.baseUrl : where, LLM_TIMEOUT_MS: '800' },
    });
    await onboardUser(app, USER, { tz: 'America/New_York', now: NOW });
    await app.slack.command({ userId: USER, text: 'win Wrote the design doc for the new cache and mentored two engineers through the rollout' });
    const answer = await app.fake.waitForCall(RESPONSE_URL_METHOD);
    expect(String(answer.args.text)).toMatch(/^Logged\./);
    await settle(app);
    const [win] = await winsOf(app);
    expect(win?.criteria.length, 'the rules tagged it').toBeGreaterThan(0);
    expect(JSON.stringify(app.fake.calls.map((c) => c.args))).not.toContain('drafted by an AI model');
    if (where === 'fake') expect(llm.requests.length).toBeGreaterThan(0);
  });
});
