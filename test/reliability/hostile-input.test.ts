// Hostile and odd text in every free-text field, from one generated table: invalid input gets
// a field error (or, for a command or a DM, a short reply) and stores nothing; valid input is
// stored exactly as typed and shown back escaped, so no text a user wrote can ping a channel,
// mention someone or dress up a link; nothing answers with a 5xx or logs an unhandled error.
import { describe, expect, it } from 'vitest';
import { CHECKIN_ACTIONS, CHECKIN_VIEWS, HEDGE_VIEWS, PLAN_VIEWS, WIN_VIEWS } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { databaseKinds } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { onboardUser } from '../support/onboarding.js';
import { state, type SentRequest } from '../support/slack-requests.js';
import { activePlan, buttons, CRITERIA, DUE_DATES, dmsTo, runCheckIns } from '../e2e/plan-support.js';
import { winValues } from '../e2e/wins-support.js';
import { settle } from './support.js';
import { scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const kinds = await databaseKinds();
const NOW = new Date('2026-11-23T12:00:00Z');
const USER = 'UENG';

interface TextCase {
  name: string;
  /** What the person typed. */
  text: string;
  /** Must be refused: nothing to store. */
  invalid?: boolean;
  /** Blank: refused where the field is required, left empty where it is optional. */
  blank?: boolean;
  /** Stored as this instead (a NUL byte is dropped at the door: PostgreSQL cannot hold it). */
  storedAs?: string;
  /** Sent as is even where Slack encodes text: mention tokens, as Slack writes @channel and @user. */
  tokens?: boolean;
}

/** Tokens that, left raw in mrkdwn, would ping, mention or disguise a link. */
const LIVE_TOKENS = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<https://evil', '<script>'];

const CASES: TextCase[] = [
  { name: 'empty', text: '', blank: true },
  { name: 'whitespace only', text: ' \t\n  \u00a0 ', blank: true },
  { name: '3,001 characters', text: 'a'.repeat(3001), invalid: true },
  { name: '10,000 characters', text: 'Shipped it. '.repeat(834), invalid: true },
  { name: 'control characters', text: 'Shipped\u0007 the\u001b[31m fix\u0008 for\u000b billing' },
  { name: 'a NUL byte', text: 'Shipped the fix\u0000 for billing', storedAs: 'Shipped the fix for billing' },
  { name: 'right-to-left override', text: 'Shipped \u202Egnillib\u202C the fix' },
  { name: 'Arabic and Hebrew', text: 'أطلقت الإصلاح للفوترة שחררתי את התיקון' },
  { name: 'combining marks', text: 'Z\u0335\u0321\u0322a\u0334l\u0337g\u0338o shipped the fix' },
  { name: 'emoji and ZWJ sequences', text: 'Shipped it 🚀👩‍💻🏳️‍🌈 with the team 👍🏽' },
  { name: 'lone surrogate-free astral text', text: '𝕊𝕙𝕚𝕡𝕡𝕖𝕕 the fix 𝟙𝟘𝟘%' },
  { name: '<!channel> typed', text: 'Shipped the fix <!channel> <!here> <!everyone>' },
  { name: '@channel and @user, as Slack sends them', text: 'Shipped the fix <!channel> with <@U123>', tokens: true },
  { name: 'a user mention', text: 'Paired with <@U123> and <@U123|bob> on the fix' },
  { name: 'a disguised link', text: 'Shipped the fix, see <https://evil.example|click here> and <mailto:x@evil.example|mail>' },
  { name: 'HTML', text: '<script>alert(1)</script><b>bold</b><img src=x onerror=alert(1)> shipped' },
  { name: 'SQL-looking text', text: `Robert'); DROP TABLE "Win";-- shipped the fix OR 1=1` },
  { name: 'entities and mrkdwn', text: '&amp; &lt;b&gt; *bold* _it_ ~strike~ `code` ```block``` > quote' },
  { name: 'JSON and template text', text: '{"__proto__":{"admin":true}} ${process.env.SLACK_BOT_TOKEN} {{7*7}}' },
];

/** Every mrkdwn text the app sent: message text and every `type: mrkdwn` object, wherever it sits. */
function mrkdwnOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => mrkdwnOf(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) mrkdwnOf(v, out);
  }
  return out;
}

function shownAsMrkdwn(call: RecordedCall | { method: string; args: Record<string, unknown> }): string[] {
  const texts = mrkdwnOf(call.args.blocks ?? call.args.view ?? []);
  // A message's own text is mrkdwn (it is the notification text too); a modal has none.
  if (typeof call.args.text === 'string') texts.push(call.args.text);
  return texts;
}

