// Issue 13 §8: no token, secret or user-written text reaches the logs. Every line a
// reliability scenario made the app write is scanned after the scenario: the app's own
// pino lines (Bolt's and the WebClient's go through the same logger), the stdout and
// stderr of every child process it started, and anything written to the console.
//
// What is looked for:
// - the exact secrets the app was given (tokens, signing secret, LLM key, database
//   password and the DATABASE_URL that holds it);
// - secret-shaped text whoever it belongs to (xox…/xapp- tokens, Bearer values,
//   Authorization headers, URLs with a password);
// - the response_url and trigger_id of every request the test sent (they are bearer-like:
//   whoever holds one may post as the app);
// - everything a user wrote in those requests (command and DM text, modal inputs, shared
//   messages), matched by any run of TEXT_WINDOW characters, so a truncated or embedded
//   copy is caught as well as a whole one.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Config } from '../../src/config.js';
import { onAppStarted, type TestApp } from '../support/app-harness.js';

/** Shorter runs of user text are too generic to tell apart from the app's own words. */
export const TEXT_WINDOW = 12;

export interface Secret {
  what: string;
  value: string;
  /** A request's response_url or trigger_id, rather than something the app was configured with. */
  requestId?: boolean;
}

export interface Needles {
  secrets: Secret[];
  /** What users wrote. */
  texts: string[];
}

export interface LogSource {
  name: string;
  lines: readonly string[];
}

export interface Leak {
  source: string;
  /** 1-based line number within the source. */
  line: number;
  level: string;
  what: string;
  context: string;
}

// Secret-shaped text, whatever test or value it comes from. A value already redacted
// ("[redacted]" from our logger, "[[REDACTED]]" from the WebClient) is not a leak.
const PATTERNS: Secret[] = [
  { what: 'a Slack token (xoxb-/xoxa-/xoxp-…)', value: String.raw`\bxox[abposre]-[A-Za-z0-9-]{6,}` },
  { what: 'an app-level token (xapp-…)', value: String.raw`\bxapp-[A-Za-z0-9-]{6,}` },
  { what: 'a Bearer value', value: String.raw`\bBearer\s+(?!\[*redacted)[A-Za-z0-9._~+/=-]{6,}` },
  { what: 'an Authorization header', value: String.raw`\bauthorization"?\s*[:=]\s*"?(?!(?:[A-Za-z]+\s+)?\[*redacted)[^\s",}]{4,}` },
  { what: 'a URL with a password', value: String.raw`\b[a-z][a-z0-9+.-]*://[^\s:/@"]+:[^\s@/"]+@` },
];
const PATTERN_RES = PATTERNS.map((p) => ({ what: p.what, re: new RegExp(p.value, 'i') }));

/** The secrets the app was given, named; values too short to tell apart are left out. */
export function secretsOf(given: { botToken?: string; signingSecret?: string; appToken?: string; llmApiKey?: string; databaseUrl?: string }): Secret[] {
  const password = databasePassword(given.databaseUrl);
  const all: [string, string | undefined][] = [
    ['the bot token', given.botToken],
    ['the signing secret', given.signingSecret],
    ['the app-level token', given.appToken],
    ['the LLM API key', given.llmApiKey],
    ['the database password', password],
    ['DATABASE_URL (it holds the password)', password ? given.databaseUrl : undefined],
  ];
  return all.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 6).map(([what, value]) => ({ what, value }));
}

export function configSecrets(config: Config): Secret[] {
  return secretsOf({
    botToken: config.slack.botToken,
    signingSecret: config.slack.signingSecret,
    appToken: config.slack.appToken,
    llmApiKey: config.llm?.apiKey,
    databaseUrl: config.database.url,
  });
}

/** The same secrets as a child process's environment names them. */
export function envSecrets(env: Record<string, string | undefined>): Secret[] {
  return secretsOf({
    botToken: env.SLACK_BOT_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    llmApiKey: env.OPENAI_API_KEY,
    databaseUrl: env.DATABASE_URL,
  });
}

function databasePassword(url: string | undefined): string | undefined {
  if (!url || url.startsWith('file:')) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** A request as the test sent it: a payload object, or a raw JSON or form body. */
function parseSent(sent: unknown): unknown {
  if (typeof sent !== 'string') return sent;
  try {
    return JSON.parse(sent);
  } catch {
    const fields = Object.fromEntries(new URLSearchParams(sent));
    if (typeof fields.payload !== 'string') return fields;
    try {
      return { ...fields, payload: JSON.parse(fields.payload) };
    } catch {
      return fields;
    }
  }
}

// Block Kit text objects are the app's own words (titles, labels, options), not a user's.
const APP_TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);

