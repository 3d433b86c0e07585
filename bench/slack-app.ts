// The app's side of `npm run bench`: cold start and idle memory, interaction latency and
// CPU, and a burst of 200 `/promo win`, each against bare Bolt measured in the same run.
// The app and the baseline run as their own processes (bench/processes.ts), and so does
// the fake Slack Web API (bench/fake-slack-process.ts); the signed requests come from this one.
import { createTestDatabase } from '../test/support/databases.js';
import { startRemoteFakeSlack } from './fake-slack-process.js';
import { runInteractions, SIGNING_SECRET, type InteractionOptions, type ScenarioResult } from './interactions.js';
import { profileArgs, startProcess, type Role } from './processes.js';
import { benchUserIds, countWins, seedUsers } from './seed.js';
import { runStartup, type StartupResult } from './startup.js';
import { BURST_TEXT, runWinBurst, type WinBurstResult } from './win-burst.js';

const TOKEN = 'xoxb-bench-token';
const BURST_USERS = 200;
const INTERACTION_USERS = 50;

export interface AppBenchOptions {
  quick: boolean;
  /** Cold starts of each process; the median is reported. */
  starts: number;
  /** Write a V8 CPU profile of every app process to data/bench-profiles/. */
  profile: boolean;
}

export interface AppBenchResults {
  startup: StartupResult;
  interactions: ScenarioResult[];
  winBurst: WinBurstResult;
  targets: { latencyP50Ratio: number; latencyP99Ratio: number; cpuRatio: number; idleRssRatio: number; coldStartMs: number; burstP99Ms: number };
  /** What went wrong for a user: an interaction that failed or opened no modal, a win lost or not confirmed. Targets missed are not problems. */
  problems: string[];
}

// --quick: enough requests for every figure, not for a steady p99 (at 50, one wave).
const QUICK: InteractionOptions = { requests: { 1: 10, 10: 20, 50: 50 }, warmUp: 10 };
const FULL: InteractionOptions = { requests: { 1: 100, 10: 300, 50: 500 }, warmUp: 30 };

/** Expects dist/ and the baseline built (buildForBench). */
export async function runAppBench(options: AppBenchOptions, log: (line: string) => void): Promise<AppBenchResults> {
  const database = await createTestDatabase('sqlite');
  const users = benchUserIds(BURST_USERS);
  // The fake's process starts while the users are written: neither is measured.
  const starting = startRemoteFakeSlack(TOKEN, SIGNING_SECRET);
  try {
    await seedUsers(database.url, users);
    const fake = await starting;
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
    const profiling = profileArgs(options.profile);
    const start = (role: Role) => startProcess(role, env, role === 'app' ? profiling : []);

    log('cold start and idle RSS');
    const { startup, procs } = await runStartup(start, options.starts, log);
    try {
      log('interactions');
      const interactions = await runInteractions(procs, fake, users.slice(0, INTERACTION_USERS), options.quick ? QUICK : FULL, log);
      log(`${BURST_USERS} concurrent /promo win`);
      const winBurst = await runWinBurst(procs, fake, users, () => countWins(database.url, BURST_TEXT), log);
      const failed = interactions.flatMap((s) =>
        (['app', 'bare'] as const).flatMap((role) => s[role].filter((l) => l.failures > 0).map((l) => `${s.scenario} · ${role} · c=${l.concurrency}: ${l.failures} of ${l.requests} failed`)),
      );
      return {
        startup,
        interactions,
        winBurst,
        targets: { latencyP50Ratio: 1.3, latencyP99Ratio: 1.5, cpuRatio: 1.5, idleRssRatio: 1.3, coldStartMs: 1_000, burstP99Ms: 1_000 },
        problems: [...failed, ...winBurst.problems.map((p) => `/promo win burst: ${p}`)],
      };
    } finally {
      const stopping = performance.now();
      await Promise.all([procs.app.stop(), procs.bare.stop()]);
      log(`  stopped the app and bare Bolt in ${Math.round(performance.now() - stopping)} ms`);
    }
  } finally {
    await starting.then((fake) => fake.close(), () => undefined);
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
    `| the same: acked after 3 s; wins stored, confirmed as saved | ${wb.app.over3s} late; ${wb.app.stored} and ${wb.app.confirmed} of ${wb.users} | ${wb.bare.over3s} late | | 0 late, all stored and confirmed |`,
    '',
    r.problems.length > 0 ? `PROBLEMS: ${r.problems.join('; ')}` : 'Every interaction answered and opened its modal; every win stored and confirmed as saved.',
  );
  return lines.join('\n');
}
