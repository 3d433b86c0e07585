// Requests that did not come from Slack, or came too late, or were altered on the way, are
// refused before any listener runs; a body too big to be a Slack payload is refused
// before it is read.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../src/slack/body-limit.js';
import { startTestApp, TEST_SIGNING_SECRET, type TestApp } from '../support/app-harness.js';
import { signBody, VERIFICATION_TOKEN } from '../support/slack-requests.js';
import { onboard, ENGINEER } from '../e2e/wins-support.js';
import { callsSince, settle, snapshot } from './support.js';
import { captureSent, scanLogsAfterEach } from './log-scan.js';

// Every line each scenario made the app write is scanned for secrets and user text (§8).
scanLogsAfterEach();

const FORM = 'application/x-www-form-urlencoded';

/** A `/promo win` exactly as Slack would send it: were it accepted, a win would be stored. */
function winCommand(text = 'win Led the incident review for the billing outage'): string {
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: 'T0TEAM',
    channel_id: `D${ENGINEER}`,
    user_id: ENGINEER,
    command: '/promo',
    text,
    api_app_id: 'A0APP',
    response_url: 'http://127.0.0.1:1/response',
    trigger_id: '1.2.3',
  }).toString();
}

const now = () => Math.floor(Date.now() / 1000);

async function post(app: TestApp, body: string, headers: Record<string, string>): Promise<number> {
  captureSent(body);
  const res = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body });
  await res.text();
  return res.status;
}

describe('requests that did not come from Slack as sent', () => {
  const start = async () => {
    const app = await startTestApp();
    await onboard(app);
    return app;
  };

  const cases: [string, (body: string) => { body: string; headers: Record<string, string> }][] = [
    ['a bad signature', (body) => ({ body, headers: { 'x-slack-request-timestamp': String(now()), 'x-slack-signature': signBody('not-the-secret', now(), body) } })],
    ['no signature header', (body) => ({ body, headers: { 'x-slack-request-timestamp': String(now()) } })],
    ['no timestamp header', (body) => ({ body, headers: { 'x-slack-signature': signBody(TEST_SIGNING_SECRET, now(), body) } })],
    ['no headers at all', (body) => ({ body, headers: {} })],
    [
      'a timestamp six minutes old, correctly signed',
      (body) => {
        const ts = now() - 6 * 60;
        return { body, headers: { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signBody(TEST_SIGNING_SECRET, ts, body) } };
      },
    ],
    [
      'a valid request replayed with a changed body',
      (body) => {
        const ts = now();
        const changed = body.replace('Led+the+incident', 'Forged+the+incident');
        expect(changed).not.toBe(body);
        return { body: changed, headers: { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signBody(TEST_SIGNING_SECRET, ts, body) } };
      },
    ],
  ];

  it.each(cases)('when a command arrives with %s, then it gets a 401 and nothing changes in the database or in Slack', async (_, make) => {
    const app = await start();
    const before = await snapshot(app, { bookkeeping: true });
    const from = app.fake.calls.length;
    const { body, headers } = make(winCommand());
    expect(await post(app, body, headers)).toBe(401);
    await settle(app);
    expect(await snapshot(app, { bookkeeping: true })).toEqual(before);
    expect(callsSince(app, from)).toEqual([]);
  });

  it('when the very same signed request is sent unchanged, then it is accepted (the cases above fail for their reason alone)', async () => {
    const app = await start();
    const ts = now();
    const body = winCommand();
    expect(await post(app, body, { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signBody(TEST_SIGNING_SECRET, ts, body) })).toBe(200);
    // The command acks first and stores the win after.
    await settle(app);
    expect(await app.coach.deps.repos.wins.listRecent(ENGINEER, 10)).toHaveLength(1);
  });

  it('when Slack verifies the URL, then the challenge is answered', async () => {
    const app = await start();
    const res = await app.slack.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(res.status).toBe(200);
    expect(res.json<{ challenge: string }>()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('when an unsigned url_verification arrives, then it gets a 401 like any other request', async () => {
    const app = await start();
    const res = await fetch(`${app.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'url_verification', challenge: 'x' }),
    });
    expect(res.status).toBe(401);
  });
});

/** Sends headers (and `declared` as Content-Length, if given), then `chunks` one by one until the app answers. */
function streamUntilAnswered(app: TestApp, opts: { declared?: number; chunk: Buffer; maxChunks: number }): Promise<{ status: number; bytesSent: number }> {
  const url = new URL('/slack/events', app.baseUrl);
  const ts = now();
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': FORM,
          'x-slack-request-timestamp': String(ts),
          // The signature cannot be right for a body not yet sent: the size check must come first.
          'x-slack-signature': signBody(TEST_SIGNING_SECRET, ts, ''),
          ...(opts.declared !== undefined ? { 'content-length': String(opts.declared) } : {}),
        },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, bytesSent });
        req.destroy();
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let n = 0;
    const pump = () => {
      if (answered) return;
      if (n >= opts.maxChunks) {
        // Everything is out and no answer yet: the app is waiting for bytes that will never come.
        setTimeout(() => {
          if (answered) return;
          answered = true;
          req.destroy();
          resolve({ status: 0, bytesSent });
        }, 3_000);
        return;
      }
      n += 1;
      bytesSent += opts.chunk.length;
      // A slow sender: the app has every chance to answer between chunks.
      req.write(opts.chunk, () => setTimeout(pump, 2));
    };
    req.flushHeaders();
    pump();
  });
}

describe('oversized bodies', () => {
  it('when a request declares a body over 1 MB, then it gets a 413 before the body is sent', async () => {
    const app = await startTestApp();
    const before = await snapshot(app, { bookkeeping: true });
    // 2 MB declared; only 16 KB is ever written unless the app waits for more.
    const result = await streamUntilAnswered(app, { declared: 2 * 1024 * 1024, chunk: Buffer.alloc(1024, 'a'), maxChunks: 16 });
    expect(result.status).toBe(413);
    expect(result.bytesSent).toBeLessThanOrEqual(16 * 1024);
    expect(await snapshot(app, { bookkeeping: true })).toEqual(before);
  });

  it('when a chunked body without a length keeps coming past 1 MB, then the app stops reading and answers 413 near 1 MB', async () => {
    const app = await startTestApp();
    const chunk = Buffer.alloc(64 * 1024, 'a');
    // Up to 32 MB would be sent; the answer must come long before.
    const result = await streamUntilAnswered(app, { chunk, maxChunks: 512 });
    expect(result.status).toBe(413);
    expect(result.bytesSent).toBeGreaterThan(MAX_REQUEST_BYTES);
    // The answer takes a moment to travel back while a few more chunks go out.
    expect(result.bytesSent).toBeLessThan(MAX_REQUEST_BYTES + 1024 * 1024);
  });

  it('when a signed body is just under 1 MB, then it is read and answered (the limit does not cut real payloads)', async () => {
    const app = await startTestApp();
    await onboard(app);
    const body = winCommand(`win ${'a'.repeat(MAX_REQUEST_BYTES - 2_000)}`);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_REQUEST_BYTES);
    const ts = now();
    expect(await post(app, body, { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signBody(TEST_SIGNING_SECRET, ts, body) })).toBe(200);
    // Too long to be a win: refused with a message, nothing stored.
    expect(await app.coach.deps.repos.wins.listRecent(ENGINEER, 10)).toEqual([]);
  });
});
