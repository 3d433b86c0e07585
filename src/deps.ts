// The one composition root: config → database (migrated, seeded) → repositories, ladder,
// Slack gateway, clock. The app, the operator CLI and the benchmark all build their
// dependencies here, so each runs the same code against the same wiring.
import { WebClient } from '@slack/web-api';
import { cachedSettingsRepository } from './cache/settings-cache.js';
import type { Config } from './config.js';
import { createRepositories, migrateDatabase, openDatabase, type Database } from './db/index.js';
import { defaultLadder, loadLadderFile, type Ladder } from './ladder/index.js';
import { LiveLadder } from './ladder/live-ladder.js';
import { toBoltLogger, type Logger } from './logger.js';
import { loadSettingsFile } from './org/settings-file.js';
import { slackGateway } from './slack/gateway.js';
import { rollCyclesForward } from './use-cases/cycles.js';
import type { Deps, OrgRuntime } from './use-cases/deps.js';
import { applySettingsFileCycles, orgSettings } from './use-cases/settings.js';

/** WebClient options for every Slack call the app makes. */
export function slackClientOptions(config: Pick<Config, 'slack'>) {
  return {
    slackApiUrl: config.slack.apiUrl,
    // Interactive work cannot wait half an hour: a few quick retries, and Retry-After on 429s.
    retryConfig: { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 5_000 },
  };
}

export interface CreateDepsOptions {
  logger: Logger;
  clock?: () => Date;
  /** The WebClient to send with: the app passes Bolt's, so one client holds the rate-limit queue. */
  slackClient?: WebClient;
}

/** Everything a use case needs, plus the database handle its owner closes. */
export interface AppDeps extends Deps {
  database: Database;
}

/** The database, migrated and seeded, and the ladder: what needs no Slack at all. */
export async function openCore(
  config: Pick<Config, 'database' | 'ladderFile'> & Partial<Pick<Config, 'settingsFile' | 'adminUserIds'>>,
  logger: Logger,
  clock: () => Date,
) {
  // A broken settings file stops the start before the database is touched.
  const settingsFile = config.settingsFile ? await loadSettingsFile(config.settingsFile) : null;
  await migrateDatabase(config.database.url, logger);
  const database = await openDatabase(config.database.url);
  try {
    const plain = createRepositories(database.prisma);
    // Org settings and cycles from memory: see src/cache/settings-cache.ts for how fresh.
    const repos = { ...plain, settings: cachedSettingsRepository(plain.settings) };
    const baseLadder: Ladder = config.ladderFile ? await loadLadderFile(config.ladderFile) : defaultLadder;
    const org: OrgRuntime = { adminUserIds: config.adminUserIds ?? [], settingsFile, baseLadder };
    const ladder = new LiveLadder(baseLadder, 'base');
    await applySettingsFileCycles({ repos, org });
    // The ladder an admin stored (or the file names) replaces the base one from the start.
    await orgSettings({ repos, ladder, org, logger });
    // Cycles never run out: an install always offers at least two future calibrations.
    await rollCyclesForward({ repos, clock });
    return { database, repos, ladder, org };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function createDeps(
  config: Pick<Config, 'database' | 'ladderFile' | 'slack'> & Partial<Pick<Config, 'settingsFile' | 'adminUserIds' | 'llm'>>,
  options: CreateDepsOptions,
): Promise<AppDeps> {
  const clock = options.clock ?? (() => new Date());
  const { database, repos, ladder, org } = await openCore(config, options.logger, clock);
  // Its own client (the CLI's) logs through ours: JSON, scrubbed, payloads dropped, never
  // the WebClient's console lines mixed into a command's output.
  const client =
    options.slackClient ??
    new WebClient(config.slack.botToken, { ...slackClientOptions(config), logger: toBoltLogger(options.logger, 'web-api') });
  // The openai SDK costs ~150 ms and ~5 MB to load: only a configured key loads it.
  const llm = config.llm ? (await import('./llm/index.js')).createLlm(config.llm) : undefined;
  return { database, repos, ladder, org, logger: options.logger, clock, slack: slackGateway(client, repos.users), ...(llm ? { llm } : {}) };
}
