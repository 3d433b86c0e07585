// Promotion cycles: the operator's list / set / remove, and the roll-forward that keeps
// at least two future cycles on offer however old the install is.
import { cycleHasPassed, cyclesToAdd, isCalendarDate, type CycleSeed } from '../org/cycles.js';
import { localDate } from '../schedule/weekly.js';
import type { Deps } from './deps.js';

type CycleDeps = Pick<Deps, 'repos' | 'clock'>;

/** A cycle name is an onboarding option's value; with " · 15 Jun 2027 (too soon to prepare)" it stays within Slack's 75. */
export const CYCLE_NAME_MAX = 36;

export type CycleField = 'name' | 'calibrationDate';
export type CycleResult<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<CycleField, string>> };

export interface CycleOverview extends CycleSeed {
  /** Calibration is today or behind us. */
  past: boolean;
  /** Profiles whose target is this cycle. */
  profiles: number;
}

/** Cycles are an org-wide calendar, so "today" is the UTC date. */
function today(deps: CycleDeps): string {
  return localDate(deps.clock(), 'UTC');
}

/**
 * Adds the next default H1/H2 cycles when fewer than two lie ahead. Run on every start
 * and daily; safe on several replicas at once (each name is inserted once).
 */
export async function rollCyclesForward(deps: CycleDeps): Promise<CycleSeed[]> {
  const toAdd = cyclesToAdd(await deps.repos.settings.listCycles(), today(deps));
  await deps.repos.settings.addCyclesOnce(toAdd);
  return toAdd;
}

export async function listCycles(deps: CycleDeps): Promise<CycleOverview[]> {
  const [cycles, usage] = await Promise.all([deps.repos.settings.listCycles(), deps.repos.settings.profilesPerCycle()]);
  const now = today(deps);
  return cycles.map((c) => ({
    name: c.name,
    calibrationDate: c.calibrationDate,
    past: cycleHasPassed(c.calibrationDate, now),
    profiles: usage.get(c.name) ?? 0,
  }));
}

/** Creates a cycle, or moves an existing one's calibration date. */
export async function setCycle(
  deps: CycleDeps,
  rawName: string,
  calibrationDate: string,
): Promise<CycleResult<{ cycle: CycleSeed; created: boolean }>> {
  const name = rawName.trim();
  if (name.length === 0) return { ok: false, errors: { name: 'a cycle needs a name, such as "2027 H1".' } };
  if (name.length > CYCLE_NAME_MAX) {
    return { ok: false, errors: { name: `"${name}" is ${name.length} characters; keep a cycle name to ${CYCLE_NAME_MAX}.` } };
  }
  if (!isCalendarDate(calibrationDate)) {
    return { ok: false, errors: { calibrationDate: `"${calibrationDate}" is not a calendar date written YYYY-MM-DD.` } };
  }
  const now = today(deps);
  if (cycleHasPassed(calibrationDate, now)) {
    return {
      ok: false,
      errors: { calibrationDate: `${calibrationDate} is not after today (${now}); a calibration people can aim for is in the future.` },
    };
  }
  const existed = (await deps.repos.settings.findCycle(name)) !== null;
  await deps.repos.settings.upsertCycle(name, calibrationDate);
  return { ok: true, value: { cycle: { name, calibrationDate }, created: !existed } };
}

export interface RemovedCycle {
  removed: CycleOverview;
  /** Defaults added straight after, so that two cycles stay ahead. */
  added: CycleSeed[];
}

/**
 * Removes a cycle nobody aims at, then rolls forward so two cycles stay ahead. The
 * latest cycle cannot go: the defaults roll forward from it and would bring it back.
 */
export async function removeCycle(deps: CycleDeps, name: string): Promise<CycleResult<RemovedCycle>> {
  const cycles = await listCycles(deps);
  const cycle = cycles.find((c) => c.name === name);
  if (!cycle) {
    const known = cycles.map((c) => `"${c.name}"`).join(', ') || 'none';
    return { ok: false, errors: { name: `there is no cycle called "${name}" (cycles: ${known}).` } };
  }
  if (cycle.profiles > 0) {
    return {
      ok: false,
      errors: {
        name: `"${name}" is the target of ${cycle.profiles} profile${cycle.profiles === 1 ? '' : 's'}; they must pick another cycle before it can go.`,
      },
    };
  }
  if (!cycle.past && cycles.every((c) => c.name === name || c.calibrationDate < cycle.calibrationDate)) {
    return {
      ok: false,
      errors: {
        name: `"${name}" is the latest cycle, and the defaults would roll forward to it again; move its date with "cycles set", or set a later cycle first.`,
      },
    };
  }
  await deps.repos.settings.removeCycle(name);
  return { ok: true, value: { removed: cycle, added: await rollCyclesForward(deps) } };
}

/**
 * Whether a user must pick a new cycle: theirs has had its calibration, or no longer
 * exists (null). Pure, so a delivery job can call it per due user without a query.
 */
export function needsNextCycle(calibrationDate: string | null, today: string): boolean {
  return calibrationDate === null || cycleHasPassed(calibrationDate, today);
}
