// Shared setup for the `/promo prep` end-to-end suites: an app whose fake Slack shares its
// clock (chat.scheduleMessage refuses times in its past), an onboarded engineer with wins,
// and a driver that walks the prep modal the way Slack's client does.
import { expect } from 'vitest';
import { findJob } from '../../src/jobs/index.js';
import { PREP_ACTIONS, PREP_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, TEST_BOT_TOKEN, type TestApp } from '../support/app-harness.js';
import type { DatabaseKind, TestDatabase } from '../support/databases.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type StateValues } from '../support/slack-requests.js';

/** Monday 23 November 2026, 07:00 in New York. The 2027 H2 calibration (1 Dec 2027) is a year away. */
export const NOW = new Date('2026-11-23T12:00:00Z');
export const ENGINEER = 'UENG';
export const OTHER = 'UOTHER';
export const MANAGER = 'UMANAGER';

export interface PrepApp {
  app: TestApp;
  fake: FakeSlack;
  setNow(now: Date): void;
  stop(): Promise<void>;
}

const fakes: FakeSlack[] = [];

export async function startPrepApp(database: DatabaseKind, options: { now?: Date; sharedDatabase?: TestDatabase; sharedFake?: FakeSlack; clock?: { now: Date } } = {}): Promise<PrepApp & { clock: { now: Date } }> {
  const clock = options.clock ?? { now: options.now ?? NOW };
  const fake = options.sharedFake ?? (await startFakeSlack({ token: TEST_BOT_TOKEN, now: () => clock.now.getTime() }));
  if (!options.sharedFake) fakes.push(fake);
  const app = await startTestApp({ database, now: clock.now, sharedFake: fake, ...(options.sharedDatabase ? { sharedDatabase: options.sharedDatabase } : {}) });
  return {
    app,
    fake,
    clock,
    setNow(now) {
      clock.now = now;
      app.setNow(now);
    },
    async stop() {
      await app.stop();
    },
  };
}

/** Closes the fakes this file started (the harness closes only its own). */
export async function closeFakes(): Promise<void> {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
}

export interface SeedWin {
  text: string;
  date: string;
  crossTeam?: boolean;
  enabledOthers?: boolean;
}

export const CASE_WINS: SeedWin[] = [
  { text: 'Aligned payments and checkout teams on one retry design; both shipped it', date: '2026-10-02', crossTeam: true },
  { text: 'Mentored two new engineers until they ran on-call alone', date: '2026-09-12', enabledOthers: true },
  { text: 'Wrote the RFC for the cache layer, adopted by three teams', date: '2026-07-20', crossTeam: true },
  { text: 'Scoped the vague search rewrite into three milestones', date: '2026-05-04' },
  { text: 'Led the incident review for the billing outage', date: '2026-03-15' },
  { text: 'Set the technical direction for the mobile sync work', date: '2026-01-10', enabledOthers: true },
];

/** Wins written straight to the database; returns their ids, in the order given. */
export async function seedWins(app: TestApp, wins: SeedWin[], userId = ENGINEER): Promise<string[]> {
  const ids: string[] = [];
  for (const w of wins) {
    const { win } = await app.coach.deps.repos.wins.create({
      userId,
      text: w.text,
      date: w.date,
      source: 'modal',
      criteria: [],
      crossTeam: w.crossTeam ?? false,
      enabledOthers: w.enabledOthers ?? false,
    });
    ids.push(win.id);
  }
  return ids;
}

export async function onboardEngineer(p: PrepApp, userId = ENGINEER): Promise<void> {
  await onboardUser(p.app, userId, { tz: 'America/New_York', now: p.app.coach.deps.clock() });
  p.fake.setUser(MANAGER, { tz: 'America/New_York', real_name: 'Maya Manager', email: 'maya@example.com' });
}

// ---- the values each step sends ----

export const values = {
  timing: (cycle: string | null): StateValues => ({ [PREP_VIEWS.cycleBlock]: { [PREP_VIEWS.cycleAction]: state.staticSelect(cycle) } }),
  opening: (text: string | null): StateValues => ({ [PREP_VIEWS.openingBlock]: { [PREP_VIEWS.openingAction]: state.plainTextInput(text) } }),
  case: (ids: string[]): StateValues => ({ [PREP_VIEWS.winsBlock]: { [PREP_VIEWS.winsAction]: state.multiStaticSelect(ids) } }),
  behaviors: (examples: { criterion: string | null; behavior: string | null }[]): StateValues =>
    Object.fromEntries(
      examples.flatMap((e, i) => [
        [`${PREP_VIEWS.criterionBlockPrefix}${i}`, { [PREP_VIEWS.criterionAction]: state.staticSelect(e.criterion) }],
        [`${PREP_VIEWS.behaviorBlockPrefix}${i}`, { [PREP_VIEWS.behaviorAction]: state.plainTextInput(e.behavior) }],
      ]),
    ),
  gap: (gap: string | null, stretch: string | null, cadence: string | null = '1'): StateValues => ({
    [PREP_VIEWS.gapBlock]: { [PREP_VIEWS.gapAction]: state.plainTextInput(gap) },
    [PREP_VIEWS.stretchBlock]: { [PREP_VIEWS.stretchAction]: state.plainTextInput(stretch) },
    [PREP_VIEWS.cadenceBlock]: { [PREP_VIEWS.cadenceAction]: state.staticSelect(cadence) },
  }),
  comp: (ask: boolean): StateValues => ({ [PREP_VIEWS.compBlock]: { [PREP_VIEWS.compAction]: state.checkboxes(ask ? ['ask'] : []) } }),
  meeting: (date: string | null, time: string | null): StateValues => ({
    [PREP_VIEWS.dateBlock]: { [PREP_VIEWS.dateAction]: state.datepicker(date) },
    [PREP_VIEWS.timeBlock]: { [PREP_VIEWS.timeAction]: state.timepicker(time) },
  }),
};

