// Scheduled work. Every job is safe to run on every replica at once and to run again
// (catch-up after an outage): whatever it sends is claimed in a delivery record first.
// node-cron runs them inside the app; `promo-coach job <name> [--at ISO-TIME]` runs one now.
import cron from 'node-cron';
import type { Deps } from '../use-cases/deps.js';
import { meetingFollowUpsJob } from './meeting-followups.js';
import { monthlyCheckInsJob } from './monthly-checkins.js';
import { pruneEventsJob } from './prune-events.js';
import { retentionJob } from './retention.js';
import { rollCyclesJob } from './roll-cycles.js';
import { syncSettingsJob } from './sync-settings.js';
import { weeklyNudgesJob } from './weekly-nudges.js';

export interface JobResult {
  [count: string]: number;
}

export interface Job {
  name: string;
  description: string;
  /** node-cron expression, in UTC. */
  schedule: string;
  run(deps: Deps, at: Date): Promise<JobResult>;
}

export const JOBS: Job[] = [weeklyNudgesJob, monthlyCheckInsJob, pruneEventsJob, rollCyclesJob, retentionJob, syncSettingsJob, meetingFollowUpsJob];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: Deps, jobs: Job[] = JOBS): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      async () => {
        const run = job
          .run(deps, deps.clock())
          .then((result) => deps.logger.info({ job: job.name, ...result }, 'job finished'))
          .catch((err: unknown) => deps.logger.error({ err, job: job.name }, 'job failed'));
        running.add(run);
        await run.finally(() => running.delete(run));
      },
      // A tick that is still sending when the next one is due is not doubled up.
      { name: job.name, noOverlap: true, timezone: 'Etc/UTC' },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}
