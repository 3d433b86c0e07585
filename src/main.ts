// Entry point: `npm start`. Reads the configuration, starts the bot, and stops cleanly
// on SIGTERM (Docker, Kubernetes) and SIGINT (Ctrl-C).
import { createPromoCoach, SlackStartupError } from './app.js';
import { ConfigError, loadConfig, logSecrets } from './config.js';
import { DatabaseUrlError, MigrationError } from './db/index.js';
import { LadderError } from './ladder/index.js';
import { SettingsFileError } from './org/settings-file.js';
import { createLogger, createScrubber } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const secrets = logSecrets(config);
  const logger = createLogger({ level: config.log.level, format: config.log.format, secrets });

  let coach;
  try {
    coach = await createPromoCoach(config, { logger });
    await coach.start();
  } catch (error) {
    if (
      error instanceof SlackStartupError ||
      error instanceof DatabaseUrlError ||
      error instanceof MigrationError ||
      error instanceof SettingsFileError ||
      error instanceof LadderError
    ) {
      // The operator's problem, not a bug: one clear line, no stack trace (a driver's
      // message is quoted in it, so it is scrubbed like any log line).
      process.stderr.write(`Promo Coach cannot start: ${createScrubber(secrets)(error.message)}\n`);
    } else {
      logger.fatal({ err: error }, 'Promo Coach could not start');
    }
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    coach.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