interface Field {
  name: string;
  /** Slack sends command and message text with &, < and > encoded; modal values come as typed. */
  slackEncodes?: boolean;
  /** Shows the text back in mrkdwn (a confirmation, the coach's reading). */
  echoes?: boolean;
  /** A blank value: refused with a reason, kept as "nothing" (an optional field), or ignored (an empty DM). */
  blank: 'refused' | 'empty' | 'ignored';
  /** Sets the scene once per app. */
  setup(app: TestApp): Promise<Record<string, string>>;
  send(app: TestApp, text: string, ctx: Record<string, string>, n: number): Promise<SentRequest>;
  /** The stored value, once the app has settled; undefined when nothing with that text was stored. */
  stored(app: TestApp, text: string, ctx: Record<string, string>): Promise<string | null | undefined>;
  /** Whether a refusal is visible: a field error in the ack, or a reply to a command or a DM. */
  refused(res: SentRequest, app: TestApp, from: number): boolean;
}

const fieldError = (res: SentRequest) => res.body.includes('"response_action":"errors"');
const winWithText = async (app: TestApp, text: string) => (await app.coach.deps.repos.wins.listRecent(USER, 200)).find((w) => w.text === text)?.text;

const FIELDS: Field[] = [
  {
    name: '/promo win',
    echoes: true,
    slackEncodes: true,
    blank: 'refused',
    setup: async () => ({}),
    send: (app, text) => app.slack.command({ userId: USER, text: `win ${text}` }),
    stored: winWithText,
    // The hint comes back in the ack; a field error through the response_url once the write is tried.
    refused: (res, app, from) =>
      (res.body.includes('"response_type":"ephemeral"') && !/Logged/.test(res.body)) ||
      app.fake.calls.slice(from).some((c) => c.method === 'response_url' && /Nothing saved/.test(String(c.args.text))),
  },
  {
    name: 'a DM to the app',
    echoes: true,
    slackEncodes: true,
    blank: 'ignored',
    setup: async () => ({}),
    send: (app, text, _ctx, n) =>
      app.slack.event({ type: 'message', channel: `D${USER}`, channel_type: 'im', user: USER, text, ts: `1764000000.${String(n).padStart(6, '0')}` }),
    stored: winWithText,
    refused: (_res, app, from) => app.fake.calls.slice(from).some((c) => c.method === 'chat.postMessage' && !/^Logged/.test(String(c.args.text))),
  },
  {
    name: 'the win modal',
    echoes: true,
    blank: 'refused',
    setup: async () => ({}),
    send: (app, text, _ctx, n) =>
      app.slack.viewSubmission({ userId: USER, callbackId: WIN_VIEWS.win, privateMetadata: JSON.stringify({ source: 'home' }), hash: `h${n}`, values: winValues({ text }) }),
    stored: winWithText,
    refused: fieldError,
  },
  {
    name: "the manager's answer",
    echoes: true,
    blank: 'refused',
    setup: async () => ({}),
    send: (app, text) => app.slack.viewSubmission({ userId: USER, callbackId: HEDGE_VIEWS.input, values: { [HEDGE_VIEWS.textBlock]: { [HEDGE_VIEWS.textAction]: state.plainTextInput(text) } } }),
    stored: async (app, text) => (await app.coach.database.prisma.meeting.findFirst({ where: { userId: USER, managerSaid: text } }))?.managerSaid,
    refused: fieldError,
  },
  {
    name: "a check-in's note",
    blank: 'empty',
    setup: async (app) => {
      await activePlan(app, USER);
      await runCheckIns(app, '2026-12-23T20:00:00Z');
      const dm = dmsTo(app, USER).find((c) => buttons(c).some((b) => b.action_id === CHECKIN_ACTIONS.open));
      return { checkInId: dm ? (buttons(dm).find((b) => b.action_id === CHECKIN_ACTIONS.open)?.value ?? '') : '' };
    },
    send: (app, text, ctx) =>
      app.slack.viewSubmission({
        userId: USER,
        callbackId: CHECKIN_VIEWS.modal,
        privateMetadata: JSON.stringify({ checkInId: ctx.checkInId }),
        values: { [CHECKIN_VIEWS.noteBlock]: { [CHECKIN_VIEWS.noteAction]: state.plainTextInput(text) } },
      }),
    stored: async (app, text, ctx) => {
      const note = (await app.coach.database.prisma.checkIn.findUnique({ where: { id: ctx.checkInId } }))?.note;
      return note === text ? note : undefined;
    },
    refused: fieldError,
  },
  {
    name: 'a plan criterion (edit)',
    // A blank criterion is one taken out of the plan.
    blank: 'empty',
    setup: async (app) => ({ planId: await activePlan(app, USER) }),
    send: (app, text, ctx) =>
      app.slack.viewSubmission({
        userId: USER,
        callbackId: PLAN_VIEWS.edit,
        privateMetadata: JSON.stringify({ planId: ctx.planId, role: 'engineer' }),
        values: {
          [`${PLAN_VIEWS.criterionBlockPrefix}0`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput(text) },
          [`${PLAN_VIEWS.dateBlockPrefix}0`]: { [PLAN_VIEWS.dateAction]: state.datepicker(DUE_DATES[0] ?? null) },
          [`${PLAN_VIEWS.criterionBlockPrefix}1`]: { [PLAN_VIEWS.criterionAction]: state.plainTextInput(CRITERIA[1] ?? '') },
          [`${PLAN_VIEWS.dateBlockPrefix}1`]: { [PLAN_VIEWS.dateAction]: state.datepicker(DUE_DATES[1] ?? null) },
        },
      }),
    stored: async (app, text, ctx) => (await app.coach.deps.repos.plans.find(ctx.planId ?? ''))?.criteria.find((c) => c.text === text)?.text,
    refused: fieldError,
  },
];

