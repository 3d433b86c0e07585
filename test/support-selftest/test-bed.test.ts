import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import type { WebAPIPlatformError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  HEADER_TEXT_MAX,
  ID_MAX,
  MESSAGE_BLOCKS_MAX,
  MODAL_TEXT_MAX,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  PRIVATE_METADATA_MAX,
  SECTION_TEXT_MAX,
  VIEW_BLOCKS_MAX,
  checkBlocks,
  checkMessage,
  checkView,
} from '../support/block-kit-limits.js';
import { startFakeSlack } from '../support/fake-slack.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { createSlackSender, signBody, state } from '../support/slack-requests.js';

const x = (n: number): string => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
const opt = (text: string, value = text) => ({ text: plain(text), value });
const button = (extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'go',
  text: plain('Go'),
  value: 'v',
  ...extra,
});
const select = (extra: Record<string, unknown> = {}) => ({
  type: 'static_select',
  action_id: 'pick',
  placeholder: plain('Pick one'),
  options: [opt('One', '1')],
  ...extra,
});
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'plan_modal',
  title: plain('Promotion plan'),
  submit: plain('Save'),
  close: plain('Cancel'),
  private_metadata: '{"planId":"p1"}',
  blocks: [
    { type: 'header', text: plain('Your plan') },
    section('Where you stand', { accessory: button() }),
    {
      type: 'input',
      block_id: 'goal',
      label: plain('Goal'),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 500, initial_value: 'Staff' },
    },
    { type: 'input', block_id: 'level', label: plain('Level'), element: select() },
    { type: 'context', elements: [mrkdwn('Saved drafts stay private.')] },
    { type: 'actions', elements: [button({ action_id: 'a' }), button({ action_id: 'b' })] },
  ],
  ...extra,
});