/**
 * What users wrote in the requests a test sent, and the bearer-like values they carried:
 * command and event text (and its rich-text elements), a shared message's text, modal
 * inputs and what was typed into an external select. The message a button sits on is the
 * app's own, and is left out.
 */
export function sentNeedles(sent: readonly unknown[]): Needles {
  const secrets: Secret[] = [];
  const texts: string[] = [];
  const walk = (value: unknown, parent: Record<string, unknown> | undefined, key: string, root: Record<string, unknown>) => {
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, parent, key, root));
      return;
    }
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'message' && root.type === 'block_actions') continue;
        walk(v, o, k, root);
      }
      return;
    }
    if (typeof value !== 'string' || value === '') return;
    if (key === 'response_url' || key === 'trigger_id') secrets.push({ what: `a ${key}`, value, requestId: true });
    else if (key === 'text' && !APP_TEXT_TYPES.has(String(parent?.type))) texts.push(value);
    else if (key === 'value' && (parent?.type === 'plain_text_input' || parent?.type === 'block_suggestion')) texts.push(value);
  };
  for (const request of sent) {
    const parsed = parseSent(request);
    if (!parsed || typeof parsed !== 'object') continue;
    const root = parsed as Record<string, unknown>;
    const payload = root.payload && typeof root.payload === 'object' ? (root.payload as Record<string, unknown>) : root;
    walk(payload, undefined, '', payload);
  }
  return { secrets: secrets.filter((s) => s.value.length >= 6), texts };
}

/** Slack sends command and message text with &, < and > encoded; the app logs what it decoded. */
function textVariants(text: string): string[] {
  const decoded = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return decoded === text ? [text] : [text, decoded];
}

