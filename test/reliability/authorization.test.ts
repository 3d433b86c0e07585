// Every button, select and modal submission that carries an id (a win, a draft, a meeting,
// a plan, a check-in) is re-checked against the person pressing it: an id of someone else's,
// forged into the value or the private_metadata, is refused, logged, and changes nothing.
// Manager-only and admin-only actions refuse everyone else.
//
// COVERAGE is keyed by every action and callback id in src/slack/ids.ts: a new id fails the
// first test below until it has a forgery case, or is marked as carrying no id.
import { describe, expect, it } from 'vitest';
import * as ids from '../../src/slack/ids.js';
import {
  ADMIN_VIEWS,
  CHECKIN_ACTIONS,
  CHECKIN_VIEWS,
  HEDGE_ACTIONS,
  HEDGE_VIEWS,
  NUDGE_ACTIONS,
  NUDGE_VIEWS,
  OUTCOME_ACTIONS,
  OUTCOME_VIEWS,
  PLAN_ACTIONS,
  PLAN_VIEWS,
  PREP_ACTIONS,
  PREP_VIEWS,
  SUGGESTION_IDS,
  WIN_ACTIONS,
  WIN_VIEWS,
} from '../../src/slack/ids.js';
import { recordManagerAnswer } from '../../src/use-cases/hedge.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type SentRequest } from '../support/slack-requests.js';
import { buttonsOf, dmsTo, messageTs, tick } from '../e2e/nudges-fixtures.js';
import { activePlan, buttons, runCheckIns } from '../e2e/plan-support.js';
import { PrepDriver, type PrepApp } from '../e2e/prep-support.js';
import { winValues } from '../e2e/wins-support.js';
import { diff, settle, snapshot } from './support.js';
import { scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const kinds = await databaseKinds();
/** Monday 23 November 2026, 07:00 in New York. */
const NOW = new Date('2026-11-23T12:00:00Z');
const VICTIM = 'UVICTIM';
const ATTACKER = 'UATTACK';
const MANAGER = 'UMANAGER';

/** Everything of the victim's an attacker could name. */
interface Scene {
  winId: string;
  draftId: string;
  meetingId: string;
  planId: string;
  checkInId: string;
  /** The victim's weekly nudge DM. */
  nudge: RecordedCall;
  /** The shared plan post, in the victim and manager's channel. */
  planPost: RecordedCall;
}

type Send = (app: TestApp, s: Scene) => Promise<SentRequest>;

/** How an id is covered: a forgery case, or why it carries none. */
type Coverage =
  | { forged: Send[]; by?: string }
  | { noId: string };

const HOME = { id: 'VHOME', type: 'home', callback_id: '' };
const modal = (callbackId: string, privateMetadata: string) => ({ id: 'VFORGED', type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, hash: 'h', blocks: [] });

const press = (actionId: string, value: (s: Scene) => string, userId = ATTACKER): Send => (app, s) => app.slack.blockAction({ userId, actionId, value: value(s), view: HOME });
const pressIn = (actionId: string, value: (s: Scene) => string, metadata: (s: Scene) => string, callbackId: string): Send => (app, s) =>
  app.slack.blockAction({ userId: ATTACKER, actionId, value: value(s), view: modal(callbackId, metadata(s)) });
/** A button on a message in a shared channel (the plan post, the check-in summary). */
const pressOnPost = (actionId: string, value: (s: Scene) => string, userId: string): Send => (app, s) =>
  app.slack.blockAction({ userId, actionId, value: value(s), channelId: String(s.planPost.args.channel), message: { ts: messageTs(s.planPost) } });
const submit = (callbackId: string, metadata: (s: Scene) => string, values: ReturnType<typeof winValues> = {}, userId = ATTACKER): Send => (app, s) =>
  app.slack.viewSubmission({ userId, callbackId, privateMetadata: metadata(s), values });

const json = (value: unknown) => JSON.stringify(value);
const noId = (why: string): Coverage => ({ noId: why });
const input = (callbackId: string): Coverage => noId(`an input of ${callbackId}: its value is read with that submission`);
const screen = (why: string): Coverage => noId(`a screen with no submit handler: ${why}`);

const COVERAGE: Record<string, Coverage> = {
  // ---- buttons with no id: they act on the presser's own records ----
  [ids.ACTIONS.homeGetStarted]: noId("opens the presser's own profile modal"),
  [ids.ACTIONS.homeEditProfile]: noId("opens the presser's own profile modal"),
  [ids.HOME_ACTIONS.nudgeSettings]: noId("opens the presser's own nudge settings"),
  [ids.HOME_ACTIONS.resumeNudges]: noId("resumes the presser's own nudges"),
  [ids.WIN_ACTIONS.homeLogWin]: noId('opens an empty win modal'),
  [ids.WIN_ACTIONS.homeListWins]: noId("lists the presser's own wins"),
  [ids.HEDGE_ACTIONS.homeRecord]: noId('opens an empty hedge modal'),
  [ids.PLAN_ACTIONS.homeOpen]: noId("opens the presser's own plan"),
  [ids.CHECKIN_ACTIONS.homeOpen]: noId("opens the presser's own check-in"),
  [ids.PREP_ACTIONS.open]: noId("opens the presser's own prep"),
  [ids.SHORTCUTS.saveAsWin]: noId('the message comes from Slack, not from a value the app wrote'),
  [ids.VIEWS.onboarding]: noId("saves the submitter's own profile; the manager is theirs to pick"),
  [ids.NUDGE_VIEWS.settings]: noId("saves the submitter's own nudge day and time"),
  [ids.DATA_VIEWS.forgetConfirm]: noId('erases the submitter, read from the request, never from the modal'),
  [ids.DOC_VIEWS.preview]: noId("builds the submitter's own doc; peers are Slack users they pick"),

  // ---- the nudge's buttons carry a week, checked against the presser's own nudges ----
  [ids.NUDGE_ACTIONS.nothingThisWeek]: { forged: [press(NUDGE_ACTIONS.nothingThisWeek, () => '2026-W48')], by: 'a week the presser was never nudged about' },
  [ids.NUDGE_ACTIONS.snoozeToMonday]: { forged: [press(NUDGE_ACTIONS.snoozeToMonday, () => '2026-W48')], by: 'a week the presser was never nudged about' },
  [ids.NUDGE_ACTIONS.pause]: { forged: [press(NUDGE_ACTIONS.pause, () => '2026-W48')], by: 'a week the presser was never nudged about' },
  [ids.NUDGE_ACTIONS.logWin]: {
    forged: [
      async (app, s) => {
        // The win modal opened from someone else's nudge, then submitted: the win is the
        // presser's own, and the victim's nudge must not be rewritten.
        const meta = json({ source: 'nudge', nudge: { channelId: `D${VICTIM}`, messageTs: messageTs(s.nudge), week: '2026-W48' } });
        return app.slack.viewSubmission({ userId: ATTACKER, callbackId: WIN_VIEWS.win, privateMetadata: meta, values: winValues({ text: 'My own win' }) });
      },
    ],
    by: "a win modal whose metadata names the victim's nudge message",
  },
  [ids.NUDGE_VIEWS.pause]: {
    forged: [submit(NUDGE_VIEWS.pause, (s) => json({ channelId: `D${VICTIM}`, messageTs: messageTs(s.nudge), week: '2026-W48' }), { [NUDGE_VIEWS.pauseUntilBlock]: { [NUDGE_VIEWS.pauseUntilAction]: state.datepicker('2026-12-12') } })],
    by: "metadata naming the victim's nudge message",
  },

  // ---- wins ----
  [ids.WIN_ACTIONS.edit]: { forged: [press(WIN_ACTIONS.edit, (s) => s.winId)] },
  [ids.WIN_ACTIONS.delete]: { forged: [press(WIN_ACTIONS.delete, (s) => s.winId)] },
  [ids.WIN_VIEWS.win]: { forged: [submit(WIN_VIEWS.win, (s) => json({ winId: s.winId, source: 'modal' }), winValues({ text: 'Overwritten by someone else' }))] },
  [ids.SUGGESTION_IDS.useWinCriteria]: { forged: [press(SUGGESTION_IDS.useWinCriteria, (s) => json({ w: s.winId, c: ['staff.writing'] }))] },

  // ---- prep ----
  [ids.PREP_ACTIONS.back]: { forged: [pressIn(PREP_ACTIONS.back, (s) => s.draftId, (s) => json({ draftId: s.draftId, step: 'opening' }), PREP_VIEWS.step)] },
  [ids.PREP_ACTIONS.startOver]: { forged: [pressIn(PREP_ACTIONS.startOver, (s) => s.draftId, (s) => json({ draftId: s.draftId, step: 'timing' }), PREP_VIEWS.step)] },
  [ids.PREP_ACTIONS.useOpening]: { forged: [pressIn(PREP_ACTIONS.useOpening, (s) => s.draftId, (s) => json({ draftId: s.draftId, step: 'opening' }), PREP_VIEWS.step)] },
  [ids.PREP_ACTIONS.switchCycle]: { forged: [pressIn(PREP_ACTIONS.switchCycle, (s) => s.draftId, (s) => json({ draftId: s.draftId, step: 'timing' }), PREP_VIEWS.step)] },
  [ids.PREP_ACTIONS.setMeeting]: { forged: [press(PREP_ACTIONS.setMeeting, (s) => s.meetingId)] },
  [ids.PREP_ACTIONS.cancelMeeting]: {
    forged: [(app, s) => app.slack.blockAction({ userId: ATTACKER, actionId: PREP_ACTIONS.cancelMeeting, value: s.meetingId, channelId: `D${ATTACKER}` })],
  },
  [ids.PREP_ACTIONS.answerFollowUp]: { forged: [press(PREP_ACTIONS.answerFollowUp, (s) => s.meetingId)] },
  [ids.PREP_VIEWS.step]: {
    forged: [submit(PREP_VIEWS.step, (s) => json({ draftId: s.draftId, step: 'timing' }), { [PREP_VIEWS.cycleBlock]: { [PREP_VIEWS.cycleAction]: state.staticSelect('2027 H2') } })],
  },
  [ids.PREP_VIEWS.meeting]: {
    forged: [
      submit(PREP_VIEWS.meeting, (s) => json({ meetingId: s.meetingId }), {
        [PREP_VIEWS.dateBlock]: { [PREP_VIEWS.dateAction]: state.datepicker('2026-12-10') },
        [PREP_VIEWS.timeBlock]: { [PREP_VIEWS.timeAction]: state.timepicker('10:00') },
      }),
    ],
  },
  [ids.PREP_VIEWS.winsAction]: {
    forged: [(app) => app.slack.blockSuggestion({ userId: ATTACKER, actionId: PREP_VIEWS.winsAction, value: 'victim' })],
    by: "a search for the victim's win text: only the searcher's own wins are offered",
  },

  // ---- after the meeting ----
  [ids.HEDGE_VIEWS.input]: {
    forged: [submit(HEDGE_VIEWS.input, (s) => json({ meetingId: s.meetingId }), { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput('Yes, you will be promoted.') } })],
  },
  [ids.HEDGE_ACTIONS.correctKind]: {
    forged: [(app, s) => app.slack.blockAction({ userId: ATTACKER, actionId: HEDGE_ACTIONS.correctKind, selectedOption: 'clear_yes', view: modal(HEDGE_VIEWS.result, json({ meetingId: s.meetingId })) })],
  },
  [ids.SUGGESTION_IDS.useHedgeKind]: {
    forged: [pressIn(SUGGESTION_IDS.useHedgeKind, () => 'clear_yes', (s) => json({ meetingId: s.meetingId }), HEDGE_VIEWS.result)],
  },
  [ids.HEDGE_ACTIONS.buildPlan]: { forged: [press(HEDGE_ACTIONS.buildPlan, (s) => s.meetingId)] },
  [ids.PLAN_ACTIONS.share]: { forged: [press(PLAN_ACTIONS.share, (s) => s.planId)] },
  [ids.PLAN_ACTIONS.edit]: { forged: [press(PLAN_ACTIONS.edit, (s) => s.planId)] },
  [ids.PLAN_VIEWS.builder]: {
    forged: [submit(PLAN_VIEWS.builder, (s) => json({ planId: s.planId, step: 'criteria' }), { [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('Lead the migration of the payments service') } })],
  },
  [ids.PLAN_VIEWS.edit]: {
    forged: [
      submit(PLAN_VIEWS.edit, (s) => json({ planId: s.planId, role: 'engineer' }), { [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('Rewritten by someone else') } }),
      // The role is the engineer's claim in the metadata: as the manager it is still refused.
      submit(PLAN_VIEWS.edit, (s) => json({ planId: s.planId, role: 'manager' }), { [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('Rewritten by someone else') } }),
      submit(PLAN_VIEWS.edit, (s) => json({ planId: s.planId, role: 'manager' }), { [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput('The engineer posing as the manager') } }, VICTIM),
    ],
    by: 'an engineer edit of another plan, a manager edit by a non-manager, and the engineer posing as their manager',
  },
  // Manager-only: refused to a stranger and to the engineer whose plan it is.
  [ids.PLAN_ACTIONS.confirm]: { forged: [pressOnPost(PLAN_ACTIONS.confirm, (s) => s.planId, ATTACKER), pressOnPost(PLAN_ACTIONS.confirm, (s) => s.planId, VICTIM)], by: 'manager-only: a stranger, and the engineer' },
  [ids.PLAN_ACTIONS.suggestChanges]: {
    forged: [pressOnPost(PLAN_ACTIONS.suggestChanges, (s) => s.planId, ATTACKER), pressOnPost(PLAN_ACTIONS.suggestChanges, (s) => s.planId, VICTIM)],
    by: 'manager-only: a stranger, and the engineer',
  },
  [ids.CHECKIN_ACTIONS.open]: { forged: [press(CHECKIN_ACTIONS.open, (s) => s.checkInId)] },
  [ids.CHECKIN_ACTIONS.acknowledge]: {
    forged: [pressOnPost(CHECKIN_ACTIONS.acknowledge, (s) => s.checkInId, ATTACKER), pressOnPost(CHECKIN_ACTIONS.acknowledge, (s) => s.checkInId, VICTIM)],
    by: 'manager-only: a stranger, and the engineer',
  },
  [ids.CHECKIN_VIEWS.modal]: {
    forged: [submit(CHECKIN_VIEWS.modal, (s) => json({ checkInId: s.checkInId }), { [CHECKIN_VIEWS.noteBlock]: { [CHECKIN_VIEWS.noteAction]: state.plainTextInput('Written by someone else') } })],
  },
  [ids.OUTCOME_ACTIONS.promoted]: { forged: [press(OUTCOME_ACTIONS.promoted, (s) => s.planId)] },
  [ids.OUTCOME_ACTIONS.notThisTime]: { forged: [press(OUTCOME_ACTIONS.notThisTime, (s) => s.planId)] },
  [ids.OUTCOME_VIEWS.modal]: {
    forged: [
      submit(OUTCOME_VIEWS.modal, (s) => json({ planId: s.planId }), {
        [OUTCOME_VIEWS.resultBlock]: { [OUTCOME_VIEWS.resultAction]: state.radioButtons('not_this_time') },
        [OUTCOME_VIEWS.reasonBlock]: { [OUTCOME_VIEWS.reasonAction]: state.plainTextInput('Closed by someone else') },
        [OUTCOME_VIEWS.nextBlock]: { [OUTCOME_VIEWS.nextAction]: state.radioButtons('close') },
      }),
    ],
  },

  // ---- admin-only ----
  [ids.ADMIN_VIEWS.settings]: {
    forged: [
      (app) => app.slack.command({ userId: ATTACKER, text: 'admin' }),
      submit(ADMIN_VIEWS.settings, () => '', { [ADMIN_VIEWS.retentionBlock]: { [ADMIN_VIEWS.retentionAction]: state.plainTextInput('1') } }),
    ],
    by: 'admin-only: /promo admin and a submission of the settings modal by a non-admin',
  },

  // ---- inputs inside modals: read with their modal's submission ----
  ...Object.fromEntries(
    [
      ids.ADMIN_VIEWS.cycleAction, ids.ADMIN_VIEWS.newCycleNameAction, ids.ADMIN_VIEWS.newCycleDateAction, ids.ADMIN_VIEWS.nudgeDayAction,
      ids.ADMIN_VIEWS.nudgeTimeAction, ids.ADMIN_VIEWS.planModeAction, ids.ADMIN_VIEWS.llmAction, ids.ADMIN_VIEWS.retentionAction,
      ids.ADMIN_VIEWS.ladderFileAction, ids.ADMIN_VIEWS.ladderTextAction,
    ].map((id) => [id, input(ids.ADMIN_VIEWS.settings)]),
  ),
  ...Object.fromEntries([ids.CHECKIN_VIEWS.statusAction, ids.CHECKIN_VIEWS.evidenceAction, ids.CHECKIN_VIEWS.noteAction].map((id) => [id, input(ids.CHECKIN_VIEWS.modal)])),
  ...Object.fromEntries([ids.DOC_VIEWS.paragraphAction, ids.DOC_VIEWS.titleAction, ids.DOC_VIEWS.peersAction].map((id) => [id, input(ids.DOC_VIEWS.preview)])),
  [ids.HEDGE_VIEWS.textAction]: input(ids.HEDGE_VIEWS.input),
  ...Object.fromEntries([ids.NUDGE_VIEWS.pauseUntilAction].map((id) => [id, input(ids.NUDGE_VIEWS.pause)])),
  ...Object.fromEntries([ids.NUDGE_VIEWS.dayAction, ids.NUDGE_VIEWS.timeAction].map((id) => [id, input(ids.NUDGE_VIEWS.settings)])),
  ...Object.fromEntries(
    [ids.ONBOARDING.currentLevelAction, ids.ONBOARDING.targetLevelAction, ids.ONBOARDING.managerAction, ids.ONBOARDING.cycleAction, ids.ONBOARDING.nudgeDayAction, ids.ONBOARDING.nudgeTimeAction].map((id) => [
      id,
      input(ids.VIEWS.onboarding),
    ]),
  ),
  ...Object.fromEntries([ids.OUTCOME_VIEWS.resultAction, ids.OUTCOME_VIEWS.reasonAction, ids.OUTCOME_VIEWS.nextAction].map((id) => [id, input(ids.OUTCOME_VIEWS.modal)])),
  ...Object.fromEntries([ids.PLAN_VIEWS.criterionAction, ids.PLAN_VIEWS.dateAction, ids.PLAN_VIEWS.cadenceAction].map((id) => [id, input(`${ids.PLAN_VIEWS.builder} and ${ids.PLAN_VIEWS.edit}`)])),
  ...Object.fromEntries(
    [ids.PREP_VIEWS.cycleAction, ids.PREP_VIEWS.openingAction, ids.PREP_VIEWS.behaviorAction, ids.PREP_VIEWS.criterionAction, ids.PREP_VIEWS.gapAction, ids.PREP_VIEWS.stretchAction, ids.PREP_VIEWS.cadenceAction, ids.PREP_VIEWS.compAction].map(
      (id) => [id, input(ids.PREP_VIEWS.step)],
    ),
  ),
  ...Object.fromEntries([ids.PREP_VIEWS.dateAction, ids.PREP_VIEWS.timeAction].map((id) => [id, input(ids.PREP_VIEWS.meeting)])),
  ...Object.fromEntries([ids.WIN_VIEWS.textAction, ids.WIN_VIEWS.dateAction, ids.WIN_VIEWS.linkAction, ids.WIN_VIEWS.criteriaAction, ids.WIN_VIEWS.flagsAction].map((id) => [id, input(ids.WIN_VIEWS.win)])),

  // ---- screens that only show something (no submission handler) ----
  [ids.ADMIN_VIEWS.saved]: screen('settings saved'),
  [ids.DATA_VIEWS.forgotten]: screen('what was erased'),
  [ids.DOC_VIEWS.sent]: screen('the doc is on its way'),
  [ids.HEDGE_VIEWS.result]: screen("the coach's reading; its buttons are covered above"),
  [ids.PLAN_VIEWS.overview]: screen('the plan; its buttons are covered above'),
  [ids.PLAN_VIEWS.notice]: screen('a notice'),
  [ids.PREP_VIEWS.loading]: screen('the loading modal'),
  [ids.PREP_VIEWS.notice]: screen('a notice'),
  [ids.WIN_VIEWS.list]: screen('"My wins"; its buttons are covered above'),
  [ids.WIN_VIEWS.notice]: screen('a notice'),
};

