import type { Db } from './client.js';

/** Distinct queries whose plans are kept; a plan is a few kilobytes. */
const PLANS_KEPT = 500;

/**
 * Longer queries are not kept: they carry many values (a page of the nudge fan-out names a
 * hundred users), never come again, and their plans are large.
 */
const LONGEST_KEPT_QUERY = 2_000;

/** How the cache has done since the process started: for tests and the benchmark. */
export const planCacheStats = { hits: 0, misses: 0 };

/**
 * Prisma 6.19's query compiler (WASM) turns every query into a plan afresh: a third of a
 * millisecond or more each, the largest single cost of a click in the CPU profiles. A plan
 * depends on nothing but the schema and the query, values included (ids and `now()` are
 * generated when the plan runs, not when it is made), so the same query asked again reuses
 * its plan: a user's next click on the same data, the next step of their prep, the reads
 * after a refused Home publish. Prisma 7 caches plans itself; drop this when moving to it.
 *
 * The hook is the client's compiler loader, which every client of a generated client
 * shares; a Prisma without it still works, only without the cache.
 */
export function cachePlans(prisma: Db): void {
  const compilerWasm = (prisma as unknown as { _engineConfig?: { compilerWasm?: CompilerLoader } })._engineConfig?.compilerWasm;
  if (!compilerWasm || hooked.has(compilerWasm)) return;
  hooked.add(compilerWasm);
  const getRuntime = compilerWasm.getRuntime.bind(compilerWasm);
  compilerWasm.getRuntime = async () => {
    const runtime = await getRuntime();
    const plans = new PlanCache(PLANS_KEPT);
    class CachingQueryCompiler extends runtime.QueryCompiler {
      override compile(query: string): unknown {
        const keep = query.length <= LONGEST_KEPT_QUERY;
        const known = keep ? plans.get(query) : undefined;
        if (known !== undefined) {
          planCacheStats.hits++;
          return known;
        }
        planCacheStats.misses++;
        const plan = super.compile(query);
        return keep ? plans.set(query, plan) : plan;
      }
    }
    return { ...runtime, QueryCompiler: CachingQueryCompiler };
  };
}

/**
 * The most recently used plans, by query text. Plans are frozen as they are kept, so the
 * query that runs one can never change it under the next.
 */
export class PlanCache {
  private readonly plans = new Map<string, unknown>();

  constructor(private readonly kept: number) {}

  get(query: string): unknown {
    const plan = this.plans.get(query);
    if (plan !== undefined) {
      // A Map iterates in insertion order: moving a hit to the end keeps the least used first.
      this.plans.delete(query);
      this.plans.set(query, plan);
    }
    return plan;
  }

  set(query: string, plan: unknown): unknown {
    if (this.plans.size >= this.kept) this.plans.delete(this.plans.keys().next().value as string);
    this.plans.set(query, deepFreeze(plan));
    return plan;
  }

  get size(): number {
    return this.plans.size;
  }
}

interface CompilerLoader {
  getRuntime(): Promise<{ QueryCompiler: new (...args: never[]) => { compile(query: string): unknown } }>;
}

const hooked = new WeakSet<CompilerLoader>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