/** A JSON line's string values (keys too), decoded; any other line as it is. */
function stringsOf(line: string): { level: string; strings: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { level: 'text', strings: [line] };
  }
  if (!parsed || typeof parsed !== 'object') return { level: 'text', strings: [line] };
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        strings.push(k);
        // A header logged as an object: its name and value are read together.
        if (typeof v === 'string' && /authorization/i.test(k)) strings.push(`${k}: ${v}`);
        else walk(v);
      }
    }
  };
  walk(parsed);
  const level = (parsed as { level?: unknown }).level;
  return { level: level === undefined ? 'json' : String(level), strings };
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 60);
  const end = Math.min(text.length, index + length + 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Every line of every source that holds a secret, a secret-shaped value or a run of user text. */
export function scanLogs(sources: readonly LogSource[], needles: Needles): { leaks: Leak[]; lines: number; byLevel: Record<string, number> } {
  const secrets = needles.secrets.filter((s) => s.value.length >= 6);
  // Every TEXT_WINDOW-character run of every text: a line holding any one of them leaks that text.
  const runs = new Map<string, string>();
  for (const text of needles.texts) {
    for (const variant of textVariants(text)) {
      for (let i = 0; i + TEXT_WINDOW <= variant.length; i++) runs.set(variant.slice(i, i + TEXT_WINDOW), text);
    }
  }
  const leaks: Leak[] = [];
  const byLevel: Record<string, number> = {};
  let lines = 0;
  for (const source of sources) {
    source.lines.forEach((line, index) => {
      lines += 1;
      const { level, strings } = stringsOf(line);
      byLevel[level] = (byLevel[level] ?? 0) + 1;
      // One report per line: every reason it leaks, and the context of the first.
      const reasons: string[] = [];
      let context = '';
      const found = (what: string, text: string, at: number, length: number) => {
        if (!reasons.includes(what)) reasons.push(what);
        context ||= around(text, at, length);
      };
      for (const s of strings) {
        for (const secret of secrets) {
          const at = s.indexOf(secret.value);
          if (at !== -1) found(secret.what, s, at, secret.value.length);
        }
        for (const { what, re } of PATTERN_RES) {
          const m = re.exec(s);
          if (m) found(what, s, m.index, m[0].length);
        }
        for (let i = 0; runs.size > 0 && i + TEXT_WINDOW <= s.length; i++) {
          const text = runs.get(s.slice(i, i + TEXT_WINDOW));
          if (text !== undefined) {
            found(`user text ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`, s, i, TEXT_WINDOW);
            break;
          }
        }
      }
      if (reasons.length > 0) leaks.push({ source: source.name, line: index + 1, level, what: reasons.join('; '), context });
    });
  }
  return { leaks, lines, byLevel };
}

export function describeLeaks(leaks: readonly Leak[], max = 10): string {
  const shown = leaks.slice(0, max).map((l) => `  ${l.source}:${l.line} (level ${l.level}) ${l.what}\n    ${l.context}`);
  const more = leaks.length > max ? [`  … and ${leaks.length - max} more`] : [];
  return [`${leaks.length} log line(s) hold a secret or user text:`, ...shown, ...more].join('\n');
}

/** The secrets an app was given and everything its test sent it. */
export function appNeedles(app: TestApp, texts: string[] = []): Needles {
  const sent = sentNeedles(app.sent);
  return { secrets: [...configSecrets(app.config), ...sent.secrets], texts: [...sent.texts, ...texts] };
}

// ---- capture per test ----

interface Capture {
  apps: TestApp[];
  processes: { name: string; output: () => string; secrets: Secret[] }[];
  console: string[];
  /** Requests a test sent around the harness's sender (raw fetches). */
  sent: unknown[];
}

let current: Capture | undefined;
let installed = false;

/** A child process's output is scanned with the test that started it; `env` names its secrets. */
export function captureProcess(name: string, output: () => string, env: Record<string, string | undefined>): void {
  current?.processes.push({ name, output, secrets: envSecrets(env) });
}

/** A request sent without the harness's sender: what it carried is looked for too. */
export function captureSent(body: string): void {
  current?.sent.push(body);
}

/** What the scans of one test file covered: the figures of the reliability note. */
export interface ScanFigures {
  file: string;
  scenarios: number;
  lines: number;
  /** Lines per pino level (10 trace … 60 fatal); "text" for plain output. */
  byLevel: Record<string, number>;
  /** Distinct tokens, keys and passwords looked for. */
  secrets: number;
  /** Distinct response_urls and trigger_ids looked for. */
  requestIds: number;
  /** Distinct texts users wrote, looked for. */
  texts: number;
  leaks: number;
}

/**
 * Scans, after each test of the file that calls it, every log line that test made the app
 * and its child processes write, and fails the test on a leak. Call it before the file's
 * own afterEach hooks, so that theirs (which stop child processes) run first.
 */
export function scanLogsAfterEach(): void {
  if (!installed) {
    installed = true;
    onAppStarted((app) => current?.apps.push(app));
    // Whatever a library writes to the console in this process is a log line as well:
    // the console is wrapped (not written to) here, so the lint rule does not apply.
    const target = globalThis.console;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = target[method].bind(target);
      target[method] = (...args: unknown[]) => {
        current?.console.push(format(...args));
        original(...args);
      };
    }
  }
  const figures: ScanFigures = { file: '', scenarios: 0, lines: 0, byLevel: {}, secrets: 0, requestIds: 0, texts: 0, leaks: 0 };
  const secrets = new Set<string>();
  const requestIds = new Set<string>();
  const texts = new Set<string>();
  beforeEach(({ task }) => {
    figures.file ||= task.file.name;
    current = { apps: [], processes: [], console: [], sent: [] };
  });
  afterEach(async () => {
    const capture = current;
    current = undefined;
    if (!capture) return;
    // Stopping is idempotent; the app's last lines (its shutdown) are scanned as well.
    await Promise.all(capture.apps.map((app) => app.stop()));
    const sources: LogSource[] = [];
    const needles: Needles = { secrets: [], texts: [] };
    const add = (more: Needles) => {
      needles.secrets.push(...more.secrets);
      needles.texts.push(...more.texts);
    };
    capture.apps.forEach((app, i) => {
      sources.push({ name: `app ${i + 1}`, lines: app.logs });
      add(appNeedles(app));
    });
    for (const child of capture.processes) {
      sources.push({ name: child.name, lines: child.output().split('\n').filter(Boolean) });
      add({ secrets: child.secrets, texts: [] });
    }
    sources.push({ name: 'console', lines: capture.console });
    add(sentNeedles(capture.sent));
    const { leaks, lines, byLevel } = scanLogs(sources, needles);
    figures.scenarios += 1;
    figures.lines += lines;
    for (const [level, n] of Object.entries(byLevel)) figures.byLevel[level] = (figures.byLevel[level] ?? 0) + n;
    figures.leaks += leaks.length;
    for (const s of needles.secrets) (s.requestId ? requestIds : secrets).add(s.value);
    needles.texts.forEach((t) => texts.add(t));
    if (leaks.length > 0) throw new Error(describeLeaks(leaks));
  });
  afterAll(() => {
    // The note's figures: LOG_SCAN_FIGURES=file appends one JSON line per test file.
    const out = process.env.LOG_SCAN_FIGURES;
    if (out) appendFileSync(out, `${JSON.stringify({ ...figures, secrets: secrets.size, requestIds: requestIds.size, texts: texts.size })}\n`);
  });
}
