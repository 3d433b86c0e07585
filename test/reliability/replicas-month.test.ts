// Two replicas on one PostgreSQL database, each with its own scheduler ticking, run through
// a simulated month: every weekly nudge, "Snooze to Monday" re-nudge, check-in, check-in
// reminder, outcome question and meeting follow-up reaches Slack exactly once, on time,
// and a paused person gets none while paused. Each replica is a real child process
// (replica-ticker.ts) stepping its own clock through the same tick instants; both post to
// one fake Slack Web API, which records every DM. March runs the two unsynchronised (each
// at its own pace, either ahead, but never starting a tick before the other finished the
// one before, as replicas on one wall clock), then 1–5 April in lock-step,
// with people acting between ticks. What should arrive is worked out in replicas-world.ts
// from the people's settings, not read from the app's tables.
import { fork } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories, migrateDatabase, openDatabase, type DeliveryClaim } from '../../src/db/index.js';
import { CLAIM_LEASE_MS, deliveryEngine, MAX_ATTEMPTS, type DmSender } from '../../src/delivery/engine.js';
import { createDeps, type AppDeps } from '../../src/deps.js';
import { TSX_LOADER, quietLogger } from '../db/migration-fixtures.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../support/app-harness.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../support/fake-slack.js';
import { captureProcess, scanLogsAfterEach } from './log-scan.js';
import type { ParentMessage, TickerMessage, TickerReport } from './replica-ticker.js';
import {
  actBetweenTicks,
  expectedDeliveries,
  keyOf,
  LOCKSTEP_FROM,
  LOCKSTEP_TICKS,
  MONTH_FROM,
  MONTH_TICKS,
  PEOPLE,
  seedWorld,
  STEP_MINUTES,
  tickAt,
  type Clock,
  type Expected,
  type Seeded,
} from './replicas-world.js';

// Several replicas only make sense on PostgreSQL (SQLite is the single-process default).
const runOnPostgres = process.env.CI || (await postgresAvailable()) ? describe : describe.skip;
const TICKER = path.join(import.meta.dirname, 'replica-ticker.ts');

// §8: what the replicas log is scanned for secrets after each test (before the cleanups below stop them).
scanLogsAfterEach();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Replica {
  name: string;
  /** The replica's next message of this type; rejects if it exits first. */
  next<T extends TickerMessage['type']>(type: T): Promise<Extract<TickerMessage, { type: T }>>;
  send(message: ParentMessage): void;
  /** Tells `other` each time this replica finishes a tick (the loose phase). */
  relayTo(other: Replica): void;
  output(): string;
}

/** One replica: the ticker in a child process of its own, from `from`, loose and then in lock-step from tick `lockstepFrom`. */
function startReplica(name: string, database: TestDatabase, fake: FakeSlack, from: Date, ticks: number, lockstepFrom: number): Replica {
  const args = ['--from', from.toISOString(), '--every', String(STEP_MINUTES), '--ticks', String(ticks), '--lockstep-from', String(lockstepFrom), '--name', name];
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DOTENV_CONFIG_PATH: '/nonexistent',
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
  const child = fork(TICKER, args, { execArgv: ['--import', TSX_LOADER], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  captureProcess(`replica ${name}`, () => output, env);
  const inbox: TickerMessage[] = [];
  const waiters: { type: string; resolve: (m: TickerMessage) => void; reject: (e: Error) => void }[] = [];
  let onFinished: (index: number) => void = () => undefined;
  let exitedWith: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exitedWith = `replica ${name} exited (${code ?? signal}):\n${output}`;
      for (const w of waiters.splice(0)) w.reject(new Error(exitedWith));
      resolve();
    }),
  );
  child.on('message', (message: TickerMessage) => {
    if (message.type === 'finished') return onFinished(message.index);
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(message);
    else inbox.push(message);
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return {
    name,
    next<T extends TickerMessage['type']>(type: T) {
      return new Promise<Extract<TickerMessage, { type: T }>>((resolve, reject) => {
        const i = inbox.findIndex((m) => m.type === type);
        if (i >= 0) return resolve(inbox.splice(i, 1)[0] as Extract<TickerMessage, { type: T }>);
        if (exitedWith) return reject(new Error(exitedWith));
        waiters.push({ type, resolve: (m) => resolve(m as Extract<TickerMessage, { type: T }>), reject });
      });
    },
    send: (message) => {
      if (child.connected) child.send(message);
    },
    relayTo(other) {
      onFinished = (index) => other.send({ type: 'peer', index });
    },
    output: () => output,
  };
}

/** Messages posted since `from`, DMs (each carrying its delivery id in Slack message metadata) and the rest. */
function posted(fake: FakeSlack, from: number): { dms: RecordedCall[]; elsewhere: RecordedCall[] } {
  const calls = fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.status === 200 && (c.response as { ok?: boolean }).ok);
  const isDm = (c: RecordedCall) => String(c.args.channel).startsWith('D');
  return { dms: calls.filter(isDm), elsewhere: calls.filter((c) => !isDm(c)) };
}

