// Cold start and idle memory, the app against bare Bolt: each start is a fresh process,
// timed from spawn to the first 200 from /healthz (for the app that means the database
// answers), then left idle for a moment before its resident set is read.
import type { Role, Started } from './processes.js';
import { median, ratio, round } from './stats.js';

export interface StartupResult {
  starts: number;
  coldStartMs: Record<Role, number>;
  idleRssMb: Record<Role, number>;
  /** app / bare: the targets are a cold start under 1 s (absolute) and idle RSS ≤ 1.3× bare. */
  ratio: { coldStart: number; idleRss: number };
}

const IDLE_MS = 2_000;

export async function runStartup(
  start: (role: Role) => Promise<Started>,
  starts: number,
  log: (line: string) => void,
): Promise<StartupResult> {
  const cold: Record<Role, number[]> = { app: [], bare: [] };
  const rss: Record<Role, number[]> = { app: [], bare: [] };
  for (let i = 0; i < starts; i++) {
    for (const role of ['app', 'bare'] as const) {
      const proc = await start(role);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      cold[role].push(proc.coldStartMs);
      rss[role].push(proc.rssMb());
      await proc.stop();
      log(`  start ${i + 1}/${starts} · ${role}: /healthz 200 after ${round(proc.coldStartMs, 0)} ms, idle RSS ${round(rss[role].at(-1) ?? NaN, 1)} MB`);
    }
  }
  const coldStartMs = { app: round(median(cold.app), 0), bare: round(median(cold.bare), 0) };
  const idleRssMb = { app: round(median(rss.app), 1), bare: round(median(rss.bare), 1) };
  return {
    starts,
    coldStartMs,
    idleRssMb,
    ratio: { coldStart: ratio(coldStartMs.app, coldStartMs.bare), idleRss: ratio(idleRssMb.app, idleRssMb.bare) },
  };
}
