// What `/promo doc` argues from: the user's latest prep case, their latest plan and their
// recent wins. Read-only; the prep and plan flows own writing them.
import type { Db } from '../client.js';

export interface DocPrepSource {
  examples: { winId: string | null; text: string; date: string | null; criterionId: string | null; behavior: string | null }[];
  gap: string | null;
  stretchProject: string | null;
  targetCycle: string | null;
}

export interface DocPlanSource {
  criteria: { text: string; dueDate: string | null; status: string; evidence: string[] }[];
}

export interface DocWinSource {
  id: string;
  text: string;
  date: string;
  criteria: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

export function docSourcesRepository(db: Db) {
  return {
    /** The latest finished prep, else the latest draft: what the engineer last argued. */
    async latestPrep(userId: string): Promise<DocPrepSource | null> {
      const row =
        (await db.prepDraft.findFirst({ where: { userId, status: 'done' }, orderBy: { updatedAt: 'desc' } })) ??
        (await db.prepDraft.findFirst({ where: { userId }, orderBy: { updatedAt: 'desc' } }));
      if (!row) return null;
      const examples = (Array.isArray(row.examples) ? row.examples : []).flatMap((raw) => {
        const e = (raw ?? {}) as Record<string, unknown>;
        const text = str(e.text);
        return text
          ? [{ winId: str(e.winId), text, date: str(e.date), criterionId: str(e.criterionId), behavior: str(e.behavior) }]
          : [];
      });
      return { examples, gap: row.gap, stretchProject: row.stretchProject, targetCycle: row.targetCycle };
    },

    /** The active plan, else the latest one that is not closed. */
    async latestPlan(userId: string): Promise<DocPlanSource | null> {
      const plan =
        (await db.plan.findFirst({ where: { userId, status: 'active' }, orderBy: { updatedAt: 'desc' }, include: { criteria: { orderBy: { position: 'asc' } } } })) ??
        (await db.plan.findFirst({ where: { userId, status: { not: 'closed' } }, orderBy: { updatedAt: 'desc' }, include: { criteria: { orderBy: { position: 'asc' } } } }));
      if (!plan) return null;
      return {
        criteria: plan.criteria.map((c) => ({
          text: c.text,
          dueDate: c.dueDate,
          status: c.status,
          evidence: Array.isArray(c.evidence) ? c.evidence.filter((x): x is string => typeof x === 'string') : [],
        })),
      };
    },

    /** Wins dated on or after `from`, newest first. */
    async winsSince(userId: string, from: string, limit: number): Promise<DocWinSource[]> {
      const rows = await db.win.findMany({
        where: { userId, date: { gte: from } },
        orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
        take: limit,
        select: { id: true, text: true, date: true, criteria: true, crossTeam: true, enabledOthers: true },
      });
      return rows.map((r) => ({ ...r, criteria: Array.isArray(r.criteria) ? r.criteria.filter((x): x is string => typeof x === 'string') : [] }));
    },
  };
}
