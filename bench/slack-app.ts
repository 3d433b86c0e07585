// The app's side of `npm run bench`: cold start and idle memory, interaction latency and
// CPU, and a burst of 200 `/promo win`, each against bare Bolt measured in the same run.
// The app and the baseline run as their own processes (bench/processes.ts); the fake
// Slack Web API and the signed requests come from this one.
import { createTestDatabase } from '../test/support/databases.js';
import { startRemoteFakeSlack } from './fake-slack-process.js';
import { runInteractions, SIGNING_SECRET, type InteractionOptions, type ScenarioResult } from './interactions.js';
import { buildForBench, startProcess, type Role } from './processes.js';
import { benchUserIds, countWins, seedUsers } from './seed.js';
import { runStartup, type StartupResult } from './startup.js';
import { BURST_TEXT, runWinBurst, type WinBurstResult } from './win-burst.js';

const TOKEN = 'xoxb-bench-token';
const BURST_USERS = 200;
const INTERACTION_USERS = 50;

export interface AppBenchOptions {
  quick: boolean;
  /** Write a V8 CPU profile of the app process to bench/profiles/. */
  profile: boolean;
}

export interface AppBenchResults {
  startup: StartupResult;
  interactions: ScenarioResult[];
  winBurst: WinBurstResult;
  targets: { latencyP50Ratio: number; latencyP99Ratio: number; cpuRatio: number; idleRssRatio: number; coldStartMs: number; burstP99Ms: number };
}

const QUICK: InteractionOptions = { requests: { 1: 20, 10: 60, 50: 100 }, warmUp: 10 };
const FULL: InteractionOptions = { requests: { 1: 100, 10: 300, 50: 500 }, warmUp: 30 };

export async function runAppBench(options: AppBenchOptions, log: (line: string) => void): Promise<AppBenchResults> {
  log('building dist/ for the app and the bare Bolt baseline');
  await buildForBench();
  const fake = await startRemoteFakeSlack(TOKEN, SIGNING_SECRET);
  const database = await createTestDatabase('sqlite');
  try {
    const users = benchUserIds(BURST_USERS);
    await seedUsers(database.url, users);
    const env = {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      DOTENV_CONFIG_PATH: '/nonexistent',
    };
    const start = (role: Role, args: string[] = []) => startProcess(role, env, args);

    log('cold start and idle RSS');
    const startup = await runStartup(start, options.quick ? 2 : 5, log);

    const profiling = options.profile ? ['--cpu-prof', '--cpu-prof-dir', 'bench/profiles'] : [];
    const procs = { app: await start('app', profiling), bare: await start('bare') };
    try {
      log('interactions');
      const interactions = await runInteractions(procs, fake, users.slice(0, INTERACTION_USERS), options.quick ? QUICK : FULL, log);
      log(`${BURST_USERS} concurrent /promo win`);
      const winBurst = await runWinBurst(procs, fake, users, () => countWins(database.url, BURST_TEXT), log);
      return {
        startup,
        interactions,
        winBurst,
        targets: { latencyP50Ratio: 1.3, latencyP99Ratio: 1.5, cpuRatio: 1.5, idleRssRatio: 1.3, coldStartMs: 1_000, burstP99Ms: 1_000 },
      };
    } finally {
      await Promise.all([procs.app.stop(), procs.bare.stop()]);
    }
  } finally {
    await fake.close();
    await database.drop();
  }
}

const pair = (app: number | undefined, bare: number | undefined) =>
  app === undefined || bare === undefined ? '—' : `${app} / ${bare} (${(app / bare).toFixed(2)}×)`;

/** Markdown tables: app / bare and the ratio, for the terminal and the README. */
export function appBenchTable(r: AppBenchResults): string {
  const lines = [
    '| interaction | concurrency | ack p50 ms | ack p99 ms | views.open p50 ms | views.open p99 ms | CPU ms each |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of r.interactions) {
    s.app.forEach((app, i) => {
      const bare = s.bare[i];
      lines.push(
        `| ${s.scenario} | ${app.concurrency} | ${pair(app.ackMs.p50, bare?.ackMs.p50)} | ${pair(app.ackMs.p99, bare?.ackMs.p99)} | ${pair(app.modalMs?.p50, bare?.modalMs?.p50)} | ${pair(app.modalMs?.p99, bare?.modalMs?.p99)} | ${pair(app.cpuMsPerInteraction, bare?.cpuMsPerInteraction)} |`,
      );
    });
  }
  const { startup: st, winBurst: wb } = r;
  lines.push(
    '',
    '| what | app | bare Bolt | ratio | target |',
    '|---|---|---|---|---|',
    `| cold start to /healthz 200 | ${st.coldStartMs.app} ms | ${st.coldStartMs.bare} ms | ${st.ratio.coldStart}× | < 1,000 ms |`,
    `| idle RSS after start | ${st.idleRssMb.app} MB | ${st.idleRssMb.bare} MB | ${st.ratio.idleRss}× | ≤ 1.3× |`,
    `| ${wb.users} concurrent /promo win: ack p50 / p99 / max | ${wb.app.ackMs.p50} / ${wb.app.ackMs.p99} / ${wb.app.ackMs.max} ms | ${wb.bare.ackMs.p50} / ${wb.bare.ackMs.p99} / ${wb.bare.ackMs.max} ms | ${(wb.app.ackMs.p99 / wb.bare.ackMs.p99).toFixed(2)}× (p99) | all < 3 s, p99 < 1 s |`,
    `| the same: acked after 3 s, wins stored | ${wb.app.over3s} late, ${wb.app.stored} of ${wb.users} stored | ${wb.bare.over3s} late | | 0 late, all stored |`,
  );
  return lines.join('\n');
}

/**
 * `npx tsx bench/slack-app.ts [--quick] [--profile]`: this part alone. Its figures go
 * under "app" in bench/results.json, beside the other parts' keys.
 */
async function main(argv: string[]): Promise<void> {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const quick = argv.includes('--quick');
  const started = performance.now();
  const results = await runAppBench({ quick, profile: argv.includes('--profile') }, (line) => console.log(line));
  console.log(appBenchTable(results));
  const file = 'bench/results.json';
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const app = { measuredAt: new Date().toISOString(), quick, machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() }, ...results };
  writeFileSync(file, `${JSON.stringify({ ...previous, app }, null, 2)}\n`);
  console.log(`wrote ${file} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) await main(process.argv.slice(2));
