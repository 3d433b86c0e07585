import { describe, expect, it } from 'vitest';
import { HOME_ACTIONS, WIN_ACTIONS, WIN_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { RESPONSE_URL_METHOD, type RecordedCall } from '../support/fake-slack.js';
import { ENGINEER, NOW, onboard, OTHER, settle, TODAY, winCommand, winsOf, winValues } from './wins-support.js';

const kinds = await databaseKinds();

type Ephemeral = { response_type: string; text: string; blocks: { type: string; elements?: { action_id: string; value?: string }[] }[] };
type View = { callback_id: string; title: { text: string }; blocks: { block_id?: string; element?: Record<string, unknown> }[] };

const viewOf = (call: RecordedCall) => call.args.view as View;

describe.each(kinds)('managing wins on %s', (database) => {
  const start = async (): Promise<TestApp> => {
    const app = await startTestApp({ database, now: NOW });
    await onboard(app);
    await onboard(app, OTHER);
    return app;
  };

  /** Logs a win through /promo win and returns its id. */
  const logWin = async (app: TestApp, text: string, userId = ENGINEER): Promise<string> => {
    await winCommand(app, text, userId);
    const win = (await winsOf(app, userId)).find((w) => w.text === text);
    if (!win) throw new Error('win was not stored');
    return win.id;
  };

  it('when an engineer runs /promo wins, then their latest wins come back newest first, escaped, with tags and Edit/Delete', async () => {
    const app = await start();
    await logWin(app, 'Wrote the design doc for the cache');
    await logWin(app, 'Thanks <!channel>, says <@U123>');
    await logWin(app, 'Someone else entirely', OTHER);
    const body = (await app.slack.command({ userId: ENGINEER, text: 'wins' })).json<Ephemeral>();
    expect(body.response_type).toBe('ephemeral');
    const json = JSON.stringify(body.blocks);
    expect(json).toContain('Thanks &lt;!channel&gt;, says &lt;@U123&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).toContain('Shows: Written influence');
    expect(json).not.toContain('Someone else entirely');
    const buttons = body.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.action_id)).toEqual([WIN_ACTIONS.edit, WIN_ACTIONS.delete, WIN_ACTIONS.edit, WIN_ACTIONS.delete]);
  });

  it('when the owner presses Edit, then the modal opens pre-filled, and saving changes the win, tags included', async () => {
    const app = await start();
    const id = await logWin(app, 'Wrote the design doc for the cache');
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.edit, value: id });
    const open = await app.fake.waitForCall('views.open');
    const view = viewOf(open);
    expect(view.callback_id).toBe(WIN_VIEWS.win);
    expect(view.title.text).toBe('Edit win');
    const element = (block: string) => view.blocks.find((b) => b.block_id === block)?.element ?? {};
    expect(element(WIN_VIEWS.textBlock).initial_value).toBe('Wrote the design doc for the cache');
    expect((element(WIN_VIEWS.criteriaBlock).initial_options as { value: string }[]).map((o) => o.value)).toContain('staff.writing');

    const submit = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: WIN_VIEWS.win,
      values: winValues({ text: 'Wrote the cache design doc; two teams adopted it', date: '2026-11-19', criteria: ['staff.scope'] }),
    });
    expect(submit.json<{ response_action: string; view: View }>().view.title.text).toBe('Win updated');
    expect((await winsOf(app))[0]).toMatchObject({
      id,
      text: 'Wrote the cache design doc; two teams adopted it',
      date: '2026-11-19',
      criteria: ['staff.scope'],
      crossTeam: false,
      enabledOthers: false,
    });
  });

  it("when someone presses Edit on another person's win, then no modal with it opens, they get a polite note, and nothing changes", async () => {
    const app = await start();
    const theirs = await logWin(app, 'Private win of the other engineer', OTHER);
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.edit, value: theirs });
    const open = await app.fake.waitForCall('views.open');
    expect(viewOf(open).callback_id).toBe(WIN_VIEWS.notice);
    expect(JSON.stringify(open.args.view)).not.toContain('Private win');
    expect(JSON.stringify(open.args.view)).toContain('could not find that win');
  });

  it("when a forged win id is submitted in the modal's metadata, then the win is untouched and the modal says so", async () => {
    const app = await start();
    const theirs = await logWin(app, 'Private win of the other engineer', OTHER);
    const res = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: WIN_VIEWS.win,
      privateMetadata: JSON.stringify({ source: 'modal', winId: theirs }),
      values: winValues({ text: 'hijacked' }),
    });
    expect(res.status).toBe(200);
    const body = res.json<{ response_action: string; view: View }>();
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe(WIN_VIEWS.notice);
    expect((await winsOf(app, OTHER))[0]?.text).toBe('Private win of the other engineer');
    expect(await winsOf(app)).toEqual([]);
  });

  it('when an edit is submitted with bad input, then field errors come back and the win keeps its text', async () => {
    const app = await start();
    const id = await logWin(app, 'Original text');
    const res = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: WIN_VIEWS.win,
      privateMetadata: JSON.stringify({ source: 'modal', winId: id }),
      values: winValues({ text: '  ', link: 'notaurl' }),
    });
    const body = res.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual([WIN_VIEWS.linkBlock, WIN_VIEWS.textBlock].sort());
    expect((await winsOf(app))[0]?.text).toBe('Original text');
  });

  it('when the owner deletes a win from /promo wins, then it is gone and the list is replaced in place', async () => {
    const app = await start();
    const keep = await logWin(app, 'Keep this one');
    const drop = await logWin(app, 'Drop this one');
    const responseUrl = app.fake.responseUrl('wins-list');
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.delete, value: drop, responseUrl });
    const replaced = await app.fake.waitForCall(RESPONSE_URL_METHOD, (c) => c.responseUrlId === 'wins-list');
    expect(replaced.args.replace_original).toBe(true);
    expect(JSON.stringify(replaced.args.blocks)).toContain('Keep this one');
    expect(JSON.stringify(replaced.args.blocks)).not.toContain('Drop this one');
    expect((await winsOf(app)).map((w) => w.id)).toEqual([keep]);
  });

  it.each([
    ["another person's win", 'theirs'],
    ['a made-up id', 'cforged000000000000000000'],
    ['an empty value', ''],
  ])('when someone deletes %s, then nothing is deleted and they get a polite note, not an error', async (_, which) => {
    const app = await start();
    const theirs = await logWin(app, 'Private win of the other engineer', OTHER);
    const responsesBefore = app.fake.callsTo(RESPONSE_URL_METHOD).length;
    const res = await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.delete, value: which === 'theirs' ? theirs : which });
    expect(res.status).toBe(200);
    const open = await app.fake.waitForCall('views.open');
    expect(viewOf(open).callback_id).toBe(WIN_VIEWS.notice);
    await settle(100);
    expect(await winsOf(app, OTHER)).toHaveLength(1);
    expect(app.fake.callsTo(RESPONSE_URL_METHOD)).toHaveLength(responsesBefore);
  });

  it('when "My wins" is pressed on Home, then a modal lists the wins; editing one from there pushes the modal and refreshes the list after saving', async () => {
    const app = await start();
    const id = await logWin(app, 'Led the migration off the old queue');
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.homeListWins, view: { id: 'VHOME', type: 'home' } });
    const listOpen = await app.fake.waitForCall('views.open');
    expect(viewOf(listOpen).callback_id).toBe(WIN_VIEWS.list);
    const list = app.fake.lastView(WIN_VIEWS.list);
    expect(JSON.stringify(list)).toContain('Led the migration off the old queue');

    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.edit, value: id, view: { ...list, type: 'modal' } });
    const push = await app.fake.waitForCall('views.push');
    expect(viewOf(push).callback_id).toBe(WIN_VIEWS.win);

    const submit = await app.slack.viewSubmission({
      userId: ENGINEER,
      callbackId: WIN_VIEWS.win,
      values: winValues({ text: 'Led the migration off the old queue, zero downtime' }),
    });
    expect(submit.body).toBe('');
    const update = await app.fake.waitForCall('views.update');
    expect(update.args.view_id).toBe(list?.id);
    expect(JSON.stringify(update.args.view)).toContain('zero downtime');
  });

  it('when a win is deleted from the "My wins" modal, then that modal is updated without it', async () => {
    const app = await start();
    const id = await logWin(app, 'Short-lived win');
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.homeListWins, view: { id: 'VHOME', type: 'home' } });
    await app.fake.waitForCall('views.open');
    const list = app.fake.lastView(WIN_VIEWS.list);
    await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.delete, value: id, view: { ...list, type: 'modal' } });
    const update = await app.fake.waitForCall('views.update');
    expect(update.args.view_id).toBe(list?.id);
    expect(JSON.stringify(update.args.view)).toContain('No wins yet');
    expect(await winsOf(app)).toEqual([]);
  });

  /** The Home the engineer ends up with, once the work after every ack is done (what Slack accepted last). */
  async function homeShownAtLast(app: TestApp): Promise<string> {
    await app.coach.idle();
    const accepted = app.fake.callsTo('views.publish').filter((c) => c.args.user_id === ENGINEER && (c.response as { ok?: boolean }).ok === true);
    return JSON.stringify(accepted.at(-1)?.args.view);
  }

  describe('the Home tab', () => {
    it('when wins are logged, then Home is re-published with the count, coverage, streak, next nudge and the wins', async () => {
      const app = await start();
      // Last week answered too (a "nothing this week" from the nudge), so the streak is two weeks.
      await app.coach.deps.repos.nudges.answerNothing(ENGINEER, '2026-W47');
      await logWin(app, 'Wrote the design doc for the cache');
      await logWin(app, 'Mentored two engineers through their first on-call');
      // Each capture re-publishes Home after its ack. A read made while the second win was
      // being written may see it in one query and not the next, and Slack refuses a publish
      // another overtook: what counts is the Home the user ends up with.
      const json = await homeShownAtLast(app);
      expect(json).toContain('Going for Staff Engineer');
      expect(json).toContain('*Wins in Q4 2026*\\n2');
      expect(json).toMatch(/\*Criteria covered\*\\n[1-6] of 6/);
      expect(json).toContain('2 weeks in a row');
      expect(json).toContain('Next win nudge: *Friday 27 Nov, 15:00*, your time.');
      expect(json).toContain('Mentored two engineers');
      for (const action of [WIN_ACTIONS.homeLogWin, WIN_ACTIONS.homeListWins, HOME_ACTIONS.nudgeSettings, 'home_edit_profile']) {
        expect(json).toContain(`"action_id":"${action}"`);
      }
    });

    it('when every win of the quarter is deleted, then Home counts zero and shows the empty state', async () => {
      const app = await start();
      const id = await logWin(app, 'Wrote the design doc for the cache');
      // The Home refresh after logging runs after the ack; let it finish so the two do not interleave.
      await app.coach.idle();
      await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.delete, value: id, view: { id: 'VHOME', type: 'home' } });
      const json = await homeShownAtLast(app);
      expect(json).toContain('*Wins in Q4 2026*\\n0');
      expect(json).toContain('0 of 6');
      expect(json).toContain('Nothing logged yet');
    });

    it('when nudges are paused, then Home says until when and offers Resume instead of the next nudge', async () => {
      const app = await start();
      await app.coach.deps.repos.nudges.saveSchedule(ENGINEER, {
        nudgeDay: 5,
        nudgeMinute: 900,
        nudgesPausedUntil: '2026-12-14',
        nextNudgeAt: new Date('2026-12-18T20:00:00Z'),
      });
      await app.slack.event({ type: 'app_home_opened', user: ENGINEER, tab: 'home', channel: `D${ENGINEER}` });
      const home = await app.fake.waitForCall('views.publish', (c) => c.args.user_id === ENGINEER);
      const json = JSON.stringify(home.args.view);
      expect(json).toContain('paused until 2026-12-14');
      expect(json).toContain(`"action_id":"${HOME_ACTIONS.resumeNudges}"`);
      expect(json).not.toContain('Next win nudge');
    });

    it('when a win is older than this quarter, then it is listed but not counted in the quarter', async () => {
      const app = await start();
      await app.slack.viewSubmission({
        userId: ENGINEER,
        callbackId: WIN_VIEWS.win,
        privateMetadata: JSON.stringify({ source: 'home' }),
        values: winValues({ text: 'Old win from the summer', date: '2026-08-03' }),
      });
      const home = await app.fake.waitForCall('views.publish', (c) => c.args.user_id === ENGINEER);
      const json = JSON.stringify(home.args.view);
      expect(json).toContain('*Wins in Q4 2026*\\n0');
      expect(json).toContain('Old win from the summer');
      expect(TODAY).toBe('2026-11-23');
    });
  });
});
