// Slack re-sends an event it thinks went unanswered (X-Slack-Retry-Num), a replica may see
// one twice, and a person's click can arrive twice: every event and interaction that
// changes state, delivered twice, changes it once. A first delivery whose handler failed
// is processed by its retry.
import { describe, expect, it } from 'vitest';
import {
  CHECKIN_ACTIONS,
  CHECKIN_VIEWS,
  HEDGE_VIEWS,
  NUDGE_ACTIONS,
  NUDGE_VIEWS,
  PLAN_ACTIONS,
  PREP_VIEWS,
  SHORTCUTS,
  VIEWS,
  WIN_ACTIONS,
  WIN_VIEWS,
} from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { onboardUser, profileFormValues } from '../support/onboarding.js';
import { state, type SentRequest } from '../support/slack-requests.js';
import { buttonsOf, dmsTo, messageTs, tick } from '../e2e/nudges-fixtures.js';
import { activePlan, buttons, MANAGER, runCheckIns } from '../e2e/plan-support.js';
import { winValues } from '../e2e/wins-support.js';
import { diff, settle, snapshot } from './support.js';
import { scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const kinds = await databaseKinds();
const USER = 'UENG';
/** Monday 23 November 2026, 07:00 in New York. */
const NOW = new Date('2026-11-23T12:00:00Z');
/** The user's first nudge: Friday 27 November, 15:00 in New York. */
const NUDGE_AT = '2026-11-27T20:00:00Z';
const HOME = { id: 'VHOME', type: 'home', callback_id: '' };

/** The very request again, re-signed now, as a retry or a replica's second look would bring it. */
function again(app: TestApp, sent: SentRequest, retryNum?: number) {
  const { payload } = sent;
  if (payload.type === 'event_callback') {
    const headers: Record<string, string> = retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return app.slack.raw(JSON.stringify(payload), { contentType: 'application/json', headers });
  }
  const fields = 'command' in payload ? (payload as Record<string, string>) : { payload: JSON.stringify(payload) };
  return app.slack.raw(new URLSearchParams(fields).toString(), { contentType: 'application/x-www-form-urlencoded' });
}

async function nudged(app: TestApp): Promise<RecordedCall> {
  await tick(app, NUDGE_AT);
  const [dm] = dmsTo(app, USER);
  expect(dm, 'the nudge went out').toBeDefined();
  return dm as RecordedCall;
}

function pressNudge(app: TestApp, dm: RecordedCall, actionId: string) {
  return app.slack.blockAction({
    userId: USER,
    actionId,
    value: buttonsOf(dm).find((b) => b.action_id === actionId)?.value ?? '',
    channelId: `D${USER}`,
    message: { type: 'message', ts: messageTs(dm), user: 'U0BOT', text: String(dm.args.text) },
  });
}

async function sharedPlan(app: TestApp): Promise<{ planId: string; post: RecordedCall }> {
  const planId = await activePlan(app, USER);
  await app.slack.blockAction({ userId: USER, actionId: PLAN_ACTIONS.share, value: planId, view: HOME });
  const post = await app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === PLAN_ACTIONS.confirm));
  return { planId, post };
}

async function checkInModal(app: TestApp): Promise<{ checkInId: string; metadata: string; criteria: string[] }> {
  await sharedPlan(app);
  await runCheckIns(app, '2026-12-23T20:00:00Z');
  const dm = app.fake.callsTo('chat.postMessage').find((c) => buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.open)) as RecordedCall;
  const checkInId = buttons(dm).find((b) => b.action_id === CHECKIN_ACTIONS.open)?.value ?? '';
  await app.slack.blockAction({ userId: USER, actionId: CHECKIN_ACTIONS.open, value: checkInId });
  const open = await app.fake.waitForCall('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === CHECKIN_VIEWS.modal);
  const view = open.args.view as { private_metadata: string; blocks: { block_id?: string }[] };
  const criteria = view.blocks.map((b) => b.block_id ?? '').filter((id) => id.startsWith(CHECKIN_VIEWS.statusBlockPrefix));
  return { checkInId, metadata: view.private_metadata, criteria };
}

interface Case {
  name: string;
  /** What exists before the first delivery. */
  setup?(app: TestApp): Promise<void>;
  /** Sets the scene, and sends the first delivery. */
  first(app: TestApp): Promise<SentRequest>;
  /** What must have changed after the first delivery (so the case tests something). */
  changed(app: TestApp): Promise<unknown>;
}

const dm = (text: string) => ({ type: 'message', channel: `D${USER}`, channel_type: 'im', user: USER, text, ts: '1764000000.000100' });