export const GOOD_OPENING =
  'My goal is to be promoted to Staff Engineer in the 2027 H2 cycle. Today I want to walk through where I am, the gap, and how we close it.';
export const GOOD_BEHAVIORS = [
  { criterion: 'staff.cross_team', behavior: 'Aligned two teams on one retry design and drove it to launch' },
  { criterion: 'staff.enabling', behavior: 'Mentored two engineers until they led on-call alone' },
  { criterion: 'staff.writing', behavior: 'Authored the cache RFC and got three teams to adopt it' },
  { criterion: 'staff.ambiguity', behavior: 'Scoped the vague search rewrite into three milestones' },
];
export const GOOD_GAP = 'My influence stops at my own team: I rarely lead work that needs other teams to agree.';
export const GOOD_STRETCH = 'Lead the cross-team migration to the new event bus next quarter.';

type View = Record<string, unknown> & { id: string; callback_id: string; private_metadata: string; blocks: unknown[]; title?: { text: string } };
type Ack = { response_action?: string; view?: View; errors?: Record<string, string> };

/** The prep modal as the user sees it, driven through signed requests. */
export class PrepDriver {
  view!: View;

  constructor(
    readonly p: PrepApp,
    readonly userId = ENGINEER,
  ) {}

  get app() {
    return this.p.app;
  }

  get title(): string {
    return this.view.title?.text ?? '';
  }

  get text(): string {
    return JSON.stringify(this.view.blocks);
  }

  /** `/promo prep`: the light modal opens, then the prep replaces it. */
  async open(): Promise<this> {
    const isLoading = (c: { args: Record<string, unknown> }) => (c.args.view as View).callback_id === PREP_VIEWS.loading;
    const opens = this.p.fake.callsTo('views.open').filter(isLoading).length;
    const res = await this.app.slack.command({ userId: this.userId, text: 'prep' });
    expect(res.status).toBe(200);
    const open = (await this.p.fake.waitForCalls('views.open', opens + 1, isLoading))[opens];
    const opened = (open?.response as { view: { id: string } }).view;
    const update = await this.p.fake.waitForCall('views.update', (c) => c.args.view_id === opened.id);
    expect(update?.args.hash).toBeTruthy();
    this.view = { ...(update?.args.view as View), id: opened.id };
    return this;
  }

  async submit(stateValues: StateValues): Promise<Ack> {
    const res = await this.app.slack.viewSubmission({
      userId: this.userId,
      callbackId: this.view.callback_id,
      values: stateValues,
      privateMetadata: this.view.private_metadata,
      viewId: this.view.id,
    });
    expect(res.status).toBe(200);
    const ack = (res.body ? res.json<Ack>() : {}) as Ack;
    if (ack.response_action === 'update' && ack.view) this.view = { ...ack.view, id: this.view.id };
    return ack;
  }

  /** A button in the modal; the app answers with views.update on this view. */
  async press(actionId: string, value = this.draftId): Promise<void> {
    await this.app.slack.blockAction({
      userId: this.userId,
      actionId,
      value,
      view: { ...this.view, hash: this.p.fake.viewById(this.view.id)?.hash ?? 'h' },
    });
    const mine = (c: { args: Record<string, unknown> }) => c.args.view_id === this.view.id;
    const before = this.p.fake.callsTo('views.update').filter(mine).length;
    const update = (await this.p.fake.waitForCalls('views.update', before + 1, mine))[before];
    this.view = { ...(update?.args.view as View), id: this.view.id };
  }

  get draftId(): string {
    return (JSON.parse(this.view.private_metadata) as { draftId: string }).draftId;
  }

  get step(): string {
    return (JSON.parse(this.view.private_metadata) as { step: string }).step;
  }

  /** Every step with answers the coach has nothing against, up to the review. */
  async walkToReview(winIds: string[]): Promise<void> {
    await this.submit(values.timing('2027 H2'));
    await this.submit(values.opening(GOOD_OPENING));
    await this.submit(values.case(winIds.slice(0, 4)));
    await this.submit(values.behaviors(GOOD_BEHAVIORS));
    await this.submit(values.gap(GOOD_GAP, GOOD_STRETCH));
    await this.submit(values.comp(true));
    expect(this.step).toBe('review');
  }
}

export async function runFollowUps(p: PrepApp, at: Date) {
  const job = findJob('meeting-followups');
  return (job as NonNullable<typeof job>).run(p.app.coach.deps, at);
}

export { PREP_ACTIONS, PREP_VIEWS };
