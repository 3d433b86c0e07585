// `kill -9` of the process running a 1,000-user nudge tick, then a restart: every user is
// nudged exactly once. The tick runs in a real child process (the operator's
// `promo-coach job weekly-nudges --at …`), against a fake Slack slowed down per DM so the
// kill lands mid-tick, with DMs in flight.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/index.js';
import { CLAIM_LEASE_MS } from '../../src/delivery/engine.js';
import { quietLogger } from '../db/migration-fixtures.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../support/app-harness.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { CLI_ENTRY, spawnTs } from './support.js';
import { scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const kinds = await databaseKinds();
const USERS = 1000;
// Friday 27 November 2026, 15:00 in Berlin: every user is due at this instant.
const DUE = new Date('2026-11-27T14:00:00Z');
const CYCLE = { name: 'Reliability cycle', calibrationDate: '2027-06-30' };
/** Each DM takes this long at the fake Slack, so 1,000 take a second or two at the engine's concurrency. */
const DM_DELAY_MS = 25;
const KILL_AFTER_DMS = 300;

const ids = Array.from({ length: USERS }, (_, i) => `UKILL${String(i).padStart(5, '0')}`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Onboarded users, DM channels cached as after their first week, all due at DUE. */
async function seed(url: string): Promise<void> {
  await migrateDatabase(url, quietLogger());
  const database = await openDatabase(url);
  try {
    await database.prisma.cycle.create({ data: CYCLE });
    await database.prisma.user.createMany({ data: ids.map((id) => ({ id, tz: 'Europe/Berlin', dmChannelId: `D${id}` })) });
    await database.prisma.profile.createMany({
      data: ids.map((userId) => ({ userId, currentLevel: 'senior', targetLevel: 'staff', managerId: 'UMANAGER', targetCycle: CYCLE.name, nextNudgeAt: DUE })),
    });
  } finally {
    await database.close();
  }
}

function runTick(fake: FakeSlack, databaseUrl: string, at: Date) {
  return spawnTs(CLI_ENTRY, ['job', 'weekly-nudges', '--at', at.toISOString()], {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  }, cleanups);
}

const posted = (fake: FakeSlack) => fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok);

describe.each(kinds)('kill -9 during a nudge tick on %s', (kind) => {
  it(`when the process is killed after ${KILL_AFTER_DMS} of ${USERS} DMs and run again after the lease, then every user is nudged exactly once`, { timeout: 120_000 }, async ({ annotate }) => {
    const fake = await startFakeSlack({ token: TEST_BOT_TOKEN });
    const database = await createTestDatabase(kind);
    cleanups.push(async () => {
      await fake.close();
      await database.drop();
    });
    await seed(database.url);
    for (let i = 0; i < USERS; i++) fake.delayNext('chat.postMessage', DM_DELAY_MS);

    const first = runTick(fake, database.url, DUE);
    await fake.waitForCalls('chat.postMessage', KILL_AFTER_DMS, () => true, 60_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const atKill = posted(fake).length;
    // DMs already on their way when the process died still reach Slack: wait them out.
    await new Promise((resolve) => setTimeout(resolve, 4 * DM_DELAY_MS + 200));
    const beforeRestart = posted(fake).length;
    expect(beforeRestart, 'the kill landed mid-tick').toBeLessThan(USERS);
    // DMs Slack has that the dead process never marked sent: the window a restart must not re-send.
    const marked = await openDatabase(database.url);
    const unmarked = beforeRestart - (await marked.prisma.delivery.count({ where: { status: 'sent' } }));
    await marked.close();
    // The 300th DM is recorded before Slack answers it, so at least that one is always unmarked.
    expect(unmarked, 'some DMs reached Slack unmarked').toBeGreaterThanOrEqual(1);

    // The restart comes once the dead process's claims have run out their lease.
    const second = runTick(fake, database.url, new Date(DUE.getTime() + CLAIM_LEASE_MS + 60_000));
    const { code } = await second.exited;
    expect(code, second.output()).toBe(0);

    const perUser = new Map<string, number>();
    for (const call of posted(fake)) perUser.set(String(call.args.channel), (perUser.get(String(call.args.channel)) ?? 0) + 1);
    const twice = [...perUser.entries()].filter(([, n]) => n > 1).map(([channel]) => channel);
    const never = ids.filter((id) => !perUser.has(`D${id}`));
    const figures = { users: USERS, dmsAtKill: atKill, dmsBeforeRestart: beforeRestart, postedButUnmarked: unmarked, historyLookups: fake.callsTo('conversations.history').length, dmsInTotal: posted(fake).length, nudgedTwice: twice.length, neverNudged: never.length };
    // The figures the note reports.
    await annotate(`kill -9 during a tick (${kind}): ${JSON.stringify(figures)}`);
    expect({ nudgedTwice: twice.length, neverNudged: never.length }).toEqual({ nudgedTwice: 0, neverNudged: 0 });

    const check = await openDatabase(database.url);
    try {
      expect(await check.prisma.delivery.count({ where: { status: 'sent', kind: 'weekly_nudge' } })).toBe(USERS);
    } finally {
      await check.close();
    }
  });
});
