import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

export type WinSource = 'modal' | 'dm' | 'command' | 'shortcut' | 'home' | 'nudge';

export interface WinRecord {
  id: string;
  userId: string;
  text: string;
  /** YYYY-MM-DD. */
  date: string;
  link: string | null;
  source: string;
  permalink: string | null;
  authorId: string | null;
  /** Ladder criterion ids. */
  criteria: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
  createdAt: Date;
}

export interface NewWin {
  userId: string;
  text: string;
  date: string;
  link?: string | null;
  source: WinSource;
  permalink?: string | null;
  authorId?: string | null;
  criteria: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
  /** What created it (a message ts, …): a second create with the same key stores nothing. */
  sourceKey?: string | null;
}

export interface WinChanges {
  text: string;
  date: string;
  link: string | null;
  criteria: string[];
  crossTeam: boolean;
  enabledOthers: boolean;
}

const winFields = {
  id: true,
  userId: true,
  text: true,
  date: true,
  link: true,
  source: true,
  permalink: true,
  authorId: true,
  criteria: true,
  crossTeam: true,
  enabledOthers: true,
  createdAt: true,
} as const;

type WinRow = Omit<WinRecord, 'criteria'> & { criteria: unknown };

// The Json column is typed `unknown` by Prisma; anything that is not a list of strings
// (a hand-edited row, an older format) reads as "no criteria" rather than crashing a view.
function parseCriteria(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
}

function toRecord(row: WinRow): WinRecord {
  return { ...row, criteria: parseCriteria(row.criteria) };
}

export function winsRepository(db: Db) {
  return {
    /**
     * Stores a win. Returns `created: false` with the win already stored under the same
     * source key: Slack retries, and a retry must not file the win twice.
     */
    async create(win: NewWin): Promise<{ created: boolean; win: WinRecord }> {
      const { userId, sourceKey = null, ...data } = win;
      try {
        const row = await db.$transaction(async (tx) => {
          await tx.user.upsert({ where: { id: userId }, create: { id: userId }, update: {} });
          return tx.win.create({ data: { userId, sourceKey, ...data }, select: winFields });
        });
        return { created: true, win: toRecord(row) };
      } catch (error) {
        if (!sourceKey || !isUniqueViolation(error)) throw error;
        const existing = await db.win.findUnique({ where: { sourceKey }, select: winFields });
        if (!existing) throw error;
        return { created: false, win: toRecord(existing) };
      }
    },

    /** The win, only if it belongs to this user: someone else's id reads as "not found". */
    async findOwned(userId: string, id: string): Promise<WinRecord | null> {
      const row = await db.win.findFirst({ where: { id, userId }, select: winFields });
      return row ? toRecord(row) : null;
    },

    /** Updates the user's own win; false when there is no such win of theirs. */
    async updateOwned(userId: string, id: string, changes: WinChanges): Promise<boolean> {
      const { count } = await db.win.updateMany({ where: { id, userId }, data: changes });
      return count > 0;
    },

    async deleteOwned(userId: string, id: string): Promise<boolean> {
      const { count } = await db.win.deleteMany({ where: { id, userId } });
      return count > 0;
    },

    /** Most recent first (by the win's date, then when it was logged). */
    async listRecent(userId: string, limit: number): Promise<WinRecord[]> {
      const rows = await db.win.findMany({
        where: { userId },
        orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
        take: limit,
        select: winFields,
      });
      return rows.map(toRecord);
    },

    /** The criteria of every win dated within [from, to], for coverage counts. */
    async criteriaBetween(userId: string, from: string, to: string): Promise<string[][]> {
      const rows = await db.win.findMany({
        where: { userId, date: { gte: from, lte: to } },
        select: { criteria: true },
      });
      return rows.map((row) => parseCriteria(row.criteria));
    },

    /** Marks an ISO week as answered with wins; a week answered "nothing" is upgraded. */
    async answerWins(userId: string, week: string): Promise<void> {
      await db.weekAnswer.upsert({
        where: { userId_week: { userId, week } },
        create: { userId, week, answer: 'wins' },
        update: { answer: 'wins' },
      });
    },

    /** The user's answered ISO weeks, newest first ("2026-W48" sorts as text). */
    async answeredWeeks(userId: string, limit: number): Promise<string[]> {
      const rows = await db.weekAnswer.findMany({
        where: { userId },
        orderBy: { week: 'desc' },
        take: limit,
        select: { week: true },
      });
      return rows.map((row) => row.week);
    },
  };
}

export type WinsRepository = ReturnType<typeof winsRepository>;
