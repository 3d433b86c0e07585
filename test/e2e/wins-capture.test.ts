import { describe, expect, it } from 'vitest';
import { NUDGE_ACTIONS, SHORTCUTS, VIEWS, WIN_ACTIONS, WIN_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import { RESPONSE_URL_METHOD } from '../support/fake-slack.js';
import { ENGINEER, NOW, OTHER, onboard, settle, TODAY, WEEK, WIN_FLAGS, weekAnswer, winCommand, winsOf, winValues } from './wins-support.js';

const kinds = await databaseKinds();

const TAGGABLE = 'Wrote the design doc for the new cache and mentored two engineers through the rollout across several teams';

type Ephemeral = { response_type: string; text: string; blocks: unknown[] };

describe.each(kinds)('capturing wins on %s', (database) => {
  const start = async (opts: { onboarded?: boolean } = {}): Promise<TestApp> => {
    const app = await startTestApp({ database, now: NOW });
    if (opts.onboarded ?? true) await onboard(app);
    return app;
  };

  describe('/promo win', () => {
    it('when an engineer types /promo win with text, then the ack is empty, and once it is stored as written, tagged and answers the week, it is confirmed ephemerally', async () => {
      const app = await start();
      const { reply: body } = await winCommand(app, `${TAGGABLE} 🚀`);
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/^Logged\. It shows Staff Engineer work/);

      const [win, ...others] = await winsOf(app);
      expect(others).toHaveLength(0);
      expect(win).toMatchObject({ text: `${TAGGABLE} 🚀`, date: TODAY, source: 'command', crossTeam: true, enabledOthers: true });
      expect(win?.criteria).toEqual(expect.arrayContaining(['staff.writing', 'staff.enabling', 'staff.cross_team']));
      expect(await weekAnswer(app)).toBe('wins');
      const home = await app.fake.waitForCall('views.publish', (c) => c.args.user_id === ENGINEER);
      expect(JSON.stringify(home.args.view)).toContain('*Wins in Q4 2026*\\n1');
    });

    it('when /promo win has no text, then a hint comes back and nothing is stored', async () => {
      const app = await start();
      const body = (await app.slack.command({ userId: ENGINEER, text: 'win   ' })).json<Ephemeral>();
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('/promo win Ran the incident review');
      expect(await winsOf(app)).toEqual([]);
      expect(await weekAnswer(app)).toBeNull();
    });

    it('when /promo win has more than 3,000 characters, then the ack itself names the length and nothing is stored', async () => {
      const app = await start();
      const body = (await app.slack.command({ userId: ENGINEER, text: `win ${'a'.repeat(3001)}` })).json<Ephemeral>();
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('3,001 characters');
      expect(body.text).toContain('Nothing saved yet');
      expect(await winsOf(app)).toEqual([]);
    });

    it('when the win text holds <!channel> and <@U123>, then it is stored as written and the confirmation shows it escaped', async () => {
      const app = await start();
      const { reply: body } = await winCommand(app, 'Thanks <!channel> and <@U123> & co');
      expect((await winsOf(app))[0]?.text).toBe('Thanks <!channel> and <@U123> & co');
      const shown = JSON.stringify(body);
      expect(shown).toContain('&lt;!channel&gt; and &lt;@U123&gt; &amp; co');
      expect(shown).not.toContain('<!channel>');
      expect(shown).not.toContain('<@U123>');
    });

    it('when someone who has not onboarded types /promo win, then onboarding opens with the command\'s trigger before the reply, and nothing is stored', async () => {
      const app = await start({ onboarded: false });
      const { res, reply } = await winCommand(app, 'shipped it');
      expect(reply.text).toContain('safe with me');
      const open = await app.fake.waitForCall('views.open');
      expect(open.args.trigger_id).toBe(res.triggerId);
      expect(app.fake.calls.indexOf(open)).toBeLessThan(app.fake.calls.findIndex((c) => c.method === RESPONSE_URL_METHOD));
      expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
      expect(await winsOf(app)).toEqual([]);
    });
  });

  describe('a DM to the app', () => {
    const dm = (text: string, ts = '1763899200.000100') => ({
      type: 'message',
      channel: `D${ENGINEER}`,
      channel_type: 'im',
      user: ENGINEER,
      text,
      ts,
    });

    it('when an engineer DMs the app, then the text is a win and a short reply lands in the same DM', async () => {
      const app = await start();
      // Slack encodes &, < and > in message text; the win keeps what the person typed.
      await app.slack.event(dm('Unblocked the payments team &amp; paired with a new hire &lt;3'));
      const reply = await app.fake.waitForCall('chat.postMessage');
      expect(reply.args.channel).toBe(`D${ENGINEER}`);
      expect(String(reply.args.text)).toMatch(/^Logged\./);
      expect(String(reply.args.text)).toContain('&amp; paired with a new hire &lt;3');
      const [win] = await winsOf(app);
      expect(win).toMatchObject({ text: 'Unblocked the payments team & paired with a new hire <3', source: 'dm', date: TODAY });
      expect(await weekAnswer(app)).toBe('wins');
    });

    it('when Slack retries the same event, then there is one win and one reply', async () => {
      const app = await start();
      const event = dm('Cut p99 latency by 40% on checkout');
      await app.slack.event(event, { eventId: 'Ev0WINRETRY' });
      await app.fake.waitForCall('chat.postMessage');
      const retry = await app.slack.event(event, { eventId: 'Ev0WINRETRY', retryNum: 1, retryReason: 'http_timeout' });
      expect(retry.status).toBe(200);
      await settle();
      expect(await winsOf(app)).toHaveLength(1);
      expect(app.fake.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('when the first delivery fails before the win is written, then the retry stores it exactly once and replies once', async () => {
      const app = await start();
      const prisma = app.coach.database.prisma;
      const event = dm('Ran the incident review for the billing outage');
      // The database loses the wins table for a moment: the first delivery's write fails.
      await prisma.$executeRawUnsafe('ALTER TABLE "Win" RENAME TO "WinAway"');
      await app.slack.event(event, { eventId: 'Ev0FAILFIRST' });
      await app.fake.waitForCall('chat.postMessage');
      await settle();
      await prisma.$executeRawUnsafe('ALTER TABLE "WinAway" RENAME TO "Win"');
      expect(await winsOf(app)).toEqual([]);
      expect(String(app.fake.callsTo('chat.postMessage')[0]?.args.text)).toMatch(/could not save that just now/);

      await app.slack.event(event, { eventId: 'Ev0FAILFIRST', retryNum: 1, retryReason: 'http_error' });
      await app.fake.waitForCall('chat.postMessage', (c) => /^Logged\./.test(String(c.args.text)));
      await app.slack.event(event, { eventId: 'Ev0FAILFIRST', retryNum: 2, retryReason: 'http_error' });
      await settle();
      expect(await winsOf(app)).toHaveLength(1);
      expect(app.fake.callsTo('chat.postMessage').filter((c) => /^Logged\./.test(String(c.args.text)))).toHaveLength(1);
    });

    it('when the same message arrives again under a new event id, then the message ts keeps it to one win and one reply', async () => {
      const app = await start();
      await app.slack.event(dm('Cut p99 latency by 40% on checkout'));
      await app.fake.waitForCall('chat.postMessage');
      await app.slack.event(dm('Cut p99 latency by 40% on checkout'), { retryNum: 2 });
      await settle();
      expect(await winsOf(app)).toHaveLength(1);
      expect(app.fake.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it.each([
      ['another bot\'s message', { bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
      ['an edit', { subtype: 'message_changed' }],
      ['a channel message', { channel_type: 'channel', channel: 'C123' }],
    ])('when the event is %s, then nothing is stored and nothing is said', async (_, overrides) => {
      const app = await start();
      await app.slack.event({ ...dm('Shipped the thing'), ...overrides });
      await settle();
      expect(await winsOf(app)).toEqual([]);
      expect(app.fake.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('when someone who has not onboarded DMs the app, then the reply points at onboarding and nothing is stored', async () => {
      const app = await start({ onboarded: false });
      await app.slack.event(dm('Shipped the thing'));
      const reply = await app.fake.waitForCall('chat.postMessage');
      expect(String(reply.args.text)).toContain('Get started');
      expect(await winsOf(app)).toEqual([]);
    });

    it('when a DM is longer than 3,000 characters, then the reply asks for a shorter version and nothing is stored', async () => {
      const app = await start();
      await app.slack.event(dm('b'.repeat(3500)));
      const reply = await app.fake.waitForCall('chat.postMessage');
      expect(String(reply.args.text)).toContain('3,500 characters');
      expect(await winsOf(app)).toEqual([]);
    });
  });

  describe('the "Save as win" shortcut', () => {
    const message = { ts: '1763890000.000200', user: 'UPARTNER', text: 'Huge thanks to <@UENG> for unblocking our launch!' };

    it('when an engineer saves a message, then its text, permalink and author are stored and confirmed ephemerally', async () => {
      const app = await start();
      await app.slack.messageShortcut({ userId: ENGINEER, callbackId: SHORTCUTS.saveAsWin, channelId: 'CLAUNCH', message });
      const permalink = await app.fake.waitForCall('chat.getPermalink');
      expect(permalink.args).toMatchObject({ channel: 'CLAUNCH', message_ts: message.ts });
      const reply = await app.fake.waitForCall(RESPONSE_URL_METHOD);
      expect(reply.args.response_type).toBe('ephemeral');
      expect(String(reply.args.text)).toContain('&lt;@UENG&gt;');
      expect(JSON.stringify(reply.args.blocks)).toContain('original message');
      const [win] = await winsOf(app);
      expect(win).toMatchObject({
        text: message.text,
        source: 'shortcut',
        authorId: 'UPARTNER',
        permalink: 'https://test-team.slack.com/archives/CLAUNCH/p1763890000000200',
      });
      expect(await weekAnswer(app)).toBe('wins');
    });

    it('when the same message is saved twice, then there is one win and the second reply says so', async () => {
      const app = await start();
      await app.slack.messageShortcut({ userId: ENGINEER, callbackId: SHORTCUTS.saveAsWin, channelId: 'CLAUNCH', message });
      await app.fake.waitForCall(RESPONSE_URL_METHOD);
      await app.slack.messageShortcut({ userId: ENGINEER, callbackId: SHORTCUTS.saveAsWin, channelId: 'CLAUNCH', message });
      const [, second] = await app.fake.waitForCalls(RESPONSE_URL_METHOD, 2);
      expect(String(second?.args.text)).toContain('already saved');
      expect(await winsOf(app)).toHaveLength(1);
    });

    it('when chat.getPermalink fails, then the win is still saved, without a link', async () => {
      const app = await start();
      app.fake.failNext('chat.getPermalink', { error: 'message_not_found' });
      await app.slack.messageShortcut({ userId: ENGINEER, callbackId: SHORTCUTS.saveAsWin, channelId: 'CLAUNCH', message });
      await app.fake.waitForCall(RESPONSE_URL_METHOD);
      expect((await winsOf(app))[0]).toMatchObject({ text: message.text, permalink: null, authorId: 'UPARTNER' });
    });

    it('when someone who has not onboarded uses the shortcut, then onboarding opens and nothing is stored', async () => {
      const app = await start({ onboarded: false });
      const res = await app.slack.messageShortcut({ userId: ENGINEER, callbackId: SHORTCUTS.saveAsWin, channelId: 'CLAUNCH', message });
      const open = await app.fake.waitForCall('views.open');
      expect(open.args.trigger_id).toBe(res.triggerId);
      expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
      expect(await winsOf(app)).toEqual([]);
    });
  });

  describe('the win modal', () => {
    it('when the nudge\'s "Log a win" is pressed, then the modal opens dated today, and saving keeps the criteria and flags picked', async () => {
      const app = await start();
      const press = await app.slack.blockAction({ userId: ENGINEER, actionId: NUDGE_ACTIONS.logWin, value: WEEK });
      const open = await app.fake.waitForCall('views.open');
      expect(open.args.trigger_id).toBe(press.triggerId);
      const view = open.args.view as { callback_id: string; blocks: { block_id?: string; element?: { initial_date?: string } }[] };
      expect(view.callback_id).toBe(WIN_VIEWS.win);
      expect(view.blocks.find((b) => b.block_id === WIN_VIEWS.dateBlock)?.element?.initial_date).toBe(TODAY);

      const submit = await app.slack.viewSubmission({
        userId: ENGINEER,
        callbackId: WIN_VIEWS.win,
        values: winValues({
          text: 'Ran the design review for the search rewrite',
          date: '2026-11-20',
          link: 'https://docs.example.com/search',
          criteria: ['staff.tech', 'staff.enabling'],
          flags: [WIN_FLAGS.enabledOthers],
        }),
      });
      const ack = submit.json<{ response_action: string; view: { title: { text: string } } }>();
      expect(ack.response_action).toBe('update');
      expect(ack.view.title.text).toBe('Win logged');
      expect((await winsOf(app))[0]).toMatchObject({
        text: 'Ran the design review for the search rewrite',
        date: '2026-11-20',
        link: 'https://docs.example.com/search',
        source: 'nudge',
        criteria: ['staff.tech', 'staff.enabling'],
        crossTeam: false,
        enabledOthers: true,
      });
      expect(await weekAnswer(app)).toBe('wins');
      await app.fake.waitForCall('views.publish', (c) => c.args.user_id === ENGINEER);
    });

    it('when a win is logged from the nudge, then the nudge stops asking and offers "Log another" instead', async () => {
      const app = await start();
      await app.coach.database.prisma.delivery.create({
        data: { userId: ENGINEER, kind: 'weekly_nudge', period: WEEK, status: 'sent', channelId: `D${ENGINEER}`, messageTs: '1764000000.000100' },
      });
      await app.slack.blockAction({
        userId: ENGINEER,
        actionId: NUDGE_ACTIONS.logWin,
        value: WEEK,
        channelId: `D${ENGINEER}`,
        message: { ts: '1764000000.000100', text: 'Weekly check-in' },
      });
      await app.fake.waitForCall('views.open');
      await app.slack.viewSubmission({ userId: ENGINEER, callbackId: WIN_VIEWS.win, values: winValues({ text: 'Ran the design review' }) });
      const update = await app.fake.waitForCall('chat.update');
      expect(update.args).toMatchObject({ channel: `D${ENGINEER}`, ts: '1764000000.000100' });
      const blocks = JSON.stringify(update.args.blocks);
      expect(String(update.args.text)).toMatch(/^Logged/);
      expect(blocks).toContain('Log another');
      expect(blocks).not.toContain('Nothing this week');
    });

    it.each([
      ['another user\'s nudge', { channelId: `D${OTHER}`, messageTs: '1764000000.000200', week: WEEK }],
      ['a malformed week', { channelId: `D${ENGINEER}`, messageTs: '1764000000.000100', week: 'drop table' }],
    ])('when the modal\'s nudge reference is forged (%s), then the win is saved and no message is touched', async (_, nudge) => {
      const app = await start();
      await app.coach.database.prisma.user.create({ data: { id: OTHER } });
      await app.coach.database.prisma.delivery.create({
        data: { userId: OTHER, kind: 'weekly_nudge', period: WEEK, status: 'sent', channelId: `D${OTHER}`, messageTs: '1764000000.000200' },
      });
      await app.slack.viewSubmission({
        userId: ENGINEER,
        callbackId: WIN_VIEWS.win,
        values: winValues({ text: 'Ran the design review' }),
        privateMetadata: JSON.stringify({ source: 'nudge', nudge }),
      });
      await settle();
      expect(await winsOf(app)).toHaveLength(1);
      expect(app.fake.callsTo('chat.update')).toHaveLength(0);
    });

    it('when logged from Home with no criteria or flags picked, then the coach tags it and reads the flags from the text', async () => {
      const app = await start();
      await app.slack.blockAction({ userId: ENGINEER, actionId: WIN_ACTIONS.homeLogWin, view: { id: 'VHOME', type: 'home' } });
      await app.fake.waitForCall('views.open');
      await app.slack.viewSubmission({ userId: ENGINEER, callbackId: WIN_VIEWS.win, values: winValues({ text: TAGGABLE }) });
      const [win] = await winsOf(app);
      expect(win).toMatchObject({ source: 'home', crossTeam: true, enabledOthers: true });
      expect(win?.criteria).toEqual(expect.arrayContaining(['staff.writing', 'staff.enabling']));
    });

    it('when a forged criterion id is submitted, then it is dropped and the real ones kept', async () => {
      const app = await start();
      await app.slack.viewSubmission({
        userId: ENGINEER,
        callbackId: WIN_VIEWS.win,
        privateMetadata: JSON.stringify({ source: 'home' }),
        values: winValues({ criteria: ['principal.scope', 'staff.scope', 'nonsense'] }),
      });
      expect((await winsOf(app))[0]?.criteria).toEqual(['staff.scope']);
    });

    it('when the text has emoji and other scripts, then it is stored exactly as written', async () => {
      const app = await start();
      const text = 'Shipped 🚀 the Ünïcode-safe parser — 日本語 too\n\n  with a blank line ';
      await app.slack.viewSubmission({ userId: ENGINEER, callbackId: WIN_VIEWS.win, values: winValues({ text }) });
      expect((await winsOf(app))[0]?.text).toBe(text);
    });

    it('when the modal is submitted with each kind of bad input, then that field shows an error and nothing is stored', async () => {
      const app = await start();
      const cases = [
        ['empty text', { text: null }, WIN_VIEWS.textBlock],
        ['whitespace-only text', { text: '   \n  ' }, WIN_VIEWS.textBlock],
        ['text over 3,000 characters', { text: 'x'.repeat(3001) }, WIN_VIEWS.textBlock],
        ['a date more than a week ahead', { date: '2026-12-01' }, WIN_VIEWS.dateBlock],
        ['no date', { date: null }, WIN_VIEWS.dateBlock],
        ['a javascript: link', { link: 'javascript:alert(1)' }, WIN_VIEWS.linkBlock],
        ['an ftp link', { link: 'ftp://files.example.com/x' }, WIN_VIEWS.linkBlock],
      ] as const;
      // One app for all the cases: each submission is independent and stores nothing.
      for (const [label, values, block] of cases) {
        const res = await app.slack.viewSubmission({ userId: ENGINEER, callbackId: WIN_VIEWS.win, values: winValues(values) });
        const body = res.json<{ response_action: string; errors: Record<string, string> }>();
        expect(body.response_action, label).toBe('errors');
        expect(Object.keys(body.errors), label).toEqual([block]);
      }
      expect(await winsOf(app)).toEqual([]);
      expect(await weekAnswer(app)).toBeNull();
    });

    it('when the date is exactly a week ahead, then it is accepted', async () => {
      const app = await start();
      await app.slack.viewSubmission({ userId: ENGINEER, callbackId: WIN_VIEWS.win, values: winValues({ date: '2026-11-30' }) });
      expect((await winsOf(app))[0]?.date).toBe('2026-11-30');
    });

    it('when someone who has not onboarded presses "Log a win", then onboarding opens instead', async () => {
      const app = await start({ onboarded: false });
      await app.slack.blockAction({ userId: ENGINEER, actionId: NUDGE_ACTIONS.logWin });
      const open = await app.fake.waitForCall('views.open');
      expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.onboarding);
    });
  });
});
