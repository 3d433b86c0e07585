// A local stand-in for an OpenAI-compatible server (`POST /v1/chat/completions`), for
// tests: the real openai SDK talks to it over HTTP, so timeouts, retries and parsing are
// tested the way they run in production. Each test scripts what it answers (a good answer,
// a slow one, a 429, 500s, malformed JSON, JSON that breaks the schema) and reads back
// every request, to check what left the app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_OPENAI_KEY = 'sk-test-fake-openai-key';

export type FakeLlmAnswer =
  /** A completion whose content is this value as JSON (a good answer, or one that breaks the schema). */
  | { json: unknown; usage?: { prompt: number; completion: number } }
  /** A completion whose content is this text as is (malformed JSON). */
  | { content: string; usage?: { prompt: number; completion: number } }
  /** An HTTP error as OpenAI sends it; 429s carry Retry-After. */
  | { status: number; retryAfterMs?: number }
  /** Answers after `ms` (a slow model; the client should have given up by then). */
  | { delayMs: number; then: FakeLlmAnswer };

export interface RecordedLlmRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The system prompt. */
  system: string;
  /** The user message, whole. */
  user: string;
  /** The pieces of user text between the data markers, in order. */
  delimited: string[];
  /** The JSON schema the app asked for. */
  schemaName: string | undefined;
  at: number;
}

export interface FakeOpenAi {
  /** For OPENAI_BASE_URL: ends with /v1. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedLlmRequest[];
  /** The next requests get these answers, in order; after them, the default. */
  script(...answers: FakeLlmAnswer[]): void;
  /** What every unscripted request gets; the request is there to build an answer from. */
  answerWith(answer: (request: RecordedLlmRequest) => FakeLlmAnswer): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedLlmRequest[]>;
  close(): Promise<void>;
}

const DATA_BLOCK = /<<<USER_TEXT [^>]*>>>\n([\s\S]*?)\n<<<END_USER_TEXT>>>/g;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function completion(model: string, content: string, usage = { prompt: 120, completion: 40 }) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2, 12)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
  };
}

function errorBody(status: number) {
  const [type, message] =
    status === 429 ? ['requests', 'Rate limit reached for requests'] : status === 401 ? ['invalid_request_error', 'Incorrect API key provided'] : ['server_error', 'The server had an error while processing your request.'];
  return { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } };
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedLlmRequest[] = [];
  const scripted: FakeLlmAnswer[] = [];
  let fallback: (request: RecordedLlmRequest) => FakeLlmAnswer = () => ({ status: 500 });
  let waiters: { count: number; resolve: (r: RecordedLlmRequest[]) => void }[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function answer(res: ServerResponse, request: RecordedLlmRequest, reply: FakeLlmAnswer): void {
    if ('delayMs' in reply) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res, request, reply.then);
      }, reply.delayMs);
      timers.add(timer);
      return;
    }
    if ('status' in reply) {
      send(res, reply.status, errorBody(reply.status), reply.retryAfterMs !== undefined ? { 'retry-after-ms': String(reply.retryAfterMs) } : {});
      return;
    }
    const model = typeof request.body.model === 'string' ? request.body.model : 'gpt-4o-mini';
    const content = 'json' in reply ? JSON.stringify(reply.json) : reply.content;
    send(res, 200, completion(model, content, reply.usage));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      send(res, 404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
      return;
    }
    if (req.headers.authorization !== `Bearer ${FAKE_OPENAI_KEY}`) {
      send(res, 401, errorBody(401));
      return;
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    const messages = (body.messages ?? []) as { role: string; content: string }[];
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const format = body.response_format as { type?: string; json_schema?: { name?: string } } | undefined;
    const request: RecordedLlmRequest = {
      path: req.url,
      authorization: req.headers.authorization,
      body,
      system: messages.find((m) => m.role === 'system')?.content ?? '',
      user,
      delimited: [...user.matchAll(DATA_BLOCK)].map((m) => m[1] ?? ''),
      schemaName: format?.json_schema?.name,
      at: Date.now(),
    };
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (requests.length >= waiter.count) {
        waiters = waiters.filter((w) => w !== waiter);
        waiter.resolve(requests.slice(0, waiter.count));
      }
    }
    // Structured output is what the app promises; a request without it is a bug to surface.
    if (format?.type !== 'json_schema') {
      send(res, 400, { error: { message: "Expected response_format of type 'json_schema'", type: 'invalid_request_error', param: 'response_format', code: null } });
      return;
    }
    answer(res, request, scripted.shift() ?? fallback(request));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => {
      scripted.push(...answers);
    },
    answerWith: (fn) => {
      fallback = fn;
    },
    waitForRequests: (count, timeoutMs = 5000) =>
      requests.length >= count
        ? Promise.resolve(requests.slice(0, count))
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`fake OpenAI: ${requests.length} of ${count} requests within ${timeoutMs} ms`)), timeoutMs);
            waiters.push({ count, resolve: (r) => { clearTimeout(timer); resolve(r); } });
          }),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