describe.each(kinds)('hostile input on %s', (database) => {
  it.for(FIELDS.map((f) => [f.name, f] as const))('when %s gets every case of the table, then invalid ones get an error, valid ones are stored verbatim and shown escaped, and nothing fails', { timeout: 120_000 }, async ([, field], { annotate }) => {
    const app = await startTestApp({ database, now: NOW });
    await onboardUser(app, USER, { tz: 'America/New_York', now: NOW });
    app.fake.setUser('UMANAGER', { tz: 'America/New_York', real_name: 'Maya Manager' });
    const ctx = await field.setup(app);
    const problems: string[] = [];
    let escapedEcho = false;
    let stored = 0;
    let refused = 0;
    for (const [n, c] of CASES.entries()) {
      const from = app.fake.calls.length;
      const logs = app.logs.length;
      const wire = field.slackEncodes && !c.tokens ? c.text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : c.text;
      const res = await field.send(app, wire, ctx, n);
      await settle(app);
      if (res.status >= 500 || res.status === 0) problems.push(`${c.name}: HTTP ${res.status}`);
      const unhandled = app.logs.slice(logs).find((l) => /unhandled|"level":(50|60)|"level":"(error|fatal)"/.test(l));
      if (unhandled) problems.push(`${c.name}: ${unhandled.slice(0, 200)}`);
      const kept = await field.stored(app, c.storedAs ?? c.text, ctx);
      const wasRefused = field.refused(res, app, from);
      if (c.blank) {
        if (field.blank === 'refused' && !wasRefused) problems.push(`${c.name}: no field error or reply`);
        if (field.blank !== 'empty' && kept !== undefined) problems.push(`${c.name}: stored although blank`);
      } else if (c.invalid) {
        if (kept !== undefined) problems.push(`${c.name}: stored although invalid`);
        if (!wasRefused) problems.push(`${c.name}: no field error or reply`);
      } else if (kept === undefined && !wasRefused) {
        problems.push(`${c.name}: neither stored verbatim nor refused with a reason`);
      }
      if (kept !== undefined) stored += 1;
      if (wasRefused) refused += 1;
      // What the app showed: the ack (a modal or an ephemeral answer) and every Slack call after it.
      const shown = [
        ...app.fake.calls.slice(from).flatMap(shownAsMrkdwn),
        ...(res.body.startsWith('{') ? shownAsMrkdwn({ method: 'ack', args: res.json<Record<string, unknown>>() }) : []),
      ];
      if (c.text.includes('<!channel>') && shown.some((t) => t.includes('&lt;!channel&gt;'))) escapedEcho = true;
      for (const token of LIVE_TOKENS) {
        if (c.text.includes(token) && shown.some((t) => t.includes(token))) problems.push(`${c.name}: "${token}" shown raw in mrkdwn`);
      }
    }
    await annotate(`${field.name}: ${CASES.length} cases, ${stored} stored verbatim, ${refused} refused with a reason`);
    expect(problems).toEqual([]);
    // The check above is not blind: where the text is shown back, it is seen, escaped.
    if (field.echoes) expect(escapedEcho, 'the text was shown back escaped').toBe(true);
  });
});
