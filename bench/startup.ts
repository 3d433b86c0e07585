// Cold start and idle memory, the app against bare Bolt: each start is a fresh process,
// timed from spawn to the first 200 from /healthz (for the app that means the database
// answers), then left idle for a moment before its resident set is read. The last start
// of each role stays up: the interactions and the burst run against it.
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
// Bare Bolt first: once up it does nothing, so the app's start, the figure with a target, is not shared with another start.
const ORDER = ['bare', 'app'] as const;

export async function runStartup(
  start: (role: Role) => Promise<Started>,
  starts: number,
  log: (line: string) => void,
): Promise<{ startup: StartupResult; procs: Record<Role, Started> }> {
  const cold: Record<Role, number[]> = { app: [], bare: [] };
  const rss: Record<Role, number[]> = { app: [], bare: [] };
  for (let i = 0; ; i++) {
    const procs = {} as Record<Role, Started>;
    try {
      for (const role of ORDER) procs[role] = await start(role);
    } catch (error) {
      await Promise.all(Object.values(procs).map((proc) => proc.stop()));
      throw error;
    }
    // Both idle at once: one wait per round, not one per role.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    for (const role of ORDER) {
      cold[role].push(procs[role].coldStartMs);
      rss[role].push(procs[role].rssMb());
      log(`  start ${i + 1}/${starts} · ${role}: /healthz 200 after ${round(procs[role].coldStartMs, 0)} ms, idle RSS ${round(rss[role].at(-1) ?? NaN, 1)} MB`);
    }
    if (i + 1 === starts) {
      const coldStartMs = { app: round(median(cold.app), 0), bare: round(median(cold.bare), 0) };
      const idleRssMb = { app: round(median(rss.app), 1), bare: round(median(rss.bare), 1) };
      const startup = { starts, coldStartMs, idleRssMb, ratio: { coldStart: ratio(coldStartMs.app, coldStartMs.bare), idleRss: ratio(idleRssMb.app, idleRssMb.bare) } };
      return { startup, procs };
    }
    await Promise.all(ORDER.map((role) => procs[role].stop()));
  }
}
