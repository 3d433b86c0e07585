// A local stand-in for Slack's Web API (and response_url, and the file upload
// host), for end-to-end tests: the real @slack/web-api WebClient talks to it
// over HTTP, so the app is tested through the same serialisation, retries and
// error handling it uses in production.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMessage, checkView } from './block-kit-limits.js';

export const FAKE_TEAM_ID = 'T0TEAM';
export const FAKE_TEAM_NAME = 'Test Team';
export const FAKE_TEAM_DOMAIN = 'test-team';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';
export const FAKE_APP_ID = 'A0APP';
export const DEFAULT_USER_TZ = 'America/New_York';

/** Pseudo-methods for requests that are not Web API methods. */
export const RESPONSE_URL_METHOD = 'response_url';
export const FILE_UPLOAD_METHOD = 'file_upload';
export const FILE_DOWNLOAD_METHOD = 'file_download';

export interface RecordedCall {
  /** Web API method, or "response_url" / "file_upload". */
  method: string;
  /** Form fields as received; blocks, view, attachments, files, metadata parsed from JSON. */
  args: Record<string, unknown>;
  /** Token from `Authorization: Bearer …` (or a `token` field), if any. */
  token: string | undefined;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
  /** The JSON body the fake answered with (undefined for non-JSON answers). */
  response: unknown;
  /** For response_url calls: the id given to `responseUrl(id)`. */
  responseUrlId?: string;
}

export type FakeFailure =
  | { status: 429; retryAfter: number }
  | { error: string; status?: undefined }
  | { status: number };

export interface FakeUser {
  tz: string;
  tz_label?: string;
  real_name?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  /** Shown as profile.email, as Slack does for an app with users:read.email. */
  email?: string;
}

export interface BlockKitViolation {
  method: string;
  message: string;
}

export interface FakeUpload {
  filename: string;
  content: string;
  fileId: string;
  bytes: Buffer;
}

/** A view as the fake stored it (what Slack would answer with). */
export type StoredView = Record<string, unknown> & {
  id: string;
  hash: string;
  type: string;
  callback_id: string;
  private_metadata: string;
  root_view_id: string;
};

export interface FakeSlackOptions {
  /** When set, API calls with another token are answered `invalid_auth`. */
  token?: string;
  /**
   * Answer a view or message that breaks Block Kit's limits the way Slack does
   * (`invalid_arguments` / `invalid_blocks`) instead of only recording it.
   * Default false: the violation is recorded and the call succeeds.
   */
  strictBlocks?: boolean;
  /** WebSocket URL `apps.connections.open` answers with (Socket Mode tests). */
  socketModeUrl?: string;
  /** Clock for `chat.scheduleMessage`'s `time_in_past` check; default Date.now. */
  now?: () => number;
}

export interface FakeSlack {
  /** Base URL for WebClient's `slackApiUrl`; ends with "/api/". */
  readonly apiUrl: string;
  /** Origin of the server, e.g. http://127.0.0.1:PORT. */
  readonly baseUrl: string;
  readonly calls: readonly RecordedCall[];
  readonly violations: readonly BlockKitViolation[];
  readonly uploads: readonly FakeUpload[];
  callsTo(method: string): RecordedCall[];
  /**
   * Resolves with the first recorded call (since the last reset, including
   * ones that already arrived) to `method` matching `predicate`.
   */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Resolves once `count` matching calls have been recorded. */
  waitForCalls(
    method: string,
    count: number,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall[]>;
  /** Forgets recorded calls, violations, uploads and queued failures; keeps users, views and channels. */
  reset(): void;
  /** The next `times` calls to `method` fail with `failure`. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** The next call to `method` is answered only after `ms`: a slow Slack, for drain tests. */
  delayNext(method: string, ms: number): void;
  setUser(id: string, user: FakeUser): void;
  /**
   * A file a user shared with the app (e.g. through a modal's file input): files.info
   * knows it, and its url_private serves the content to the bot token only.
   */
  hostFile(name: string, content: string): { id: string; name: string; url_private: string };
  /** URL on this server that records POSTs as "response_url" calls. */
  responseUrl(id?: string): string;
  /** The latest view the app opened, pushed, updated or published (optionally with this callback_id). */
  lastView(callbackId?: string): StoredView | undefined;
  viewById(id: string): StoredView | undefined;
  close(): Promise<void>;
}

// Fields the WebClient JSON-stringifies into form fields.
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata']);
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);
// Slack refuses to schedule further ahead than this.
const SCHEDULE_HORIZON_SECONDS = 120 * 24 * 3600;

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