const CASES: Case[] = [
  {
    name: 'a DM to the app (message event)',
    first: (app) => app.slack.event(dm('Shipped the checkout retry design with the payments team')),
    changed: async (app) => (await app.coach.deps.repos.wins.listRecent(USER, 10)).length,
  },
  {
    name: 'app_home_opened',
    first: async (app) => {
      // A changed time zone is noticed on a Home visit: the state it changes.
      app.fake.setUser(USER, { tz: 'Europe/Berlin' });
      return app.slack.event({ type: 'app_home_opened', user: USER, channel: `D${USER}`, tab: 'home' });
    },
    changed: async (app) => (await app.coach.deps.repos.users.find(USER))?.tz === 'Europe/Berlin',
  },
  {
    name: '/promo win',
    first: (app) => app.slack.command({ userId: USER, text: 'win Ran the incident review for the billing outage' }),
    changed: async (app) => (await app.coach.deps.repos.wins.listRecent(USER, 10)).length,
  },
  {
    name: 'the save-as-win shortcut',
    first: (app) =>
      app.slack.messageShortcut({
        userId: USER,
        callbackId: SHORTCUTS.saveAsWin,
        channelId: 'CLAUNCH',
        message: { ts: '1763900000.000200', user: 'UPARTNER', text: 'Huge thanks to UENG for unblocking the launch' },
      }),
    changed: async (app) => (await app.coach.deps.repos.wins.listRecent(USER, 10)).length,
  },
  {
    name: 'the win modal (a new win)',
    first: async (app) => {
      await app.slack.blockAction({ userId: USER, actionId: WIN_ACTIONS.homeLogWin, view: HOME });
      await app.fake.waitForCall('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === WIN_VIEWS.win);
      return app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, values: winValues({ text: 'Led the incident review for the billing outage' }) });
    },
    changed: async (app) => (await app.coach.deps.repos.wins.listRecent(USER, 10)).length,
  },
  {
    name: 'the onboarding modal',
    first: async (app) => {
      await app.coach.database.prisma.profile.deleteMany({ where: { userId: USER } });
      return app.slack.viewSubmission({ userId: USER, callbackId: VIEWS.onboarding, values: profileFormValues({ time: '10:00' }) });
    },
    changed: async (app) => (await app.coach.deps.repos.users.findProfile(USER))?.nudgeMinute,
  },
  {
    name: "the nudge's Nothing this week",
    first: async (app) => pressNudge(app, await nudged(app), NUDGE_ACTIONS.nothingThisWeek),
    changed: (app) => app.coach.deps.repos.nudges.weekAnswer(USER, '2026-W48'),
  },
  {
    name: "the nudge's Snooze to Monday",
    first: async (app) => pressNudge(app, await nudged(app), NUDGE_ACTIONS.snoozeToMonday),
    changed: async (app) => (await app.coach.deps.repos.nudges.state(USER))?.snoozedNudgeAt,
  },
  {
    name: 'the pause modal',
    first: async (app) => {
      await pressNudge(app, await nudged(app), NUDGE_ACTIONS.pause);
      await app.fake.waitForCall('views.open');
      return app.slack.viewSubmission({ userId: USER, callbackId: NUDGE_VIEWS.pause, values: { [NUDGE_VIEWS.pauseUntilBlock]: { [NUDGE_VIEWS.pauseUntilAction]: state.datepicker('2026-12-12') } } });
    },
    changed: async (app) => (await app.coach.deps.repos.users.findProfile(USER))?.nudgesPausedUntil,
  },
  {
    name: 'Delete on a win',
    setup: async (app) => {
      await app.coach.deps.repos.wins.create({ userId: USER, text: 'A win to delete', date: '2026-11-20', source: 'modal', criteria: [], crossTeam: false, enabledOthers: false });
    },
    first: async (app) => {
      const [win] = await app.coach.deps.repos.wins.listRecent(USER, 1);
      return app.slack.blockAction({ userId: USER, actionId: WIN_ACTIONS.delete, value: win?.id ?? '' });
    },
    changed: async (app) => (await app.coach.deps.repos.wins.listRecent(USER, 10)).length,
  },
  {
    name: "the manager's Confirm on a shared plan",
    first: async (app) => {
      const { planId, post } = await sharedPlan(app);
      return app.slack.blockAction({ userId: MANAGER, actionId: PLAN_ACTIONS.confirm, value: planId, channelId: String(post.args.channel), message: { ts: messageTs(post) } });
    },
    changed: async (app) => (await app.coach.database.prisma.plan.findFirst({ where: { userId: USER } }))?.confirmedBy,
  },
  {
    name: 'the check-in modal',
    first: async (app) => {
      const { metadata, criteria } = await checkInModal(app);
      const values = Object.fromEntries(criteria.map((block) => [block, { [CHECKIN_VIEWS.statusAction]: state.staticSelect('in_progress') }]));
      return app.slack.viewSubmission({ userId: USER, callbackId: CHECKIN_VIEWS.modal, privateMetadata: metadata, values });
    },
    changed: async (app) => (await app.coach.database.prisma.checkIn.findFirst({ where: { userId: USER } }))?.status,
  },
  {
    name: "the manager's Acknowledge on a check-in",
    first: async (app) => {
      const { checkInId, metadata, criteria } = await checkInModal(app);
      const values = Object.fromEntries(criteria.map((block) => [block, { [CHECKIN_VIEWS.statusAction]: state.staticSelect('done') }]));
      await app.slack.viewSubmission({ userId: USER, callbackId: CHECKIN_VIEWS.modal, privateMetadata: metadata, values });
      const summary = await app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.acknowledge));
      return app.slack.blockAction({ userId: MANAGER, actionId: CHECKIN_ACTIONS.acknowledge, value: checkInId, channelId: String(summary.args.channel), message: { ts: messageTs(summary) } });
    },
    changed: async (app) => (await app.coach.database.prisma.checkIn.findFirst({ where: { userId: USER } }))?.acknowledgedBy,
  },
  {
    name: "the manager's answer (hedge modal)",
    first: (app) =>
      app.slack.viewSubmission({
        userId: USER,
        callbackId: HEDGE_VIEWS.input,
        values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput('Not this cycle. Lead a cross-team project first and we will look again in H2.') } },
      }),
    changed: (app) => app.coach.database.prisma.meeting.count({ where: { userId: USER } }),
  },
  {
    name: "a prep step (timing)",
    first: async (app) => {
      await app.slack.command({ userId: USER, text: 'prep' });
      const update = await app.fake.waitForCall('views.update', (c) => (c.args.view as { callback_id: string }).callback_id === PREP_VIEWS.step);
      const view = update.args.view as { private_metadata: string };
      return app.slack.viewSubmission({
        userId: USER,
        callbackId: PREP_VIEWS.step,
        privateMetadata: view.private_metadata,
        viewId: String(update.args.view_id),
        values: { [PREP_VIEWS.cycleBlock]: { [PREP_VIEWS.cycleAction]: state.staticSelect('2027 H2') } },
      });
    },
    changed: async (app) => (await app.coach.database.prisma.prepDraft.findFirst({ where: { userId: USER } }))?.step,
  },
];