/** Every action and callback id in ids.ts: all but block ids, the command, event names and checkbox values. */
function actionAndCallbackIds(): string[] {
  const out: string[] = [];
  for (const [name, group] of Object.entries(ids)) {
    if (typeof group === 'string' || name === 'EVENTS' || name === 'WIN_FLAGS') continue;
    for (const [key, value] of Object.entries(group as Record<string, string>)) {
      if (/block(Prefix)?$/i.test(key)) continue;
      out.push(value);
    }
  }
  return out;
}

describe('the forgery table', () => {
  it('when an action or callback id is in ids.ts, then it has a forgery case or is marked as carrying no id (and nothing else is listed)', () => {
    const all = actionAndCallbackIds();
    expect(all.length).toBeGreaterThan(100);
    expect(Object.keys(COVERAGE).sort()).toEqual([...new Set(all)].sort());
  });
});

async function buildScene(app: TestApp): Promise<Scene> {
  const deps = app.coach.deps;
  await onboardUser(app, VICTIM, { tz: 'America/New_York', now: NOW });
  // The attacker's nudges are paused: the only nudge this week is the victim's.
  await onboardUser(app, ATTACKER, { tz: 'America/New_York', now: NOW, pausedUntil: '2027-06-30' });
  app.fake.setUser(MANAGER, { tz: 'America/New_York', real_name: 'Maya Manager' });
  const { win } = await deps.repos.wins.create({ userId: VICTIM, text: 'The victim shipped the search migration', date: '2026-11-20', source: 'modal', criteria: [], crossTeam: false, enabledOthers: false });

  const prep = new PrepDriver({ app, fake: app.fake, setNow: (d: Date) => app.setNow(d), stop: () => app.stop() } satisfies PrepApp, VICTIM);
  await prep.open();
  const answered = await recordManagerAnswer(deps, VICTIM, { text: 'Not this cycle. Lead a cross-team project first.' });
  if (!answered.ok) throw new Error('the victim could not record the answer');

  const planId = await activePlan(app, VICTIM);
  await app.slack.blockAction({ userId: VICTIM, actionId: PLAN_ACTIONS.share, value: planId, view: HOME });
  const planPost = await app.fake.waitForCall('chat.postMessage', (c) => buttons(c).some((b) => b.action_id === PLAN_ACTIONS.confirm));
  await runCheckIns(app, '2026-12-23T20:00:00Z');
  const checkInDm = dmsTo(app, VICTIM).find((c) => buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.open));
  const checkInId = checkInDm ? (buttons(checkInDm).find((b) => b.action_id === CHECKIN_ACTIONS.open)?.value ?? '') : '';
  expect(checkInId, 'the victim was asked for a check-in').not.toBe('');

  await tick(app, '2026-11-27T20:00:00Z');
  const nudge = dmsTo(app, VICTIM).find((c) => buttonsOf(c).some((b) => b.action_id === NUDGE_ACTIONS.nothingThisWeek));
  expect(nudge, 'the victim was nudged').toBeDefined();
  await settle(app);
  return { winId: win.id, draftId: prep.draftId, meetingId: answered.value.meetingId, planId, checkInId, nudge: nudge as RecordedCall, planPost };
}

