// What the optional LLM cost, for the operator: per user and task in a month, with the
// share of answers that were used (the rest left the rules' answer standing).
import type { LlmUsageRow } from '../db/index.js';
import type { Deps } from './deps.js';

export interface LlmUsageReport {
  month: string;
  rows: LlmUsageRow[];
  /** Tokens per user, both directions, highest first. */
  users: { userId: string; tokens: number }[];
  totals: { calls: number; used: number; promptTokens: number; completionTokens: number };
}

export async function llmUsageReport(deps: Pick<Deps, 'repos'>, month: string): Promise<LlmUsageReport> {
  const rows = await deps.repos.llmUsage.monthReport(month);
  const byUser = new Map<string, number>();
  for (const row of rows) byUser.set(row.userId, (byUser.get(row.userId) ?? 0) + row.promptTokens + row.completionTokens);
  return {
    month,
    rows,
    users: [...byUser].map(([userId, tokens]) => ({ userId, tokens })).sort((a, b) => b.tokens - a.tokens || a.userId.localeCompare(b.userId)),
    totals: rows.reduce(
      (t, r) => ({ calls: t.calls + r.calls, used: t.used + r.used, promptTokens: t.promptTokens + r.promptTokens, completionTokens: t.completionTokens + r.completionTokens }),
      { calls: 0, used: 0, promptTokens: 0, completionTokens: 0 },
    ),
  };
}