describe.each(kinds)('deliveries twice on %s', (database) => {
  const start = async () => {
    const app = await startTestApp({ database, now: NOW });
    await onboardUser(app, USER, { tz: 'America/New_York', now: NOW });
    app.fake.setUser(MANAGER, { tz: 'America/New_York', real_name: 'Maya Manager' });
    return app;
  };

  it.each(CASES.map((c) => [c.name, c] as const))('when %s arrives twice, then the second changes nothing', async (_, c) => {
    const app = await start();
    await c.setup?.(app);
    const before = await c.changed(app);
    const sent = await c.first(app);
    expect(sent.status).toBe(200);
    await settle(app);
    expect(await c.changed(app), 'the first delivery changed something').not.toEqual(before);
    const once = await snapshot(app);
    const calls = app.fake.calls.length;

    const second = await again(app, sent, sent.payload.type === 'event_callback' ? 1 : undefined);
    expect(second.status).toBeLessThan(500);
    await settle(app);
    expect(diff(once, await snapshot(app))).toEqual({});
    // A retried event is not acted on again in Slack either (no second reply, no second DM).
    if (sent.payload.type === 'event_callback') expect(app.fake.calls.slice(calls).filter((call) => call.method.startsWith('chat.'))).toEqual([]);
  });

  it('when an event arrives twice without a retry header (two replicas, or Slack resending), then it is acted on once', async () => {
    const app = await start();
    const sent = await app.slack.event(dm('Paired with the new hire on the billing migration'));
    await app.fake.waitForCall('chat.postMessage');
    await settle(app);
    await again(app, sent);
    await again(app, sent, 2);
    await settle(app);
    expect(await app.coach.deps.repos.wins.listRecent(USER, 10)).toHaveLength(1);
    expect(app.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('when the first delivery of an event fails in its handler, then its retry is processed, once', async () => {
    const app = await start();
    const prisma = app.coach.database.prisma;
    // The database loses the wins table for a moment: the first delivery's write fails.
    await prisma.$executeRawUnsafe('ALTER TABLE "Win" RENAME TO "WinAway"');
    const sent = await app.slack.event(dm('Wrote the runbook the on-call team now uses'));
    await app.fake.waitForCall('chat.postMessage');
    await settle(app);
    await prisma.$executeRawUnsafe('ALTER TABLE "WinAway" RENAME TO "Win"');
    expect(await app.coach.deps.repos.wins.listRecent(USER, 10)).toEqual([]);

    await again(app, sent, 1);
    await app.fake.waitForCall('chat.postMessage', (c) => /^Logged\./.test(String(c.args.text)));
    await again(app, sent, 2);
    await settle(app);
    expect(await app.coach.deps.repos.wins.listRecent(USER, 10)).toHaveLength(1);
  });

  it('when a Home visit meets three 500s from views.publish, then the client\'s retries publish it on the first delivery and a Slack retry adds nothing', async () => {
    const app = await start();
    app.fake.failNext('views.publish', { status: 500 }, 3);
    const sent = await app.slack.event({ type: 'app_home_opened', user: USER, channel: `D${USER}`, tab: 'home' });
    await settle(app);
    expect(app.fake.callsTo('views.publish').map((c) => c.status)).toEqual([500, 500, 500, 200]);
    await again(app, sent, 1);
    await settle(app);
    expect(app.fake.callsTo('views.publish')).toHaveLength(4);
  });
});
