// The only module that reads process.env. Everything else receives a Config.
// A bad or missing value stops the app with one message listing every problem and
// how to fix it: an operator should never have to read a stack trace to start it.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'file:./data/promo-coach.db';
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envFields = z.object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is required: the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions"' })
      .trim()
      .regex(/^xoxb-/, 'must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token)'),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^xapp-/, 'must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens)')
        .optional(),
    ),
    SLACK_API_URL: optionalString.pipe(
      z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
    ),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(
          /^(file:.+|postgres(ql)?:\/\/.+)$/,
          'must be "file:./path/to.db" (SQLite) or "postgres://user@host:5432/db" (PostgreSQL)',
        )
        .optional(),
    ),
    PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a port number such as 3000')
        .transform(Number)
        .pipe(z.number().max(65535, 'must be between 0 and 65535'))
        .optional(),
    ),
    LOG_LEVEL: optionalString.pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .optional(),
    ),
    LOG_FORMAT: optionalString.pipe(
      z.enum(['json', 'pretty'], { message: 'must be "json" or "pretty"' }).optional(),
    ),
    NODE_ENV: optionalString,
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional()),
    OPENAI_MODEL: optionalString,
    LLM_TIMEOUT_MS: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a number of milliseconds such as 10000')
        .transform(Number)
        .pipe(z.number().min(1, 'must be at least 1').max(120_000, 'must be at most 120000 (two minutes)'))
        .optional(),
    ),
    LLM_MONTHLY_TOKEN_CAP: optionalString.pipe(
      z.string().regex(/^\d+$/, 'must be a whole number of tokens such as 200000').transform(Number).optional(),
    ),
    LADDER_FILE: optionalString,
    SETTINGS_FILE: optionalString,
    ADMIN_USER_IDS: optionalString.pipe(
      z
        .string()
        .regex(/^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*$/, {
          message: 'must be Slack user ids separated by commas, such as U012ABCDEF,U034GHIJKL',
        })
        .transform((ids) => ids.split(',').map((id) => id.trim()))
        .optional(),
    ),
    JOBS_ENABLED: optionalString.pipe(
      z.enum(['true', 'false'], { message: 'must be "true" or "false"' }).optional(),
    ),
  });

// Checked apart from the field schema so that it is reported together with field problems.
function modeProblems(env: Record<string, string | undefined>): string[] {
  if (env.SLACK_APP_TOKEN?.trim() || env.SLACK_SIGNING_SECRET?.trim()) return [];
  return [
    'SLACK_SIGNING_SECRET is required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN to use Socket Mode',
  ];
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** Tokens a user may spend on LLM suggestions in a calendar month, unless LLM_MONTHLY_TOKEN_CAP says otherwise. */
export const DEFAULT_LLM_MONTHLY_TOKEN_CAP = 200_000;
/** How long a suggestion may take, retry included, unless LLM_TIMEOUT_MS says otherwise. */
export const DEFAULT_LLM_TIMEOUT_MS = 10_000;

export interface LlmConfig {
  apiKey: string;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  /** 0 turns suggestions off for everyone without removing the key. */
  monthlyTokenCap: number;
}

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
    mode: 'socket' | 'http';
  };
  database: { url: string; kind: DatabaseKind };
  port: number;
  log: { level: string; format: 'json' | 'pretty' };
  llm: LlmConfig | undefined;
  ladderFile: string | undefined;
  /** An operator's YAML of org settings; a value set there wins over the admin modal. */
  settingsFile: string | undefined;
  /** Workspace admins by configuration, besides Slack's own admins and owners. */
  adminUserIds: string[];
  jobsEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'Promo Coach cannot start: the configuration has problems.',
        ...problems.map((problem) => `  - ${problem}`),
        'Set these in the environment or in a .env file (see .env.example and the README).',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** DOTENV_CONFIG_PATH points at another file (tests point it nowhere). */
function readDotenvFile(env: NodeJS.ProcessEnv): void {
  loadDotenv({ quiet: true, path: env.DOTENV_CONFIG_PATH ?? '.env', processEnv: env as Record<string, string> });
}

/** Reads .env (without overriding real environment variables), then the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { readDotenv = true } = {}): Config {
  if (readDotenv) readDotenvFile(env);
  return parseConfig(env);
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
}

function databaseFrom(url: string | undefined): Config['database'] {
  const databaseUrl = url ?? DEFAULT_DATABASE_URL;
  return { url: databaseUrl, kind: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgres' };
}

/** Just the database and logging settings: for operator commands that never talk to Slack. */
export function loadDatabaseConfig(
  env: NodeJS.ProcessEnv = process.env,
  { readDotenv = true } = {},
): Pick<Config, 'database' | 'log'> {
  if (readDotenv) readDotenvFile(env);
  const parsed = envFields.pick({ DATABASE_URL: true, LOG_LEVEL: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return { database: databaseFrom(parsed.data.DATABASE_URL), log: { level: parsed.data.LOG_LEVEL ?? 'info', format: 'json' } };
}

/** Just the LLM's monthly cap: for `promo-coach llm usage`, which needs no Slack. */
export function loadLlmMonthlyTokenCap(env: NodeJS.ProcessEnv = process.env, { readDotenv = true } = {}): number {
  if (readDotenv) readDotenvFile(env);
  const parsed = envFields.pick({ LLM_MONTHLY_TOKEN_CAP: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return parsed.data.LLM_MONTHLY_TOKEN_CAP ?? DEFAULT_LLM_MONTHLY_TOKEN_CAP;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envFields.safeParse(env);
  const problems = [...(parsed.success ? [] : problemsOf(parsed.error)), ...modeProblems(env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  const development = (e.NODE_ENV ?? 'development') !== 'production';
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      // The WebClient appends the method name directly to the base URL.
      apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    },
    database: databaseFrom(e.DATABASE_URL),
    port: e.PORT ?? 3000,
    log: {
      level: e.LOG_LEVEL ?? 'info',
      format: e.LOG_FORMAT ?? (development && process.stdout.isTTY ? 'pretty' : 'json'),
    },
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL ?? 'gpt-4o-mini',
          timeoutMs: e.LLM_TIMEOUT_MS ?? DEFAULT_LLM_TIMEOUT_MS,
          monthlyTokenCap: e.LLM_MONTHLY_TOKEN_CAP ?? DEFAULT_LLM_MONTHLY_TOKEN_CAP,
        }
      : undefined,
    ladderFile: e.LADDER_FILE,
    settingsFile: e.SETTINGS_FILE,
    adminUserIds: e.ADMIN_USER_IDS ?? [],
    jobsEnabled: (e.JOBS_ENABLED ?? 'true') === 'true',
  };
}

/**
 * Every secret in the configuration, for the logger to scrub wherever it shows up: the
 * Slack tokens and signing secret, the LLM key, and the database password (as written in
 * DATABASE_URL and decoded). Operator commands that read only the database pass just that.
 */
export function logSecrets(config: Pick<Config, 'database'> & Partial<Pick<Config, 'slack' | 'llm'>>): string[] {
  const secrets = [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.llm?.apiKey];
  if (config.database.kind === 'postgres') {
    try {
      const { password } = new URL(config.database.url);
      if (password) secrets.push(password, decodeURIComponent(password));
    } catch {
      // An unparsable URL is refused when the database is opened; there is no password to find.
    }
  }
  return secrets.filter((s): s is string => typeof s === 'string' && s !== '');
}
