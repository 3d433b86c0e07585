import type { Ladder, Level } from './types.js';

// Small lookups every coaching rule needs. Ladders from YAML are sorted by rank on
// load, but these do not rely on it: a hand-built ladder in a test works too.

export function findLevel(ladder: Ladder, id: string): Level | undefined {
  const wanted = id.trim().toLowerCase();
  return ladder.levels.find((l) => l.id.toLowerCase() === wanted);
}

/** The next level up by rank, or undefined at the top (or for an unknown id). */
export function levelAbove(ladder: Ladder, id: string): Level | undefined {
  const current = findLevel(ladder, id);
  if (!current) return undefined;
  return [...ladder.levels].sort((a, b) => a.rank - b.rank).find((l) => l.rank > current.rank);
}

/** True when targetId ranks strictly above currentId; false if either is unknown. */
export function isAbove(ladder: Ladder, targetId: string, currentId: string): boolean {
  const target = findLevel(ladder, targetId);
  const current = findLevel(ladder, currentId);
  return target !== undefined && current !== undefined && target.rank > current.rank;
}

/** Finds a level by id, display name or alias ("staff", "Staff Engineer", "L6"). */
export function resolveLevel(ladder: Ladder, nameOrId: string): Level | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  return (
    findLevel(ladder, wanted) ??
    ladder.levels.find((l) => l.name.toLowerCase() === wanted) ??
    ladder.levels.find((l) => (l.aliases ?? []).some((a) => a.toLowerCase() === wanted))
  );
}
