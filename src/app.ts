// Composition root: config → database → ladder → Slack app and listeners → jobs.
// main.ts starts it for real; the end-to-end tests start the very same thing.
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute } from '@slack/bolt';
import type { Config } from './config.js';
import type { Database } from './db/index.js';
import { createDeps, slackClientOptions } from './deps.js';
import { startScheduler, type Scheduler } from './jobs/index.js';
import { toBoltLogger, type Logger } from './logger.js';
import { ackFirst } from './slack/ack-first.js';
import { guardBodySize, MAX_REQUEST_BYTES } from './slack/body-limit.js';
import { registerListeners } from './slack/listeners/index.js';
import { dedupeEvents } from './slack/middleware/dedupe-events.js';
import { stripNul } from './slack/middleware/strip-nul.js';
import { tellOnFailure } from './slack/middleware/tell-on-failure.js';
import type { Deps } from './use-cases/deps.js';

export interface PromoCoach {
  app: App;
  deps: Deps;
  database: Database;
  /** Starts receiving; resolves with the HTTP port (/slack/events in HTTP mode, /healthz in both). */
  start(): Promise<{ port: number }>;
  /** Stops taking requests, lets in-flight ones finish, stops jobs, closes the database. */
  stop(): Promise<void>;
  /** Resolves once no request's listener work is in flight (what a test waits for instead of sleeping). */
  idle(): Promise<void>;
}

/** Slack refused the bot token, or could not be reached, while the app was starting. */
export class SlackStartupError extends Error {
  override name = 'SlackStartupError';
  constructor(cause: unknown) {
    const code = (cause as { data?: { error?: string }; code?: string } | null)?.data?.error;
    super(
      code
        ? `Slack did not accept SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-…) again from "OAuth & Permissions", and reinstall the app if it was revoked.`
        : `Could not reach Slack at the configured SLACK_API_URL to check the bot token: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}

export interface CreateOptions {
  logger: Logger;
  clock?: () => Date;
  /** Run node-cron jobs inside the app (config.jobsEnabled unless overridden). */
  jobs?: boolean;
  /** How long stop() waits for in-flight requests before closing anyway. */
  drainTimeoutMs?: number;
}

export async function createPromoCoach(config: Config, options: CreateOptions): Promise<PromoCoach> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());

  // 200 when the database answers, 503 when it does not: what a load balancer or
  // Docker's HEALTHCHECK needs to take a replica out of rotation.
  // (The server starts listening in start(), after the database below is open.)
  const serveHealth = (res: ServerResponse) => {
    void withTimeout(database.ping(), 2_000).then(
      () => respondJson(res, 200, { status: 'ok', database: 'ok' }),
      (err: unknown) => {
        logger.warn({ err }, 'health check: database unreachable');
        respondJson(res, 503, { status: 'unavailable', database: 'unreachable' });
      },
    );
  };
  const healthz: CustomRoute = { path: '/healthz', method: ['GET'], handler: (_req, res) => serveHealth(res) };

  const boltLogger = toBoltLogger(logger);
  const clientOptions = slackClientOptions(config);
  const receiver =
    config.slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.slack.appToken ?? '',
          logger: boltLogger,
          installerOptions: { clientOptions },
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret ?? '',
          endpoints: '/slack/events',
          logger: boltLogger,
          customRoutes: [healthz],
          bodyLimit: MAX_REQUEST_BYTES,
          // Ack first, work after: Slack wants an answer within 3 seconds.
          processBeforeResponse: false,
        });
  if (receiver instanceof HTTPReceiver) guardBodySize(receiver, logger);

  // Bolt checks the token with auth.test; deferring that lets a bad token or an
  // unreachable Slack stop the start with a clear message instead of an unhandled rejection.
  const app = new App({ token: config.slack.botToken, receiver, logger: boltLogger, clientOptions, deferInitialization: true });
  const { database, ...deps } = await createDeps(config, { logger, clock, slackClient: app.client });
  try {
    await app.init();
  } catch (error) {
    await database.close();
    throw new SlackStartupError(error);
  }

  // Acks first, work after in turns; every request is tracked so stop() can drain them.
  const requests = ackFirst(app, receiver);

  app.use(stripNul());
  app.use(tellOnFailure(logger));
  app.use(dedupeEvents(deps));

  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  let scheduler: Scheduler | undefined;
  let server: Server | undefined;

  return {
    app,
    deps,
    database,
    async start() {
      if (config.slack.mode === 'socket') {
        await app.start();
        // No Slack traffic comes over HTTP in Socket Mode; this server is for /healthz alone.
        server = createServer((req, res) => {
          if (req.method === 'GET' && req.url === healthz.path) serveHealth(res);
          else respondJson(res, 404, { error: 'not_found' });
        }).listen(config.port, '0.0.0.0');
        await once(server, 'listening');
      } else {
        server = (await app.start(config.port)) as Server;
      }
      const port = server ? (server.address() as AddressInfo).port : config.port;
      logger.info({ mode: config.slack.mode, port }, `Promo Coach is running${config.slack.mode === 'socket' ? ' (Socket Mode)' : ''}`);
      if (options.jobs ?? config.jobsEnabled) scheduler = startScheduler(deps);
      return { port };
    },
    idle: () => requests.idle(),
    async stop() {
      await app.stop().catch((err: unknown) => logger.warn({ err }, 'receiver did not stop cleanly'));
      if (config.slack.mode === 'socket' && server) await new Promise((resolve) => server?.close(resolve));
      const drained = await withTimeout(Promise.allSettled([...requests.inFlight]), options.drainTimeoutMs ?? 10_000).then(
        () => true,
        () => false,
      );
      if (!drained) logger.warn({ pending: requests.inFlight.size }, 'stopped before every request finished');
      await scheduler?.stop();
      await database.close();
      logger.info('Promo Coach stopped');
    },
  };
}

function respondJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