describe('block kit limits', () => {
  it('when a modal, a Home tab and a message are within limits, then no violation is reported', () => {
    expect(checkView(modal())).toEqual([]);
    expect(checkView(JSON.stringify(modal()))).toEqual([]);
    expect(checkView({ type: 'home', blocks: [section('Hi'), { type: 'divider' }] })).toEqual([]);
    expect(checkMessage({ text: 'hello' })).toEqual([]);
    expect(checkMessage({ text: 'fallback', blocks: [section('Hi', { accessory: button() })] })).toEqual([]);
    expect(checkBlocks([section('a'), { type: 'divider' }], 'message')).toEqual([]);
  });

  const viewCases: [string, Record<string, unknown>, RegExp][] = [
    ['title too long', modal({ title: plain(x(MODAL_TEXT_MAX + 1)) }), /view\.title\.text is 25 characters \(max 24\)/],
    ['submit too long', modal({ submit: plain(x(MODAL_TEXT_MAX + 1)) }), /view\.submit\.text/],
    ['close too long', modal({ close: plain(x(MODAL_TEXT_MAX + 1)) }), /view\.close\.text/],
    ['title in mrkdwn', modal({ title: mrkdwn('Plan') }), /view\.title\.type must be "plain_text"/],
    ['too many blocks', modal({ blocks: Array.from({ length: VIEW_BLOCKS_MAX + 1 }, () => ({ type: 'divider' })) }), /101 blocks \(max 100\)/],
    ['private_metadata too long', modal({ private_metadata: x(PRIVATE_METADATA_MAX + 1) }), /private_metadata is 3001/],
    ['callback_id too long', modal({ callback_id: x(ID_MAX + 1) }), /callback_id is 256/],
    ['block_id too long', modal({ blocks: [{ type: 'divider', block_id: x(ID_MAX + 1) }] }), /block_id is 256/],
    ['action_id too long', modal({ blocks: [section('a', { accessory: button({ action_id: x(ID_MAX + 1) }) })] }), /action_id is 256/],
    ['section text too long', modal({ blocks: [section(x(SECTION_TEXT_MAX + 1))] }), /blocks\[0\]\.text\.text is 3001/],
    ['section field too long', modal({ blocks: [{ type: 'section', fields: [mrkdwn(x(2001))] }] }), /fields\[0\]\.text is 2001/],
    ['too many section fields', modal({ blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }] }), /fields has 11 items/],
    ['header too long', modal({ blocks: [{ type: 'header', text: plain(x(HEADER_TEXT_MAX + 1)) }] }), /text\.text is 151/],
    [
      'plain_text_input max_length over 3000',
      modal({ blocks: [{ type: 'input', label: plain('L'), element: { type: 'plain_text_input', action_id: 'a', max_length: 3001 } }] }),
      /max_length is 3001/,
    ],
    [
      'initial_value longer than max_length',
      modal({ blocks: [{ type: 'input', label: plain('L'), element: { type: 'plain_text_input', action_id: 'a', max_length: 5, initial_value: 'toolong' } }] }),
      /initial_value is 7 characters \(max_length 5\)/,
    ],
    ['too many select options', modal({ blocks: [section('a', { accessory: select({ options: Array.from({ length: 101 }, (_, i) => opt(`o${i}`)) }) })] }), /options has 101 options \(max 100\)/],
    ['option text too long', modal({ blocks: [section('a', { accessory: select({ options: [opt(x(OPTION_TEXT_MAX + 1), 'v')] }) })] }), /options\[0\]\.text\.text is 76/],
    ['option value too long', modal({ blocks: [section('a', { accessory: select({ options: [opt('t', x(OPTION_VALUE_MAX + 1))] }) })] }), /options\[0\]\.value is 76/],
    [
      'option in a group too long',
      modal({ blocks: [section('a', { accessory: select({ options: undefined, option_groups: [{ label: plain('G'), options: [opt(x(76), 'v')] }] }) })] }),
      /option_groups\[0\]\.options\[0\]\.text\.text is 76/,
    ],
    [
      'radio option value too long',
      modal({ blocks: [{ type: 'input', label: plain('L'), element: { type: 'radio_buttons', action_id: 'r', options: [opt('t', x(76))] } }] }),
      /options\[0\]\.value is 76/,
    ],
    [
      'checkbox option text too long',
      modal({ blocks: [{ type: 'actions', elements: [{ type: 'checkboxes', action_id: 'c', options: [{ text: mrkdwn(x(76)), value: 'v' }] }] }] }),
      /options\[0\]\.text\.text is 76/,
    ],
    ['button text too long', modal({ blocks: [section('a', { accessory: button({ text: plain(x(BUTTON_TEXT_MAX + 1)) }) })] }), /accessory\.text\.text is 76/],
    ['button value too long', modal({ blocks: [section('a', { accessory: button({ value: x(BUTTON_VALUE_MAX + 1) }) })] }), /accessory\.value is 2001/],
    ['too many context elements', modal({ blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }] }), /elements has 11 elements \(max 10\)/],
    ['duplicate block_id', modal({ blocks: [{ type: 'divider', block_id: 'd' }, { type: 'divider', block_id: 'd' }] }), /blocks\[1\]\.block_id "d" duplicates view\.blocks\[0\]\.block_id/],
    ['duplicate action_id in a block', modal({ blocks: [{ type: 'actions', elements: [button(), button()] }] }), /action_id "go" duplicates .* in the same block/],
    ['view over 250 kB', { type: 'home', blocks: Array.from({ length: 90 }, () => section(x(2900))) }, /bytes of JSON \(max 250000\)/],
    ['text object without type', modal({ blocks: [section('a'), { type: 'section', text: { text: 'no type' } }] }), /blocks\[1\]\.text\.type must be/],
    ['text object without text', modal({ blocks: [{ type: 'section', text: { type: 'mrkdwn' } }] }), /blocks\[0\]\.text\.text is missing/],
    ['input without label', modal({ blocks: [{ type: 'input', element: { type: 'plain_text_input', action_id: 'a' } }] }), /label is missing/],
    ['input without element', modal({ blocks: [{ type: 'input', label: plain('L') }] }), /element is missing/],
    ['unknown block type', modal({ blocks: [{ type: 'sektion', text: mrkdwn('a') }] }), /"sektion" is not a Block Kit block type/],
    ['unknown view type', { type: 'dialog', blocks: [] }, /view\.type must be "modal" or "home"/],
    ['element nested in an input checked', modal({ blocks: [{ type: 'input', label: plain('L'), element: select({ options: [opt('a', x(80))] }) }] }), /element\.options\[0\]\.value is 80/],
  ];

  it.each(viewCases)('when a view has %s, then it is reported', (_name, view, pattern) => {
    const found = checkView(view);
    expect(found.some((v) => pattern.test(v)), found.join('\n')).toBe(true);
  });

  const messageCases: [string, Record<string, unknown>, RegExp][] = [
    ['neither text nor blocks', {}, /neither text nor blocks/],
    ['empty text and no blocks', { text: '' }, /neither text nor blocks/],
    ['too many blocks', { text: 't', blocks: Array.from({ length: MESSAGE_BLOCKS_MAX + 1 }, () => ({ type: 'divider' })) }, /51 blocks \(max 50\)/],
    ['blocks that are not JSON', { text: 't', blocks: '[{' }, /blocks is not valid JSON/],
    ['a duplicate block_id', { text: 't', blocks: [section('a', { block_id: 'b' }), section('c', { block_id: 'b' })] }, /duplicates/],
    ['an unknown block', { text: 't', blocks: [{ type: 'buttonz' }] }, /not a Block Kit block type/],
  ];

  it.each(messageCases)('when a message has %s, then it is reported', (_name, args, pattern) => {
    const found = checkMessage(args);
    expect(found.some((v) => pattern.test(v)), found.join('\n')).toBe(true);
  });
});

