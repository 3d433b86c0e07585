import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_VIEWS } from '../../src/slack/ids.js';
import { orgSettings } from '../../src/use-cases/settings.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { FILE_DOWNLOAD_METHOD } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type StateValues } from '../support/slack-requests.js';
import { winCommand } from './wins-support.js';

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T15:00:00Z');
const ADMIN = 'U0ADMIN1';
const CONFIGURED_ADMIN = 'U0OPSADMIN';
const ENGINEER = 'U0ENGINEER';
const EXAMPLE_LADDER = readFileSync(path.join(import.meta.dirname, '..', '..', 'src', 'ladder', 'example-ladder.yaml'), 'utf8');
// A misspelt key on line 4, so the dimension has no name.
const BROKEN_LADDER = `name: Broken ladder
dimensions:
  - id: impact
    nmae: Impact
levels:
  - id: senior
    name: Senior
    rank: 1
    criteria:
      - { id: s.one, dimension: impact, text: Does things. }
  - id: staff
    name: Staff
    rank: 2
    criteria:
      - { id: t.one, dimension: impact, text: Does bigger things. }
`;

type Block = { type: string; block_id?: string; text?: { text: string } };
type Ephemeral = { response_type?: string; text: string };

/** The admin modal's state as Slack sends it, with everything as the modal showed it unless overridden. */
function adminValues(overrides: Partial<Record<string, StateValues[string]>> = {}): StateValues {
  const values: StateValues = {
    [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('5') },
    [ADMIN_VIEWS.nudgeTimeBlock]: { [ADMIN_VIEWS.nudgeTimeAction]: state.timepicker('15:00') },
    [ADMIN_VIEWS.planModeBlock]: { [ADMIN_VIEWS.planModeAction]: state.radioButtons('private_channel') },
    [ADMIN_VIEWS.llmBlock]: { [ADMIN_VIEWS.llmAction]: state.radioButtons('on') },
    [ADMIN_VIEWS.retentionBlock]: { [ADMIN_VIEWS.retentionAction]: state.plainTextInput(null) },
    [ADMIN_VIEWS.newCycleNameBlock]: { [ADMIN_VIEWS.newCycleNameAction]: state.plainTextInput(null) },
    [ADMIN_VIEWS.newCycleDateBlock]: { [ADMIN_VIEWS.newCycleDateAction]: state.datepicker(null) },
    [ADMIN_VIEWS.ladderFileBlock]: { [ADMIN_VIEWS.ladderFileAction]: { type: 'file_input', files: [] } },
    [ADMIN_VIEWS.ladderTextBlock]: { [ADMIN_VIEWS.ladderTextAction]: state.plainTextInput(null) },
  };
  for (const [block, value] of Object.entries(overrides)) {
    if (value === undefined) delete values[block];
    else values[block] = value;
  }
  return values;
}

const ladderUpload = (fileId: string) => ({ [ADMIN_VIEWS.ladderFileAction]: { type: 'file_input', files: [{ id: fileId, name: 'ladder.yaml' }] } });

