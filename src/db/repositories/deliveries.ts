import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';

export type DeliveryKind = 'weekly_nudge' | 'snooze_nudge' | 'meeting_reminder' | 'meeting_followup' | 'checkin';

export interface DeliveryClaim {
  id: string;
  userId: string;
  kind: DeliveryKind;
  period: string;
  attempts: number;
}

export interface ClaimOptions {
  now: Date;
  /**
   * A claim still unsent after this long is taken to be from a process that died
   * between claiming and sending, and may be claimed again: retried, not lost.
   */
  leaseMs: number;
  /** Give up on a message after this many tries (errors from Slack, crashes). */
  maxAttempts: number;
}

export function deliveriesRepository(db: Db) {
  return {
    /**
     * Claims the right to send one message of this kind to this user for this period.
     * Exactly one caller wins, across replicas: the row is unique per (user, kind, period).
     * Returns null when someone else has it, or it was already sent.
     */
    async claim(userId: string, kind: DeliveryKind, period: string, options: ClaimOptions): Promise<DeliveryClaim | null> {
      try {
        const row = await db.delivery.create({ data: { userId, kind, period, claimedAt: options.now } });
        return { id: row.id, userId, kind, period, attempts: row.attempts };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Taken before: re-claim only a stale claim or a failed send, in one conditional update.
      const staleBefore = new Date(options.now.getTime() - options.leaseMs);
      const { count } = await db.delivery.updateMany({
        where: {
          userId,
          kind,
          period,
          attempts: { lt: options.maxAttempts },
          OR: [{ status: 'claimed', claimedAt: { lt: staleBefore } }, { status: 'failed' }],
        },
        data: { status: 'claimed', claimedAt: options.now, attempts: { increment: 1 }, error: null },
      });
      if (count === 0) return null;
      const row = await db.delivery.findUniqueOrThrow({ where: { userId_kind_period: { userId, kind, period } } });
      return { id: row.id, userId, kind, period, attempts: row.attempts };
    },

    async markSent(id: string, sent: { channelId: string; messageTs?: string; at: Date }): Promise<void> {
      await db.delivery.update({
        where: { id },
        data: { status: 'sent', sentAt: sent.at, channelId: sent.channelId, messageTs: sent.messageTs ?? null },
      });
    },

    async markFailed(id: string, error: string): Promise<void> {
      await db.delivery.update({ where: { id }, data: { status: 'failed', error: error.slice(0, 500) } });
    },

    async find(userId: string, kind: DeliveryKind, period: string) {
      return db.delivery.findUnique({
        where: { userId_kind_period: { userId, kind, period } },
        select: { id: true, status: true, attempts: true, sentAt: true, channelId: true, messageTs: true },
      });
    },
  };
}

export type DeliveriesRepository = ReturnType<typeof deliveriesRepository>;
