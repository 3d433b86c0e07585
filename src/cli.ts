// `promo-coach`: the operator's commands, sharing the app's configuration and database.
import { parseArgs } from 'node:util';
import { CYCLES_USAGE, runCyclesCommand } from './cli/cycles-command.js';
import { runCoachCommand } from './cli/coach-command.js';
import { LLM_USAGE, runLlmCommand } from './cli/llm-command.js';
import { runUserCommand, USER_USAGE } from './cli/user-command.js';
import { ConfigError, loadConfig, loadDatabaseConfig, loadLlmMonthlyTokenCap, logSecrets, type Config } from './config.js';
import { migrateDatabase } from './db/index.js';
import { createDeps, openCore } from './deps.js';
import { findJob, JOBS } from './jobs/index.js';
import { createLogger, type Logger } from './logger.js';

export const USAGE = `Usage: promo-coach <command> [options]

Commands:
  migrate                      apply database migrations (DATABASE_URL; SQLite by default)
  job <name> [--at ISO-TIME]   run a scheduled job once, as if it were ISO-TIME (default: now)
  coach <check>                run one coaching check: JSON in on stdin, JSON out on stdout
${CYCLES_USAGE}
${USER_USAGE}
${LLM_USAGE}
  help                         show this text

Jobs:
${JOBS.map((job) => `  ${job.name.padEnd(28)} ${job.description}`).join('\n')}

Configuration comes from the environment and .env, as for \`npm start\`.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

/** Operator commands log JSON at warn (a job at LOG_LEVEL), scrubbed of every secret they were given. */
function cliLogger(config: Pick<Config, 'database'> & Partial<Pick<Config, 'slack' | 'llm'>>, level = 'warn'): Logger {
  return createLogger({ level, format: 'json', secrets: logSecrets(config) });
}

/** Runs one CLI invocation; returns the exit code (2 for usage errors, 1 for failures). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`promo-coach: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`promo-coach: ${(error as Error).message}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    case 'migrate': {
      parse(rest, {}, 0);
      const config = loadDatabaseConfig(io.env);
      const { applied } = await migrateDatabase(config.database.url, cliLogger(config));
      io.stdout(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n');
      return 0;
    }
    case 'job':
      return runJob(rest, io);
    case 'cycles':
      return runCyclesCommand(rest, {
        ...io,
        open: async () => {
          const clock = () => new Date();
          const config = { ...loadDatabaseConfig(io.env), ladderFile: undefined };
          const { database, repos } = await openCore(config, cliLogger(config), clock);
          return { deps: { repos, clock }, close: () => database.close() };
        },
      });
    case 'user':
      return runUserCommand(rest, {
        ...io,
        openDatabase: async () => {
          const config = { ...loadDatabaseConfig(io.env), ladderFile: undefined };
          const { database, repos } = await openCore(config, cliLogger(config), () => new Date());
          return { deps: { repos, clock: () => new Date() }, close: () => database.close() };
        },
        openWithSlack: async () => {
          const config = loadConfig(io.env);
          const { database, ...deps } = await createDeps(config, { logger: cliLogger(config) });
          return { deps, close: () => database.close() };
        },
      });
    case 'llm':
      return runLlmCommand(rest, {
        ...io,
        monthlyTokenCap: () => loadLlmMonthlyTokenCap(io.env),
        open: async () => {
          const config = { ...loadDatabaseConfig(io.env), ladderFile: undefined };
          const { database, repos } = await openCore(config, cliLogger(config), () => new Date());
          return { deps: { repos }, close: () => database.close() };
        },
      });
    case 'coach': {
      const { positionals } = parse(rest, {}, 1);
      const result = await runCoachCommand(positionals[0], await io.readStdin());
      if (result.stdout) io.stdout(result.stdout);
      if (result.stderr) io.stderr(result.stderr);
      return result.exitCode;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function runJob(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parse(args, { at: { type: 'string' as const } }, 1);
  const name = positionals[0];
  if (!name) throw new UsageError('job needs a name');
  const job = findJob(name);
  if (!job) throw new UsageError(`no job called "${name}"`);
  const at = values.at === undefined ? new Date() : new Date(String(values.at));
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at "${String(values.at)}" is not an ISO time such as 2026-11-27T15:00:00Z`);

  const config = loadConfig(io.env);
  const { database, ...deps } = await createDeps(config, { logger: cliLogger(config, config.log.level), clock: () => at });
  try {
    const result = await job.run(deps, at);
    io.stdout(`${JSON.stringify({ job: job.name, at: at.toISOString(), ...result })}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

type Options = Record<string, { type: 'string' | 'boolean' }>;

function parse<O extends Options>(args: string[], options: O, maxPositionals: number) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > maxPositionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
