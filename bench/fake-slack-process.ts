// The fake Slack Web API in a process of its own. The app's work after each ack (Home
// publishes, confirmations) lands here, and checking and recording those calls costs
// CPU; in the process that sends the requests and times their acks, that cost showed up
// as ack latency the app never caused. Over IPC it tells the parent when each views.open
// arrives, and answers how many response_urls got the message the parent waits for.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RESPONSE_URL_METHOD, startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import { createSlackSender, type SlackSender } from '../test/support/slack-requests.js';

type Op = { op: 'responses'; ids: string[]; textStartsWith: string } | { op: 'reset' } | { op: 'close' };
type Request = Op & { id: number };

/** Milliseconds with sub-millisecond precision, for intervals timed within one process. */
export const preciseNow = () => performance.timeOrigin + performance.now();

export interface RemoteFakeSlack {
  apiUrl: string;
  /** A response_url on the fake, as the signed-request sender needs one. */
  responseUrl(id?: string): string;
  /** Signs and sends requests to the app at baseUrl, as Slack does, with response_urls on this fake. */
  sender(baseUrl: string): SlackSender;
  /**
   * When the trigger's views.open arrived, or null if it has not within timeoutMs: Date.now(),
   * the one clock two processes share (performance.timeOrigin differs between them by up to
   * tens of ms).
   */
  opened(trigger: string, timeoutMs: number): Promise<number | null>;
  /**
   * How many of these response_url ids got a message whose text starts with textStartsWith:
   * a confirmation that says what it should, not just any reply (a failure is a reply too).
   */
  responses(ids: string[], textStartsWith: string): Promise<number>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startRemoteFakeSlack(token: string, signingSecret: string): Promise<RemoteFakeSlack> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [token], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 0;
  // views.open arrivals, by trigger: the time, or the waiter if the bench asked first.
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const ready = new Promise<{ apiUrl: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake Slack process exited with ${code}`)));
    child.on('message', (message: { id?: number; ready?: { apiUrl: string }; value?: unknown; opened?: { trigger: string; at: number } }) => {
      if (message.ready) resolve(message.ready);
      else if (message.opened) {
        const { trigger, at } = message.opened;
        const waiter = waiting.get(trigger);
        if (waiter) waiter(at);
        else arrived.set(trigger, at);
      } else if (message.id !== undefined) pending.get(message.id)?.(message.value);
    });
  });
  const opened = (trigger: string, timeoutMs: number) =>
    new Promise<number | null>((resolve) => {
      const at = arrived.get(trigger);
      if (at !== undefined) {
        arrived.delete(trigger);
        return resolve(at);
      }
      const done = (value: number | null) => {
        clearTimeout(timer);
        waiting.delete(trigger);
        resolve(value);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      waiting.set(trigger, done);
    });
  const ask = <T>(request: Op): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (value) => {
        pending.delete(id);
        resolve(value as T);
      });
      child.send({ ...request, id });
    });
  const { apiUrl } = await ready;
  const base = apiUrl.replace(/\/api\/?$/, '');
  let responseIds = 0;
  const responseUrl = (id = `RB${++responseIds}`) => `${base}/response/${encodeURIComponent(id)}`;
  return {
    apiUrl,
    sender: (baseUrl) =>
      createSlackSender({
        baseUrl,
        signingSecret,
        // The sender asks a fake only for response_urls and the views it served; this one serves none.
        fakeSlack: { responseUrl: (id?: string) => responseUrl(id), viewById: () => undefined, lastView: () => undefined } as unknown as FakeSlack,
      }),
    responseUrl,
    opened,
    responses: (ids, textStartsWith) => ask({ op: 'responses', ids, textStartsWith }),
    reset: () => {
      arrived.clear();
      return ask({ op: 'reset' });
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ op: 'close', id: -1 });
      await exited;
    },
  };
}

async function serve(token: string): Promise<void> {
  const fake = await startFakeSlack({ token });
  // A tap, not a wait: the predicate tells the parent of each views.open as it is recorded and never matches.
  void fake
    .waitForCall(
      'views.open',
      (call) => {
        process.send?.({ opened: { trigger: String(call.args.trigger_id), at: Date.now() } });
        return false;
      },
      2 ** 31 - 1,
    )
    .catch(() => undefined);
  process.on('message', (request: Request) => {
    const reply = (value: unknown) => process.send?.({ id: request.id, value });
    switch (request.op) {
      case 'responses': {
        const ids = new Set(request.ids);
        const answered = fake
          .callsTo(RESPONSE_URL_METHOD)
          .filter((c) => c.responseUrlId !== undefined && ids.has(c.responseUrlId) && String(c.args.text ?? '').startsWith(request.textStartsWith))
          .map((c) => c.responseUrlId);
        // Distinct ids: a confirmation may be followed by more messages to the same response_url.
        return reply(new Set(answered).size);
      }
      case 'reset':
        fake.reset();
        return reply(null);
      case 'close':
        void fake.close().then(() => process.exit(0));
    }
  });
  process.send?.({ ready: { apiUrl: fake.apiUrl } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(process.argv[2] ?? '');