describe('signBody', () => {
  it('when a body is signed, then the signature is v0= and the HMAC-SHA256 of "v0:ts:body"', () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body = 'token=xyz&team_id=T1&text=hello';
    const expected = createHmac('sha256', secret).update(`v0:1531420618:${body}`).digest('hex');
    expect(signBody(secret, 1531420618, body)).toBe(`v0=${expected}`);
    expect(signBody(secret, '1531420618', body)).toBe(`v0=${expected}`);
  });
});

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: WebClient;

  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      logLevel: LogLevel.ERROR,
      rejectRateLimitedCalls: false,
      retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('when the WebClient calls auth.test, then it gets the bot identity and the call is recorded with its token', async () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: 'U0BOT', team_id: 'T0TEAM', team: 'Test Team' });
    expect(result.bot_id).toMatch(/^B/);
    expect(fake.callsTo('auth.test')).toEqual([expect.objectContaining({ method: 'auth.test', token: 'xoxb-test' })]);
  });

  it('when views are opened, pushed, updated and published, then Slack-shaped views come back and view JSON is parsed', async () => {
    const opened = await client.views.open({ trigger_id: '1.2.3', view: modal() as never });
    expect(opened.view).toMatchObject({ callback_id: 'plan_modal', type: 'modal', private_metadata: '{"planId":"p1"}' });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.root_view_id).toBe(opened.view?.id);
    expect(opened.view?.hash).toBeTruthy();
    expect(fake.callsTo('views.open')[0]?.args.view).toMatchObject({ callback_id: 'plan_modal' });

    const pushed = await client.views.push({ trigger_id: '1.2.4', view: modal({ callback_id: 'step_two' }) as never });
    expect(pushed.view?.root_view_id).toBeTruthy();
    expect(pushed.view?.id).not.toBe(opened.view?.id);

    const updated = await client.views.update({
      view_id: opened.view?.id as string,
      hash: opened.view?.hash as string,
      view: modal({ title: plain('Updated') }) as never,
    });
    expect(updated.view).toMatchObject({ id: opened.view?.id, title: plain('Updated') });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(fake.lastView('plan_modal')?.hash).toBe(updated.view?.hash);

    await expect(
      client.views.update({ view_id: opened.view?.id as string, hash: opened.view?.hash as string, view: modal() as never }),
    ).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'hash_conflict' } });

    const home = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('Hi')] } as never });
    const again = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('Again')] } as never });
    expect(home.view?.type).toBe('home');
    expect(again.view?.id).toBe(home.view?.id);
    expect(fake.violations).toEqual([]);
  });

  it('when chat methods are called, then ts values are unique and increasing and DMs resolve to D ids', async () => {
    const first = await client.chat.postMessage({ channel: 'U1', text: 'one', blocks: [section('one')] as never });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'two' });
    expect(first).toMatchObject({ ok: true, channel: 'DU1', message: { text: 'one', bot_id: 'B0BOT' } });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([section('one')]);

    const updated = await client.chat.update({ channel: 'C1', ts: second.ts as string, text: 'two!' });
    expect(updated).toMatchObject({ channel: 'C1', ts: second.ts, text: 'two!' });

    const ephemeral = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' });
    expect(ephemeral.message_ts).toMatch(/^\d+\.\d{6}$/);

    const postAt = Math.floor(Date.now() / 1000) + 3600;
    const scheduled = await client.chat.scheduleMessage({ channel: 'C1', post_at: postAt, text: 'later' });
    expect(scheduled).toMatchObject({ post_at: postAt, channel: 'C1' });
    expect(scheduled.scheduled_message_id).toMatch(/^Q/);
    await client.chat.deleteScheduledMessage({ channel: 'C1', scheduled_message_id: scheduled.scheduled_message_id as string });
    await expect(
      client.chat.scheduleMessage({ channel: 'C1', post_at: postAt - 7200, text: 'past' }),
    ).rejects.toMatchObject({ data: { error: 'time_in_past' } });

    const link = await client.chat.getPermalink({ channel: 'C1', message_ts: second.ts as string });
    expect(link.permalink).toContain('/archives/C1/p');
  });

  it('when conversations and users are asked for, then DM ids are stable and time zones come back', async () => {
    const a = await client.conversations.open({ users: 'U1' });
    const b = await client.conversations.open({ users: 'U1' });
    expect(a.channel?.id).toBe('DU1');
    expect(b.channel?.id).toBe(a.channel?.id);

    const created = await client.conversations.create({ name: 'promo-packet-u1', is_private: true });
    expect(created.channel).toMatchObject({ name: 'promo-packet-u1', is_private: true });
    await expect(client.conversations.create({ name: 'promo-packet-u1' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    const invited = await client.conversations.invite({ channel: created.channel?.id as string, users: 'U1,U2' });
    expect(invited.channel?.id).toBe(created.channel?.id);

    fake.failNext('conversations.create', { error: 'restricted_action' });
    await expect(client.conversations.create({ name: 'other' })).rejects.toMatchObject({ data: { error: 'restricted_action' } });

    fake.setUser('U2', { tz: 'Europe/Paris', real_name: 'Ada Lovelace' });
    const paris = await client.users.info({ user: 'U2' });
    expect(paris.user).toMatchObject({ id: 'U2', tz: 'Europe/Paris', real_name: 'Ada Lovelace', is_bot: false });
    expect([3600, 7200]).toContain(paris.user?.tz_offset);
    const unknown = await client.users.info({ user: 'U9' });
    expect(unknown.user?.tz).toBe('America/New_York');
    expect([-18000, -14400]).toContain(unknown.user?.tz_offset);
    expect(unknown.user?.tz_label).toMatch(/Eastern/);
  });

  it('when filesUploadV2 uploads Markdown, then the three steps are recorded and the content is readable', async () => {
    const content = '# Packet\n\nWins: 3 — “shipped”';
    const result = await client.filesUploadV2({ channel_id: 'DU1', filename: 'packet.md', content });
    expect(result.ok).toBe(true);
    expect(fake.uploads).toEqual([expect.objectContaining({ filename: 'packet.md', content })]);
    const fileId = fake.uploads[0]?.fileId;
    expect(fake.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'packet.md', length: String(Buffer.byteLength(content)) });
    expect(fake.callsTo('file_upload')).toHaveLength(1);
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.args).toMatchObject({ channel_id: 'DU1', files: [{ id: fileId, title: 'packet.md' }] });
  });

  it('when a call is rate limited with Retry-After, then the WebClient waits, retries and both calls are recorded', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: 'C1', text: 'after the wait' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('when a call fails with an error answer, then it surfaces as a platform error', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = (await client.chat.postMessage({ channel: 'C404', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data.error).toBe('channel_not_found');
    expect(fake.callsTo('chat.postMessage')[0]?.response).toEqual({ ok: false, error: 'channel_not_found' });
  });

  it('when the server fails with 500 more times than the retries, then an HTTP error surfaces', async () => {
    fake.failNext('users.info', { status: 500 }, 2);
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('when an unknown method is called, then it is answered unknown_method and recorded', async () => {
    await expect(client.apiCall('promo.nothing')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(fake.callsTo('promo.nothing')).toHaveLength(1);
  });

  it('when a call arrives after waitForCall started, then it resolves with that call; otherwise it times out', async () => {
    const waiting = fake.waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    void client.chat.postMessage({ channel: 'C1', text: 'first' });
    setTimeout(() => void client.chat.postMessage({ channel: 'C1', text: 'second' }), 20);
    const call = await waiting;
    expect(call.args).toMatchObject({ channel: 'C1', text: 'second' });
    const both = await fake.waitForCalls('chat.postMessage', 2);
    expect(both.map((c) => c.args.text)).toEqual(['first', 'second']);
    await expect(fake.waitForCall('views.open', undefined, 50)).rejects.toThrow(/no matching views\.open call within 50 ms/);
  });

  it('when the app sends a view or message over the limits, then the violation is recorded with its method', async () => {
    await client.views.open({ trigger_id: '1.2.3', view: modal({ title: plain(x(30)) }) as never });
    await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'header', text: plain(x(200)) }] as never });
    expect(fake.violations).toEqual([
      { method: 'views.open', message: expect.stringMatching(/view\.title\.text is 30/) as string },
      { method: 'chat.postMessage', message: expect.stringMatching(/text\.text is 200/) as string },
    ]);
  });

  it('when strictBlocks is on, then a view over the limits is refused as Slack refuses it', async () => {
    const strict = await startFakeSlack({ strictBlocks: true });
    try {
      // The WebClient logs Slack's [ERROR] response messages; the refusal is what this test expects.
      const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
      const strictClient = new WebClient('xoxb-test', { slackApiUrl: strict.apiUrl, logger: silent });
      await expect(
        strictClient.views.open({ trigger_id: '1', view: modal({ title: plain(x(30)) }) as never }),
      ).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    } finally {
      await strict.close();
    }
  });

  it('when something POSTs JSON to a response_url, then it is recorded as a response_url call', async () => {
    const url = fake.responseUrl('cmd-1');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'On it' }),
    });
    expect(res.status).toBe(200);
    const call = await fake.waitForCall('response_url');
    expect(call).toMatchObject({ responseUrlId: 'cmd-1', args: { response_type: 'ephemeral', text: 'On it' } });
  });
});