class ApiError extends Error {
  constructor(readonly code: string, readonly extra: Record<string, unknown> = {}) {
    super(code);
  }
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function required(args: Record<string, unknown>, name: string, error = 'invalid_arguments'): string {
  const value = str(args[name]);
  if (value === undefined || value === '') throw new ApiError(error, missing(name));
  return value;
}

function missing(name: string): Record<string, unknown> {
  return { response_metadata: { messages: [`[ERROR] missing required field: ${name}`] } };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface ParsedBody {
  fields: Record<string, unknown>;
  files: { field: string; filename: string; bytes: Buffer }[];
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const contentType = req.headers['content-type'] ?? '';
  const fields: Record<string, unknown> = {};
  const files: ParsedBody['files'] = [];
  if (contentType.startsWith('multipart/form-data')) {
    // undici's Request parses multipart bodies, which saves a dependency.
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') fields[key] = value;
      else files.push({ field: key, filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
    }
  } else if (contentType.startsWith('application/json')) {
    const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    if (typeof parsed === 'object' && parsed !== null) Object.assign(fields, parsed);
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) fields[key] = value;
  } else if (raw.length > 0) {
    files.push({ field: 'body', filename: '', bytes: raw });
  }
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        fields[key] = JSON.parse(value) as unknown;
      } catch {
        // Left as sent: the limit checker reports it as invalid JSON.
      }
    }
  }
  return { fields, files };
}

/** Offset and label of a time zone now, as users.info reports them. */
function zoneInfo(tz: string, at: number): { offset: number; label: string } {
  const part = (style: 'longOffset' | 'long'): string =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60) : 0;
  return { offset, label: part('long') };
}

