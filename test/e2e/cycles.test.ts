import { describe, expect, it } from 'vitest';
import { SETTINGS_TTL_MS } from '../../src/cache/settings-cache.js';
import { runCli } from '../../src/cli.js';
import { ACTIONS, ONBOARDING, VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { profileFormValues } from '../support/onboarding.js';

const kinds = await databaseKinds();

/** Wednesday 25 November 2026: calibration "2026 H2" (1 December) is six days away. */
const NOW = new Date('2026-11-25T12:00:00Z');
const ENGINEER = 'UENG';

type Option = { text: { text: string }; value: string };
type Block = { type: string; block_id?: string; element?: { options?: Option[]; initial_option?: Option } };

function cycleSelect(view: unknown) {
  const block = (view as { blocks: Block[] }).blocks.find((b) => b.block_id === ONBOARDING.cycleBlock);
  return { labels: block?.element?.options?.map((o) => o.text.text) ?? [], initial: block?.element?.initial_option?.value };
}


/** Does `act`, and returns the view the profile modal opened with. */
async function openProfileModal(app: TestApp, act: () => Promise<unknown>) {
  const before = app.fake.callsTo('views.open').length;
  await act();
  const calls = await app.fake.waitForCalls('views.open', before + 1);
  return calls.at(-1)?.args.view;
}

/**
 * Does `act`, and returns the first Home published after it that contains `expected`.
 * Home may be published more than once per change, and a publish Slack refused (another
 * overtook it: hash_conflict) never reached the screen, so it does not count.
 */
async function homeAfter(app: TestApp, expected: string, act: () => Promise<unknown>) {
  const before = app.fake.callsTo('views.publish').length;
  await act();
  const call = await app.fake.waitForCall(
    'views.publish',
    (c) =>
      app.fake.callsTo('views.publish').indexOf(c) >= before &&
      (c.response as { ok?: boolean }).ok === true &&
      JSON.stringify(c.args.view).includes(expected),
  );
  return JSON.stringify(call.args.view);
}

const openHome = (app: TestApp) => () => app.slack.event({ type: 'app_home_opened', user: ENGINEER, tab: 'home', channel: 'DENG' });

describe.each(kinds)('promotion cycles on %s', (database) => {
  it('when a new user onboards on 25 Nov 2026, then only future cycles are offered, 1 Dec is too soon, and 2027 H1 is pre-selected', async () => {
    const app = await startTestApp({ database, now: NOW });
    await app.coach.deps.repos.settings.upsertCycle('2026 H1', '2026-06-15');
    app.fake.setUser(ENGINEER, { tz: 'Europe/Berlin' });
    const view = await openProfileModal(app, () => app.slack.command({ userId: ENGINEER, text: '' }));
    expect((view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
    expect(cycleSelect(view)).toEqual({
      labels: ['2026 H2 · 1 Dec (too soon to prepare)', '2027 H1 · 15 Jun', '2027 H2 · 1 Dec', '2028 H1 · 15 Jun'],
      initial: '2027 H1',
    });

    const forged = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: VIEWS.onboarding, values: profileFormValues({ cycle: '2026 H1' }) });
    expect(forged.json<{ response_action: string; errors: Record<string, string> }>()).toEqual({
      response_action: 'errors',
      errors: { [ONBOARDING.cycleBlock]: 'The 2026 H1 calibration is no longer ahead of you. Pick a cycle that is still to come.' },
    });
    expect(await app.coach.deps.repos.users.findProfile(ENGINEER)).toBeNull();
  });

  it('when a user picks the close cycle and it then passes, then Home asks for the next one, keeps the wins, and the button pre-selects a future cycle', async () => {
    const app = await startTestApp({ database, now: NOW });
    app.fake.setUser(ENGINEER, { tz: 'Europe/Berlin' });
    const onboarded = await homeAfter(app, 'to calibration', () =>
      app.slack.viewSubmission({ userId: ENGINEER, callbackId: VIEWS.onboarding, values: profileFormValues({ cycle: '2026 H2' }) }),
    );
    expect(onboarded).toContain('*6 days* to calibration (2026-12-01)');
    // Logging the win refreshes Home; wait for that, so no late publish from before the clock moves is mistaken for the next.
    await homeAfter(app, 'Shipped the billing migration', () =>
      app.slack.command({ userId: ENGINEER, text: 'win Shipped the billing migration with zero downtime' }),
    );
    expect(await app.coach.deps.repos.wins.listRecent(ENGINEER, 10)).toHaveLength(1);

    app.setNow(new Date('2026-12-02T09:00:00Z'));
    const home = await homeAfter(app, 'Time to pick your next cycle', openHome(app));
    expect(home).toContain(`"action_id":"${ACTIONS.homeEditProfile}"`);
    expect(home).toContain('Shipped the billing migration');
    expect(home).not.toMatch(/(weeks?|days?)\* to calibration/);

    const view = await openProfileModal(app, () =>
      app.slack.blockAction({ userId: ENGINEER, actionId: ACTIONS.homeEditProfile, view: { type: 'home' } }),
    );
    expect(cycleSelect(view)).toEqual({
      labels: ['2027 H1 · 15 Jun', '2027 H2 · 1 Dec', '2028 H1 · 15 Jun'],
      initial: '2027 H1',
    });
    const after = await homeAfter(app, '2027-06-15', () =>
      app.slack.viewSubmission({ userId: ENGINEER, callbackId: VIEWS.onboarding, values: profileFormValues({ cycle: '2027 H1' }) }),
    );
    expect(after).toContain('*27 weeks* to calibration (2027-06-15)');
    expect(after).not.toContain('Time to pick your next cycle');
    expect(await app.coach.deps.repos.wins.listRecent(ENGINEER, 10)).toHaveLength(1);
  });

  it('when the install is years old and the app starts in 2029, then at least two future cycles are on offer', async () => {
    const db = await createTestDatabase(database);
    try {
      const first = await startTestApp({ sharedDatabase: db, now: NOW });
      await first.stop();
      const later = await startTestApp({ sharedDatabase: db, now: new Date('2029-03-10T09:00:00Z') });
      const cycles = await later.coach.deps.repos.settings.listCycles();
      expect(cycles.filter((c) => c.calibrationDate > '2029-03-10').map((c) => c.name)).toEqual(['2029 H1', '2029 H2']);
      const view = await openProfileModal(later, () => later.slack.command({ userId: ENGINEER, text: '' }));
      expect(cycleSelect(view)).toEqual({ labels: ['2029 H1 · 15 Jun (too soon to prepare)', '2029 H2 · 1 Dec'], initial: '2029 H2' });
      await later.stop();
    } finally {
      await db.drop();
    }
  });

  it('when an operator sets and removes cycles with the CLI while the app runs, then within the settings cache\'s second the profile modal offers exactly those', async () => {
    const app = await startTestApp({ database, now: NOW });
    const cycles = (argv: string[]) =>
      runCli(['cycles', ...argv], {
        stdout: () => undefined,
        stderr: () => undefined,
        readStdin: async () => '',
        env: { DOTENV_CONFIG_PATH: '/nonexistent', DATABASE_URL: app.database.url },
      });
    expect(await cycles(['set', 'Team review 2099', '2099-03-01'])).toBe(0);
    expect(await cycles(['remove', '2027 H2'])).toBe(0);
    // Another process wrote them: this replica's cache (src/cache/settings-cache.ts) shows them once its TTL runs out.
    const deadline = Date.now() + SETTINGS_TTL_MS + 2_000;
    let labels: string[] = [];
    for (;;) {
      ({ labels } = cycleSelect(await openProfileModal(app, () => app.slack.command({ userId: ENGINEER, text: '' }))));
      if (labels.includes('Team review 2099 · 1 Mar') || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(labels).toContain('Team review 2099 · 1 Mar');
    expect(labels).not.toContain('2027 H2 · 1 Dec');
  });
});
