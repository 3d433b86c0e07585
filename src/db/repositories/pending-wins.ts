import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

export interface PendingWinRecord {
  id: string;
  sourceKey: string;
  /** The capture input as it was kept; the use case parses it. */
  input: unknown;
  createdAt: Date;
}

export function pendingWinsRepository(db: Db) {
  return {
    /** Keeps a win until its author onboards; false when this source key is already kept. */
    async keep(userId: string, sourceKey: string, input: Record<string, unknown>): Promise<boolean> {
      try {
        await db.user.upsert({ where: { id: userId }, create: { id: userId }, update: {} });
        await db.pendingWin.create({ data: { userId, sourceKey, input: input as object } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async listFor(userId: string): Promise<PendingWinRecord[]> {
      return db.pendingWin.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, sourceKey: true, input: true, createdAt: true },
      });
    },

    async remove(id: string): Promise<void> {
      await db.pendingWin.deleteMany({ where: { id } });
    },
  };
}

export type PendingWinsRepository = ReturnType<typeof pendingWinsRepository>;
