// The root pino logger and its adapter to Bolt's Logger interface.
// Promise to operators and users: tokens, the signing secret and anything a user wrote
// never reach the logs. Our own log lines carry ids and counts, never text; redaction
// and scrubbing below are the safety net for everything else (errors, Bolt, WebClient).
import { Writable } from 'node:stream';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { lazyRequire } from './lazy-require.js';

// Pretty output is for a developer's terminal; production writes JSON and never loads it.
const pretty = lazyRequire<typeof PinoPretty>('pino-pretty');

export type Logger = PinoLogger;

const REDACTED = '[redacted]';

// Keys whose values are secrets or user-written text wherever they appear in a log object.
const REDACT_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  'authorization',
  'text',
  'body',
  'payload',
  'blocks',
  'view',
];
const REDACT_PATHS = REDACT_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

// Slack tokens (bot, user, app-level, refresh, config) and bearer headers, wherever they hide.
const TOKEN_PATTERN = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;
const BEARER_PATTERN = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  /** Exact secret values (tokens, signing secret, API keys) to scrub from any message. */
  secrets?: (string | undefined)[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: DestinationStream;
}

export function createScrubber(secrets: (string | undefined)[] = []): (text: string) => string {
  const exact = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return (text: string) => {
    let out = text.replace(TOKEN_PATTERN, REDACTED).replace(BEARER_PATTERN, `Bearer ${REDACTED}`);
    for (const secret of exact) out = out.split(secret).join(REDACTED);
    return out;
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const scrub = createScrubber(options.secrets);
  const destination =
    options.destination ??
    (options.format === 'pretty' ? pretty()({ colorize: true, translateTime: 'SYS:HH:MM:ss' }) : pino.destination(1));
  return pino(
    {
      level: options.level,
      base: { app: 'promo-coach' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        err: (err: unknown) => {
          const serialized = pino.stdSerializers.err(err as Error);
          const code = (err as { code?: unknown }).code;
          // A Prisma error's message quotes the query's arguments, which carry what users
          // wrote: keep the error's kind, code and model, never its text. Bolt wraps a
          // listener's uncoded error (a validation error) in one of its own that copies the
          // message, and a cause's message is joined to its wrapper's: both count as one.
          const prisma = prismaErrorIn(err);
          if (prisma) {
            const dbCode = (prisma as { code?: unknown }).code;
            const model = (prisma as { meta?: { modelName?: unknown } }).meta?.modelName;
            const message = `database error${dbCode ? ` ${String(dbCode)}` : ''}`;
            if (prisma === err) return { type: serialized.type, code, model, message };
            return { type: serialized.type, code, message, cause: { type: prisma.constructor.name, code: dbCode, model } };
          }
          return {
            type: serialized.type,
            message: scrub(serialized.message ?? ''),
            stack: scrub(serialized.stack ?? ''),
            code,
          };
        },
      },
      hooks: {
        // Messages are scrubbed too: an interpolated error message can carry a token.
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

const isPrismaError = (e: object) => /^PrismaClient/.test(e.constructor.name) || /^PrismaClient/.test(String((e as Error).name));

/** The Prisma error an error is or wraps (Bolt's `original`, a `cause`), if any. */
function prismaErrorIn(err: unknown, depth = 0): Error | undefined {
  if (!err || typeof err !== 'object' || depth > 8) return undefined;
  if (isPrismaError(err)) return err as Error;
  const { original, cause } = err as { original?: unknown; cause?: unknown };
  return prismaErrorIn(original, depth + 1) ?? prismaErrorIn(cause, depth + 1);
}

/**
 * Bolt and the WebClient log whole request bodies at debug level ("ack() call begins
 * (body: …)", JSON.stringify(body)), and those carry what users typed. We keep their
 * message up to the payload and drop the rest.
 */
export function elidePayload(message: string): string {
  const cut = message.search(/\(body:|body:|\{|\[/);
  return cut === -1 ? message : `${message.slice(0, cut).trimEnd()} …`;
}

export function toBoltLogger(root: Logger, name = 'bolt'): BoltLogger {
  let logger = root.child({ component: name });
  let level: LogLevel = pinoToBoltLevel(root.level);
  const write = (method: 'debug' | 'info' | 'warn' | 'error', msgs: unknown[]) => {
    const err = msgs.find((m): m is Error => m instanceof Error);
    const text = msgs
      .filter((m) => !(m instanceof Error))
      .map((m) => (typeof m === 'string' ? m : typeof m === 'object' ? '' : String(m)))
      .filter(Boolean)
      .join(' ');
    const message = elidePayload(text);
    if (err) logger[method]({ err }, message || err.name);
    else logger[method](message);
  };
  return {
    debug: (...msgs: unknown[]) => write('debug', msgs),
    info: (...msgs: unknown[]) => write('info', msgs),
    warn: (...msgs: unknown[]) => write('warn', msgs),
    error: (...msgs: unknown[]) => write('error', msgs),
    setLevel: (next: LogLevel) => {
      // Bolt calls setLevel with its own default; the operator's LOG_LEVEL wins, so we only record it.
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      logger = root.child({ component: next });
    },
  };
}

function pinoToBoltLevel(level: string): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/** A destination that keeps every line in memory: for tests and the log-safety check. */
export function memoryDestination(): DestinationStream & { lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return Object.assign(stream, { lines });
}