const deliveryIdOf = (call: RecordedCall) => (call.args.metadata as { event_payload?: { delivery?: string } } | undefined)?.event_payload?.delivery;

interface PhaseResult {
  reports: TickerReport[];
  wallMs: number;
  dms: RecordedCall[];
  elsewhere: RecordedCall[];
  historyLookups: number;
}

/** Both replicas' reports at the end of a phase, and the Slack calls made since it began. */
async function phaseEnd(replicas: Replica[], fake: FakeSlack, from: number, started: number): Promise<PhaseResult> {
  const reports = (await Promise.all(replicas.map((r) => r.next('report')))).map((m) => m.report);
  return {
    reports,
    wallMs: performance.now() - started,
    ...posted(fake, from),
    historyLookups: fake.calls.slice(from).filter((c) => c.method === 'conversations.history').length,
  };
}

/** What arrived in a phase against what should have: by key, with the tick each went out on. */
async function checkPhase(deps: AppDeps, phase: PhaseResult, expected: Expected[]) {
  const ids = phase.dms.map(deliveryIdOf).filter((id): id is string => id !== undefined);
  const rows = await deps.database.prisma.delivery.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byIdHas = (id: string | undefined) => id !== undefined && byId.has(id);
  // Every DM the replicas posted is a scheduled one, carrying the id of its delivery row.
  const unlabelled = phase.dms.filter((c) => !byIdHas(deliveryIdOf(c))).map((c) => `${String(c.args.channel)}: ${String(c.args.text)}`);
  const arrived = new Map<string, number>();
  const misdirected: string[] = [];
  for (const call of phase.dms) {
    const row = byId.get(deliveryIdOf(call) ?? '');
    if (!row) continue;
    if (call.args.channel !== `D${row.userId}`) misdirected.push(`${keyOf(row)} went to ${String(call.args.channel)}`);
    arrived.set(keyOf(row), (arrived.get(keyOf(row)) ?? 0) + 1);
  }
  const want = new Map(expected.map((e) => [keyOf(e), e]));
  const duplicates = [...arrived].filter(([, n]) => n > 1).map(([k]) => k);
  const missing = [...want.keys()].filter((k) => !arrived.has(k));
  const unexpected = [...arrived.keys()].filter((k) => !want.has(k));
  // On time: marked sent at the first tick on or after it was due, whichever replica sent it.
  const late = rows
    .filter((r) => want.has(keyOf(r)) && r.sentAt?.getTime() !== want.get(keyOf(r))?.tick)
    .map((r) => `${keyOf(r)} sent ${r.sentAt?.toISOString()}, due tick ${new Date(want.get(keyOf(r))?.tick ?? 0).toISOString()}`);
  const byKind: Record<string, number> = {};
  for (const e of expected) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  return { duplicates, missing, unexpected, late, unlabelled, misdirected, byKind, dms: phase.dms.length };
}

/** Paused people: nothing reached them on a day up to and including their pause's last day. */
async function dmsWhilePaused(deps: AppDeps, since: Date): Promise<string[]> {
  const out: string[] = [];
  for (const p of PEOPLE.filter((x) => x.pausedUntil)) {
    const rows = await deps.database.prisma.delivery.findMany({ where: { userId: p.id, status: 'sent', sentAt: { gte: since } } });
    for (const r of rows) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: p.tz }).format(r.sentAt as Date);
      if (day <= (p.pausedUntil as string)) out.push(`${keyOf(r)} on ${day}, paused until ${p.pausedUntil}`);
    }
  }
  return out;
}

