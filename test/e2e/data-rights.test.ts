import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { Prisma } from '../../src/db/generated/sqlite/client.js';
import { DATA_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { onboardUser } from '../support/onboarding.js';

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T15:00:00Z');
const ENGINEER = 'U0FORGETME';
// Another engineer, whose manager is ENGINEER: their records stay, without ENGINEER's id.
const REPORT = 'U0REPORT';
const SHARED_CHANNEL = 'G0SHARED';

type Db = TestApp['coach']['database']['prisma'];

/** Something in every table that can hold a row about ENGINEER, and REPORT's records that name them. */
async function seedEverything(app: TestApp): Promise<{ planTs: string; summaryTs: string }> {
  const db: Db = app.coach.database.prisma;
  await onboardUser(app, ENGINEER);
  await onboardUser(app, REPORT);
  await db.profile.update({ where: { userId: REPORT }, data: { managerId: ENGINEER } });
  await db.user.update({ where: { id: ENGINEER }, data: { dmChannelId: `D${ENGINEER}` } });

  const win = await db.win.create({
    data: { userId: ENGINEER, text: 'Led the storage migration across three teams', date: '2026-10-01', source: 'modal', criteria: ['staff.cross_team'] },
  });
  await db.pendingWin.create({
    data: { userId: ENGINEER, sourceKey: 'dm:kept', input: { text: 'kept before onboarding', source: 'dm', date: '2026-11-01' } },
  });
  await db.weekAnswer.create({ data: { userId: ENGINEER, week: '2026-W47', answer: 'wins' } });
  const draft = await db.prepDraft.create({
    data: { userId: ENGINEER, status: 'done', examples: [{ winId: win.id, text: win.text, behavior: 'Set direction across teams' }] },
  });
  await db.meeting.create({ data: { userId: ENGINEER, prepDraftId: draft.id, title: 'Career conversation', onePager: '# One-pager', reminderMessageId: 'Q0GONE' } });
  const planTs = '1763900000.000100';
  const summaryTs = '1763900000.000200';
  const plan = await db.plan.create({
    data: {
      userId: ENGINEER,
      managerId: 'U0BOSS',
      status: 'active',
      calibrationDate: '2027-06-15',
      sharedChannelId: SHARED_CHANNEL,
      sharedMessageTs: planTs,
      criteria: { create: [{ position: 0, text: 'Lead a cross-org design review', evidence: [win.id] }] },
      changes: { create: [{ actorId: ENGINEER, kind: 'created', detail: {} }] },
    },
  });
  await db.checkIn.create({ data: { planId: plan.id, userId: ENGINEER, period: '2026-11', answers: [], summaryTs } });
  await db.cycleOutcome.create({ data: { userId: ENGINEER, cycleName: '2026 H1', promoted: false, planCriteriaDone: true } });
  await db.delivery.create({ data: { userId: ENGINEER, kind: 'weekly_nudge', period: '2026-W47', status: 'sent' } });
  await db.sharedChannel.create({ data: { engineerId: ENGINEER, managerId: 'U0BOSS', channelId: SHARED_CHANNEL, kind: 'private_channel' } });

  // REPORT's records that name ENGINEER as their manager, an actor or an author.
  const reportPlan = await db.plan.create({
    data: {
      userId: REPORT,
      managerId: ENGINEER,
      confirmedBy: ENGINEER,
      calibrationDate: '2027-06-15',
      changes: { create: [{ actorId: ENGINEER, kind: 'confirmed', detail: {} }] },
    },
  });
  await db.checkIn.create({ data: { planId: reportPlan.id, userId: REPORT, period: '2026-11', answers: [], acknowledgedBy: ENGINEER } });
  await db.win.create({
    data: { userId: REPORT, text: 'Thanked for the on-call fix', date: '2026-11-02', source: 'shortcut', authorId: ENGINEER, criteria: [] },
  });
  await db.pendingWin.create({
    data: { userId: REPORT, sourceKey: 'shortcut:kept', input: { text: 'saved message', source: 'shortcut', authorId: ENGINEER } },
  });
  await db.sharedChannel.create({ data: { engineerId: REPORT, managerId: ENGINEER, channelId: 'G0REPORT', kind: 'private_channel' } });
  return { planTs, summaryTs };
}

/** Every table, named from the Prisma models so that a new one is covered without touching this test. */
async function tablesNaming(db: Db, userId: string): Promise<string[]> {
  const tables = Object.values(Prisma.ModelName);
  expect(tables.length).toBeGreaterThanOrEqual(17);
  const naming: string[] = [];
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`);
    if (JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).includes(userId)) naming.push(table);
  }
  return naming;
}

async function cli(app: TestApp, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
    env: {
      DOTENV_CONFIG_PATH: '/nonexistent',
      DATABASE_URL: app.database.url,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: app.fake.apiUrl,
      LOG_LEVEL: 'silent',
    },
  });
  return { code, stdout, stderr };
}

describe.each(kinds)('data rights on %s', (database) => {
  const start = () => startTestApp({ database, now: NOW });

  it('when an engineer types /promo export, then a JSON file of everything stored about them arrives in their DM', async () => {
    const app = await start();
    await seedEverything(app);
    const res = await app.slack.command({ userId: ENGINEER, text: 'export' });
    expect(res.json<{ text: string }>().text).toContain('the file arrives in our DM');
    await app.fake.waitForCall('files.completeUploadExternal');
    const upload = app.fake.uploads.find((u) => u.filename.endsWith('.json'));
    const exported = JSON.parse(upload?.content ?? '{}') as Record<string, unknown[]> & { userId: string; profile: { managerId: string } };
    expect(exported.userId).toBe(ENGINEER);
    expect(exported.profile.managerId).toBe('UMANAGER');
    expect(exported.wins).toHaveLength(1);
    expect(exported.pendingWins).toHaveLength(1);
    expect(exported.prepDrafts).toHaveLength(1);
    expect(exported.meetings).toHaveLength(1);
    expect(exported.plans).toHaveLength(1);
    expect(exported.checkIns).toHaveLength(1);
    expect(exported.outcomes).toHaveLength(1);
    expect(exported.deliveries).toHaveLength(1);
    expect(exported.sharedChannels).toHaveLength(1);
    expect(exported.namedAsManagerBy).toBe(1);
    // Another engineer's records are not theirs to take.
    expect(upload?.content).not.toContain('Thanked for the on-call fix');
  });

  it('when an engineer confirms /promo forget-me, then no table names them, shared posts are replaced and the modal says what went', async () => {
    const app = await start();
    const { planTs, summaryTs } = await seedEverything(app);
    await app.slack.command({ userId: ENGINEER, text: 'forget-me' });
    const open = await app.fake.waitForCall('views.open');
    expect((open.args.view as { callback_id: string }).callback_id).toBe(DATA_VIEWS.forgetConfirm);
    // Opening the confirmation deletes nothing.
    expect(await tablesNaming(app.coach.database.prisma, ENGINEER)).toContain('Win');

    await app.slack.viewSubmission({ userId: ENGINEER, callbackId: DATA_VIEWS.forgetConfirm, values: {}, viewId: 'V0CONFIRM' });
    const done = await app.fake.waitForCall('views.update', (c) => JSON.stringify(c.args.view).includes('I deleted'));
    const summary = JSON.stringify(done.args.view);
    expect(summary).toContain('your profile');
    expect(summary).toContain('1 win');
    expect(summary).toContain('1 plan');
    expect(summary).toContain('2 shared posts replaced');

    const updates = app.fake.callsTo('chat.update');
    expect(updates.map((c) => [c.args.channel, c.args.ts, c.args.text])).toEqual(
      expect.arrayContaining([
        [SHARED_CHANNEL, planTs, "This plan was removed at the engineer's request."],
        [SHARED_CHANNEL, summaryTs, "This plan was removed at the engineer's request."],
      ]),
    );
    const db = app.coach.database.prisma;
    expect(await tablesNaming(db, ENGINEER)).toEqual([]);
    // The other engineer keeps everything of theirs, now with no manager chosen.
    expect(await db.profile.findUnique({ where: { userId: REPORT } })).toMatchObject({ managerId: '' });
    expect(await db.win.count({ where: { userId: REPORT } })).toBe(1);
    expect(await db.plan.count({ where: { userId: REPORT } })).toBe(1);
  });

  it('when the operator runs user export and user delete, then the export is the JSON and afterwards no table names the user', async () => {
    const app = await start();
    await seedEverything(app);
    const exported = await cli(app, ['user', 'export', ENGINEER]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ userId: ENGINEER, wins: [expect.objectContaining({ userId: ENGINEER })] });

    const deleted = await cli(app, ['user', 'delete', ENGINEER]);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ userId: ENGINEER, deleted: { profile: 1, wins: 1, plans: 1, mentions: 8 }, postsReplaced: 2 });
    expect(await tablesNaming(app.coach.database.prisma, ENGINEER)).toEqual([]);
  });

  it('when the operator gives something that is not a Slack user id, then nothing is touched and the usage is shown', async () => {
    const app = await start();
    await seedEverything(app);
    const result = await cli(app, ['user', 'delete', 'everyone']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a Slack user id');
    expect(await app.coach.database.prisma.win.count({ where: { userId: ENGINEER } })).toBe(1);
  });
});
