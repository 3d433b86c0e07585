// The org's settings and cycles, kept in this process: nearly every modal reads them, and
// they change a few times a year. Without this, each `/promo settings` or Home button
// paid two database round trips before views.open.
//
// Freshness across replicas is a short TTL, not a version check. A version check is
// still a read per interaction (the read this cache exists to remove), and cycles have
// no version to compare without a schema change; the operator CLI and the daily roll job
// write them from other processes. A one-second TTL costs each replica at most one
// settings read and one cycles read per second however busy it is, and another replica's
// change shows within a second: less than it takes a person to move to the next screen.
// A write through this process clears the entry at once, so a change is never stale
// where it was made.
import type { CycleRecord, OrgSettingsRecord } from '../db/index.js';
import type { SettingsRepository } from '../db/repositories/settings.js';

export const SETTINGS_TTL_MS = 1_000;

export interface CacheOptions {
  ttlMs?: number;
  /** Monotonic milliseconds; tests pass their own. */
  now?: () => number;
}

/** One value read through a loader, kept for a TTL, with concurrent misses sharing one load. */
export class TtlCell<T> {
  #value: { data: T; loadedAt: number } | null = null;
  #pending: Promise<T> | null = null;
  // Bumped by every clear(): a load that began before a write must not be kept as fresh.
  #generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<T> {
    const value = this.#value;
    if (value && this.now() - value.loadedAt < this.ttlMs) return value.data;
    this.#pending ??= this.#refresh();
    return this.#pending;
  }

  clear(): void {
    this.#generation += 1;
    this.#value = null;
    this.#pending = null;
  }

  async #refresh(): Promise<T> {
    const generation = this.#generation;
    // The age counts from when the read began: the data is at least that old.
    const startedAt = this.now();
    try {
      const data = await this.load();
      if (generation === this.#generation) this.#value = { data, loadedAt: startedAt };
      return data;
    } finally {
      if (generation === this.#generation) this.#pending = null;
    }
  }
}

/**
 * The settings repository with its org settings and cycles served from memory. Same
 * interface, so every reader (use cases, jobs, the CLI) gets the cache without knowing.
 */
export function cachedSettingsRepository(inner: SettingsRepository, options: CacheOptions = {}): SettingsRepository {
  const ttlMs = options.ttlMs ?? SETTINGS_TTL_MS;
  const now = options.now ?? (() => performance.now());
  const settings = new TtlCell(() => inner.get(), ttlMs, now);
  const cycles = new TtlCell(() => inner.listCycles(), ttlMs, now);
  // Callers get copies: a caller that edits what it read must not edit the cache.
  const copyCycle = (c: CycleRecord): CycleRecord => ({ ...c });
  const cleared = async <T>(cell: TtlCell<unknown>, write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      cell.clear();
    }
  };
  return {
    ...inner,
    async get(): Promise<OrgSettingsRecord> {
      return { ...(await settings.get()) };
    },
    update: (patch) => cleared(settings, inner.update(patch)),
    async listCycles() {
      return (await cycles.get()).map(copyCycle);
    },
    async findCycle(name) {
      const found = (await cycles.get()).find((c) => c.name === name);
      return found ? copyCycle(found) : null;
    },
    upsertCycle: (name, calibrationDate) => cleared(cycles, inner.upsertCycle(name, calibrationDate)),
    addCyclesOnce: (list) => cleared(cycles, inner.addCyclesOnce(list)),
    removeCycle: (name) => cleared(cycles, inner.removeCycle(name)),
  };
}