/** Slack calls that would touch someone else: anything but a modal, an ephemeral note or a response_url to the presser. */
const HARMLESS = new Set(['views.open', 'views.update', 'views.push', 'chat.postEphemeral', 'response_url', 'users.info', 'auth.test']);

/** The ids a forgery may not leave a trace of, and the people it may not reach. */
function victimMarks(s: Scene): string[] {
  return [VICTIM, s.winId, s.draftId, s.meetingId, s.planId, s.checkInId];
}

describe.each(kinds)('forged ids on %s', (database) => {
  it('when every id-carrying button, select and submission is sent with someone else\'s id, then each is refused, logged, and changes nothing', async ({ annotate }) => {
    const app = await startTestApp({ database, now: NOW });
    const scene = await buildScene(app);

    /** What a request did that a refused forgery must not: every problem found, or none. */
    const check = async (label: string, send: Send, allowedId = ATTACKER): Promise<string[]> => {
      const found: string[] = [];
      const before = await snapshot(app);
      const calls = app.fake.calls.length;
      const logs = app.logs.length;
      let res: SentRequest;
      try {
        res = await send(app, scene);
      } catch (error) {
        return [`${label}: the request failed: ${(error as Error).message}`];
      }
      await settle(app);
      if (res.status !== 200) found.push(`${label}: HTTP ${res.status}`);
      // The presser's own rows may change (pausing their own nudges); no one else's may.
      for (const [table, { gone, came }] of Object.entries(diff(before, await snapshot(app)))) {
        const foreign = [...gone, ...came].filter((row) => !row.includes(allowedId) || victimMarks(scene).some((m) => row.includes(m)));
        if (foreign.length > 0) found.push(`${label}: changed ${table}: ${foreign[0]?.slice(0, 200)}`);
      }
      const made = app.fake.calls.slice(calls);
      const touched = made.filter((c) => !HARMLESS.has(c.method) && !(c.method === 'views.publish' && c.args.user_id === allowedId));
      if (touched.length > 0) found.push(`${label}: Slack calls ${touched.map((c) => `${c.method}(${JSON.stringify(c.args).slice(0, 80)})`).join(', ')}`);
      if (made.some((c) => JSON.stringify(c.args).includes('The victim shipped'))) found.push(`${label}: the victim's win text was shown to someone else`);
      const presser = String((res.payload.user as { id?: string } | undefined)?.id ?? res.payload.user_id);
      const logged = app.logs.slice(logs).some((line) => line.includes(presser) && /refused|ignored|forged|not an admin|not the manager|never nudged|not (yours|theirs)/i.test(line));
      // A search only ever looks at the searcher's own wins: there is nothing to refuse.
      if (!logged && !label.startsWith(PREP_VIEWS.winsAction)) found.push(`${label}: no log line says it was refused`);
      return found;
    };

    const problems: string[] = [];
    const covered: string[] = [];
    for (const [id, coverage] of Object.entries(COVERAGE)) {
      if (!('forged' in coverage)) continue;
      covered.push(id);
      for (const [i, send] of coverage.forged.entries()) problems.push(...(await check(`${id}#${i + 1}`, send)));
    }
    // The check itself is not blind: the victim deleting their own win is seen as a change.
    const control = await check('control', press(WIN_ACTIONS.delete, (s) => s.winId, VICTIM));
    expect(control.some((p) => p.includes('changed Win'))).toBe(true);
    await annotate(`forgery cases for ${covered.length} ids: ${covered.join(', ')}`);
    expect(problems).toEqual([]);
  }, 120_000);
});
