// `npm run bench [-- --quick] [--part app|fanout] [--only sqlite|postgres] [--users 1000,10000]
//                    [--repeats N] [--concurrency N] [--profile]`
//
// One run measures both parts, every figure against a baseline measured in the same run:
//   app     (bench/slack-app.ts) cold start and idle RSS, interaction latency (ack and
//           views.open, p50/p99) and CPU at concurrency 1, 10 and 50, and 200 concurrent
//           `/promo win`, against a bare Bolt app; on SQLite.
//   fanOut  (bench/fan-out.ts) one weekly-nudges tick at each size, on SQLite and
//           PostgreSQL: wall, DMs/s, CPU and peak RSS, against a bare WebClient sending the
//           same DMs at the same concurrency.
// Options:
//   --quick        under a minute on two idle cores: fewer interaction requests, one start
//                  of each process, 300 and 1,500 users once. Every figure is still there.
//   --part P       only the app part or only the fanout part; the other keeps its previous
//                  figures in bench/results.json.
//   --only DB      the fan-out on sqlite or postgres only.
//   --users N,M    the fan-out's sizes (default 1000,10000).
//   --repeats N    the fan-out's runs and the app's cold starts, median reported
//                  (default 3 runs and 5 starts; 1 of each with --quick).
//   --concurrency N  the fan-out's DMs in flight (default the engine's).
//   --profile      a V8 CPU profile of every app process and every tick, in
//                  data/bench-profiles/ (git ignores data/); open them in Chrome DevTools.
// Prints each part's table and writes bench/results.json, a key per part ("app", "fanOut").
// Exits 1 if a part reports problems: something wrong for a user (an interaction failed, a
// win lost or unconfirmed, a DM missing or sent twice). Missed targets show in the tables
// and do not fail the run: on a shared machine they move with its load.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY } from '../src/delivery/engine.js';
import type { DatabaseKind } from '../test/support/databases.js';
import { fanOutTable, runFanOutBench, type FanOutOptions } from './fan-out.js';
import { buildForBench } from './processes.js';
import { appBenchTable, runAppBench, type AppBenchOptions } from './slack-app.js';

const RESULTS = 'bench/results.json';
const PARTS = ['app', 'fanout'] as const;
type Part = (typeof PARTS)[number];

interface BenchOptions {
  quick: boolean;
  parts: Part[];
  app: AppBenchOptions;
  fanOut: FanOutOptions;
}

function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      part: { type: 'string' },
      only: { type: 'string' },
      users: { type: 'string' },
      repeats: { type: 'string' },
      concurrency: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const whole = (name: string, text: string | undefined, fallback: number) => {
    const n = Number(text ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${text}`);
    return n;
  };
  const only = values.only as DatabaseKind | undefined;
  if (only && only !== 'sqlite' && only !== 'postgres') throw new Error('--only must be sqlite or postgres');
  const part = values.part as Part | undefined;
  if (part && !PARTS.includes(part)) throw new Error(`--part must be ${PARTS.join(' or ')}`);
  const quick = values.quick ?? false;
  const profile = values.profile ?? false;
  return {
    quick,
    parts: part ? [part] : [...PARTS],
    app: { quick, starts: whole('repeats', values.repeats, quick ? 1 : 5), profile },
    fanOut: {
      sizes: (values.users ?? (quick ? '300,1500' : '1000,10000')).split(',').map((n) => whole('users', n, 0)),
      kinds: only ? [only] : ['sqlite', 'postgres'],
      repeats: whole('repeats', values.repeats, quick ? 1 : 3),
      concurrency: whole('concurrency', values.concurrency, DEFAULT_CONCURRENCY),
      profile,
    },
  };
}

const log = (line: string) => console.log(line);

/** Runs one part and returns its results key, its entry (figures plus when, where, how long) and its problems. */
async function runPart(part: Part, options: BenchOptions): Promise<{ key: string; entry: Record<string, unknown>; problems: string[] }> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const measured = async () => {
    if (part === 'app') {
      const app = await runAppBench(options.app, log);
      log(appBenchTable(app));
      return { key: 'app', results: app, problems: app.problems };
    }
    const fanOut = await runFanOutBench(options.fanOut, log);
    log(fanOutTable(fanOut));
    return { key: 'fanOut', results: fanOut, problems: fanOut.runs.flatMap((r) => r.problems.map((p) => `${r.users} ${r.database}: ${p}`)) };
  };
  const { key, results, problems } = await measured();
  const seconds = Math.round((performance.now() - started) / 1000);
  log(`${key}: ${seconds} s\n`);
  const entry = {
    measuredAt: new Date().toISOString(),
    quick: options.quick,
    seconds,
    // The load average (1, 5, 15 min) before and after: the figures of a busy machine swing.
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform, loadAverage: { before: loadBefore, after: os.loadavg() } },
    ...results,
  };
  return { key, entry, problems };
}

const options = parseBenchArgs(process.argv.slice(2));
const started = performance.now();
log('building dist/ (the app, as npm start runs it), the bare Bolt baseline and the fan-out worker');
await buildForBench();
const results: Record<string, unknown> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const problems: string[] = [];
for (const part of options.parts) {
  const run = await runPart(part, options);
  results[run.key] = run.entry;
  problems.push(...run.problems.map((p) => `${part}: ${p}`));
}
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${RESULTS} in ${((performance.now() - started) / 1000).toFixed(0)} s (load average now ${os.loadavg().map((l) => l.toFixed(2)).join(', ')})`);
if (problems.length > 0) log(`PROBLEMS:\n- ${problems.join('\n- ')}`);
process.exitCode = problems.length > 0 ? 1 : 0;
