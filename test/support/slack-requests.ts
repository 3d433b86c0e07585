// Signed requests into the app, byte for byte the way Slack sends them, so an
// end-to-end test goes through Bolt's receiver, signature check and body parsing.
import { createHmac, randomBytes } from 'node:crypto';
import type { FakeSlack, StoredView } from './fake-slack.js';
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_DOMAIN, FAKE_TEAM_ID } from './fake-slack.js';

export const EVENTS_PATH = '/slack/events';
/** The deprecated verification token Slack still puts in every payload. */
export const VERIFICATION_TOKEN = 'verification-token';

/** `v0=` + hex HMAC-SHA256 of "v0:{timestamp}:{body}" under the signing secret. */
export function signBody(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackResponse {
  status: number;
  headers: Record<string, string>;
  /** The response body as text (Bolt acks with an empty body unless ack() got an argument). */
  body: string;
  /** The body parsed as JSON; undefined for an empty body. */
  json<T = unknown>(): T;
}

/** A response plus the ids this request carried, for correlating the app's follow-up calls. */
export interface SentRequest extends SlackResponse {
  payload: Record<string, unknown>;
  triggerId?: string;
  responseUrl?: string;
  eventId?: string;
}

type RequestIds = Pick<SentRequest, 'triggerId' | 'responseUrl' | 'eventId'>;

export interface SlackSenderOptions {
  /** The app's origin, e.g. http://127.0.0.1:PORT. */
  baseUrl: string;
  signingSecret: string;
  /** When given, response_urls point at it and view payloads default to the views it served. */
  fakeSlack?: FakeSlack;
  /** Default EVENTS_PATH. */
  path?: string;
  teamId?: string;
  appId?: string;
}

// ---- view state values, in the shape Slack puts in view.state.values ----

export type StateValue = Record<string, unknown> & { type: string };
/** `values[block_id][action_id]`. */
export type StateValues = Record<string, Record<string, StateValue>>;

function plainText(text: string): Record<string, unknown> {
  return { type: 'plain_text', text, emoji: true };
}

export interface OptionInput {
  value: string;
  text?: string;
}

function option(o: OptionInput | string): Record<string, unknown> {
  const { value, text } = typeof o === 'string' ? { value: o, text: undefined } : o;
  return { text: plainText(text ?? value), value };
}

/** Builders for one input's entry in `view.state.values`; an empty input is sent as null, as Slack does. */
export const state = {
  plainTextInput: (value: string | null): StateValue => ({ type: 'plain_text_input', value }),
  staticSelect: (selected: OptionInput | string | null): StateValue => ({
    type: 'static_select',
    selected_option: selected === null ? null : option(selected),
  }),
  multiStaticSelect: (selected: (OptionInput | string)[]): StateValue => ({
    type: 'multi_static_select',
    selected_options: selected.map(option),
  }),
  usersSelect: (userId: string | null): StateValue => ({ type: 'users_select', selected_user: userId }),
  conversationsSelect: (channelId: string | null): StateValue => ({
    type: 'conversations_select',
    selected_conversation: channelId,
  }),
  /** `date` as YYYY-MM-DD. */
  datepicker: (date: string | null): StateValue => ({ type: 'datepicker', selected_date: date }),
  /** `time` as HH:mm; Slack adds the picker's timezone when the element set one. */
  timepicker: (time: string | null, timezone?: string): StateValue => ({
    type: 'timepicker',
    selected_time: time,
    ...(timezone === undefined ? {} : { timezone }),
  }),
  checkboxes: (selected: (OptionInput | string)[]): StateValue => ({
    type: 'checkboxes',
    selected_options: selected.map(option),
  }),
  radioButtons: (selected: OptionInput | string | null): StateValue => ({
    type: 'radio_buttons',
    selected_option: selected === null ? null : option(selected),
  }),
};

// ---- request arguments ----

export interface CommandArgs {
  text: string;
  userId: string;
  command?: string;
  triggerId?: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
  userName?: string;
  /** Default: a fake Slack response_url if the sender has one. */
  responseUrl?: string;
}

export interface BlockActionArgs {
  userId: string;
  actionId: string;
  blockId?: string;
  /** A button's value. */
  value?: string;
  /** Makes the action a static_select choice (unless `actionType` says otherwise). */
  selectedOption?: OptionInput | string;
  /** Element type; default static_select with selectedOption, else button. */
  actionType?: string;
  /** Extra fields for the action object (selected_date, selected_user, …). */
  action?: Record<string, unknown>;
  /** The modal or Home tab the action happened in; makes the container a view. */
  view?: Partial<StoredView> & Record<string, unknown>;
  /** `view.state.values` for an action inside a view (merged over the view's own). */
  values?: StateValues;
  container?: Record<string, unknown>;
  /** The message the action happened in; makes the container a message. */
  message?: Record<string, unknown> & { ts: string };
  channelId?: string;
  triggerId?: string;
  responseUrl?: string;
}

export interface ViewSubmissionArgs {
  userId: string;
  callbackId: string;
  values: StateValues;
  /** Default: the private_metadata of the latest view with this callback_id the fake served, else "". */
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  /** Extra view fields (blocks, title, root_view_id, …), merged last. */
  view?: Record<string, unknown>;
  triggerId?: string;
  /** For modals opened with response_url_enabled inputs. */
  responseUrls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
}

export interface ViewClosedArgs {
  userId: string;
  callbackId: string;
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  view?: Record<string, unknown>;
  isCleared?: boolean;
}

export interface BlockSuggestionArgs {
  userId: string;
  actionId: string;
  blockId?: string;
  /** What the user has typed so far. */
  value: string;
  /** The modal the select is in. */
  view?: Partial<StoredView> & Record<string, unknown>;
}

export interface MessageShortcutArgs {
  userId: string;
  callbackId: string;
  message: Record<string, unknown> & { ts: string; user: string; text: string };
  channelId: string;
  channelName?: string;
  triggerId?: string;
  responseUrl?: string;
}

export interface GlobalShortcutArgs {
  userId: string;
  callbackId: string;
  triggerId?: string;
}

export interface EventOptions {
  eventId?: string;
  /** Seconds since the epoch; default now. */
  eventTime?: number;
  retryNum?: number;
  retryReason?: string;
  teamId?: string;
}

export interface RawOptions {
  contentType: string;
  /** Seconds since the epoch; default now. Set it old to test stale-request rejection. */
  timestamp?: number;
  /** Overrides the computed X-Slack-Signature. */
  signature?: string;
  /** Sign with another secret. */
  signingSecret?: string;
  headers?: Record<string, string>;
}

export interface SlackSender {
  command(args: CommandArgs): Promise<SentRequest>;
  blockAction(args: BlockActionArgs): Promise<SentRequest>;
  viewSubmission(args: ViewSubmissionArgs): Promise<SentRequest>;
  viewClosed(args: ViewClosedArgs): Promise<SentRequest>;
  /** An external select asking the options endpoint for choices (Bolt's app.options). */
  blockSuggestion(args: BlockSuggestionArgs): Promise<SentRequest>;
  messageShortcut(args: MessageShortcutArgs): Promise<SentRequest>;
  globalShortcut(args: GlobalShortcutArgs): Promise<SentRequest>;
  /** `event` is the inner event (type, user, …), wrapped in an event_callback envelope. */
  event(event: Record<string, unknown> & { type: string }, opts?: EventOptions): Promise<SentRequest>;
  urlVerification(challenge: string): Promise<SentRequest>;
  raw(body: string, opts: RawOptions): Promise<SlackResponse>;
}

// ---- ids ----

let idSeq = 0;
const processTag = randomBytes(3).toString('hex');

/** Shaped like Slack's, e.g. "1700000000123.4567.8a1b…"; unique across senders in one process. */
export function newTriggerId(): string {
  idSeq += 1;
  return `${Date.now()}${idSeq}.${processTag}.${randomBytes(16).toString('hex')}`;
}

export function newEventId(): string {
  idSeq += 1;
  return `Ev${processTag.toUpperCase()}${idSeq.toString(36).toUpperCase().padStart(6, '0')}`;
}

function actionTs(): string {
  const micros = Date.now() * 1000 + (idSeq % 1000);
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

function userName(userId: string): string {
  return `user.${userId.toLowerCase()}`;
}

export function createSlackSender(opts: SlackSenderOptions): SlackSender {
  const path = opts.path ?? EVENTS_PATH;
  const teamId = opts.teamId ?? FAKE_TEAM_ID;
  const appId = opts.appId ?? FAKE_APP_ID;
  const url = new URL(path, opts.baseUrl).toString();

  const team = { id: teamId, domain: FAKE_TEAM_DOMAIN };
  const user = (id: string): Record<string, unknown> => ({ id, username: userName(id), name: userName(id), team_id: teamId });

  const defaultResponseUrl = (): string =>
    opts.fakeSlack?.responseUrl() ??
    // Without a fake the URL is well-formed but unreachable, as an expired one would be.
    `https://hooks.slack.com/actions/${teamId}/${Date.now()}/${randomBytes(12).toString('hex')}`;

  async function raw(body: string, rawOpts: RawOptions): Promise<SlackResponse> {
    const timestamp = rawOpts.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = rawOpts.signature ?? signBody(rawOpts.signingSecret ?? opts.signingSecret, timestamp, body);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': rawOpts.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
        'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        ...rawOpts.headers,
      },
      body,
      redirect: 'manual',
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: text,
      json: <T>() => (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }

  async function sendForm(fields: Record<string, string>, ids: RequestIds, payload: Record<string, unknown>): Promise<SentRequest> {
    const body = new URLSearchParams(fields).toString();
    const response = await raw(body, { contentType: 'application/x-www-form-urlencoded' });
    return { ...response, ...ids, payload };
  }

  // Interactivity arrives as one form field, `payload`, holding the JSON.
  function sendPayload(payload: Record<string, unknown>, ids: RequestIds): Promise<SentRequest> {
    return sendForm({ payload: JSON.stringify(payload) }, ids, payload);
  }

  async function sendJson(payload: Record<string, unknown>, headers: Record<string, string>, ids: RequestIds): Promise<SentRequest> {
    const response = await raw(JSON.stringify(payload), { contentType: 'application/json', headers });
    return { ...response, ...ids, payload };
  }

  /** The view Slack would send back: the one the fake served for this callback_id, if any. */
  function viewPayload(
    callbackId: string,
    args: { viewId?: string; hash?: string; privateMetadata?: string; values?: StateValues; view?: Record<string, unknown> },
  ): Record<string, unknown> {
    const served = args.viewId !== undefined ? opts.fakeSlack?.viewById(args.viewId) : opts.fakeSlack?.lastView(callbackId);
    const id = args.viewId ?? served?.id ?? `V0${randomBytes(4).toString('hex').toUpperCase()}`;
    return {
      type: 'modal',
      blocks: [],
      title: plainText('Promo Coach'),
      close: null,
      submit: null,
      clear_on_close: false,
      notify_on_close: false,
      external_id: '',
      previous_view_id: null,
      ...served,
      id,
      team_id: teamId,
      callback_id: callbackId,
      private_metadata: args.privateMetadata ?? served?.private_metadata ?? '',
      state: { values: args.values ?? {} },
      hash: args.hash ?? served?.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      root_view_id: served?.root_view_id ?? id,
      app_id: appId,
      app_installed_team_id: teamId,
      bot_id: FAKE_BOT_ID,
      ...args.view,
    };
  }

  return {
    raw,

    command: (args) => {
      const triggerId = args.triggerId ?? newTriggerId();
      const responseUrl = args.responseUrl ?? defaultResponseUrl();
      const channelId = args.channelId ?? `D${args.userId}`;
      const fields: Record<string, string> = {
        token: VERIFICATION_TOKEN,
        team_id: args.teamId ?? teamId,
        team_domain: FAKE_TEAM_DOMAIN,
        channel_id: channelId,
        channel_name: args.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general'),
        user_id: args.userId,
        user_name: args.userName ?? userName(args.userId),
        command: args.command ?? '/promo',
        text: args.text,
        api_app_id: appId,
        is_enterprise_install: 'false',
        response_url: responseUrl,
        trigger_id: triggerId,
      };
      return sendForm(fields, { triggerId, responseUrl }, fields);
    },

    blockAction: (args) => {
      const triggerId = args.triggerId ?? newTriggerId();
      const type = args.actionType ?? (args.selectedOption !== undefined ? 'static_select' : 'button');
      const action: Record<string, unknown> = {
        type,
        action_id: args.actionId,
        block_id: args.blockId ?? `block_${args.actionId}`,
        action_ts: actionTs(),
      };
      if (args.value !== undefined) action.value = args.value;
      if (args.selectedOption !== undefined) action.selected_option = option(args.selectedOption);
      Object.assign(action, args.action);

      const payload: Record<string, unknown> = {
        type: 'block_actions',
        user: user(args.userId),
        api_app_id: appId,
        token: VERIFICATION_TOKEN,
        trigger_id: triggerId,
        team,
        enterprise: null,
        is_enterprise_install: false,
        actions: [action],
      };
      let responseUrl: string | undefined;
      if (args.view !== undefined) {
        // Actions in a modal or Home tab carry the whole view and no response_url.
        const view = {
          ...args.view,
          state: { values: { ...(args.view.state as { values?: StateValues } | undefined)?.values, ...args.values } },
        };
        payload.view = view;
        payload.container = args.container ?? { type: 'view', view_id: args.view.id };
        payload.state = view.state;
      } else {
        const channelId = args.channelId ?? `D${args.userId}`;
        const message = args.message ?? { type: 'message', ts: actionTs(), user: FAKE_BOT_USER_ID, text: '' };
        responseUrl = args.responseUrl ?? defaultResponseUrl();
        payload.container = args.container ?? {
          type: 'message',
          message_ts: message.ts,
          channel_id: channelId,
          is_ephemeral: false,
        };
        payload.channel = { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' };
        payload.message = message;
        payload.state = { values: args.values ?? {} };
        payload.response_url = responseUrl;
      }
      return sendPayload(payload, { triggerId, ...(responseUrl === undefined ? {} : { responseUrl }) });
    },

    viewSubmission: (args) => {
      const triggerId = args.triggerId ?? newTriggerId();
      const payload = {
        type: 'view_submission',
        team,
        user: user(args.userId),
        api_app_id: appId,
        token: VERIFICATION_TOKEN,
        trigger_id: triggerId,
        view: viewPayload(args.callbackId, args),
        response_urls: args.responseUrls ?? [],
        is_enterprise_install: false,
        enterprise: null,
      };
      return sendPayload(payload, { triggerId });
    },

    viewClosed: (args) => {
      const payload = {
        type: 'view_closed',
        team,
        user: user(args.userId),
        api_app_id: appId,
        token: VERIFICATION_TOKEN,
        view: viewPayload(args.callbackId, args),
        is_cleared: args.isCleared ?? false,
        is_enterprise_install: false,
        enterprise: null,
      };
      return sendPayload(payload, {});
    },

    blockSuggestion: (args) => {
      const payload = {
        type: 'block_suggestion',
        user: user(args.userId),
        container: { type: 'view', view_id: args.view?.id ?? 'V0SUGGEST' },
        api_app_id: appId,
        token: VERIFICATION_TOKEN,
        action_id: args.actionId,
        block_id: args.blockId ?? `block_${args.actionId}`,
        value: args.value,
        team,
        enterprise: null,
        is_enterprise_install: false,
        ...(args.view ? { view: args.view } : {}),
      };
      return sendPayload(payload, {});
    },

    messageShortcut: (args) => {
      const triggerId = args.triggerId ?? newTriggerId();
      const responseUrl = args.responseUrl ?? defaultResponseUrl();
      const payload = {
        type: 'message_action',
        token: VERIFICATION_TOKEN,
        action_ts: actionTs(),
        team,
        user: user(args.userId),
        channel: { id: args.channelId, name: args.channelName ?? 'general' },
        is_enterprise_install: false,
        enterprise: null,
        callback_id: args.callbackId,
        trigger_id: triggerId,
        response_url: responseUrl,
        message_ts: args.message.ts,
        message: { type: 'message', ...args.message },
      };
      return sendPayload(payload, { triggerId, responseUrl });
    },

    globalShortcut: (args) => {
      const triggerId = args.triggerId ?? newTriggerId();
      const payload = {
        type: 'shortcut',
        token: VERIFICATION_TOKEN,
        action_ts: actionTs(),
        team,
        user: user(args.userId),
        is_enterprise_install: false,
        enterprise: null,
        callback_id: args.callbackId,
        trigger_id: triggerId,
      };
      return sendPayload(payload, { triggerId });
    },

    event: (event, eventOpts = {}) => {
      const eventId = eventOpts.eventId ?? newEventId();
      const eventTeam = eventOpts.teamId ?? teamId;
      const payload = {
        token: VERIFICATION_TOKEN,
        team_id: eventTeam,
        context_team_id: eventTeam,
        api_app_id: appId,
        event: { event_ts: actionTs(), ...event },
        type: 'event_callback',
        event_id: eventId,
        event_time: eventOpts.eventTime ?? Math.floor(Date.now() / 1000),
        authorizations: [
          { enterprise_id: null, team_id: eventTeam, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
        event_context: `4-${randomBytes(12).toString('hex')}`,
      };
      const headers: Record<string, string> = {};
      if (eventOpts.retryNum !== undefined) {
        headers['x-slack-retry-num'] = String(eventOpts.retryNum);
        headers['x-slack-retry-reason'] = eventOpts.retryReason ?? 'http_timeout';
      }
      return sendJson(payload, headers, { eventId });
    },

    urlVerification: (challenge) =>
      sendJson({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' }, {}, {}),
  };
}