export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = opts.now ?? Date.now;
  const calls: RecordedCall[] = [];
  const violations: BlockKitViolation[] = [];
  const uploads: FakeUpload[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const delays = new Map<string, number[]>();
  const users = new Map<string, FakeUser>();
  const views = new Map<string, StoredView>();
  const homeViewIds = new Map<string, string>();
  const channels = new Map<string, { id: string; name: string; is_private: boolean; members: Set<string> }>();
  const scheduled = new Map<string, { channel: string; post_at: number }>();
  // Messages posted per channel, oldest first, for conversations.history.
  const history = new Map<string, Record<string, unknown>[]>();
  const pendingUploads = new Map<string, { filename: string; length: number; uploaded: boolean }>();
  const hostedFiles = new Map<string, { name: string; content: string }>();
  let waiters: Waiter[] = [];
  let seq = 0;
  let lastTsMicros = 0;
  // Every version of every view, oldest first, so lastView() sees updates too.
  const viewHistory: StoredView[] = [];

  // Slack ids are upper-case alphanumerics after a one-letter kind prefix.
  const nextId = (prefix: string): string => `${prefix}0${(++seq).toString(36).toUpperCase().padStart(8, '0')}`;
  const nextTs = (): string => {
    lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 1);
    return `${Math.floor(lastTsMicros / 1e6)}.${String(lastTsMicros % 1e6).padStart(6, '0')}`;
  };
  const nextHash = (): string => `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  // Posting to a user id lands in the app's DM with that user, and Slack answers with the DM's id.
  const dmId = (userId: string): string => `D${userId}`;
  const resolveChannel = (channel: string): string => (/^[UW]/.test(channel) ? dmId(channel) : channel);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiUrl = `${baseUrl}/api/`;

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const waiter of [...waiters]) {
      const matching = calls.filter((c) => c.method === waiter.method && waiter.predicate(c));
      if (matching.length >= waiter.count) {
        clearTimeout(waiter.timer);
        waiters = waiters.filter((w) => w !== waiter);
        waiter.resolve(matching.slice(0, waiter.count));
      }
    }
  }

  function takeFailure(method: string): FakeFailure | undefined {
    const queue = failures.get(method);
    const failure = queue?.shift();
    if (queue && queue.length === 0) failures.delete(method);
    return failure;
  }

  function failureAnswer(failure: FakeFailure): Answer {
    if ('error' in failure && failure.error !== undefined) {
      return { status: 200, body: { ok: false, error: failure.error } };
    }
    if (failure.status === 429 && 'retryAfter' in failure) {
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(failure.retryAfter) },
      };
    }
    return { status: failure.status ?? 500, body: { ok: false, error: 'fake_http_error' } };
  }

  function send(res: ServerResponse, answer: Answer): void {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const contentType = typeof answer.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
    res.writeHead(answer.status, { 'content-type': contentType, ...answer.headers });
    res.end(text);
  }

  function checkBlocks(method: string, args: Record<string, unknown>): string[] {
    let found: string[] = [];
    if (VIEW_METHODS.has(method)) found = checkView(args.view);
    else if (MESSAGE_METHODS.has(method)) found = checkMessage(args);
    else if (method === RESPONSE_URL_METHOD && args.delete_original !== true) found = checkMessage(args);
    for (const message of found) violations.push({ method, message });
    return found;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const raw = await readBody(req);
    const { fields, files } = await parseBody(req, raw);
    const at = Date.now();
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? str(fields.token);

    let method: string;
    let answer: Answer;
    let responseUrlId: string | undefined;
    let args: Record<string, unknown> = fields;
    if (url.pathname.startsWith('/api/')) {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const delay = delays.get(method)?.shift();
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      answer = apiAnswer(method, fields, token);
    } else if (url.pathname.startsWith('/response/')) {
      method = RESPONSE_URL_METHOD;
      responseUrlId = decodeURIComponent(url.pathname.slice('/response/'.length));
      const failure = takeFailure(method);
      checkBlocks(method, fields);
      answer = failure ? failureAnswer(failure) : { status: 200, body: { ok: true } };
    } else if (url.pathname.startsWith('/upload/')) {
      method = FILE_UPLOAD_METHOD;
      const fileId = decodeURIComponent(url.pathname.slice('/upload/'.length));
      const failure = takeFailure(method);
      const pending = pendingUploads.get(fileId);
      const file = files[0];
      args = { fileId, filename: pending?.filename ?? file?.filename, length: file?.bytes.length ?? 0 };
      if (failure) {
        answer = failureAnswer(failure);
      } else if (!pending || !file) {
        // The real upload host answers a plain-text 404 for an unknown URL.
        answer = { status: 404, body: 'Not Found' };
      } else {
        pending.uploaded = true;
        uploads.push({ filename: pending.filename, content: file.bytes.toString('utf8'), fileId, bytes: file.bytes });
        answer = { status: 200, body: `OK - ${file.bytes.length}` };
      }
    } else if (url.pathname.startsWith('/files-pri/')) {
      method = FILE_DOWNLOAD_METHOD;
      const fileId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
      const hosted = hostedFiles.get(fileId);
      args = { fileId };
      const failure = takeFailure(method);
      if (failure) answer = failureAnswer(failure);
      // Slack answers a download without the right token with its sign-in page, not an error.
      else if (opts.token !== undefined && bearer !== opts.token) answer = { status: 200, body: '<!DOCTYPE html><title>Sign in</title>' };
      else if (!hosted) answer = { status: 404, body: 'Not Found' };
      else answer = { status: 200, body: hosted.content };
    } else {
      method = `${req.method ?? 'GET'} ${url.pathname}`;
      answer = { status: 404, body: 'Not Found' };
    }
    const call: RecordedCall = {
      method,
      args,
      token,
      at,
      status: answer.status,
      response: typeof answer.body === 'string' ? undefined : answer.body,
    };
    if (responseUrlId !== undefined) call.responseUrlId = responseUrlId;
    record(call);
    send(res, answer);
  }

  function apiAnswer(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
  ): Answer {
    const failure = takeFailure(method);
    if (failure) return failureAnswer(failure);
    try {
      if (!token) throw new ApiError('not_authed');
      // apps.connections.open is the one call made with the app-level token.
      const appLevel = method === 'apps.connections.open' && token.startsWith('xapp-');
      if (opts.token !== undefined && token !== opts.token && !appLevel) throw new ApiError('invalid_auth');
      const found = checkBlocks(method, args);
      if (found.length > 0 && opts.strictBlocks) {
        throw new ApiError(VIEW_METHODS.has(method) ? 'invalid_arguments' : 'invalid_blocks', {
          response_metadata: { messages: found.map((m) => `[ERROR] ${m}`) },
        });
      }
      const result = methodResult(method, args);
      return { status: 200, body: { ok: true, ...result } };
    } catch (error) {
      if (error instanceof ApiError) return { status: 200, body: { ok: false, error: error.code, ...error.extra } };
      throw error;
    }
  }

  function messageObject(args: Record<string, unknown>, ts: string): Record<string, unknown> {
    const message: Record<string, unknown> = {
      type: 'message',
      subtype: 'bot_message',
      text: str(args.text) ?? '',
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      app_id: FAKE_APP_ID,
      team: FAKE_TEAM_ID,
      ts,
    };
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    if (args.metadata !== undefined) message.metadata = args.metadata;
    if (args.thread_ts !== undefined) message.thread_ts = str(args.thread_ts);
    return message;
  }

  function storeView(view: Record<string, unknown>, id: string, rootViewId: string, previousViewId: string | null): StoredView {
    const stored: StoredView = {
      type: 'modal',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      id,
      team_id: FAKE_TEAM_ID,
      state: { values: {} },
      hash: nextHash(),
      previous_view_id: previousViewId,
      root_view_id: rootViewId,
      app_id: FAKE_APP_ID,
      app_installed_team_id: FAKE_TEAM_ID,
      bot_id: FAKE_BOT_ID,
    };
    views.set(id, stored);
    viewHistory.push(stored);
    return stored;
  }

  function viewArg(args: Record<string, unknown>): Record<string, unknown> {
    const view = args.view;
    if (typeof view !== 'object' || view === null || Array.isArray(view)) {
      throw new ApiError('invalid_arguments', missing('view'));
    }
    return view as Record<string, unknown>;
  }

  function findViewForUpdate(args: Record<string, unknown>): StoredView | undefined {
    const viewId = str(args.view_id);
    const externalId = str(args.external_id);
    if (viewId) return views.get(viewId);
    if (externalId) return [...views.values()].find((v) => v.external_id === externalId);
    throw new ApiError('invalid_arguments', missing('view_id or external_id'));
  }

  function methodResult(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        // Socket Mode: Slack hands out a WebSocket URL (see fake-socket-mode.ts).
        if (!opts.socketModeUrl) throw new ApiError('not_allowed_token_type');
        return { url: opts.socketModeUrl };
      case 'auth.test':
        return {
          url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
          team: FAKE_TEAM_NAME,
          user: 'promo_coach',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          is_enterprise_install: false,
        };
      case 'views.open':
      case 'views.push': {
        required(args, 'trigger_id');
        const id = nextId('V');
        // The trigger does not tell the fake which stack it belongs to; a pushed view roots itself.
        return { view: storeView(viewArg(args), id, id, null) };
      }
      case 'views.update': {
        const view = viewArg(args);
        const existing = findViewForUpdate(args);
        const hash = str(args.hash);
        // Slack's optimistic lock: an update carrying a stale hash is refused.
        if (existing && hash !== undefined && hash !== existing.hash) throw new ApiError('hash_conflict');
        if (!existing && str(args.view_id) === undefined) throw new ApiError('not_found');
        const id = existing?.id ?? required(args, 'view_id');
        return {
          view: storeView(view, id, existing?.root_view_id ?? id, existing ? (existing.previous_view_id as string | null) : null),
        };
      }
      case 'views.publish': {
        const userId = required(args, 'user_id');
        const id = homeViewIds.get(userId) ?? nextId('V');
        homeViewIds.set(userId, id);
        const existing = views.get(id);
        const hash = str(args.hash);
        if (existing && hash !== undefined && hash !== existing.hash) throw new ApiError('hash_conflict');
        return { view: storeView({ ...viewArg(args) }, id, id, null) };
      }
      case 'chat.postMessage': {
        const channel = resolveChannel(required(args, 'channel', 'channel_not_found'));
        if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
          throw new ApiError('no_text');
        }
        const ts = nextTs();
        const message = messageObject(args, ts);
        history.set(channel, [...(history.get(channel) ?? []), message]);
        return { channel, ts, message };
      }
      case 'chat.update': {
        const channel = resolveChannel(required(args, 'channel', 'channel_not_found'));
        const ts = required(args, 'ts', 'message_not_found');
        const message = messageObject(args, ts);
        return { channel, ts, text: message.text, message };
      }
      case 'chat.postEphemeral': {
        required(args, 'channel', 'channel_not_found');
        required(args, 'user', 'user_not_in_channel');
        return { message_ts: nextTs() };
      }
      case 'chat.scheduleMessage': {
        const channel = resolveChannel(required(args, 'channel', 'channel_not_found'));
        const postAt = Number(required(args, 'post_at', 'invalid_time'));
        if (!Number.isFinite(postAt)) throw new ApiError('invalid_time');
        const nowSeconds = Math.floor(now() / 1000);
        if (postAt <= nowSeconds) throw new ApiError('time_in_past');
        if (postAt > nowSeconds + SCHEDULE_HORIZON_SECONDS) throw new ApiError('time_too_far');
        const id = nextId('Q');
        scheduled.set(id, { channel, post_at: postAt });
        const message = messageObject(args, nextTs());
        delete message.ts;
        return { channel, scheduled_message_id: id, post_at: postAt, message };
      }
      case 'chat.deleteScheduledMessage': {
        required(args, 'channel', 'channel_not_found');
        const id = required(args, 'scheduled_message_id', 'invalid_scheduled_message_id');
        if (!scheduled.delete(id)) throw new ApiError('invalid_scheduled_message_id');
        return {};
      }
      case 'chat.getPermalink': {
        const channel = required(args, 'channel', 'channel_not_found');
        const ts = required(args, 'message_ts', 'message_not_found');
        return {
          channel,
          permalink: `https://${FAKE_TEAM_DOMAIN}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
        };
      }
      case 'conversations.open': {
        const userIds = (str(args.users) ?? '').split(',').map((u) => u.trim()).filter(Boolean);
        const channelId = str(args.channel);
        if (userIds.length === 0 && !channelId) throw new ApiError('users_list_not_supplied');
        // One stable id per DM, the way Slack reuses an existing conversation.
        const id = channelId ?? (userIds.length === 1 ? dmId(userIds[0] as string) : `G${userIds.sort().join('')}`);
        return { no_op: true, already_open: true, channel: { id } };
      }
      case 'conversations.history': {
        const channel = required(args, 'channel', 'channel_not_found');
        const limit = Number(str(args.limit) ?? 100);
        const oldest = Number(str(args.oldest) ?? 0);
        const withMetadata = str(args.include_all_metadata) === 'true';
        // Newest first, as Slack answers; metadata only when asked for, as Slack does.
        const messages = [...(history.get(channel) ?? [])]
          .filter((m) => Number(m.ts) > oldest)
          .reverse()
          .slice(0, limit)
          .map(({ metadata, ...m }) => (withMetadata && metadata !== undefined ? { ...m, metadata } : m));
        return { messages, has_more: false };
      }
      case 'conversations.create': {
        const name = required(args, 'name', 'invalid_name_required');
        if (name.length > 80) throw new ApiError('invalid_name_maxlength');
        if (!/^[a-z0-9_-]+$/.test(name)) throw new ApiError('invalid_name_specials');
        if ([...channels.values()].some((c) => c.name === name)) throw new ApiError('name_taken');
        const isPrivate = str(args.is_private) === 'true';
        const id = nextId(isPrivate ? 'G' : 'C');
        channels.set(id, { id, name, is_private: isPrivate, members: new Set([FAKE_BOT_USER_ID]) });
        return { channel: channelObject(id) };
      }
      case 'conversations.invite': {
        const id = required(args, 'channel', 'channel_not_found');
        const userIds = required(args, 'users', 'no_user').split(',').map((u) => u.trim());
        const channel = channels.get(id);
        if (channel) for (const u of userIds) channel.members.add(u);
        return { channel: channelObject(id) };
      }
      case 'users.info': {
        const id = required(args, 'user', 'user_not_found');
        return { user: userObject(id) };
      }
      case 'files.info': {
        const id = required(args, 'file', 'file_not_found');
        const hosted = hostedFiles.get(id);
        if (!hosted) throw new ApiError('file_not_found');
        return { file: hostedFileObject(id, hosted.name) };
      }
      case 'files.getUploadURLExternal': {
        const filename = required(args, 'filename');
        const length = Number(required(args, 'length'));
        const fileId = nextId('F');
        pendingUploads.set(fileId, { filename, length, uploaded: false });
        return { upload_url: `${baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const list = args.files;
        if (!Array.isArray(list) || list.length === 0) throw new ApiError('invalid_arguments', missing('files'));
        return {
          files: list.map((f: unknown) => {
            const entry = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
            const fileId = str(entry.id) ?? '';
            const pending = pendingUploads.get(fileId);
            // Completing a file whose bytes never arrived is refused by Slack.
            if (!pending || !pending.uploaded) throw new ApiError('file_not_found');
            return fileObject(fileId, pending.filename, str(entry.title) ?? pending.filename, str(args.channel_id));
          }),
        };
      }
      default:
        throw new ApiError('unknown_method', { req_method: method });
    }
  }

  function channelObject(id: string): Record<string, unknown> {
    const channel = channels.get(id);
    const name = channel?.name ?? id.toLowerCase();
    return {
      id,
      name,
      name_normalized: name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: channel?.is_private ?? false,
      is_archived: false,
      is_member: true,
      created: Math.floor(Date.now() / 1000),
      creator: FAKE_BOT_USER_ID,
      context_team_id: FAKE_TEAM_ID,
    };
  }

  function userObject(id: string): Record<string, unknown> {
    const user = users.get(id) ?? { tz: DEFAULT_USER_TZ };
    const zone = zoneInfo(user.tz, now());
    const realName = user.real_name ?? `User ${id}`;
    const name = realName.toLowerCase().replace(/[^a-z0-9]+/g, '.');
    return {
      id,
      team_id: FAKE_TEAM_ID,
      name,
      deleted: false,
      real_name: realName,
      tz: user.tz,
      tz_label: user.tz_label ?? zone.label,
      tz_offset: zone.offset,
      is_admin: user.is_admin ?? false,
      is_owner: user.is_owner ?? false,
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      updated: Math.floor(Date.now() / 1000),
      profile: { real_name: realName, display_name: name, team: FAKE_TEAM_ID, ...(user.email ? { email: user.email } : {}) },
    };
  }

  function fileObject(id: string, name: string, title: string, channelId: string | undefined): Record<string, unknown> {
    const upload = uploads.find((u) => u.fileId === id);
    return {
      id,
      created: Math.floor(Date.now() / 1000),
      name,
      title,
      mimetype: name.endsWith('.md') ? 'text/markdown' : 'text/plain',
      filetype: name.endsWith('.md') ? 'markdown' : 'text',
      user: FAKE_BOT_USER_ID,
      size: upload?.bytes.length ?? 0,
      url_private: `https://files.slack.com/files-pri/${FAKE_TEAM_ID}-${id}/${name}`,
      permalink: `https://${FAKE_TEAM_DOMAIN}.slack.com/files/${FAKE_BOT_USER_ID}/${id}/${name}`,
      channels: channelId ? [channelId] : [],
    };
  }

  function hostedFileObject(id: string, name: string): { id: string; name: string; url_private: string } {
    return { id, name, url_private: `${baseUrl}/files-pri/${id}/${encodeURIComponent(name)}` };
  }

  function waitFor(
    method: string,
    count: number,
    predicate: (call: RecordedCall) => boolean,
    timeoutMs: number,
  ): Promise<RecordedCall[]> {
    const matching = calls.filter((c) => c.method === method && predicate(c));
    if (matching.length >= count) return Promise.resolve(matching.slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = calls.map((c) => c.method).join(', ') || 'none';
          reject(new Error(`fake Slack: no${count > 1 ? ` ${count}` : ''} matching ${method} call within ${timeoutMs} ms (calls seen: ${seen})`));
        }, timeoutMs),
      };
      waiters.push(waiter);
    });
  }

  return {
    apiUrl,
    baseUrl,
    calls,
    violations,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: async (method, predicate = () => true, timeoutMs = 5000) => {
      const [call] = await waitFor(method, 1, predicate, timeoutMs);
      return call as RecordedCall;
    },
    waitForCalls: (method, count, predicate = () => true, timeoutMs = 5000) => waitFor(method, count, predicate, timeoutMs),
    reset: () => {
      calls.length = 0;
      violations.length = 0;
      uploads.length = 0;
      failures.clear();
      delays.clear();
    },
    delayNext: (method, ms) => {
      delays.set(method, [...(delays.get(method) ?? []), ms]);
    },
    failNext: (method, failure, times = 1) => {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    setUser: (id, user) => {
      // Fail here, not inside a request, when a test names a zone Intl does not know.
      zoneInfo(user.tz, now());
      users.set(id, user);
    },
    hostFile: (name, content) => {
      const id = nextId('F');
      hostedFiles.set(id, { name, content });
      return hostedFileObject(id, name);
    },
    responseUrl: (id = nextId('R')) => `${baseUrl}/response/${encodeURIComponent(id)}`,
    lastView: (callbackId) =>
      viewHistory.findLast((v) => callbackId === undefined || v.callback_id === callbackId),
    viewById: (id) => views.get(id),
    close: async () => {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake Slack closed'));
      }
      waiters = [];
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
