// The weekly-nudge fan-out: one tick for N users all due at the same minute, on SQLite and
// PostgreSQL, against a baseline measured in the same run: a bare WebClient posting the
// same N DMs at the same concurrency, with no database. The figures that matter are the
// ratios, tick / baseline, since these machines are noisy and an absolute time means little.
//
// Each measured run is a process of its own (bench/fan-out-worker.ts, built by
// buildForBench to run on the app's dist/), so its peak RSS is its own; the fake Slack Web
// API and the seeding stay in this process.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { migrateDatabase, openDatabase } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { createTestDatabase, postgresAvailable, type DatabaseKind } from '../test/support/databases.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import type { WorkerResult, WorkerTask } from './fan-out-worker.js';
import { FAN_OUT_WORKER, profileArgs } from './processes.js';
import { median, round } from './stats.js';

const TOKEN = 'xoxb-bench-token';
// Friday 27 November 2026, 15:00 in Berlin: every seeded user is due at this instant.
const DUE = new Date('2026-11-27T14:00:00Z');
// One more user, due an hour earlier, for the unmeasured warm-up DM.
const WARM_UP = { user: 'UWARMUP', at: new Date(DUE.getTime() - 3_600_000) };
const SEED_CHUNK = 1000;
const BENCH_CYCLE = { name: 'Bench cycle', calibrationDate: '2027-06-30' };

export interface FanOutOptions {
  sizes: number[];
  kinds: DatabaseKind[];
  /** Runs of each measurement; the median is reported. */
  repeats: number;
  concurrency: number;
  /** Write a V8 CPU profile of every tick to data/bench-profiles/ (git ignores data/); open them in Chrome DevTools. */
  profile: boolean;
}

export interface Measured {
  /** Median of the repeats. */
  wallMs: number;
  /** Fastest of the repeats: on a shared machine noise only ever adds time. */
  bestWallMs: number;
  /** CPU time of the measuring process: the database's and the engine's cost, whatever else the machine runs. */
  cpuMs: number;
  dmsPerSecond: number;
  peakRssMb: number;
  /** Heap in use after a full GC once done: memory the run holds on to. */
  retainedHeapMb: number;
}

export interface FanOutRun {
  users: number;
  database: DatabaseKind;
  tick: Measured;
  baseline: Measured;
  /** tick / baseline: wall time and peak RSS want ≤ 1.2; DMs per second is the inverse of the wall ratio. */
  ratio: { wall: number; bestWall: number; dmsPerSecond: number; cpu: number; peakRss: number };
  problems: string[];
}

export interface FanOutResults {
  concurrency: number;
  repeats: number;
  runs: FanOutRun[];
  /** Peak RSS of the tick at the largest size minus at the smallest, per database (and of the baseline). */
  rssGrowthMb: Partial<Record<DatabaseKind | 'baseline', number>>;
  /** The same for the heap retained after a full GC: growth here would be memory held per user. */
  retainedHeapGrowthMb: Partial<Record<DatabaseKind | 'baseline', number>>;
  targets: { wallRatio: number; rssGrowthMb: number };
}

const userIds = (n: number) => Array.from({ length: n }, (_, i) => `UBENCH${String(i).padStart(6, '0')}`);