describe.each(kinds)('workspace settings on %s', (database) => {
  const start = async (env: Record<string, string> = {}): Promise<TestApp> => {
    const app = await startTestApp({ database, now: NOW, env: { ADMIN_USER_IDS: CONFIGURED_ADMIN, ...env } });
    app.fake.setUser(ADMIN, { tz: 'Europe/Berlin', is_admin: true });
    return app;
  };
  const settingsOf = (app: TestApp) => app.coach.database.prisma.orgSettings.findUniqueOrThrow({ where: { id: 'default' } });
  const openAdmin = async (app: TestApp, userId = ADMIN) => {
    await app.slack.command({ userId, text: 'admin' });
    return app.fake.waitForCall('views.open');
  };

  it('when someone who is not an admin types /promo admin, then a polite refusal comes back and no modal opens', async () => {
    const app = await start();
    app.fake.setUser(ENGINEER, { tz: 'Europe/Berlin' });
    const body = (await app.slack.command({ userId: ENGINEER, text: 'admin' })).json<Ephemeral>();
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Workspace settings are for Slack admins');
    expect(app.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('when a non-admin submits a forged admin form, then it is refused and nothing changes', async () => {
    const app = await start();
    app.fake.setUser(ENGINEER, { tz: 'Europe/Berlin' });
    const before = await settingsOf(app);
    const res = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({ [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('1') } }),
    });
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(body.errors[ADMIN_VIEWS.newCycleNameBlock]).toContain('Workspace settings are for Slack admins');
    expect((await settingsOf(app)).defaultNudgeDay).toBe(before.defaultNudgeDay);
  });

  it('when a Slack admin saves new defaults and dates, then they are stored, the cycle store has them and the modal says what changed', async () => {
    const app = await start();
    const open = await openAdmin(app);
    const blocks = (open.args.view as { blocks: Block[] }).blocks;
    const cycleBlocks = blocks.filter((b) => b.block_id?.startsWith(ADMIN_VIEWS.cycleBlockPrefix));
    expect(cycleBlocks.map((b) => b.block_id)).toContain(`${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`);

    const res = await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({
        [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('2') },
        [ADMIN_VIEWS.nudgeTimeBlock]: { [ADMIN_VIEWS.nudgeTimeAction]: state.timepicker('09:30') },
        [ADMIN_VIEWS.planModeBlock]: { [ADMIN_VIEWS.planModeAction]: state.radioButtons('group_dm') },
        [ADMIN_VIEWS.llmBlock]: { [ADMIN_VIEWS.llmAction]: state.radioButtons('off') },
        [ADMIN_VIEWS.retentionBlock]: { [ADMIN_VIEWS.retentionAction]: state.plainTextInput('400') },
        [`${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`]: { [ADMIN_VIEWS.cycleAction]: state.datepicker('2027-06-01') },
        [ADMIN_VIEWS.newCycleNameBlock]: { [ADMIN_VIEWS.newCycleNameAction]: state.plainTextInput('2029 H1') },
        [ADMIN_VIEWS.newCycleDateBlock]: { [ADMIN_VIEWS.newCycleDateAction]: state.datepicker('2029-06-10') },
      }),
    });
    const body = res.json<{ response_action: string; view: { blocks: Block[] } }>();
    expect(body.response_action).toBe('update');
    const saved = JSON.stringify(body.view.blocks);
    expect(saved).toContain('Default nudge day: Tuesday');
    expect(saved).toContain('2029 H1 calibration: 2029-06-10');
    expect(await settingsOf(app)).toMatchObject({
      defaultNudgeDay: 2,
      defaultNudgeMinute: 570,
      sharedPlanMode: 'group_dm',
      llmEnabled: false,
      retentionDays: 400,
    });
    const cycles = await app.coach.deps.repos.settings.listCycles();
    expect(cycles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '2027 H1', calibrationDate: '2027-06-01' }),
        expect.objectContaining({ name: '2029 H1', calibrationDate: '2029-06-10' }),
      ]),
    );
  });

  it('when a user named in ADMIN_USER_IDS opens the admin modal, then it opens though Slack does not call them an admin', async () => {
    const app = await start();
    app.fake.setUser(CONFIGURED_ADMIN, { tz: 'Europe/Berlin' });
    const open = await openAdmin(app, CONFIGURED_ADMIN);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(ADMIN_VIEWS.settings);
  });

  it('when a retention value is not a number of days, then the field says so and every setting stays as it was', async () => {
    const app = await start();
    const res = await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({
        [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('1') },
        [ADMIN_VIEWS.retentionBlock]: { [ADMIN_VIEWS.retentionAction]: state.plainTextInput('a year') },
      }),
    });
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(body.errors[ADMIN_VIEWS.retentionBlock]).toContain('whole number of days');
    expect(await settingsOf(app)).toMatchObject({ defaultNudgeDay: 5, retentionDays: null });
  });

  it('when an admin uploads a broken leveling guide, then the errors name file:line, the old guide stays and nothing else is saved', async () => {
    const app = await start();
    const file = app.fake.hostFile('ladder.yaml', BROKEN_LADDER);
    const res = await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({
        [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('1') },
        [ADMIN_VIEWS.ladderFileBlock]: ladderUpload(file.id),
      }),
    });
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    const error = body.errors[ADMIN_VIEWS.ladderFileBlock] ?? '';
    expect(error).toContain('ladder.yaml:4: dimensions[0].nmae: unknown key');
    expect(error).toContain('ladder.yaml:3: dimensions[0].name: must be text');
    expect(error).toContain('The current guide stays');
    // The app fetched the file with its bot token.
    const download = await app.fake.waitForCall(FILE_DOWNLOAD_METHOD);
    expect(download.token).toBe(app.config.slack.botToken);
    expect(await settingsOf(app)).toMatchObject({ defaultNudgeDay: 5, ladderYaml: null });
    expect(app.coach.deps.ladder.name).not.toBe('Broken ladder');
  });

  it('when an admin uploads a valid guide, then the running app tags the next win against it without a restart', async () => {
    const app = await start();
    await onboardUser(app, ENGINEER);
    const file = app.fake.hostFile('ladder.yaml', EXAMPLE_LADDER);
    const res = await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({ [ADMIN_VIEWS.ladderFileBlock]: ladderUpload(file.id) }),
    });
    expect(res.json<{ response_action: string }>().response_action).toBe('update');
    expect((await settingsOf(app)).ladderYaml).toBe(EXAMPLE_LADDER);
    expect(app.coach.deps.ladder.name).toBe('Example Co. engineering ladder');

    await winCommand(app, 'Mentored two engineers through their first on-call rotation', ENGINEER);
    const [win] = await app.coach.database.prisma.win.findMany({ where: { userId: ENGINEER } });
    expect((win?.criteria as string[]).some((id) => id.startsWith('staff.') && !id.startsWith('staff.writing'))).toBe(true);
    expect(app.coach.deps.ladder.levels.flatMap((l) => l.criteria.map((c) => c.id))).toEqual(
      expect.arrayContaining(win?.criteria as string[]),
    );
  });

  it('when a pasted guide drops a level people use, then it is refused with the level named', async () => {
    const app = await start();
    await onboardUser(app, ENGINEER);
    const withoutStaff = EXAMPLE_LADDER.replace(/\n {2}- id: staff[\s\S]*?(?=\n {2}- id: principal)/, '');
    const res = await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({ [ADMIN_VIEWS.ladderTextBlock]: { [ADMIN_VIEWS.ladderTextAction]: state.plainTextInput(withoutStaff) } }),
    });
    const body = res.json<{ errors: Record<string, string> }>();
    expect(body.errors[ADMIN_VIEWS.ladderTextBlock]).toContain('no level "staff"');
    expect((await settingsOf(app)).ladderYaml).toBeNull();
  });

  it('when the operator’s settings file sets a value, then it wins over the modal, which shows it read-only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'promo-settings-'));
    const file = path.join(dir, 'settings.yaml');
    writeFileSync(file, 'nudge_day: monday\nretention_days: 90\ncycles:\n  "2027 H1": "2027-05-20"\n');
    const app = await start({ SETTINGS_FILE: file });
    await app.coach.deps.repos.settings.update({ defaultNudgeDay: 3, retentionDays: 500 });

    const open = await openAdmin(app);
    const blocks = (open.args.view as { blocks: Block[] }).blocks;
    expect(blocks.some((b) => b.block_id === ADMIN_VIEWS.nudgeDayBlock)).toBe(false);
    expect(blocks.some((b) => b.block_id === ADMIN_VIEWS.retentionBlock)).toBe(false);
    expect(blocks.some((b) => b.block_id === `${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`)).toBe(false);
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Default nudge day:* Monday');
    expect(text).toContain('*Keep wins for:* 90 days');
    expect(text).toContain('Set in the operator’s settings file');

    // A forged form cannot change what the file fixes; what it does not fix still saves.
    await app.slack.viewSubmission({
      userId: ADMIN,
      callbackId: ADMIN_VIEWS.settings,
      values: adminValues({
        [ADMIN_VIEWS.nudgeDayBlock]: { [ADMIN_VIEWS.nudgeDayAction]: state.staticSelect('7') },
        [ADMIN_VIEWS.llmBlock]: { [ADMIN_VIEWS.llmAction]: state.radioButtons('off') },
        [`${ADMIN_VIEWS.cycleBlockPrefix}2027 H1`]: { [ADMIN_VIEWS.cycleAction]: state.datepicker('2027-07-01') },
      }),
    });
    const settings = await orgSettings(app.coach.deps);
    expect(settings).toMatchObject({ defaultNudgeDay: 1, retentionDays: 90, llmEnabled: false });
    expect((await app.coach.deps.repos.settings.findCycle('2027 H1'))?.calibrationDate).toBe('2027-05-20');
  });
});
