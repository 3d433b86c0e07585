// A leveling guide ("ladder"): levels ordered by rank, and for each level the criteria
// that describe it, grouped by dimension. The default ladder and a company's own YAML
// ladder both produce this shape; every coaching rule reads it, none hard-codes levels.

export interface Dimension {
  /** Stable id, snake_case, e.g. "cross_team_collaboration". */
  id: string;
  /** Header used in docs and the Home tab, e.g. "Cross-team collaboration". */
  name: string;
  /** Optional one-line explanation shown next to the header. */
  description?: string;
}

export interface Criterion {
  /** Stable id, unique across the whole ladder, e.g. "senior.scope.multi_team". */
  id: string;
  dimensionId: string;
  /** What someone at this level does, observable, in one sentence. */
  text: string;
  /** Words and phrases that suggest a win shows this criterion (used for tagging). */
  keywords: string[];
}

export interface Level {
  /** Stable id, e.g. "senior". */
  id: string;
  /** Display name, e.g. "Senior Engineer". */
  name: string;
  /** Higher is more senior; unique within a ladder. */
  rank: number;
  /**
   * Other ways people say this level in conversation ("staff", "L6", "E6"), used to
   * spot the target level in an opening sentence. The name and id always count.
   */
  aliases?: string[];
  criteria: Criterion[];
}

export interface Ladder {
  name: string;
  dimensions: Dimension[];
  /** Sorted by rank, lowest first. */
  levels: Level[];
}
