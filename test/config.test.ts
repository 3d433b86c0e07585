import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_URL, loadDatabaseConfig, logSecrets, parseConfig } from '../src/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('when only the Slack tokens are set, then it runs over HTTP on port 3000 with the embedded SQLite file', () => {
    const config = parseConfig(valid);
    expect(config.slack.mode).toBe('http');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ url: DEFAULT_DATABASE_URL, kind: 'sqlite' });
    expect(config.database.url).toBe('file:./data/promo-coach.db');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.llm).toBeUndefined();
  });

  it('when SLACK_APP_TOKEN is set, then Socket Mode is used and no signing secret is needed', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(config.slack.mode).toBe('socket');
  });

  it('when DATABASE_URL is a postgres URL, then PostgreSQL is used', () => {
    expect(parseConfig({ ...valid, DATABASE_URL: 'postgres://u@db:5432/promo' }).database.kind).toBe('postgres');
    expect(parseConfig({ ...valid, DATABASE_URL: 'postgresql://u@db/promo' }).database.kind).toBe('postgres');
  });

  it('when the logger is given the secrets to scrub, then they are every token and key, and the database password as written and decoded', () => {
    const config = parseConfig({ ...valid, SLACK_SIGNING_SECRET: 'signing-secret', OPENAI_API_KEY: 'sk-key', DATABASE_URL: 'postgres://promo:p%40ss-word@db:5432/promo' });
    expect(logSecrets(config)).toEqual(['xoxb-1-2-abc', 'signing-secret', 'sk-key', 'p%40ss-word', 'p@ss-word']);
    expect(logSecrets(loadDatabaseConfig({ DATABASE_URL: 'file:./x.db' }, { readDotenv: false }))).toEqual([]);
  });

  it('when SLACK_API_URL has no trailing slash, then one is added for the WebClient', () => {
    expect(parseConfig({ ...valid, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:9999/api/',
    );
  });

  it('when OPENAI_API_KEY is set, then the LLM is configured with a default model', () => {
    const config = parseConfig({ ...valid, OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://localhost:11434/v1' });
    expect(config.llm).toEqual({ apiKey: 'sk-x', baseUrl: 'http://localhost:11434/v1', model: 'gpt-4o-mini', timeoutMs: 10_000, monthlyTokenCap: 200_000 });
  });

  it('when everything is missing, then every problem is listed at once with its fix', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SLACK_BOT_TOKEN is required/);
    expect(problems[1]).toMatch(/^SLACK_SIGNING_SECRET is required in HTTP mode.*SLACK_APP_TOKEN/);
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-user-token' }, /bot token starting with "xoxb-"/],
    ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: 'xoxb-wrong' }, /app-level token starting with "xapp-"/],
    ['SLACK_API_URL', { SLACK_API_URL: 'not a url' }, /must be a URL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /"file:.*" \(SQLite\) or "postgres:/],
    ['PORT', { PORT: 'eighty' }, /port number/],
    ['PORT', { PORT: '70000' }, /between 0 and 65535/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /one of fatal, error/],
    ['JOBS_ENABLED', { JOBS_ENABLED: 'yes' }, /"true" or "false"/],
  ])('when %s is invalid, then the message names it and says what a good value looks like', (name, env, message) => {
    const problems = problemsOf({ ...valid, ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`${name} `)).toBe(true);
    expect(problems[0]).toMatch(message);
  });

  it('when the config error is printed, then it is one readable message without a stack trace', () => {
    const error = new ConfigError(['PORT must be a port number such as 3000']);
    expect(error.message).toBe(
      [
        'Promo Coach cannot start: the configuration has problems.',
        '  - PORT must be a port number such as 3000',
        'Set these in the environment or in a .env file (see .env.example and the README).',
      ].join('\n'),
    );
  });

  it('when an operator command only needs the database, then Slack tokens are not required', () => {
    expect(loadDatabaseConfig({}, { readDotenv: false }).database.kind).toBe('sqlite');
    expect(() => loadDatabaseConfig({ DATABASE_URL: 'oracle://x' }, { readDotenv: false })).toThrow(ConfigError);
  });

  it('when NODE_ENV is production, then logs are JSON; LOG_FORMAT overrides', () => {
    expect(parseConfig({ ...valid, NODE_ENV: 'production' }).log.format).toBe('json');
    expect(parseConfig({ ...valid, NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
  });
});
