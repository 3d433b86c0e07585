import type { Db } from '../client.js';

export type LlmUsageOutcome = 'used' | 'rejected' | 'failed';

export interface NewLlmUsage {
  userId: string;
  /** "YYYY-MM" (UTC). */
  month: string;
  task: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  outcome: LlmUsageOutcome;
}

export interface LlmUsageRow {
  userId: string;
  task: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  used: number;
}

export function llmUsageRepository(db: Db) {
  return {
    async record(usage: NewLlmUsage): Promise<void> {
      await db.llmUsage.create({ data: usage });
    },

    /** Tokens the user spent in the month, both directions. */
    async monthTokens(userId: string, month: string): Promise<number> {
      const sum = await db.llmUsage.aggregate({ where: { userId, month }, _sum: { promptTokens: true, completionTokens: true } });
      return (sum._sum.promptTokens ?? 0) + (sum._sum.completionTokens ?? 0);
    },

    /** The month's calls per user and task, with how many answers were used. */
    async monthReport(month: string): Promise<LlmUsageRow[]> {
      const [all, used] = await Promise.all([
        db.llmUsage.groupBy({
          by: ['userId', 'task'],
          where: { month },
          _count: { _all: true },
          _sum: { promptTokens: true, completionTokens: true },
          orderBy: [{ userId: 'asc' }, { task: 'asc' }],
        }),
        db.llmUsage.groupBy({ by: ['userId', 'task'], where: { month, outcome: 'used' }, _count: { _all: true } }),
      ]);
      const usedBy = new Map(used.map((u) => [`${u.userId}\u0000${u.task}`, u._count._all]));
      return all.map((row) => ({
        userId: row.userId,
        task: row.task,
        calls: row._count._all,
        promptTokens: row._sum.promptTokens ?? 0,
        completionTokens: row._sum.completionTokens ?? 0,
        used: usedBy.get(`${row.userId}\u0000${row.task}`) ?? 0,
      }));
    },
  };
}

export type LlmUsageRepository = ReturnType<typeof llmUsageRepository>;
