// One replica's scheduler, stepped through simulated time: a child process that builds its
// dependencies with createDeps (as the app and `promo-coach job` do), then at every tick
// instant runs each job of src/jobs/index.ts whose cron schedule fired since the last
// tick, all at once (node-cron starts each job on its own task), with the clock at the
// tick. One process per tick (`promo-coach job … --at`) would spend ~1 s a tick on start-up.
//
// Started by replicas-month.test.ts through fork() with an IPC channel:
//   argv: --from ISO --every MINUTES --ticks N --lockstep-from I --name A
//   child → parent: { type: 'ready' } once connected; { type: 'finished', index } after
//   each tick; { type: 'tick', index } before each lock-step tick; { type: 'report' } at the
//   end of each phase (loose, then lock-step).
//   parent → child: { type: 'start' } (both replicas start together); { type: 'peer', index }
//   when the other replica finished a tick; { type: 'go', index } for each lock-step tick.
// Loose (ticks before I): a replica starts a tick once the other has finished the one
// before, and otherwise runs at its own pace (either may lead, they overlap differently
// every tick): replicas on one wall clock, whose ticks take far less than the interval
// between them, do the same. Lock-step (from I on): both start each tick at the same
// moment, when the parent says so, and the parent may act in between.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { loadConfig, logSecrets } from '../../src/config.js';
import { createDeps } from '../../src/deps.js';
import { JOBS, type Job } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';

export interface TickerReport {
  name: string;
  ticks: number;
  /** Runs per job. */
  runs: Record<string, number>;
  /** The jobs' own counts, summed over the month: weekly_sent, checkin_already_sent… */
  counts: Record<string, number>;
  /** Milliseconds spent in each job, summed (jobs of one tick run at once, so these overlap). */
  jobMs: Record<string, number>;
  /** Runs that rejected (the scheduler would log "job failed"). */
  failures: { job: string; at: string; error: string }[];
  wallMs: number;
  /** CPU time this process spent in the phase (user and system). */
  cpuMs: number;
}

export type TickerMessage = { type: 'ready' } | { type: 'tick'; index: number } | { type: 'finished'; index: number } | { type: 'report'; report: TickerReport };
export type ParentMessage = { type: 'start' } | { type: 'go'; index: number } | { type: 'peer'; index: number };

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/**
 * The minutes of a UTC day on which a job's cron expression fires, from node-cron's own
 * parser. Every schedule in JOBS names minutes and hours only; a new one that names days
 * fails here rather than being stepped wrongly.
 */
export function firingMinutes(job: Job): boolean[] {
  if (!/^\S+ \S+ \* \* \*$/.test(job.schedule)) throw new Error(`${job.name}: "${job.schedule}" names days; the ticker only steps daily schedules`);
  const { minute, hour } = cron.parse(job.schedule);
  return Array.from({ length: DAY_MINUTES }, (_, m) => hour.includes(Math.floor(m / 60)) && minute.includes(m % 60));
}

/** Did the job fire at any whole minute in (from, to]? */
export function firedBetween(fires: boolean[], from: number, to: number): boolean {
  const first = Math.floor(from / MINUTE_MS) + 1;
  const last = Math.floor(to / MINUTE_MS);
  for (let m = first; m <= last && m - first < DAY_MINUTES; m++) if (fires[((m % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES]) return true;
  return false;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { from: { type: 'string' }, every: { type: 'string' }, ticks: { type: 'string' }, 'lockstep-from': { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const from = new Date(String(values.from)).getTime();
  const stepMs = Number(values.every) * MINUTE_MS;
  const ticks = Number(values.ticks);
  const lockstepFrom = Number(values['lockstep-from'] ?? ticks);
  const name = String(values.name);
  if (!Number.isFinite(from) || !(stepMs > 0) || !(ticks > 0) || !(lockstepFrom >= 0)) throw new Error('usage: --from ISO --every MINUTES --ticks N [--lockstep-from I] --name NAME');

  const send = (message: TickerMessage) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));
  const inbox: ParentMessage[] = [];
  const waiting: ((m: ParentMessage) => void)[] = [];
  let peerFinished = -1;
  let peerWaiter: (() => void) | null = null;
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'peer') {
      peerFinished = Math.max(peerFinished, m.index);
      peerWaiter?.();
      return;
    }
    const next = waiting.shift();
    if (next) next(m);
    else inbox.push(m);
  });
  const receive = () => new Promise<ParentMessage>((resolve) => (inbox.length > 0 ? resolve(inbox.shift() as ParentMessage) : waiting.push(resolve)));
  const peerDone = async (index: number) => {
    while (peerFinished < index) await new Promise<void>((resolve) => (peerWaiter = resolve));
    peerWaiter = null;
  };

  let now = new Date(from);
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.log.level, format: 'json', secrets: logSecrets(config) });
  const { database, ...deps } = await createDeps(config, { logger, clock: () => now });
  const schedule = JOBS.map((job) => ({ job, fires: firingMinutes(job) }));
  const newReport = (): TickerReport => ({ name, ticks: 0, runs: {}, counts: {}, jobMs: {}, failures: [], wallMs: 0, cpuMs: 0 });
  let report = newReport();

  await send({ type: 'ready' });
  await receive();
  let started = performance.now();
  let cpu = process.cpuUsage();
  const endPhase = async () => {
    report.wallMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    report.cpuMs = Math.round((used.user + used.system) / 1000);
    cpu = process.cpuUsage();
    await send({ type: 'report', report });
    report = newReport();
    started = performance.now();
  };
  try {
    for (let index = 0; index < ticks; index++) {
      if (index === lockstepFrom && index > 0) await endPhase();
      if (index >= lockstepFrom) {
        await send({ type: 'tick', index });
        await receive();
      } else {
        await peerDone(index - 1);
      }
      const at = from + index * stepMs;
      now = new Date(at);
      const due = schedule.filter(({ fires }) => firedBetween(fires, at - stepMs, at));
      await Promise.all(
        due.map(async ({ job }) => {
          report.runs[job.name] = (report.runs[job.name] ?? 0) + 1;
          const began = performance.now();
          try {
            const result = await job.run(deps, new Date(at));
            for (const [key, n] of Object.entries(result)) report.counts[key] = (report.counts[key] ?? 0) + n;
          } catch (err) {
            logger.error({ err, job: job.name }, 'job failed');
            report.failures.push({ job: job.name, at: new Date(at).toISOString(), error: err instanceof Error ? err.message : String(err) });
          } finally {
            report.jobMs[job.name] = Math.round((report.jobMs[job.name] ?? 0) + performance.now() - began);
          }
        }),
      );
      report.ticks++;
      void send({ type: 'finished', index });
    }
    await endPhase();
  } finally {
    await database.close();
  }
  process.disconnect();
}

// Only when started as a process of its own; the test imports just its types.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