function runWorker(task: WorkerTask, profile: boolean): Promise<WorkerResult> {
  const profiling = profileArgs(profile && task.role === 'tick');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profiling, '--expose-gc', FAN_OUT_WORKER, JSON.stringify(task)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`${task.role} worker exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as WorkerResult);
    });
  });
}

/** Onboarded users with their DM channel already cached, as after their first week. */
async function seed(url: string, ids: string[]): Promise<void> {
  await migrateDatabase(url, createLogger({ level: 'warn', format: 'json' }));
  const database = await openDatabase(url);
  try {
    await database.prisma.cycle.create({ data: BENCH_CYCLE });
    await database.prisma.user.create({ data: { id: WARM_UP.user, tz: 'Europe/Berlin', dmChannelId: `D${WARM_UP.user}` } });
    await database.prisma.profile.create({
      data: { userId: WARM_UP.user, currentLevel: 'senior', targetLevel: 'staff', managerId: 'UMANAGER', targetCycle: BENCH_CYCLE.name, nudgeMinute: 14 * 60, nextNudgeAt: WARM_UP.at },
    });
    for (let i = 0; i < ids.length; i += SEED_CHUNK) {
      const chunk = ids.slice(i, i + SEED_CHUNK);
      await database.prisma.user.createMany({ data: chunk.map((id) => ({ id, tz: 'Europe/Berlin', dmChannelId: `D${id}` })) });
      await database.prisma.profile.createMany({
        data: chunk.map((userId) => ({
          userId,
          currentLevel: 'senior',
          targetLevel: 'staff',
          managerId: 'UMANAGER',
          targetCycle: BENCH_CYCLE.name,
          nextNudgeAt: DUE,
        })),
      });
    }
  } finally {
    await database.close();
  }
}

/** Every user exactly one DM, no Slack errors, and (for a tick) every delivery row marked sent. */
async function check(fake: FakeSlack, ids: string[], url?: string): Promise<string[]> {
  const channels = fake
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && c.args.channel !== `D${WARM_UP.user}`)
    .map((c) => String(c.args.channel));
  const problems: string[] = [];
  if (channels.length !== ids.length) problems.push(`${channels.length} DMs for ${ids.length} users`);
  if (new Set(channels).size !== channels.length) problems.push('some user got two DMs');
  const errors = fake.calls.filter((c) => c.status !== 200 || (c.response as { ok?: boolean }).ok === false);
  if (errors.length > 0) problems.push(`${errors.length} Slack calls failed`);
  if (url) {
    const database = await openDatabase(url);
    try {
      const marked = await database.prisma.delivery.count({
        where: { status: 'sent', kind: 'weekly_nudge', period: '2026-W48', userId: { not: WARM_UP.user } },
      });
      if (marked !== ids.length) problems.push(`${marked} delivery rows marked sent`);
    } finally {
      await database.close();
    }
  }
  return problems;
}

async function measure(role: WorkerTask['role'], ids: string[], options: FanOutOptions, kind?: DatabaseKind) {
  const fake = await startFakeSlack({ token: TOKEN });
  const testDb = kind ? await createTestDatabase(kind) : undefined;
  try {
    if (testDb) await seed(testDb.url, ids);
    const result = await runWorker(
      {
        role,
        apiUrl: fake.apiUrl,
        token: TOKEN,
        databaseUrl: testDb?.url,
        users: ids.length,
        concurrency: options.concurrency,
        at: DUE.toISOString(),
        warmUpAt: WARM_UP.at.toISOString(),
        warmUpUser: WARM_UP.user,
      },
      options.profile,
    );
    const problems = await check(fake, ids, testDb?.url);
    if (result.sent !== ids.length) problems.push(`the ${role} reported ${result.sent} sent${result.counts ? ` ${JSON.stringify(result.counts)}` : ''}`);
    return { result, problems };
  } finally {
    await fake.close();
    await testDb?.drop();
  }
}

const summarize = (results: WorkerResult[], users: number): Measured => {
  const wallMs = median(results.map((r) => r.wallMs));
  return {
    wallMs: round(wallMs, 0),
    bestWallMs: round(Math.min(...results.map((r) => r.wallMs)), 0),
    cpuMs: round(median(results.map((r) => r.cpuMs)), 0), dmsPerSecond: round(users / (wallMs / 1000), 0),
    peakRssMb: round(median(results.map((r) => r.peakRssBytes)) / 2 ** 20, 1),
    retainedHeapMb: round(median(results.map((r) => r.retainedHeapBytes)) / 2 ** 20, 1),
  };
};

export async function runFanOutBench(options: FanOutOptions, log: (line: string) => void): Promise<FanOutResults> {
  const kinds: DatabaseKind[] = [];
  for (const kind of options.kinds) {
    if (kind === 'postgres' && !(await postgresAvailable())) log('  postgres: skipped, no server on 127.0.0.1:5432');
    else kinds.push(kind);
  }
  log(
    `fan-out: one weekly-nudges tick, N users due at one minute, DM channels cached, warm process (one DM sent before), concurrency ${options.concurrency}, ` +
      `median of ${options.repeats}, fake Slack on loopback (${os.cpus().length} CPUs, Node ${process.version})`,
  );
  const runs: FanOutRun[] = [];
  for (const users of options.sizes) {
    const ids = userIds(users);
    const baselines: WorkerResult[] = [];
    const ticks = new Map<DatabaseKind, { results: WorkerResult[]; problems: string[] }>(kinds.map((k) => [k, { results: [], problems: [] }]));
    const baselineProblems: string[] = [];
    // Interleaved, so that a noisy minute falls on the baseline and the ticks alike.
    for (let r = 0; r < options.repeats; r++) {
      const base = await measure('baseline', ids, options);
      baselines.push(base.result);
      baselineProblems.push(...base.problems);
      for (const kind of kinds) {
        const tick = await measure('tick', ids, options, kind);
        const entry = ticks.get(kind) as { results: WorkerResult[]; problems: string[] };
        entry.results.push(tick.result);
        entry.problems.push(...tick.problems);
      }
    }
    const baseline = summarize(baselines, users);
    for (const kind of kinds) {
      const entry = ticks.get(kind) as { results: WorkerResult[]; problems: string[] };
      const tick = summarize(entry.results, users);
      const problems = [...new Set([...baselineProblems.map((p) => `baseline: ${p}`), ...entry.problems])];
      runs.push({
        users,
        database: kind,
        tick,
        baseline,
        ratio: {
          wall: round(tick.wallMs / baseline.wallMs),
          bestWall: round(tick.bestWallMs / baseline.bestWallMs),
          dmsPerSecond: round(tick.dmsPerSecond / baseline.dmsPerSecond),
          cpu: round(tick.cpuMs / baseline.cpuMs),
          peakRss: round(tick.peakRssMb / baseline.peakRssMb),
        },
        problems,
      });
    }
  }
  const rssGrowthMb: FanOutResults['rssGrowthMb'] = {};
  const retainedHeapGrowthMb: FanOutResults['retainedHeapGrowthMb'] = {};
  const smallest = Math.min(...options.sizes);
  const largest = Math.max(...options.sizes);
  if (largest > smallest && kinds.length > 0) {
    const growth = (pick: (run: FanOutRun) => number, kind: DatabaseKind) => {
      const at = (n: number) => pick(runs.find((r) => r.users === n && r.database === kind) as FanOutRun);
      return round(at(largest) - at(smallest), 1);
    };
    for (const kind of kinds) {
      rssGrowthMb[kind] = growth((r) => r.tick.peakRssMb, kind);
      retainedHeapGrowthMb[kind] = growth((r) => r.tick.retainedHeapMb, kind);
    }
    rssGrowthMb.baseline = growth((r) => r.baseline.peakRssMb, kinds[0] as DatabaseKind);
    retainedHeapGrowthMb.baseline = growth((r) => r.baseline.retainedHeapMb, kinds[0] as DatabaseKind);
  }
  return {
    concurrency: options.concurrency,
    repeats: options.repeats,
    runs,
    rssGrowthMb,
    retainedHeapGrowthMb,
    targets: { wallRatio: 1.2, rssGrowthMb: 50 },
  };
}

/** The table `npm run bench` prints and the README shows. */
export function fanOutTable(results: FanOutResults): string {
  const rows = [
    '| users | database | tick wall | baseline wall | wall ratio (best of runs) | DMs/s (tick / baseline) | CPU (tick / baseline) | peak RSS (tick / baseline) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...results.runs.map(
      (r) =>
        `| ${r.users.toLocaleString('en-US')} | ${r.database} | ${(r.tick.wallMs / 1000).toFixed(2)} s | ${(r.baseline.wallMs / 1000).toFixed(2)} s | ` +
        `${r.ratio.wall.toFixed(2)}× (${r.ratio.bestWall.toFixed(2)}×) | ${r.tick.dmsPerSecond} / ${r.baseline.dmsPerSecond} (${r.ratio.dmsPerSecond.toFixed(2)}×) | ` +
        `${(r.tick.cpuMs / 1000).toFixed(2)} / ${(r.baseline.cpuMs / 1000).toFixed(2)} s (${r.ratio.cpu.toFixed(2)}×) | ` +
        `${r.tick.peakRssMb} / ${r.baseline.peakRssMb} MB (${r.ratio.peakRss.toFixed(2)}×) |`,
    ),
  ];
  const growth = (by: FanOutResults['rssGrowthMb']) => Object.entries(by).map(([kind, mb]) => `${kind} ${mb} MB`).join(', ');
  if (Object.keys(results.rssGrowthMb).length > 0) {
    rows.push(
      '',
      `Peak RSS growth from the smallest to the largest run: ${growth(results.rssGrowthMb)} (target < ${results.targets.rssGrowthMb} MB).`,
      `Heap retained after a full GC, growth over the same runs: ${growth(results.retainedHeapGrowthMb)}.`,
    );
  }
  const problems = results.runs.flatMap((r) => r.problems.map((p) => `${r.users} ${r.database}: ${p}`));
  rows.push(problems.length > 0 ? `PROBLEMS: ${problems.join('; ')}` : 'Every run: each user exactly one DM, every delivery marked sent, no Slack errors.');
  return rows.join('\n');
}