runOnPostgres('two replicas through a simulated month on one PostgreSQL database', () => {
  it(`when two app processes tick every ${STEP_MINUTES} minutes through March at their own pace, then five days in lock-step, every scheduled DM arrives exactly once and on time`, { timeout: 180_000 }, async ({ annotate }) => {
    const started = performance.now();
    const clock: Clock = { now: MONTH_FROM };
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN, now: () => clock.now.getTime() });
    const database = await createTestDatabase('postgres');
    cleanups.push(async () => {
      await fake.close();
      await database.drop();
    });
    const deps = await createDeps(
      { database: { url: database.url, kind: 'postgres' }, ladderFile: undefined, slack: { botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET, appToken: undefined, apiUrl: fake.apiUrl, mode: 'http' } },
      { logger: quietLogger(), clock: () => clock.now },
    );
    cleanups.push(() => deps.database.close());
    // Two replicas: March loose (each at its own pace, a tick started once the other finished
    // the one before), then 1–5 April in lock-step with people acting between ticks.
    // They start up (and wait) while the people are set up.
    const replicas = ['A', 'B'].map((name) => startReplica(name, database, fake, MONTH_FROM, MONTH_TICKS + LOCKSTEP_TICKS, MONTH_TICKS));
    const [a, b] = replicas as [Replica, Replica];
    a.relayTo(b);
    b.relayTo(a);
    const seeded: Seeded = await seedWorld(deps, fake, clock);
    const seededMs = performance.now() - started;
    await Promise.all(replicas.map((r) => r.next('ready')));
    const monthFrom = fake.calls.length;
    const monthStarted = performance.now();
    for (const r of replicas) r.send({ type: 'start' });
    const month = await phaseEnd(replicas, fake, monthFrom, monthStarted);

    // Both now wait at the first lock-step tick: each tick starts only once both finished the last one.
    const weekFrom = fake.calls.length;
    const weekStarted = performance.now();
    for (let index = MONTH_TICKS; index < MONTH_TICKS + LOCKSTEP_TICKS; index++) {
      const at = await Promise.all(replicas.map((r) => r.next('tick')));
      expect(at.map((m) => m.index), 'both replicas wait at the same tick').toEqual([index, index]);
      await actBetweenTicks(deps, clock, index, seeded);
      for (const r of replicas) r.send({ type: 'go', index });
    }
    const week = await phaseEnd(replicas, fake, weekFrom, weekStarted);
    const [monthReports, weekReports] = [month.reports, week.reports];

    const monthCheck = await checkPhase(deps, month, expectedDeliveries(seeded, MONTH_FROM, tickAt(MONTH_TICKS - 1)));
    const weekCheck = await checkPhase(deps, week, expectedDeliveries(seeded, LOCKSTEP_FROM, tickAt(MONTH_TICKS + LOCKSTEP_TICKS - 1)));
    // Time in each job, both replicas together: where a tick's time goes.
    const jobSeconds = (reports: TickerReport[]) => {
      const out: Record<string, number> = {};
      for (const r of reports) for (const [job, ms] of Object.entries(r.jobMs)) out[job] = +((out[job] ?? 0) + ms / 1000).toFixed(1);
      return out;
    };
    const sentBy = (reports: TickerReport[]) =>
      Object.fromEntries(reports.map((r) => [r.name, Object.entries(r.counts).filter(([k]) => /^[a-zA-Z]+_sent$/.test(k)).reduce((n, [, v]) => n + v, 0)]));
    const figures = {
      people: PEOPLE.length,
      seedSeconds: +(seededMs / 1000).toFixed(1),
      month: { ticksPerReplica: monthReports.map((r) => r.ticks), cpuSeconds: monthReports.map((r) => r.cpuMs / 1000), jobSeconds: jobSeconds(monthReports), wallSeconds: +(month.wallMs / 1000).toFixed(1), sentByReplica: sentBy(monthReports), byKind: monthCheck.byKind, dms: monthCheck.dms, duplicates: monthCheck.duplicates.length, missing: monthCheck.missing.length, unexpected: monthCheck.unexpected.length, late: monthCheck.late.length, historyLookups: month.historyLookups },
      lockstep: { ticksPerReplica: weekReports.map((r) => r.ticks), cpuSeconds: weekReports.map((r) => r.cpuMs / 1000), jobSeconds: jobSeconds(weekReports), wallSeconds: +(week.wallMs / 1000).toFixed(1), sentByReplica: sentBy(weekReports), byKind: weekCheck.byKind, dms: weekCheck.dms, duplicates: weekCheck.duplicates.length, missing: weekCheck.missing.length, unexpected: weekCheck.unexpected.length, late: weekCheck.late.length, historyLookups: week.historyLookups },
      wallSeconds: +((performance.now() - started) / 1000).toFixed(1),
    };
    await annotate(`replicas through a month: ${JSON.stringify(figures)}`);

    for (const r of [...monthReports, ...weekReports]) expect(r.failures, `replica ${r.name}: no job run failed`).toEqual([]);
    for (const check of [monthCheck, weekCheck]) {
      const { duplicates, missing, unexpected, late, unlabelled, misdirected } = check;
      expect({ duplicates, missing, unexpected, late, unlabelled, misdirected }).toEqual({ duplicates: [], missing: [], unexpected: [], late: [], unlabelled: [], misdirected: [] });
    }
    expect(await dmsWhilePaused(deps, MONTH_FROM)).toEqual([]);
    // Outside DMs only the April check-in's summary, posted by the person's answer in the shared conversation.
    expect(month.elsewhere).toEqual([]);
    expect(week.elsewhere.map((c) => c.args.channel)).toHaveLength(1);
    // Both replicas did real work: neither just watched the other send everything.
    for (const sent of [figures.month.sentByReplica, figures.lockstep.sentByReplica]) for (const n of Object.values(sent)) expect(n).toBeGreaterThan(0);
    // Every claim ended sent: none left claimed, failed or waiting for a look in Slack.
    expect(await deps.database.prisma.delivery.groupBy({ by: ['status'], _count: true })).toEqual([{ status: 'sent', _count: expect.any(Number) as number }]);
    const errors = replicas.flatMap((r) => r.output().split('\n').filter((l) => l.includes('"level":50')));
    expect(errors, 'no error logged by either replica').toEqual([]);
  });

  it('when a replica runs more than the lease behind, a claim the other took over meanwhile is not posted by the first', async () => {
    // What a replica whose tick outlasts the lease (a 429 storm, a huge fan-out) meets: its
    // later claims look stale to the other replica, which takes them over. Seen when the
    // month ran with the replicas free to drift hours apart: 8 live claims were taken over.
    // Those already marked 'sending' were found in Slack by the look-up; one taken over
    // before its 'sending' mark had no such guard, and both replicas would have posted it.
    const database = await createTestDatabase('postgres');
    cleanups.push(() => database.drop());
    await migrateDatabase(database.url, quietLogger());
    const opened = await openDatabase(database.url);
    cleanups.push(() => opened.close());
    const repos = createRepositories(opened.prisma);
    await repos.users.upsert({ id: 'UTAKEN', tz: 'Europe/Berlin' });
    const at = new Date('2027-03-05T14:00:00Z');
    const later = new Date(at.getTime() + CLAIM_LEASE_MS + STEP_MINUTES * 60_000);
    const request = { kind: 'weekly_nudge', period: '2027-W09', dueAt: at, userId: 'UTAKEN', dmChannelId: 'DUTAKEN', message: () => ({ text: 'How did this week go?' }) };
    const posts: string[] = [];
    const slack: DmSender = {
      postDm: (userId) => {
        posts.push(userId);
        return Promise.resolve({ channelId: `D${userId}`, ts: '1.0' });
      },
      findDelivered: () => Promise.resolve(null),
    };
    const taken: DeliveryClaim[] = [];
    // The other replica's tick, an hour on, takes the claim over between this one's claim and its 'sending' mark.
    const deliveries = {
      ...repos.deliveries,
      markSendingMany: async (claims: Parameters<typeof repos.deliveries.markSendingMany>[0]) => {
        // The engine also marks the (here empty) chunk after this one ahead of time.
        if (claims.length > 0) taken.push(...(await repos.deliveries.claimMany([request], { now: later, leaseMs: CLAIM_LEASE_MS, maxAttempts: MAX_ATTEMPTS })));
        return repos.deliveries.markSendingMany(claims);
      },
    };
    const outcome = await deliveryEngine({ deliveries, slack, logger: quietLogger() }).deliver(request, at);

    expect(taken, 'the other replica took the claim over').toMatchObject([{ attempts: 2, interrupted: false }]);
    expect({ outcome, posts }).toEqual({ outcome: 'in_flight', posts: [] });
    // The row is the taker's to send: still claimed, on its second attempt, which it marks and posts.
    expect(await opened.prisma.delivery.findMany({ select: { status: true, attempts: true } })).toEqual([{ status: 'claimed', attempts: 2 }]);
    const row = await opened.prisma.delivery.findFirstOrThrow();
    expect(await repos.deliveries.markSendingMany([{ id: row.id, attempts: 2 }])).toEqual(new Set([row.id]));
  });
});