describe('signed requests into a real Bolt app', () => {
  const signingSecret = 'test-signing-secret';
  let fake: FakeSlack;
  let app: App;
  let baseUrl: string;
  const seen: Record<string, unknown>[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      token: 'xoxb-test',
      signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    app.command('/promo', async ({ ack, respond, command, client }) => {
      await ack();
      seen.push({ kind: 'command', text: command.text });
      await client.views.open({ trigger_id: command.trigger_id, view: modal() as never });
      await respond({ text: 'Opening your plan' });
    });
    app.action('go', async ({ ack, body }) => {
      await ack();
      seen.push({ kind: 'action', type: body.type });
    });
    app.view('plan_modal', async ({ ack, view }) => {
      const goal = view.state.values.goal?.value?.value;
      await ack({ response_action: 'errors', errors: { goal: `got ${goal}` } });
    });
    app.shortcut('log_win', async ({ ack }) => {
      await ack();
      seen.push({ kind: 'shortcut' });
    });
    app.event('app_home_opened', async ({ event, context }) => {
      seen.push({ kind: 'event', user: event.user, retryNum: context.retryNum });
    });
    const server = await app.start(0);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('when a slash command is sent, then Bolt accepts it and the app opens a modal and uses the response_url', async () => {
    const slack = createSlackSender({ baseUrl, signingSecret, fakeSlack: fake });
    const res = await slack.command({ text: 'plan', userId: 'U1' });
    expect(res.status).toBe(200);
    const open = await fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe(res.triggerId);
    const respond = await fake.waitForCall('response_url');
    expect(respond.args).toMatchObject({ text: 'Opening your plan' });
    expect(res.responseUrl).toContain(fake.baseUrl);
    expect(seen).toContainEqual({ kind: 'command', text: 'plan' });
  });

  it('when a view is submitted, then the handler reads state values and its ack body comes back', async () => {
    const slack = createSlackSender({ baseUrl, signingSecret, fakeSlack: fake });
    const res = await slack.viewSubmission({
      userId: 'U1',
      callbackId: 'plan_modal',
      values: { goal: { value: state.plainTextInput('Staff') }, level: { pick: state.staticSelect('L5') } },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ response_action: 'errors', errors: { goal: 'got Staff' } });
    expect((res.payload.view as { id: string }).id).toBe(fake.lastView('plan_modal')?.id);
  });

  it('when an action, a shortcut and a retried event are sent, then Bolt routes each one', async () => {
    const slack = createSlackSender({ baseUrl, signingSecret, fakeSlack: fake });
    expect((await slack.blockAction({ userId: 'U1', actionId: 'go', value: 'v' })).status).toBe(200);
    expect((await slack.messageShortcut({ userId: 'U1', callbackId: 'log_win', channelId: 'C1', message: { ts: '1.000100', user: 'U1', text: 'shipped' } })).status).toBe(200);
    const ev = await slack.event({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' }, { retryNum: 1 });
    expect(ev.status).toBe(200);
    await expect.poll(() => seen).toContainEqual({ kind: 'event', user: 'U1', retryNum: 1 });
    expect(seen).toContainEqual({ kind: 'action', type: 'block_actions' });
    expect(seen).toContainEqual({ kind: 'shortcut' });
  });

  it('when the signature is forged or the timestamp is stale, then Bolt answers 401; url_verification echoes the challenge', async () => {
    const slack = createSlackSender({ baseUrl, signingSecret });
    const body = 'command=%2Fpromo&text=x';
    const contentType = 'application/x-www-form-urlencoded';
    expect((await slack.raw(body, { contentType, signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await slack.raw(body, { contentType, signingSecret: 'wrong' })).status).toBe(401);
    expect((await slack.raw(body, { contentType, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const verify = await slack.urlVerification('chal-123');
    expect(verify.status).toBe(200);
    expect(verify.json()).toEqual({ challenge: 'chal-123' });
  });
});
