// Percentiles and ratios, the way every part of the bench reports them.

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** a / b, rounded; the bench's figures are ratios to a baseline measured in the same run. */
export const ratio = (a: number, b: number) => round(a / b);
