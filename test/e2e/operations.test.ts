import pg from 'pg';
import { readMigrations } from '../../src/db/migrate.js';
import { describe, expect, it } from 'vitest';
import { ONBOARDING, VIEWS } from '../../src/slack/ids.js';
import { startTestApp } from '../support/app-harness.js';
import { createTestDatabase, databaseKinds, POSTGRES_ADMIN_URL } from '../support/databases.js';
import { state } from '../support/slack-requests.js';
import { appNeedles, describeLeaks, scanLogs } from '../reliability/log-scan.js';

const kinds = await databaseKinds();

describe('operations', () => {
  it('when the app handles user text at debug level, then no token, secret or user text reaches the logs', async () => {
    const app = await startTestApp({ logLevel: 'trace' });
    const marker = 'PRIVATE-WIN-TEXT-7f3a';
    await app.slack.command({ userId: 'UENG', text: `win ${marker}` });
    await app.fake.waitForCall('views.open');
    await app.slack.viewSubmission({
      userId: 'UENG',
      callbackId: VIEWS.onboarding,
      values: {
        [ONBOARDING.currentLevelBlock]: { [ONBOARDING.currentLevelAction]: state.staticSelect(marker) },
      },
    });
    await app.slack.event({ type: 'app_home_opened', user: 'UENG', tab: 'home', channel: 'D1', text: marker });
    await app.fake.waitForCall('views.publish');
    // Slack answering with an error makes the WebClient log the failed call.
    app.fake.failNext('views.publish', { error: 'invalid_auth' });
    await app.slack.event({ type: 'app_home_opened', user: 'UENG', tab: 'home', channel: 'D1' });
    await app.fake.waitForCalls('views.publish', 2);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The reliability suites' scan: the tokens, the secret, the request ids and the text sent.
    const { leaks, lines } = scanLogs([{ name: 'app', lines: app.logs }], appNeedles(app, [marker]));
    expect(lines).toBeGreaterThan(5);
    expect(leaks, describeLeaks(leaks)).toEqual([]);
  });

  it.runIf(kinds.includes('postgres'))(
    'when PostgreSQL goes away, then /healthz answers 503, and 200 again when it is back',
    async () => {
      const database = await createTestDatabase('postgres');
      const app = await startTestApp({ sharedDatabase: database });
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);

      const name = new URL(database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      try {
        // Refuse new connections and cut the open ones: the database server is "down" for us.
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        const down = await fetch(`${app.baseUrl}/healthz`);
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      } finally {
        await admin.end();
        await app.stop();
        await database.drop();
      }
    },
  );

  it.runIf(kinds.includes('postgres'))(
    'when several replicas start at once on an empty PostgreSQL, then migrations are applied exactly once',
    async () => {
      const database = await createTestDatabase('postgres');
      try {
        const apps = await Promise.all([1, 2, 3].map(() => startTestApp({ sharedDatabase: database })));
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query('SELECT migration_name, finished_at FROM "_prisma_migrations"');
        await client.end();
        expect(rows.map((r) => r.migration_name)).toEqual(readMigrations('postgres').map((m) => m.name));
        for (const app of apps) expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
        await Promise.all(apps.map((app) => app.stop()));
      } finally {
        await database.drop();
      }
    },
  );
});
