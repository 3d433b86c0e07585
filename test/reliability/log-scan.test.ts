// The log scan is only worth what it catches: fed lines that hold a token, a secret or a
// user's words (whole, cut short, escaped in JSON, or as Slack encodes them), it reports
// each one with its context; fed the app's ordinary lines, it reports nothing.
import { describe, expect, it } from 'vitest';
import { describeLeaks, scanLogs, secretsOf, sentNeedles, TEXT_WINDOW } from './log-scan.js';

const BOT = 'xoxb-111-222-testbottokensecret';
const SECRET = 'test-signing-secret-8f2a1c';
const KEY = 'sk-test-fake-openai-key';
const DATABASE_URL = 'postgres://promo:db-pass-77x@127.0.0.1:5432/promo';
const WIN = 'Led the incident review for the billing outage & wrote <the> runbook';
const RESPONSE_URL = 'http://127.0.0.1:4000/response/R17';
const TRIGGER = '17000000001.abc123.8a1b2c3d4e5f60718293a4b5c6d7e8f9';

const secrets = secretsOf({ botToken: BOT, signingSecret: SECRET, llmApiKey: KEY, databaseUrl: DATABASE_URL });

// What a test sent: a command (form fields, Slack-encoded text), a modal with a typed input
// and an app-written label, and a button on the app's own message.
const sent = [
  new URLSearchParams({ command: '/promo', text: `win ${WIN.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}`, response_url: RESPONSE_URL, trigger_id: TRIGGER }).toString(),
  {
    type: 'view_submission',
    trigger_id: '1.2.3',
    view: {
      title: { type: 'plain_text', text: 'Log a win from the Home tab' },
      state: { values: { b: { a: { type: 'plain_text_input', value: 'Mentored two new engineers through on-call' } } } },
    },
  },
  { type: 'block_actions', actions: [{ type: 'button', value: 'win-id-123456789' }], message: { text: 'What did you ship this week, friend?' } },
];

const clean = [
  '{"level":30,"time":1,"app":"promo-coach","userId":"UENG","winId":"cm123","msg":"win saved"}',
  '{"level":50,"app":"promo-coach","err":{"type":"PrismaClientKnownRequestError","code":"P2002","message":"database error P2002"},"msg":"unhandled error in a Slack listener"}',
  '{"level":20,"component":"bolt","msg":"ack() call begins …"}',
  '{"level":40,"msg":"WebClient error","authorization":"[redacted]","header":"Bearer [redacted]"}',
  '{"level":20,"component":"bolt","msg":"http request headers: {\\"Authorization\\":\\"[[REDACTED]]\\"}"}',
  'Promo Coach cannot start: cannot connect to the PostgreSQL database in DATABASE_URL (127.0.0.1:5432/promo): ECONNREFUSED',
];

const scan = (lines: string[]) => scanLogs([{ name: 'app', lines }], { secrets: [...secrets, ...needles.secrets], texts: needles.texts });
const needles = sentNeedles(sent);

describe('the log scan', () => {
  it('takes from what was sent the user texts and the bearer-like ids, not the app\'s own words', () => {
    expect(needles.texts).toEqual([expect.stringContaining('Led the incident review'), 'Mentored two new engineers through on-call']);
    expect(needles.secrets).toEqual([
      { what: 'a response_url', value: RESPONSE_URL, requestId: true },
      { what: 'a trigger_id', value: TRIGGER, requestId: true },
    ]);
    expect(secrets.map((s) => s.what)).toEqual(['the bot token', 'the signing secret', 'the LLM API key', 'the database password', 'DATABASE_URL (it holds the password)']);
  });

  it('finds nothing in clean lines', () => {
    const { leaks, lines } = scan(clean);
    expect(leaks).toEqual([]);
    expect(lines).toBe(clean.length);
  });

  it.each([
    ['the bot token in a message', `{"level":50,"msg":"auth.test failed for ${BOT}"}`, 'the bot token'],
    ['any Slack token', '{"level":20,"msg":"token xoxp-999-888-someoneelse"}', 'a Slack token'],
    ['an app-level token', 'connecting with xapp-1-A0-123-abcdef', 'an app-level token'],
    ['the signing secret in an object', `{"level":30,"config":{"secret":"${SECRET}"}}`, 'the signing secret'],
    ['the LLM key in a stack', `{"level":50,"err":{"stack":"Error: 401 Incorrect API key provided: ${KEY}\\n    at x"}}`, 'the LLM API key'],
    ['the database password', '{"level":50,"msg":"password db-pass-77x rejected"}', 'the database password'],
    ['a URL with credentials', '{"level":50,"msg":"cannot reach postgres://other:hunter22@db:5432/x"}', 'a URL with a password'],
    ['a Bearer value', '{"level":20,"headers":"Bearer abcdef123456"}', 'a Bearer value'],
    ['an Authorization header', '{"level":20,"req":{"headers":{"authorization":"Basic dXNlcjpwYXNz"}}}', 'an Authorization header'],
    ['a response_url', `{"level":50,"msg":"POST ${RESPONSE_URL} failed"}`, 'a response_url'],
    ['a trigger_id', `{"level":20,"trigger":"${TRIGGER}"}`, 'a trigger_id'],
    ['a whole user text, decoded', JSON.stringify({ level: 20, msg: `ack() call begins (body: ${WIN})` }), 'user text'],
    ['a user text as Slack encoded it', JSON.stringify({ level: 20, body: 'text=win Led the incident review for the billing outage &amp; wrote &lt;the&gt;' }), 'user text'],
    ['a user text cut short', JSON.stringify({ level: 40, msg: `invalid win: "${WIN.slice(20, 20 + TEXT_WINDOW)}"` }), 'user text'],
    ['a modal input inside an error', JSON.stringify({ level: 50, err: { message: 'Invalid `prisma.win.create()` invocation: { text: "Mentored two new engineers" }' } }), 'user text'],
    ['a user text in a child process\'s plain output', `warn: could not save "Mentored two new engineers through on-call"`, 'user text'],
  ])('reports %s, with its line and context', (_, line, what) => {
    const { leaks } = scan([...clean, line]);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ source: 'app', line: clean.length + 1, what: expect.stringContaining(what) });
    expect(describeLeaks(leaks)).toContain(`app:${clean.length + 1}`);
  });

  it('does not take the app\'s own message or an id for user text', () => {
    expect(scan(['{"level":20,"msg":"What did you ship this week, friend?","value":"win-id-123456789"}']).leaks).toEqual([]);
  });
});
